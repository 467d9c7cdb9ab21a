/**
 * Test data for the orders and charity journeys, made through the API: a fresh subscriber's
 * orders (an instant item, a physical one with an address), the staff's "advance", the
 * charity projects, and the balance and ledger as the backend has them. The page's cookies
 * are shared with `page.request`, so calls made after signing in are that subscriber's.
 */
import { expect, request as pwRequest, type Page } from '@playwright/test';
import { DEMO_CODE, uniquePhone, USERS } from './fixtures';

export interface MallItem {
  id: number;
  name_zh: string;
  points: number;
  cash_fen: number;
  delivery: 'instant' | 'physical';
  can_redeem: boolean;
  stock: number | null;
}

export interface Order {
  id: number;
  item_name_zh: string;
  points_list: number;
  discount_points: number;
  points_paid: number;
  status: string;
  tracking_number?: string;
  can_cancel: boolean;
}

export interface CharityProject {
  id: number;
  name_zh: string;
  raised_points: number;
  donors: number;
  my_points: number;
}

export const ADDRESS = {
  name: '王秀英',
  phone: '13900139000',
  region: '广东省 广州市 天河区',
  detail: '天河路 385 号 1201 室',
};

/** A key the contract accepts (16-64 of A-Z a-z 0-9 - _), different each call. */
export function idempotencyKey(): string {
  return `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`.padEnd(16, '0');
}

/**
 * An item the signed-in subscriber can take now, of the given delivery kind; points-only
 * (no cash part) and the cheapest, so small balances go far.
 */
export async function redeemableItem(page: Page, delivery: 'instant' | 'physical'): Promise<MallItem> {
  const res = await page.request.get('/api/mall/items?per_page=50');
  expect(res.status(), await res.text()).toBe(200);
  const items = ((await res.json()) as { items: MallItem[] }).items
    .filter((i) => i.delivery === delivery && i.can_redeem && i.cash_fen === 0)
    .sort((a, b) => a.points - b.points);
  expect(items.length, `no redeemable ${delivery} item`).toBeGreaterThan(0);
  return items[0];
}

/** Redeems one of `item` as the signed-in subscriber; returns the order. */
export async function redeem(page: Page, item: MallItem): Promise<Order> {
  const data: Record<string, unknown> = { item_id: item.id, quantity: 1, idempotency_key: idempotencyKey() };
  if (item.delivery === 'physical') data.address = ADDRESS;
  const res = await page.request.post('/api/mall/redemptions', { data });
  expect(res.status(), `redeem ${item.name_zh}: ${await res.text()}`).toBe(201);
  return ((await res.json()) as { order: Order }).order;
}

/** The staff moves a physical order one step (ships it with `tracking`, then delivers). */
export async function staffAdvance(baseURL: string, orderId: number, tracking?: string): Promise<Order> {
  const staff = await pwRequest.newContext({ baseURL });
  try {
    const code = await staff.post('/api/auth/code', { data: { phone: USERS.staff.phone } });
    expect(code.status(), await code.text()).toBe(200);
    const signIn = await staff.post('/api/auth/sign-in', { data: { phone: USERS.staff.phone, code: DEMO_CODE } });
    expect(signIn.status(), await signIn.text()).toBe(200);
    const res = await staff.post(`/api/mall/staff/orders/${orderId}/advance`, {
      data: tracking ? { tracking_number: tracking } : {},
    });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as Order;
  } finally {
    await staff.dispose();
  }
}

export async function balanceOf(page: Page): Promise<number> {
  const res = await page.request.get('/api/mall/summary');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { balance: number }).balance;
}

/** How many ledger entries of `kind` the signed-in subscriber has. */
export async function ledgerCount(page: Page, kind: string): Promise<number> {
  const res = await page.request.get(`/api/mall/ledger?kind=${kind}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

export async function charityProjects(page: Page): Promise<CharityProject[]> {
  const res = await page.request.get('/api/mall/charity');
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as CharityProject[];
}

/**
 * A fresh subscriber with `points`, made and signed in through `page` alone (for the
 * screen list, whose steps get only the page): the test route and sign-in by API, whose
 * session cookie the page then shares.
 */
export async function signInFreshSubscriber(page: Page, points: number): Promise<void> {
  const phone = uniquePhone();
  const made = await page.request.post('/api/_test/subscribers', { data: { phone, points } });
  expect(made.status(), await made.text()).toBe(201);
  const code = await page.request.post('/api/auth/code', { data: { phone } });
  expect(code.status(), await code.text()).toBe(200);
  const signedIn = await page.request.post('/api/auth/sign-in', { data: { phone, code: DEMO_CODE } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
}
