/**
 * The backend's fault switch makes it fail, answer broken JSON or stall: the app must show
 * an error in words with a retry, never a blank page, and keep the user's input.
 */
import { auditScreen } from './audit';
import {
  chinaToday,
  clearFaults,
  createSubscriber,
  expect,
  openApp,
  presetPrefs,
  setFault,
  signIn,
  test,
  uniquePhone,
  USERS,
  waitForApp,
} from './fixtures';
import { MODES, pageTitle } from './screens';
import type { Page } from '@playwright/test';

const errorAlert = (page: Page) =>
  page.getByRole('alert').filter({ has: page.getByRole('heading', { name: '出了点问题' }) });

for (const mode of MODES) {
  test(`/api/me failing shows an error with a retry that recovers (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, USERS.zhang.phone);
    await openApp(page, '/me');
    await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible();

    await setFault(baseURL!, { path: '/api/me', mode: 'error' });
    await page.reload();
    await waitForApp(page);
    const alert = errorAlert(page);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('服务器暂时出了问题，我们正在处理，请稍后重试。');
    await expect(page, 'a server error must not look like being signed out').toHaveURL(/\/me$/);
    await expect(pageTitle(page)).toHaveText('我的');
    await auditScreen(page, `${mode.name}: me, server error`, { soft: true });

    await clearFaults(baseURL!);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible();
    await expect(errorAlert(page)).toHaveCount(0);
  });
}

test('/api/me answering broken JSON shows the error too', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await setFault(baseURL!, { path: '/api/me', mode: 'malformed', method: 'GET' });
  await openApp(page, '/me');
  const alert = errorAlert(page);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('收到的数据有问题，请稍后重试。');
  await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
  await expect(page).toHaveURL(/\/me$/);

  await clearFaults(baseURL!);
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible();
});

test('/api/me stalling past the client timeout shows the timeout message', async ({ page, context, baseURL }) => {
  // The page's timers run on Playwright's clock: the client's 10 s limit is checked by
  // moving that clock, not by measuring a loaded machine's wall clock.
  await page.clock.install();
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  // 15 s of real time: far past the client's limit on the page's moved clock, and short
  // enough that a stalled request still in flight (a prefetch nobody aborts) has answered
  // before the retry below waits on it (it once made the retry time out in a full run).
  await setFault(baseURL!, { path: '/api/me', mode: 'stall', stall_ms: 15_000 });
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/me');
  await page.goto('/me');
  await waitForApp(page);
  await asked;
  // Stop the clock a second after the request left, then move it by hand: 8.5 s after
  // asking the app still waits, 11.5 s after it has given up.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  const alert = errorAlert(page);
  await page.clock.fastForward(7_500);
  await expect(page.getByRole('status').filter({ hasText: '正在加载' }).first()).toBeVisible();
  await expect(alert, 'still waiting 8.5 s after asking').toHaveCount(0);
  await page.clock.fastForward(3_000);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('等了很久服务器都没有回应，请稍后重试。');
  await page.clock.resume();

  await clearFaults(baseURL!);
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible({ timeout: 20_000 });
});

test('a failing code request shows an error and keeps the typed phone number', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await openApp(page, '/sign-in');
  await setFault(baseURL!, { path: '/api/auth/code', mode: 'error', method: 'POST' });
  await page.getByLabel('手机号').fill(USERS.li.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '服务器暂时出了问题' })).toBeVisible();
  await expect(page.getByLabel('手机号')).toHaveValue(USERS.li.phone);
  await auditScreen(page, 'standard: sign-in, code request failed', { soft: true });

  // Kept across a reload too (a half-filled form survives).
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel('手机号')).toHaveValue(USERS.li.phone);

  await clearFaults(baseURL!);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(/验证码已发送到/)).toContainText(USERS.li.masked);
});

for (const mode of MODES) {
  test(`feedback: my tickets, a ticket and the form each show a failing backend in words with a retry (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, USERS.zhang.phone);

    await setFault(baseURL!, { path: '/api/feedback/tickets', mode: 'error', method: 'GET' });
    await openApp(page, '/feedback');
    const alert = errorAlert(page);
    await expect(alert).toBeVisible();
    // The kinds still lead to the form while the list cannot load.
    await expect(page.getByRole('heading', { level: 2, name: '您想反馈什么？' })).toBeVisible();
    await auditScreen(page, `${mode.name}: my tickets, server error`, { soft: true });
    await clearFaults(baseURL!);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.locator('.ticket-list .ticket-row').first()).toBeVisible();

    const href = await page.locator('.ticket-list .ticket-row').first().getAttribute('href');
    await setFault(baseURL!, { path: href!.replace('/feedback', '/api/feedback'), mode: 'malformed', method: 'GET' });
    await openApp(page, href!);
    await expect(alert).toContainText('收到的数据有问题，请稍后重试。');
    await auditScreen(page, `${mode.name}: a ticket, broken answer`, { soft: true });
    await clearFaults(baseURL!);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '处理进度' })).toBeVisible();

    // A photo whose upload fails says so on the photo, keeps the words, and goes on retry.
    await openApp(page, '/feedback/new?kind=suggestion');
    await page.getByLabel('请说说遇到了什么问题').fill('希望积分商城能多一些适合老人的礼品。');
    await setFault(baseURL!, { path: '/api/feedback/photos', mode: 'error', method: 'POST' });
    await page.locator('#ticket-photos').setInputFiles({
      name: 'gift.png',
      mimeType: 'image/png',
      buffer: await page.screenshot({ type: 'png' }),
    });
    const failed = page.locator('.photo-thumb--uploading');
    await expect(failed.getByRole('alert')).toContainText('服务器暂时出了问题');
    await expect(page.getByLabel('请说说遇到了什么问题')).toHaveValue('希望积分商城能多一些适合老人的礼品。');
    await auditScreen(page, `${mode.name}: the form, a photo upload failed`, { soft: true });
    await clearFaults(baseURL!);
    await failed.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('img', { name: '照片 1', exact: true })).toBeVisible();
  });
}

for (const mode of MODES) {
  test(`home's summary failing leaves the rest of home working, and retry brings it (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, USERS.wang.phone);
    await setFault(baseURL!, { path: '/api/home', mode: 'error' });
    await openApp(page, '/');
    const alert = errorAlert(page);
    await expect(alert).toBeVisible();
    // The greeting, the call buttons and the shortcuts do not depend on it.
    await expect(page.getByRole('heading', { level: 2, name: /王秀英/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /人工客服 10000/ })).toBeVisible();
    await auditScreen(page, `${mode.name}: home, summary failed`, { soft: true });

    await clearFaults(baseURL!);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('region', { name: '我的概况' })).toBeVisible();
    await expect(errorAlert(page)).toHaveCount(0);
  });
}

test('the care inbox failing to load says so with a retry; a failed claim can be tried again and pays once', async ({
  page,
  context,
  baseURL,
}) => {
  await presetPrefs(context);
  const phone = uniquePhone();
  await createSubscriber(baseURL!, { phone, points: 0, birthday: chinaToday() });
  await signIn(page, phone);

  await setFault(baseURL!, { path: '/api/care/inbox', mode: 'error', method: 'GET' });
  await openApp(page, '/care');
  const alert = errorAlert(page);
  await expect(alert).toBeVisible();
  await clearFaults(baseURL!);
  await alert.getByRole('button', { name: '重试' }).click();
  const gift = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { level: 3, name: '生日快乐！', exact: true }) });
  await expect(gift).toBeVisible();

  // The claim's answer is lost: the server paid, the app does not know. Pressing again
  // answers the first claim: paid once.
  await setFault(baseURL!, { path: '/api/care/inbox/*', method: 'POST', mode: 'stall_after', stall_ms: 15_000 });
  await gift.getByRole('button', { name: '领取 200 积分' }).click();
  await expect(gift.getByRole('alert')).toContainText('等了很久服务器都没有回应', { timeout: 20_000 });
  await clearFaults(baseURL!);
  await gift.getByRole('button', { name: '领取 200 积分' }).click();
  await expect(gift.getByText(/已领取 200 积分|领取成功/)).toBeVisible();
  const ledger = await page.request.get('/api/mall/ledger?page=1&per_page=20&kind=birthday_gift');
  expect((await ledger.json()).total).toBe(1);
});
