/**
 * 爱心捐赠: pick an amount (a quick choice or typed, kept across a reload, refused in words
 * when it is not a whole number or more than the balance), confirm what will happen, and
 * give exactly once: a double tap, a lost answer, or a reload while waiting still make one
 * donation. The thanks states the balance after; the history shows the donation.
 * Standard and elder mode, with axe and the mode's audit on each screen.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { clearFaults, createSubscriber, expect, openApp, presetPrefs, setFault, signIn, test, uniquePhone } from './fixtures';
import { balanceOf, charityProjects, ledgerCount, type CharityProject } from './mall-orders';
import { MODES } from './screens';

/** A fresh subscriber with `points`, signed in, on the donate page of the first project. */
async function openDonate(page: Page, baseURL: string, points: number): Promise<CharityProject> {
  const phone = uniquePhone();
  await createSubscriber(baseURL, { phone, points, starLevel: 3 });
  await signIn(page, phone);
  const [project] = await charityProjects(page);
  await openApp(page, `/mall/charity/${project.id}`);
  await expect(page.getByRole('heading', { level: 2, name: project.name_zh })).toBeVisible();
  return project;
}

const amountField = (page: Page) => page.getByLabel('或者自己填数量');
const confirmButton = (page: Page) => page.getByRole('button', { name: '确认捐出' });
const thanks = (page: Page) => page.getByRole('region', { name: '感谢您的爱心' });

for (const mode of MODES) {
  test(`donate 50 points: confirm, thanks with the balance after, and the donation in the history (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    const project = await openDonate(page, baseURL!, 1000);
    await expect(page.getByText('您现在有 1,000 积分')).toBeVisible();
    await auditScreen(page, `${mode.name}: donate`, { soft: true });

    await page.getByRole('radio', { name: '50 积分' }).check();
    await expect(amountField(page)).toHaveValue('50');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('将捐出 50 积分，捐后剩余 950 积分。')).toBeVisible();
    await expect(page.getByText(`捐给：${project.name_zh}`)).toBeVisible();
    await auditScreen(page, `${mode.name}: donate confirmation`, { soft: true });

    // Going back keeps the amount; confirming again opens a new confirmation.
    await page.getByRole('button', { name: '返回修改' }).click();
    await expect(amountField(page)).toHaveValue('50');
    await page.getByRole('button', { name: '下一步' }).click();
    await confirmButton(page).click();

    await expect(thanks(page)).toBeVisible();
    await expect(thanks(page)).toContainText(`您为「${project.name_zh}」捐出了 50 积分，现在还有 950 积分。`);
    expect(await balanceOf(page)).toBe(950);
    await auditScreen(page, `${mode.name}: donate thanks`, { soft: true });

    await thanks(page).getByRole('link', { name: '查看积分明细' }).click();
    await expect(page).toHaveURL(/\/mall\/points$/);
    const first = page.getByRole('listitem').first();
    await expect(first).toContainText('捐赠');
    await expect(first).toContainText('\u221250');

    // The project now says what this subscriber gave.
    await openApp(page, `/mall/charity/${project.id}`);
    await expect(page.getByText('我已捐 50 积分')).toBeVisible();
  });

  test(`a typed amount is checked in words, survives a reload, and a double tap gives once (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    await presetPrefs(context, { elder_mode: mode.elder });
    await openDonate(page, baseURL!, 200);
    const next = page.getByRole('button', { name: '下一步' });

    await next.click();
    await expect(page.getByText('请选择或填写要捐的积分。')).toBeVisible();
    await expect(amountField(page)).toBeFocused();
    await amountField(page).fill('12.5');
    await expect(page.getByText('请填写整数，比如 20。')).toBeVisible();
    await expect(amountField(page)).toHaveAttribute('aria-invalid', 'true');
    await amountField(page).fill('500');
    await expect(page.getByText('您现在有 200 积分，最多能捐 200 积分。')).toBeVisible();
    await auditScreen(page, `${mode.name}: donate amount error`, { soft: true });

    await amountField(page).fill('37');
    await page.reload();
    await expect(amountField(page)).toHaveValue('37');
    await next.click();
    await expect(page.getByText('将捐出 37 积分，捐后剩余 163 积分。')).toBeVisible();
    // Two taps before the page can react: one donation.
    await confirmButton(page).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await expect(thanks(page)).toContainText('现在还有 163 积分');
    expect(await balanceOf(page)).toBe(163);
    expect(await ledgerCount(page, 'donation')).toBe(1);
    // A donation made clears the typed amount.
    await page.reload();
    await expect(amountField(page)).toHaveValue('');
  });
}

test('a lost answer is confirmed with the same key: one donation', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await openDonate(page, baseURL!, 300);
  await page.getByRole('radio', { name: '100 积分' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  // The backend gives, then the answer never arrives in time (the app waits 10 s).
  await setFault(baseURL!, { path: '/api/mall/donations', method: 'POST', mode: 'stall_after', stall_ms: 15_000 });
  await confirmButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: '正在确认结果' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: '返回修改' })).toHaveCount(0);
  await clearFaults(baseURL!);
  await expect(thanks(page)).toContainText('现在还有 200 积分', { timeout: 20_000 });
  expect(await balanceOf(page)).toBe(200);
  expect(await ledgerCount(page, 'donation')).toBe(1);
});

test('a reload while the donation is on its way asks again with the same key: one donation', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  const project = await openDonate(page, baseURL!, 300);
  await page.getByRole('radio', { name: '10 积分' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await setFault(baseURL!, { path: '/api/mall/donations', method: 'POST', mode: 'stall_after', stall_ms: 3_000 });
  await confirmButton(page).click();
  await expect(page.getByRole('button', { name: '正在捐赠…' })).toBeDisabled();
  await clearFaults(baseURL!);
  await page.reload();
  await expect(thanks(page)).toContainText(`您为「${project.name_zh}」捐出了 10 积分，现在还有 290 积分。`);
  expect(await balanceOf(page)).toBe(290);
  expect(await ledgerCount(page, 'donation')).toBe(1);
});

test('the mall lists the charity projects, each leading to its donate page', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  // The 公益 category of the catalogue shows the projects instead of items.
  const phone = uniquePhone();
  await createSubscriber(baseURL!, { phone, points: 100 });
  await signIn(page, phone);
  const projects = await charityProjects(page);
  await openApp(page, '/mall?category=charity');
  const list = page.getByRole('region', { name: '公益捐赠' });
  await expect(list).toBeVisible();
  for (const p of projects) await expect(list.getByRole('heading', { level: 3, name: p.name_zh })).toBeVisible();
  await list.getByRole('link', { name: `去捐赠：${projects[0].name_zh}` }).click();
  await expect(page).toHaveURL(new RegExp(`/mall/charity/${projects[0].id}$`));
});
