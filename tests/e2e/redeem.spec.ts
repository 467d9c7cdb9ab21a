/**
 * Redemption, exactly once: the confirmation states what will happen, the result and the
 * ledger agree, a physical item asks for an address (kept for next time), too few points
 * reads as words, a double tap makes one order, and a lost answer (the backend committed,
 * the reply never came) is confirmed with the same key and still makes one order.
 * Each test has its own subscriber, so balances and limits never leak between tests.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import {
  clearFaults,
  createSubscriber,
  expect,
  openApp,
  presetPrefs,
  setFault,
  signIn,
  test,
  uniquePhone,
} from './fixtures';
import { MODES } from './screens';

interface Order {
  id: number;
  item_name_zh: string;
  points_paid: number;
  status: string;
}

/** The signed-in subscriber's orders and balance, straight from the backend. */
async function ordersOf(page: Page): Promise<Order[]> {
  const res = await page.request.get('/api/mall/orders');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { orders: Order[] }).orders;
}
async function balanceOf(page: Page): Promise<number> {
  const res = await page.request.get('/api/mall/summary');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { balance: number }).balance;
}

/** A fresh subscriber with `points`, signed in, on the item page of `name`. */
async function openItem(page: Page, baseURL: string, name: string, points: number): Promise<string> {
  const phone = uniquePhone();
  await createSubscriber(baseURL, { phone, points, starLevel: 3 });
  await signIn(page, phone);
  await openApp(page, '/mall');
  await page.locator('.item-list').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  return phone;
}

const confirmation = (page: Page) => page.getByRole('region', { name: '确认兑换' });
const fact = (page: Page, term: string) =>
  confirmation(page).locator('dl > div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');

for (const mode of MODES) {
  test(`redeem phone credit: the confirmation, the result, the balance and the ledger agree (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    const phone = await openItem(page, baseURL!, '10元话费', 5000);
    await auditScreen(page, `${mode.name}: item page`, { soft: true });

    await page.getByRole('button', { name: '立即兑换' }).click();
    await expect(confirmation(page)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '确认兑换' })).toBeFocused();
    // First exchange: 20% off the 1,000 points.
    await expect(fact(page, '原价')).toHaveText('1,000 积分');
    await expect(fact(page, '首次兑换优惠')).toHaveText('减 200 积分');
    await expect(fact(page, '将扣除')).toHaveText('800 积分');
    await expect(fact(page, '现有积分')).toHaveText('5,000');
    await expect(fact(page, '兑换后剩余')).toHaveText('4,200');
    await expect(fact(page, '到账方式')).toHaveText(`立即充到您的手机 ${phone.slice(0, 3)}****${phone.slice(7)}`);
    await auditScreen(page, `${mode.name}: confirmation`, { soft: true });

    await page.getByRole('button', { name: '确认兑换' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '兑换成功' })).toBeVisible();
    await expect(page.getByText('已扣除 800 积分，现有 4,200 积分。')).toBeVisible();
    await auditScreen(page, `${mode.name}: result`, { soft: true });
    expect(await balanceOf(page)).toBe(4200);
    const orders = await ordersOf(page);
    expect(orders.map((o) => [o.item_name_zh, o.points_paid, o.status])).toEqual([['10元话费', 800, 'completed']]);

    // The mall's balance and the ledger show the same deduction.
    await page.getByRole('link', { name: '继续逛逛' }).click();
    await expect(page.locator('.points-card__number')).toHaveText('4,200');
    await page.getByRole('link', { name: '积分明细' }).click();
    const first = page.getByRole('listitem').first();
    await expect(first).toContainText('兑换');
    await expect(first).toContainText('\u2212800');
  });
}

for (const mode of MODES) {
  test(`redeem a physical item: the address is checked, used, and kept for next time (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await openItem(page, baseURL!, '防摔手机壳', 5000);
    await page.getByRole('button', { name: '立即兑换' }).click();
    await expect(fact(page, '到账方式')).toHaveText('快递寄到下面的地址');
    const address = page.getByRole('group', { name: '收货地址' });
    await expect(address).toBeVisible();

    // Nothing filled: the first field says what it needs and takes the keyboard.
    await page.getByRole('button', { name: '确认兑换' }).click();
    const name = address.getByLabel('收货人');
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(address.getByText('请填写收货人姓名，最多 20 个字。')).toBeVisible();
    await auditScreen(page, `${mode.name}: address form with an error`, { soft: true });

    await name.fill('王秀英');
    await address.getByLabel('联系电话').fill('1390013');
    await address.getByLabel('所在地区').fill('广东省 广州市 天河区');
    await address.getByLabel('详细地址').fill('天河路 100 号 3 栋 502');
    await page.getByRole('button', { name: '确认兑换' }).click();
    await expect(address.getByText('请填写正确的 11 位手机号。')).toBeVisible();
    await expect(address.getByLabel('联系电话')).toBeFocused();
    await address.getByLabel('联系电话').fill('139 0013 9000');

    // A reload keeps what was typed (the draft), and the confirmation opens again with it.
    await page.reload();
    await page.getByRole('button', { name: '立即兑换' }).click();
    await expect(address.getByLabel('详细地址')).toHaveValue('天河路 100 号 3 栋 502');
    await page.getByRole('button', { name: '确认兑换' }).click();

    await expect(page.getByRole('heading', { level: 2, name: '兑换成功' })).toBeVisible();
    await expect(page.getByText('我们会尽快寄出，寄到：')).toBeVisible();
    await expect(page.locator('.result__address')).toContainText('王秀英 139****9000');
    await expect(page.locator('.result__address')).toContainText('广东省 广州市 天河区 天河路 100 号 3 栋 502');
    const [order] = await ordersOf(page);
    expect(order.status).toBe('awaiting_shipment');

    // Next time the kept address is already there.
    await page.getByRole('link', { name: '继续逛逛' }).click();
    await page.locator('.item-list').getByRole('link', { name: '防摔手机壳', exact: true }).click();
    await page.getByRole('button', { name: '立即兑换' }).click();
    await expect(address.getByLabel('收货人')).toHaveValue('王秀英');
    await expect(address.getByLabel('联系电话')).toHaveValue('13900139000');
  });
}

test('too few points: the item page says how many are missing and offers no exchange', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await openItem(page, baseURL!, '10元话费', 300);
  await expect(page.getByRole('note')).toContainText('积分不够，还差 500 积分。');
  await expect(page.getByRole('note')).toContainText('您现有 300 积分');
  await expect(page.getByRole('button', { name: '立即兑换' })).toHaveCount(0);
});

test('points spent elsewhere meanwhile: the refusal says what is needed and what is left', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await openItem(page, baseURL!, '1GB 国内流量（当月）', 1500);
  await page.getByRole('button', { name: '立即兑换' }).click();
  // Another device spends the points while the confirmation is open.
  const res = await page.request.post('/api/mall/redemptions', {
    data: { item_id: 6, quantity: 1, idempotency_key: 'elsewhere-0123456789' },
  });
  expect(res.status()).toBe(201);
  await page.getByRole('button', { name: '确认兑换' }).click();
  await expect(page.getByRole('alert')).toContainText(/积分不够：这次需要 [\d,]+ 积分，您现有 [\d,]+ 积分。/);
  expect((await ordersOf(page)).length).toBe(1);
});

test('a double tap on confirm makes one order and one deduction', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await openItem(page, baseURL!, '100MB 国内流量（7天）', 5000);
  await page.getByRole('button', { name: '立即兑换' }).click();
  await page.getByRole('button', { name: '确认兑换' }).dblclick();
  await expect(page.getByRole('heading', { level: 2, name: '兑换成功' })).toBeVisible();
  expect((await ordersOf(page)).length).toBe(1);
  expect(await balanceOf(page)).toBe(5000 - 240);
});

test('a lost answer is confirmed with the same key: one order, one deduction', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await presetPrefs(context);
  await openItem(page, baseURL!, '100MB 国内流量（7天）', 5000);
  await page.getByRole('button', { name: '立即兑换' }).click();
  // The backend commits the order, then its answer takes longer than the app waits.
  await setFault(baseURL!, { path: '/api/mall/redemptions', method: 'POST', mode: 'stall_after', stall_ms: 15_000 });
  await page.getByRole('button', { name: '确认兑换' }).click();
  await expect(page.getByRole('button', { name: '正在兑换…' })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: '正在确认结果' })).toBeVisible({ timeout: 20_000 });
  await auditScreen(page, 'standard: outcome being confirmed', { soft: true });
  expect((await ordersOf(page)).length, 'the first request already made the order').toBe(1);

  await clearFaults(baseURL!);
  await expect(page.getByRole('heading', { level: 2, name: '兑换成功' })).toBeVisible({ timeout: 30_000 });
  expect((await ordersOf(page)).length).toBe(1);
  expect(await balanceOf(page)).toBe(5000 - 240);
});

test('a reload while the answer is outstanding picks the same redemption up again', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await presetPrefs(context);
  await openItem(page, baseURL!, '100MB 国内流量（7天）', 5000);
  await page.getByRole('button', { name: '立即兑换' }).click();
  await setFault(baseURL!, { path: '/api/mall/redemptions', method: 'POST', mode: 'stall_after', stall_ms: 3_000 });
  await page.getByRole('button', { name: '确认兑换' }).click();
  await expect(page.getByRole('button', { name: '正在兑换…' })).toBeDisabled();
  await page.reload();
  await clearFaults(baseURL!);
  await expect(page.getByRole('heading', { level: 2, name: '兑换成功' })).toBeVisible({ timeout: 30_000 });
  expect((await ordersOf(page)).length).toBe(1);
  expect(await balanceOf(page)).toBe(5000 - 240);
});
