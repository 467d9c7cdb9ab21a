/**
 * The catalogue: categories, search, order, and what each card says (price, stock, limit,
 * member-only and flash marks, and why an item cannot be taken), in standard and elder
 * mode, signed out and signed in, with axe and the mode's audit.
 */
import type { Locator, Page } from '@playwright/test';
import { auditScreen } from './audit';
import { createSubscriber, expect, openApp, presetPrefs, signIn, test, uniquePhone } from './fixtures';
import { MODES } from './screens';

const cards = (page: Page): Locator => page.locator('.item-list > li');
const card = (page: Page, name: string): Locator => cards(page).filter({ has: page.getByRole('link', { name, exact: true }) });

/** The points price on each card, top to bottom. */
async function prices(page: Page): Promise<number[]> {
  const texts = await page.locator('.item-card__price').allInnerTexts();
  return texts.map((t) => Number(t.match(/^[\d,]+/)![0].replace(/,/g, '')));
}

for (const mode of MODES) {
  test(`browse by category, search and sort, and keep the list over a reload (${mode.name} mode)`, async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await openApp(page, '/mall');
    await expect(page.getByRole('heading', { level: 2, name: '积分兑换' })).toBeVisible();
    await expect(card(page, '10元话费')).toBeVisible();
    await expect(page.getByText(/^共 13 件礼品$/)).toBeVisible();
    await auditScreen(page, `${mode.name}: catalogue`, { soft: true });

    // A category is a link with an address; only that category's items are listed.
    const categories = page.getByRole('navigation', { name: '礼品分类' });
    await categories.getByRole('link', { name: '流量' }).click();
    await expect(page).toHaveURL(/\/mall\?category=data$/);
    await expect(categories.getByRole('link', { name: '流量' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(/^共 3 件礼品$/)).toBeVisible();
    for (const name of await page.locator('.item-card__name').allInnerTexts()) expect(name).toMatch(/流量/);

    // Search within everything.
    await categories.getByRole('link', { name: '全部' }).click();
    await page.getByLabel('搜索礼品').fill('话费');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/q=%E8%AF%9D%E8%B4%B9/);
    await expect(page.getByText(/^共 3 件礼品$/)).toBeVisible();
    await expect(card(page, '秒兑：30元话费')).toBeVisible();

    // Cheapest first.
    await page.getByLabel('排序方式').selectOption({ label: '积分从低到高' });
    await expect(page).toHaveURL(/sort=price_asc/);
    await expect.poll(() => prices(page)).toEqual([1000, 1500, 4800]);

    // A reload comes back to the same list, with the words still in the box.
    await page.reload();
    await expect(page.getByLabel('搜索礼品')).toHaveValue('话费');
    await expect.poll(() => prices(page)).toEqual([1000, 1500, 4800]);
    await expect(page.getByLabel('排序方式')).toHaveValue('price_asc');

    // No match says so, with a way back to everything.
    await page.getByLabel('搜索礼品').fill('不存在的礼品');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByText('没有找到相关礼品，换个词试试？')).toBeVisible();
    await page.getByRole('link', { name: '看看全部礼品' }).click();
    await expect(page.getByText(/^共 13 件礼品$/)).toBeVisible();
  });
}

test('each card shows price, cash part, stock, limit, marks and windows', async ({ page, context }) => {
  await presetPrefs(context);
  await openApp(page, '/mall');
  const apples = card(page, '助农 陕西洛川苹果 5斤');
  await expect(apples.locator('.item-card__price')).toHaveText('1,200 积分 + ¥19.90');
  await expect(apples).toContainText('剩 200 件 · 每人限 2 件');
  await expect(card(page, '智能音箱（会员专享）')).toContainText('5星及以上专享');
  const flash = card(page, '秒兑：30元话费');
  await expect(flash.locator('.mark')).toHaveText('秒兑');
  await expect(flash).toContainText(/剩 10 件 · 每人限 1 件 · \d+月\d+日 10:00 开抢/);
  await expect(card(page, '限时：新春 5GB 流量包').locator('.mark')).toHaveText('限时');
});

for (const mode of MODES) {
  test(`signed in, cards say in words why an item cannot be taken (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    const phone = uniquePhone();
    await createSubscriber(baseURL!, { phone, points: 1100, starLevel: 3 });
    await presetPrefs(context, { elder_mode: mode.elder });
    await signIn(page, phone);
    await openApp(page, '/mall');
    // First exchange: 20% off, so 1000 points of credit costs 800.
    await expect(card(page, '10元话费')).toContainText('首次兑换只要 800 积分');
    await expect(card(page, '10元话费').locator('.item-card__blocked')).toHaveCount(0);
    await expect(card(page, '50元话费')).toContainText('积分不够兑换这件礼品。');
    await expect(card(page, '智能音箱（会员专享）')).toContainText('这是5星及以上客户的专享礼品。');
    await expect(card(page, '秒兑：30元话费')).toContainText(/还没开始，\d+月\d+日 10:00 开始兑换。/);
    await expect(card(page, '限时：新春 5GB 流量包')).toContainText('兑换时间已经结束了。');
    await auditScreen(page, `${mode.name}: catalogue signed in`, { soft: true });

    // The item page says how many points are missing.
    await card(page, '50元话费').getByRole('link').click();
    await expect(page).toHaveURL(/\/mall\/items\/\d+$/);
    await expect(page.getByRole('heading', { level: 2, name: '50元话费' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('积分不够，还差 2,740 积分。');
    await expect(page.getByRole('button', { name: '立即兑换' })).toHaveCount(0);
    await auditScreen(page, `${mode.name}: item that cannot be taken`, { soft: true });
  });
}

test('an account too new to exchange is told so plainly', async ({ page, context }) => {
  await presetPrefs(context);
  await signIn(page, '13600136000');
  await openApp(page, '/mall');
  await expect(card(page, '10元话费')).toContainText('入网满 6 个月后才能兑换');
});
