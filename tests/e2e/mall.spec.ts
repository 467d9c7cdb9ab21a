/**
 * The points part of the mall: balance, tier, the expiry reminder, daily check-in and the
 * points history, in standard and elder mode, with axe and the mode's audit on each screen.
 * (The catalogue and redemption journeys arrive with those screens.)
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { clearFaults, createSubscriber, expect, openApp, presetPrefs, setFault, signIn, test, uniquePhone, USERS } from './fixtures';
import { MODES } from './screens';

const balance = async (page: Page): Promise<number> =>
  Number((await page.locator('.points-card__number').innerText()).replace(/,/g, ''));

/** The operator's default check-in rewards by day of the streak (server/src/mall/config.rs). */
const FIRST_DAY_REWARD = 5;

for (const mode of MODES) {
  test(`check in once a day, and see it in the balance and the history (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    // A fresh subscriber: no streak yet, so today is day one and earns the first day's reward.
    const phone = uniquePhone();
    await createSubscriber(baseURL!, { phone, points: 100 });
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, phone);
    await openApp(page, '/mall');
    await expect(page.getByText('可用积分')).toBeVisible();
    await auditScreen(page, `${mode.name}: mall`, { soft: true });

    expect(await balance(page)).toBe(100);
    const button = page.getByRole('button', { name: `签到领 ${FIRST_DAY_REWARD} 积分` });
    await button.click();
    await expect(page.getByRole('status').filter({ hasText: `签到成功，获得 ${FIRST_DAY_REWARD} 积分！` })).toBeVisible();
    await expect.poll(() => balance(page)).toBe(100 + FIRST_DAY_REWARD);
    const done = page.getByRole('button', { name: '今天已签到' });
    await expect(done).toBeDisabled();
    await expect(page.getByText('已连续签到 1 天')).toBeVisible();

    // Tomorrow's question, today: a reload still knows, and the balance does not move.
    await page.reload();
    await expect(page.getByRole('button', { name: '今天已签到' })).toBeDisabled();
    expect(await balance(page)).toBe(100 + FIRST_DAY_REWARD);

    await page.getByRole('link', { name: '积分明细' }).click();
    await expect(page).toHaveURL(/\/mall\/points$/);
    const first = page.getByRole('listitem').first();
    await expect(first).toContainText('签到');
    await expect(first).toContainText(`+${FIRST_DAY_REWARD}`);
    await auditScreen(page, `${mode.name}: points history`, { soft: true });
  });
}

test('the points history filters by kind', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await openApp(page, '/mall/points');
  await page.getByLabel('筛选类型').selectOption({ label: '生日礼包' });
  const rows = page.getByRole('listitem');
  await expect(rows.first()).toContainText('生日礼包');
  for (const row of await rows.all()) await expect(row).toContainText('生日礼包');
});

test('the points card says what expires when, and warns within 60 days', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await openApp(page, '/mall');
  const reminder = page.getByRole('note').filter({ hasText: '积分快到期了' });
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText(/有 [\d,]+ 积分将在 \d{4}年\d{1,2}月\d{1,2}日 到期/);
  await expect(page.getByText(/消费积分 ×1\.5/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '会员权益' })).toBeVisible();
});

test('an account too new to exchange is told why in words', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, USERS.li.phone);
  await openApp(page, '/mall');
  await expect(page.getByRole('note').filter({ hasText: '入网满 6 个月后才能兑换' })).toBeVisible();
});

test('signed out, the mall offers sign-in and comes back to the mall', async ({ page, context }) => {
  await presetPrefs(context);
  await openApp(page, '/mall');
  await page.getByRole('main').getByRole('link', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=(%2Fmall|\/mall)$/);
  await page.getByLabel('手机号').fill(USERS.zhang.phone);
  await page.getByLabel('验证码', { exact: true }).fill('246810');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/mall$/);
  await expect(page.getByText('可用积分')).toBeVisible();
});

test('a failing summary shows the error with a retry that recovers', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await signIn(page, USERS.zhang.phone);
  await setFault(baseURL!, { path: '/api/mall/summary', mode: 'error' });
  await openApp(page, '/mall');
  const alert = page.getByRole('alert').filter({ hasText: '出了点问题' });
  await expect(alert).toBeVisible();
  await clearFaults(baseURL!);
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByText('可用积分')).toBeVisible();
});
