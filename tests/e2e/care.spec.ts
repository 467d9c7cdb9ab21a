/**
 * 关怀: the personal home (today's moment, points, unread messages), the care inbox with a
 * birthday gift claimed exactly once, the message settings (a topic switched off sends
 * nothing) and the quarterly service report. Both modes, zh-CN, axe and the mode's audit on
 * every screen, a fresh subscriber per test.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import {
  chinaToday,
  createSubscriber,
  expect,
  navigateInApp,
  openApp,
  presetPrefs,
  PREFS_KEY,
  signIn,
  test,
  uniquePhone,
  USERS,
} from './fixtures';
import { MODES, pageTitle } from './screens';

const message = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
const topic = (page: Page, name: string) =>
  page.getByRole('region', { name, exact: true });

/** The last quarter that has ended, as the report names it: [year, quarter]. */
function lastFullQuarter(): [number, number] {
  const [year, month] = chinaToday().split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3) + 1;
  return quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
}

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('on my birthday home greets me and the gift is claimed once', async ({ page, baseURL }) => {
      const phone = uniquePhone();
      await createSubscriber(baseURL!, { phone, points: 0, name: '寿星', birthday: chinaToday() });
      await signIn(page, phone);
      await openApp(page, '/');

      const birthday = page.getByRole('region', { name: '生日快乐！' });
      await expect(birthday).toBeVisible();
      await expect(birthday.getByText('200 积分生日礼包等您领取')).toBeVisible();
      const summary = page.getByRole('region', { name: '我的概况' });
      await expect(summary.getByRole('link', { name: /^0 积分/ })).toHaveAttribute('href', '/mall/ledger');
      await expect(summary.getByRole('link', { name: /条未读关怀消息/ })).toBeVisible();
      await auditScreen(page, `${mode.name}: home on a birthday`, { soft: true });

      await birthday.getByRole('link', { name: '去领取' }).click();
      await expect(pageTitle(page)).toHaveText('关怀消息');
      const gift = message(page, '生日快乐！');
      await expect(gift.getByText('未读')).toBeVisible();
      await auditScreen(page, `${mode.name}: care inbox with a gift`, { soft: true });

      // Two quick taps, one payment: the button goes away while the first is on its way.
      const claim = gift.getByRole('button', { name: '领取 200 积分' });
      await claim.click();
      await claim.click({ timeout: 500 }).catch(() => undefined);
      await expect(gift.getByText('领取成功，200 积分已到账。')).toBeVisible();
      await expect(gift.getByRole('button', { name: /领取/ })).toHaveCount(0);

      // Asked again directly, the server answers the first claim.
      const id = Number((await gift.getAttribute('aria-labelledby'))!.replace('care-message-', ''));
      const again = await page.request.post(`/api/care/inbox/${id}/claim`);
      expect(again.status()).toBe(200);
      expect(await again.json()).toMatchObject({ points: 200, claimed_now: false });

      // Home: 200 points, and the messages seen are read.
      await navigateInApp(page, '/');
      await expect(summary.getByRole('link', { name: /^200 积分/ })).toBeVisible();
      await expect(summary.getByRole('link', { name: '关怀消息：没有未读' })).toBeVisible();
      // The inbox again: claimed, no button, no longer new.
      await openApp(page, '/care');
      await expect(gift.getByText('已领取 200 积分')).toBeVisible();
      await expect(gift.getByRole('button')).toHaveCount(0);
      await expect(gift.getByText('未读')).toHaveCount(0);
      const ledger = await page.request.get('/api/mall/ledger?page=1&per_page=20&kind=birthday_gift');
      expect((await ledger.json()).total).toBe(1);
    });

    test('a topic switched off sends nothing, and offers start off', async ({ page, baseURL }) => {
      const phone = uniquePhone();
      await createSubscriber(baseURL!, { phone, points: 0 });
      await signIn(page, phone);
      await openApp(page, '/me');
      await page.getByRole('link', { name: '消息设置' }).click();
      await expect(pageTitle(page)).toHaveText('消息设置');
      const offers = topic(page, '优惠活动');
      await expect(offers.getByRole('switch', { name: '接收这类消息' })).toHaveAttribute('aria-checked', 'false');
      await expect(offers.getByText('已关闭，不会再收到这类消息。')).toBeVisible();
      await auditScreen(page, `${mode.name}: message settings`, { soft: true });

      const care = topic(page, '关怀问候');
      const careSwitch = care.getByRole('switch', { name: '接收这类消息' });
      await expect(careSwitch).toHaveAttribute('aria-checked', 'true');
      await care.getByLabel('每周最多').selectOption('5');
      await expect(care.getByText('已保存：关怀问候')).toBeVisible();
      await careSwitch.click();
      await expect(careSwitch).toHaveAttribute('aria-checked', 'false');
      await expect(care.getByText('已保存：关怀问候')).toBeVisible();

      // Kept: after a reload the switch is still off.
      await page.reload();
      await expect(topic(page, '关怀问候').getByRole('switch')).toHaveAttribute('aria-checked', 'false');
      const saved = await (await page.request.get('/api/care/preferences')).json();
      expect(saved.topics.find((t: { topic: string }) => t.topic === 'care')).toMatchObject({
        enabled: false,
        max_per_week: 5,
      });

      // Today becomes the subscriber's birthday: care is off, so no message and no gift.
      await createSubscriber(baseURL!, { phone, points: 0, birthday: chinaToday() });
      await openApp(page, '/care');
      await expect(page.getByRole('heading', { level: 2, name: '关怀消息' })).toBeVisible();
      await expect(message(page, '生日快乐！')).toHaveCount(0);
      await openApp(page, '/');
      await expect(page.getByRole('region', { name: '我的概况' })).toBeVisible();
      await expect(page.getByRole('link', { name: '去领取' })).toHaveCount(0);
    });

    test('the quarterly report: numbers, a chart with the same numbers, other quarters', async ({ page, baseURL }) => {
      const phone = uniquePhone();
      await createSubscriber(baseURL!, { phone, points: 0 });
      await signIn(page, phone);
      const [year, quarter] = lastFullQuarter();
      await openApp(page, '/care');
      await page.getByRole('link', { name: '我的服务报告' }).click();
      await expect(pageTitle(page)).toHaveText('服务报告');
      await expect(page.getByRole('heading', { level: 2, name: `${year} 年第 ${quarter} 季度，您和我们的点点滴滴。` })).toBeVisible();
      await expect(page.getByRole('table', { name: '每月积分：获得和使用' }).getByRole('row')).toHaveCount(4);
      // The latest report has no later one; an earlier one is a tap away.
      await expect(page.getByRole('link', { name: '下个季度' })).toHaveCount(0);
      await auditScreen(page, `${mode.name}: service report`, { soft: true });
      await page.getByRole('link', { name: '上个季度' }).click();
      const [py, pq] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
      await expect(page).toHaveURL(new RegExp(`/care/report\\?year=${py}&quarter=${pq}$`));
      await expect(page.getByRole('heading', { level: 2, name: `${py} 年第 ${pq} 季度，您和我们的点点滴滴。` })).toBeVisible();
      await expect(page.getByRole('link', { name: '下个季度' })).toBeVisible();

      // The quarter still running has no report yet, and says so.
      const [nowYear, nowQuarter] = quarter === 4 ? [year + 1, 1] : [year, quarter + 1];
      await openApp(page, `/care/report?year=${nowYear}&quarter=${nowQuarter}`);
      await expect(page.getByText('这个季度还没结束，结束后就能看报告了。')).toBeVisible();
      await page.getByRole('link', { name: '我的服务报告' }).click();
      await expect(page.getByRole('heading', { level: 2, name: `${year} 年第 ${quarter} 季度，您和我们的点点滴滴。` })).toBeVisible();
    });
  });
}

test('a notice leads to its ticket, and English words every message', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await openApp(page, '/care');
  const answered = message(page, '您的工单有了答复');
  await expect(answered).toBeVisible();
  await answered.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(/\/feedback\/tickets\/\d+$/);
  await expect(pageTitle(page)).toHaveText('工单详情');

  await page.evaluate((key) => {
    const prefs = JSON.parse(localStorage.getItem(key) ?? '{}');
    localStorage.setItem(key, JSON.stringify({ ...prefs, locale: 'en' }));
  }, PREFS_KEY);
  await openApp(page, '/care');
  await expect(pageTitle(page)).toHaveText('Care messages');
  await expect(message(page, 'Your ticket has an answer')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Message settings' })).toBeVisible();
});
