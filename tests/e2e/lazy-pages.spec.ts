/**
 * Pages loaded when first opened (src/lazy_pages.rs, split by scripts/split-wasm): the first
 * load carries the home page only, a deep link fetches its page's code beside the main wasm,
 * a slow page says it is opening, and a page whose code cannot be fetched offers a retry
 * instead of breaking the app.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './audit';
import { expect, openApp, presetPrefs, test } from './fixtures';
import { mainNav, MODES, pageTitle } from './screens';

const MALL_CODE = /\/split_mall_pages-[0-9a-f]{16}\.wasm$/;

/** The names of the wasm files the page has asked for so far. */
function wasmRequests(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) names.push(path.slice(1));
  });
  return names;
}

test('the first load carries the home page only; the mall code comes when the mall opens', async ({ page, context }) => {
  await presetPrefs(context);
  const fetched = wasmRequests(page);
  await openApp(page, '/');
  await expect(pageTitle(page)).toHaveText('首页');
  expect(fetched).toEqual([expect.stringMatching(/^care-app-[0-9a-f]{16}_bg\.wasm$/)]);

  await mainNav(page).getByRole('link', { name: '商城', exact: true }).click();
  await expect(pageTitle(page)).toHaveText('商城');
  expect(fetched.some((name) => MALL_CODE.test(`/${name}`))).toBe(true);
  expect(fetched.filter((name) => name.startsWith('split_')).every((name) => name.startsWith('split_mall_pages-'))).toBe(true);
});

/** The wasm files index.html asked to preload, and the ones fetched, page code only. */
async function pageCode(page: Page, fetched: string[]) {
  const preloaded = await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((links) =>
    links.map((link) => new URL((link as HTMLLinkElement).href).pathname.slice(1)),
  );
  const lazy = (names: string[]) => [...new Set(names.filter((n) => /^(split|chunk)_/.test(n)))].sort();
  return { preloaded: lazy(preloaded), fetched: lazy(fetched) };
}

for (const [path, title] of [
  ['/mall/items/11', '礼品详情'],
  ['/sign-in', '登录'],
] as const) {
  test(`a link straight to ${path} fetches exactly its page code beside the main wasm`, async ({ page, context }) => {
    await presetPrefs(context);
    const fetched = wasmRequests(page);
    await openApp(page, path);
    await expect(pageTitle(page)).toHaveText(title);
    const code = await pageCode(page, fetched);
    expect(code.preloaded.length).toBeGreaterThan(0);
    expect(code.preloaded).toEqual(code.fetched);
    // Each once: the loader's fetch takes the preloaded answer instead of asking again.
    const lazyRequests = fetched.filter((n) => /^(split|chunk)_/.test(n));
    expect(lazyRequests.length).toBe(code.fetched.length);
  });
}

test('a link straight to an item asks for the item while the page code is still on its way, once', async ({ page, context }) => {
  await presetPrefs(context);
  // Hold the mall's code back: the item's data must not wait for it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(MALL_CODE, async (route) => {
    await held;
    await route.continue();
  });
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/mall/')) asked.push(url.pathname);
  });
  await openApp(page, '/mall/items/11');
  await expect.poll(() => asked, { message: 'the item is asked for before its page code arrived' }).toContain('/api/mall/items/11');
  release();
  await expect(page.getByRole('heading', { level: 2, name: '助农 陕西洛川苹果 5斤' })).toBeVisible();
  expect(asked.filter((p) => p === '/api/mall/items/11'), 'the page used the answer already on its way').toHaveLength(1);
});

test('the home page preloads no page code', async ({ page, context }) => {
  await presetPrefs(context);
  const fetched = wasmRequests(page);
  await openApp(page, '/');
  await expect(pageTitle(page)).toHaveText('首页');
  expect(await pageCode(page, fetched)).toEqual({ preloaded: [], fetched: [] });
});

for (const mode of MODES) {
  test(`a page whose code is slow to arrive says it is opening (${mode.name} mode)`, async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(MALL_CODE, async (route) => {
      await held;
      await route.continue();
    });
    await openApp(page, '/');
    await mainNav(page).getByRole('link', { name: '商城', exact: true }).click();

    const opening = page.getByRole('status').filter({ hasText: '正在打开…' });
    await expect(opening).toBeVisible();
    // It fades in; axe measures contrast once it has.
    await expect(opening).toHaveCSS('opacity', '1');
    await expectNoAxeViolations(page, `${mode.name}: a page opening`, { soft: true });
    release();
    await expect(pageTitle(page)).toHaveText('商城');
    await expect(page.getByRole('heading', { name: '积分兑换' })).toBeVisible();
    await expect(opening).toHaveCount(0);
  });
}

test('a page whose code cannot be fetched shows the network error, and retry opens it', async ({ page, context }) => {
  await presetPrefs(context);
  await page.route(MALL_CODE, (route) => route.abort('internetdisconnected'));
  await openApp(page, '/mall');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('网络好像断开了，请检查网络后重试。');
  await expect(mainNav(page)).toBeVisible();

  await page.unroute(MALL_CODE);
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(pageTitle(page)).toHaveText('商城');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
