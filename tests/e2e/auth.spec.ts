/** Sign-in, the protected "me" page, privacy of the phone number, sign-out. */
import { auditScreen } from './audit';
import { DEMO_CODE, expect, openApp, presetPrefs, signIn, test, USERS, waitForApp } from './fixtures';
import { mainNav, MODES, pageTitle } from './screens';
import type { Page } from '@playwright/test';

const SIGN_IN_NEXT_ME = /\/sign-in\?next=(%2Fme|\/me)$/;

/** Neither the visible text nor the markup (attributes included) may hold the full number. */
async function expectNoFullNumber(page: Page, phone: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.includes(phone), `the page text shows the full number ${phone}`).toBe(false);
  const markup = await page.content();
  expect(markup.includes(phone), `the page markup holds the full number ${phone}`).toBe(false);
}

for (const mode of MODES) {
  test.describe(`sign-in in ${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('/me while signed out goes to sign-in, then back to /me after signing in', async ({ page }) => {
      await openApp(page, '/me');
      await expect(page).toHaveURL(SIGN_IN_NEXT_ME);
      await expect(pageTitle(page)).toHaveText('登录');
      await expect(page.getByRole('note').filter({ hasText: DEMO_CODE })).toBeVisible();
      await auditScreen(page, `${mode.name}: sign-in`, { soft: true });

      await page.getByLabel('手机号').fill(USERS.zhang.phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      const sent = page.getByRole('status').filter({ hasText: '验证码已发送到' });
      await expect(sent).toContainText(USERS.zhang.masked);
      await auditScreen(page, `${mode.name}: sign-in, code sent`, { soft: true });

      await page.getByLabel('验证码').fill(DEMO_CODE);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await expect(page).toHaveURL(/\/me$/);
      await expect(pageTitle(page)).toHaveText('我的');
      await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible();
      await expect(mainNav(page).getByRole('link', { name: '我的' })).toHaveAttribute('aria-current', 'page');
      await auditScreen(page, `${mode.name}: me (张小明)`, { soft: true });
    });

    test('a wrong code is explained next to the code field', async ({ page }) => {
      await openApp(page, '/sign-in');
      await page.getByLabel('手机号').fill(USERS.zhang.phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await expect(page.getByText(/验证码已发送到/)).toBeVisible();
      await page.getByLabel('验证码').fill('135790');
      await page.getByRole('button', { name: '登录', exact: true }).click();

      const codeInput = page.getByLabel('验证码');
      const message = page.getByText('验证码不对，请再看一下短信。');
      await expect(message).toBeVisible();
      await expect(codeInput).toHaveAttribute('aria-invalid', 'true');
      await expect(codeInput).toHaveAccessibleDescription(/验证码不对，请再看一下短信。/);
      await expect(page.getByLabel('手机号')).toHaveAttribute('aria-invalid', 'false');
      // Next to it: just below the field, not somewhere else on the page.
      const field = (await codeInput.boundingBox())!;
      const text = (await message.boundingBox())!;
      expect(text.y - (field.y + field.height), 'distance from the code field to its error (px)').toBeLessThan(80);
      expect(text.y, 'the error is below the field').toBeGreaterThanOrEqual(field.y + field.height - 1);
      // The user's input is kept.
      await expect(page.getByLabel('手机号')).toHaveValue(USERS.zhang.phone);
      await expect(page).toHaveURL(/\/sign-in/);
      await auditScreen(page, `${mode.name}: sign-in, wrong code`, { soft: true });
    });

    test('a malformed phone number is explained next to the phone field', async ({ page }) => {
      await openApp(page, '/sign-in');
      await page.getByLabel('手机号').fill('1380013');
      await page.getByRole('button', { name: '获取验证码' }).click();
      const phoneInput = page.getByLabel('手机号');
      await expect(page.getByText('手机号是 11 位数字，请检查一下。')).toBeVisible();
      await expect(phoneInput).toHaveAttribute('aria-invalid', 'true');
      await expect(phoneInput).toHaveAccessibleDescription(/手机号是 11 位数字，请检查一下。/);
      await expect(phoneInput).toHaveValue('1380013');
      await expect(page.getByText(/验证码已发送到/)).toHaveCount(0);
      await auditScreen(page, `${mode.name}: sign-in, bad phone`, { soft: true });
    });
  });
}

test('the profile shows a masked phone number and never the full one', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await openApp(page, '/me');
  await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible();
  await expect(page.getByText(USERS.zhang.masked)).toBeVisible();
  await expect(page.getByText(`${USERS.zhang.stars} 星级客户`)).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '设置', exact: true })).toHaveAttribute('href', '/me/settings');
  await expect(page.getByRole('main').getByRole('link', { name: '搜索功能和设置' })).toHaveAttribute('href', '/search');
  await expectNoFullNumber(page, USERS.zhang.phone);

  // Home greets by name and does not show the number either.
  await openApp(page, '/');
  await expect(page.getByRole('heading', { level: 2, name: /^张小明，(早上好|下午好|晚上好)$/ })).toBeVisible();
  await expectNoFullNumber(page, USERS.zhang.phone);
});

test('sign-out shows a notice, lands on home, and /me asks for sign-in again', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await openApp(page, '/me');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page, 'sign-out lands on home').toHaveURL(/\/$/);
  await expect(page.getByText('您已退出登录。')).toBeVisible();
  await expect(pageTitle(page)).toHaveText('首页');
  await expect(page.getByRole('heading', { level: 2, name: '您好，欢迎来到暖心关怀' })).toBeVisible();
  await auditScreen(page, 'home after sign-out, with the toast', { soft: true });

  await mainNav(page).getByRole('link', { name: '我的' }).click();
  await expect(page).toHaveURL(SIGN_IN_NEXT_ME);
  // Also after a full reload: the session cookie is gone.
  await openApp(page, '/me');
  await expect(page).toHaveURL(SIGN_IN_NEXT_ME);
});

for (const mode of MODES) {
  test(`王秀英 (70) sees the family call link on home and on me (${mode.name} mode)`, async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, USERS.wang.phone);
    await openApp(page, '/');
    await expect(page.getByRole('heading', { level: 2, name: /^王秀英，/ })).toBeVisible();
    if (mode.elder) {
      // The elder home's tiles call a person; her family is one tap further, in help.
      await expect(page.getByRole('main').getByRole('link', { name: '人工客服 10000' })).toHaveAttribute('href', 'tel:10000');
      await page.locator('header').getByRole('button', { name: '求助' }).click();
    }
    const homeCall = page.getByRole(mode.elder ? 'dialog' : 'main').getByRole('link', { name: /呼叫亲情号：女儿/ });
    await expect(homeCall).toBeVisible();
    await expect(homeCall).toHaveAttribute('href', `tel:${USERS.wang.family.phone}`);
    await expect(page.getByRole(mode.elder ? 'dialog' : 'main').getByRole('link', { name: /拨打人工客服 10000/ })).toHaveAttribute('href', 'tel:10000');
    await auditScreen(page, `${mode.name}: home (王秀英)`, { soft: true });

    await openApp(page, '/me');
    await expect(page.getByRole('heading', { level: 2, name: USERS.wang.name })).toBeVisible();
    const meCall = page.getByRole('main').getByRole('link', { name: /呼叫亲情号：女儿/ });
    await expect(meCall).toHaveAttribute('href', `tel:${USERS.wang.family.phone}`);
    await expectNoFullNumber(page, USERS.wang.phone);
    await auditScreen(page, `${mode.name}: me (王秀英)`, { soft: true });
  });
}

test('a new phone number gets a new account on first sign-in', async ({ page, context }) => {
  await presetPrefs(context);
  const phone = `1355${String(Date.now()).slice(-7)}`;
  await openApp(page, '/me');
  await expect(page).toHaveURL(SIGN_IN_NEXT_ME);
  await signIn(page, phone);
  await expect(page).toHaveURL(/\/me$/);
  await waitForApp(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)).toBeVisible();
  await expectNoFullNumber(page, phone);
});
