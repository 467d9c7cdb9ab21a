/**
 * A session the server has forgotten (expired, signed out elsewhere, a backend restarted
 * with a fresh database) while the app still thinks it is signed in. Whatever call meets
 * the 401 first, the app signs out once, says so, sends an account page to sign-in with
 * the way back, and keeps what the user typed. In standard and elder mode.
 */
import { auditScreen } from './audit';
import {
  createSubscriber,
  endSessions,
  expect,
  navigateInApp,
  openApp,
  presetPrefs,
  signIn,
  test,
  uniquePhone,
} from './fixtures';
import { MODES } from './screens';

/** Every page that needs an account. */
const ACCOUNT_PAGES = [
  '/me',
  '/me/family',
  '/care',
  '/care/preferences',
  '/care/report',
  '/me/tier',
  '/me/callback',
  '/me/privacy',
  '/mall/points',
  '/mall/orders',
  '/mall/orders/1',
  '/mall/charity/1',
  '/feedback/surveys/1',
];

const EXPIRED = '登录已过期，请重新登录。';

for (const mode of MODES) {
  test(`each account page meets a forgotten session with sign-in and the way back (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    const phone = uniquePhone();
    await createSubscriber(baseURL!, { phone, points: 500, name: '测试用户' });
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, phone);
    for (const path of ACCOUNT_PAGES) {
      await openApp(page, '/');
      await expect(page.getByRole('heading', { level: 2, name: /测试用户/ })).toBeVisible();
      await endSessions(baseURL!, phone);
      await navigateInApp(page, path);
      await expect(page, `${path} sends a signed-out user to sign in`).toHaveURL(
        (url) => url.pathname === '/sign-in' && url.searchParams.get('next') === path,
      );
      await expect(page.getByRole('status').filter({ hasText: EXPIRED })).toBeVisible();
      if (path === ACCOUNT_PAGES[0]) await auditScreen(page, `${mode.name}: sign-in after expiry`, { soft: true });
      await signIn(page, phone);
      await expect(page, `signing in again comes back to ${path}`).toHaveURL((url) => url.pathname === path);
    }
  });

  test(`an amount typed before the session was forgotten is still there after signing in again (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    const phone = uniquePhone();
    await createSubscriber(baseURL!, { phone, points: 500 });
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, phone);
    await openApp(page, '/mall/charity/1');
    await page.getByLabel('或者自己填数量').fill('37');
    await page.getByRole('button', { name: '下一步' }).click();
    await endSessions(baseURL!, phone);
    await page.getByRole('button', { name: '确认捐出' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/mall/charity/1');
    await expect(page.getByRole('status').filter({ hasText: EXPIRED })).toBeVisible();
    await signIn(page, phone);
    await expect(page).toHaveURL(/\/mall\/charity\/1$/);
    await expect(page.getByLabel('或者自己填数量')).toHaveValue('37');
  });
}

test('a public page meets a forgotten session by showing itself signed out, and says why', async ({ page, context, baseURL }) => {
  const phone = uniquePhone();
  await createSubscriber(baseURL!, { phone, points: 5000 });
  await presetPrefs(context);
  await signIn(page, phone);
  await openApp(page, '/');
  await endSessions(baseURL!, phone);
  await navigateInApp(page, '/mall');
  await expect(page.getByRole('status').filter({ hasText: EXPIRED })).toBeVisible();
  await expect(page).toHaveURL(/\/mall$/);
  await expect(page.getByRole('main').getByRole('link', { name: '登录' })).toBeVisible();
});
