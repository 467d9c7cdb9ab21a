/**
 * 我的订单: the list shows a new order; an instant order's detail says it was credited; a
 * physical order awaiting shipment can be cancelled (inline confirmation, the refund and the
 * new balance in words, the refund in the points history, one refund however often the
 * button is tapped); a shipped one shows its tracking number and cannot be cancelled, even
 * when it ships while the confirmation is open. Standard and elder mode, with axe and the
 * mode's audit on each screen. Each test has its own subscriber.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { createSubscriber, expect, openApp, presetPrefs, signIn, test, uniquePhone } from './fixtures';
import { balanceOf, ledgerCount, redeem, redeemableItem, staffAdvance } from './mall-orders';
import { MODES } from './screens';

/** Points as the app prints them: 4,360. */
const pts = (n: number): string => n.toLocaleString('en-US');

/** A fresh subscriber with `points`, signed in. */
async function newSubscriber(page: Page, baseURL: string, points = 20_000): Promise<void> {
  const phone = uniquePhone();
  await createSubscriber(baseURL, { phone, points, starLevel: 3 });
  await signIn(page, phone);
}

const steps = (page: Page) => page.getByRole('list', { name: '配送进度' });
const fact = (page: Page, term: string) =>
  page.locator('.order-facts__row').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');

for (const mode of MODES) {
  test(`the orders list shows a new order, and an instant order's detail says it was credited (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await newSubscriber(page, baseURL!);
    const item = await redeemableItem(page, 'instant');
    const order = await redeem(page, item);

    await openApp(page, '/mall/orders');
    await expect(page.getByRole('heading', { level: 1, name: '我的订单' })).toBeVisible();
    const list = page.getByRole('list', { name: '我的订单' });
    const row = list.getByRole('link').filter({ hasText: item.name_zh });
    await expect(row).toBeVisible();
    await expect(row).toContainText('已完成');
    await expect(row).toContainText(`${order.points_paid} 积分`);
    await expect(row).toContainText('数量 1');
    await auditScreen(page, `${mode.name}: orders`, { soft: true });

    await row.click();
    await expect(page).toHaveURL(new RegExp(`/mall/orders/${order.id}$`));
    await expect(page.getByRole('heading', { level: 2, name: item.name_zh })).toBeVisible();
    await expect(page.getByText('已到账')).toBeVisible();
    await expect(page.locator('.order-summary .order-status')).toHaveText('已完成');
    await expect(steps(page)).toHaveCount(0);
    await expect(fact(page, '实付积分')).toHaveText(`${order.points_paid} 积分`);
    // A fresh subscriber's first exchange is discounted (the operator's first-exchange rule).
    expect(order.discount_points, 'the first exchange is discounted').toBeGreaterThan(0);
    expect(order.points_paid).toBe(order.points_list - order.discount_points);
    await expect(fact(page, '首次兑换优惠')).toHaveText(`−${order.discount_points.toLocaleString('en-US')} 积分`);
    await expect(page.getByRole('button', { name: '取消订单' })).toHaveCount(0);
    await auditScreen(page, `${mode.name}: order detail (instant)`, { soft: true });
  });

  test(`cancel a physical order before it ships: the points come back once, and show in the history (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await newSubscriber(page, baseURL!);
    const order = await redeem(page, await redeemableItem(page, 'physical'));
    const before = await balanceOf(page);

    await openApp(page, `/mall/orders/${order.id}`);
    await expect(steps(page).locator('[aria-current="step"]')).toHaveText(/待发货/);
    await expect(page.getByRole('region', { name: '收货地址' })).toContainText('139****9000');
    await auditScreen(page, `${mode.name}: order detail (awaiting shipment)`, { soft: true });

    // Changing one's mind about cancelling changes nothing.
    await page.getByRole('button', { name: '取消订单' }).click();
    await expect(page.getByText('确定取消这个订单吗？积分会退回。')).toBeVisible();
    await page.getByRole('button', { name: '不取消' }).click();
    await expect(page.getByText('确定取消这个订单吗？积分会退回。')).toHaveCount(0);

    await page.getByRole('button', { name: '取消订单' }).click();
    await auditScreen(page, `${mode.name}: order cancel confirmation`, { soft: true });
    // Two taps before the page can react: one request, one refund.
    await page.getByRole('button', { name: '确定取消' }).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    const done = page.getByRole('status').filter({ hasText: '订单已取消' });
    await expect(done).toHaveText(`订单已取消，退回 ${pts(order.points_paid)} 积分，您现在有 ${pts(before + order.points_paid)} 积分。`);
    await expect(page.locator('.order-summary .order-status')).toHaveText('已取消');
    await expect(page.getByRole('button', { name: '取消订单' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(fact(page, '取消时间')).toBeVisible();
    expect(await balanceOf(page)).toBe(before + order.points_paid);
    expect(await ledgerCount(page, 'refund')).toBe(1);
    await auditScreen(page, `${mode.name}: order detail (cancelled)`, { soft: true });

    await openApp(page, '/mall/points');
    const first = page.getByRole('listitem').first();
    await expect(first).toContainText('退回');
    await expect(first).toContainText(`+${order.points_paid}`);
  });

  test(`a shipped order shows its tracking number and can no longer be cancelled (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await newSubscriber(page, baseURL!);
    const order = await redeem(page, await redeemableItem(page, 'physical'));
    const before = await balanceOf(page);

    // The parcel ships while the customer is deciding to cancel.
    await openApp(page, `/mall/orders/${order.id}`);
    await page.getByRole('button', { name: '取消订单' }).click();
    const tracking = `SF${Date.now()}`;
    await staffAdvance(baseURL!, order.id, tracking);
    await page.getByRole('button', { name: '确定取消' }).click();
    await expect(page.getByRole('alert')).toHaveText('订单已发货，不能取消了。');
    await expect(page.locator('.order-summary .order-status')).toHaveText('已发货');
    await expect(page.getByRole('button', { name: '取消订单' })).toHaveCount(0);
    expect(await balanceOf(page)).toBe(before);

    await page.reload();
    await expect(steps(page).locator('[aria-current="step"]')).toHaveText(/已发货/);
    await expect(page.getByText('快递单号')).toBeVisible();
    await expect(page.getByText(tracking, { exact: true })).toBeVisible();
    await expect(fact(page, '发货时间')).toBeVisible();
    await expect(page.getByRole('button', { name: '取消订单' })).toHaveCount(0);
    await auditScreen(page, `${mode.name}: order detail (shipped)`, { soft: true });

    await staffAdvance(baseURL!, order.id);
    await page.reload();
    await expect(steps(page).locator('[aria-current="step"]')).toHaveText(/已签收/);
    await expect(page.locator('.order-summary .order-status')).toHaveText('已签收');

    await openApp(page, '/mall/orders');
    await expect(page.getByRole('list', { name: '我的订单' }).getByRole('link').first()).toContainText('已签收');
  });
}

test('no orders yet: the list says so and leads to the mall', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await newSubscriber(page, baseURL!, 0);
  await openApp(page, '/mall/orders');
  await expect(page.getByRole('heading', { level: 2, name: '还没有订单' })).toBeVisible();
  await page.getByRole('link', { name: '去积分商城看看' }).click();
  await expect(page).toHaveURL(/\/mall$/);
});

test('an order that is not yours, or does not exist, says so', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await newSubscriber(page, baseURL!, 0);
  await openApp(page, '/mall/orders/99999999');
  await expect(page.getByRole('heading', { level: 2, name: '没有找到这个订单' })).toBeVisible();
  await page.getByRole('link', { name: '回到我的订单' }).click();
  await expect(page).toHaveURL(/\/mall\/orders$/);
});
