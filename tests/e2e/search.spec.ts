/**
 * 搜索: the search (from the home page and 我的) finds elder mode by each name elderly users give it (长辈版,
 * 关怀版, 关爱版, 亲情版) and switches it right in the result; plain words (积分, 投诉, 话费)
 * lead to their pages (注销, 星级 and 回电 too); back from a result returns to the same words. Both modes, zh-CN,
 * with axe and the mode's audit.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { createSubscriber, DEMO_CODE, expect, openApp, presetPrefs, signIn, test, uniquePhone, USERS } from './fixtures';
import { expectElderOn, headerElderSwitch, MODES, pageTitle } from './screens';

const field = (page: Page) => page.getByRole('searchbox', { name: '搜索功能和设置' });
const results = (page: Page) => page.getByRole('main').getByRole('listitem');
const firstResult = (page: Page) => results(page).first();
const searchStatus = (page: Page) => page.locator('#app-search-status');

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('every name of elder mode finds it first, and its switch works in the result', async ({ page }) => {
      if (mode.elder) {
        // The elder home is six tiles and no search field; the search stays at /search.
        await openApp(page, '/search');
      } else {
        await openApp(page, '/');
        await page.getByRole('main').getByRole('link', { name: '搜索功能和设置' }).click();
      }
      await expect(pageTitle(page)).toHaveText('搜索');
      await expect(field(page)).toBeVisible();
      await expect(page.getByRole('button', { name: '长辈版' })).toBeVisible();
      await auditScreen(page, `${mode.name}: search, nothing typed`, { soft: true });

      for (const name of ['长辈版', '关怀版', '关爱版', '亲情版']) {
        await field(page).fill(name);
        await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText('长辈版');
        await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(name)}$`));
      }
      await auditScreen(page, `${mode.name}: search results`, { soft: true });

      const inResult = firstResult(page).getByRole('switch', { name: '长辈版' });
      await expect(inResult).toHaveAttribute('aria-checked', String(mode.elder));
      await inResult.click();
      await expect(inResult).toHaveAttribute('aria-checked', String(!mode.elder));
      await expect(headerElderSwitch(page)).toHaveAttribute('aria-checked', String(!mode.elder));
      await expectElderOn(page, !mode.elder);
    });

    test('plain words lead to their pages, and back returns to the same words', async ({ page, baseURL }) => {
      const phone = uniquePhone();
      await createSubscriber(baseURL!, { phone, points: 500, starLevel: 3 });
      await signIn(page, phone);
      await openApp(page, '/search');
      const cases = [
        { words: '积分', title: '积分明细', path: /\/mall\/points$/ },
        { words: '投诉', title: '我要投诉', path: /\/feedback\/new\?kind=complaint$/ },
        { words: '话费', title: '积分兑话费', path: /\/mall\?category=phone_credit$/ },
        { words: '注销', title: '隐私中心', path: /\/me\/privacy$/ },
        { words: '星级', title: '会员等级和权益', path: /\/me\/tier$/ },
        { words: '回电', title: '人工客服', path: /\/me\/callback$/ },
      ];
      for (const c of cases) {
        await field(page).fill(c.words);
        await expect(searchStatus(page)).toContainText(/找到 \d+ 项/);
        await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText(c.title);
        await firstResult(page).getByRole('link', { name: '去看看' }).click();
        await expect(page).toHaveURL(c.path);
        await page.goBack();
        await expect(field(page)).toHaveValue(c.words);
        await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText(c.title);
      }
      // A phrase finds the complaint form, which opens with its kind chosen.
      await field(page).fill('我要投诉');
      await firstResult(page).getByRole('link', { name: '去看看' }).click();
      await expect(page.getByRole('radio', { name: '投诉' })).toBeChecked();
    });

    test('words that find nothing say so, with another way to ask', async ({ page }) => {
      await openApp(page, '/search?q=%E9%87%8F%E5%AD%90');
      await expect(field(page)).toHaveValue('量子');
      await expect(searchStatus(page)).toHaveText('没有找到“量子”。换个说法试试，或者直接打客服电话问我们。');
      await expect(results(page)).toHaveCount(0);
      // A suggestion fills the field and searches.
      await field(page).fill('');
      await page.getByRole('button', { name: '话费' }).click();
      await expect(field(page)).toHaveValue('话费');
      await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText('积分兑话费');
    });
  });
}

test('in English, English words find the same things', async ({ page, context }) => {
  await presetPrefs(context, { locale: 'en' });
  await openApp(page, '/search');
  const box = page.getByRole('searchbox', { name: 'Search features and settings' });
  await box.fill('elder mode');
  await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText('Elder mode');
  await box.fill('top up');
  await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText('Points for phone credit');
  await expect(searchStatus(page)).toHaveText(/^\d+ results?$/);
  await box.fill('长辈版');
  await expect(firstResult(page).getByRole('heading', { level: 2 })).toHaveText('Elder mode');
});

test('signed out, a page that needs an account asks to sign in, back returns to the search, and signing in opens the page with its query', async ({ page, context }) => {
  await presetPrefs(context);
  await openApp(page, '/search?q=%E6%8A%95%E8%AF%89');
  await firstResult(page).getByRole('link', { name: '去看看' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=\/feedback\/new%3Fkind%3Dcomplaint$/);
  // The sign-in form took the place of the form that needed it: back is the search,
  // not the form sending the user to sign-in again.
  await page.goBack();
  await expect(field(page)).toHaveValue('投诉');
  await firstResult(page).getByRole('link', { name: '去看看' }).click();
  await page.getByLabel('手机号').fill(USERS.wang.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('验证码').fill(DEMO_CODE);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/feedback\/new\?kind=complaint$/);
  await expect(page.getByRole('radio', { name: '投诉' })).toBeChecked();
});
