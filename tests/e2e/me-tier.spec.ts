/**
 * 会员等级: the star level, the value band, the progress to the next level (a bar with its
 * words), and each level's benefits, reached from the star line on 我的. Both modes, zh-CN
 * and English, with axe and the mode's audit.
 */
import { auditScreen } from './audit';
import { createSubscriber, expect, openApp, presetPrefs, signIn, test, uniquePhone } from './fixtures';
import { MODES, pageTitle } from './screens';

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test('the tier page shows the level, the progress in words and every level\'s benefits', async ({ page, context, baseURL }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
      const phone = uniquePhone();
      // Level 3 starts at a score of 60; level 4 at 70.
      await createSubscriber(baseURL!, { phone, starLevel: 3 });
      await signIn(page, phone);
      await openApp(page, '/me');
      await page.getByRole('link', { name: '3 星级客户' }).click();
      await expect(pageTitle(page)).toHaveText('会员等级');
      await expect(page.getByRole('heading', { level: 2, name: '3 星（共 7 星）' })).toBeVisible();
      await expect(page.getByText('价值分 60 分（满分 100）')).toBeVisible();
      await expect(page.getByText('中等价值客户（50–69 分）').first()).toBeVisible();

      const bar = page.getByRole('progressbar', { name: '距离下一星级的进度' });
      await expect(bar).toHaveAttribute('aria-valuenow', '0');
      await expect(bar).toHaveAttribute('aria-valuetext', '还差 10 分升到 4 星（4 星从 70 分起）');
      await expect(page.getByText('还差 10 分升到 4 星（4 星从 70 分起）')).toBeVisible();
      await expect(page.getByText('已完成 0%')).toBeVisible();

      // My benefits: level 3's three.
      const mine = page.getByRole('region', { name: '我现在的权益' });
      await expect(mine.getByRole('listitem')).toHaveCount(3);
      await expect(mine.getByText('生日特权：欠费当天不停机')).toBeVisible();

      // The ladder: seven levels, mine marked in words.
      const ladder = page.getByRole('region', { name: '各星级的权益' });
      await expect(ladder.getByRole('heading', { level: 3 })).toHaveCount(7);
      const here = ladder.locator('[aria-current="true"]');
      await expect(here.getByRole('heading', { level: 3 })).toContainText('3 星');
      await expect(here).toContainText('您在这一级');
      await expect(ladder.getByText('专属客户经理').first()).toBeVisible();
      await auditScreen(page, `${mode.name}: tier`, { soft: true });
    });

    test('the tier page in English', async ({ page, context, baseURL }) => {
      await presetPrefs(context, { elder_mode: mode.elder, locale: 'en' });
      const phone = uniquePhone();
      await createSubscriber(baseURL!, { phone, starLevel: 5 });
      await signIn(page, phone);
      await openApp(page, '/me/tier');
      await expect(pageTitle(page)).toHaveText('My level');
      await expect(page.getByRole('heading', { level: 2, name: '5 stars (of 7)' })).toBeVisible();
      await expect(page.getByText('10 more points to reach 6 stars (6 stars start at 90)')).toBeVisible();
      await expect(page.getByText('Served first in stores and on the hotline').first()).toBeVisible();
      await auditScreen(page, `${mode.name}: tier, English`, { soft: true });
    });
  });
}
