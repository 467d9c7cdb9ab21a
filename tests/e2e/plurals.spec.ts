/**
 * Texts with a count read right in both languages: English says "1 entry" and "1 point",
 * "2 entries" and "2 points"; Chinese has one form. In standard and elder mode.
 */
import { createSubscriber, expect, openApp, presetPrefs, signIn, test, uniquePhone } from './fixtures';
import { MODES } from './screens';

for (const mode of MODES) {
  test(`English counts agree with their nouns (${mode.name} mode)`, async ({ page, context, baseURL }) => {
    const phone = uniquePhone();
    // One point, granted in one ledger entry.
    await createSubscriber(baseURL!, { phone, points: 1 });
    await presetPrefs(context, { elder_mode: mode.elder, locale: 'en' });
    await signIn(page, phone);

    await openApp(page, '/mall/points');
    await expect(page.getByRole('heading', { level: 2, name: '1 entry', exact: true })).toBeVisible();

    await openApp(page, '/mall/items/11');
    await expect(page.getByText('You have 1 point', { exact: true })).toBeVisible();

    // The first day's check-in brings the balance to 6 and the history to 2 entries.
    await openApp(page, '/mall');
    await page.getByRole('button', { name: 'Check in for 5 points' }).click();
    await expect(page.getByText('Checked in: 5 points!')).toBeVisible();
    await expect(page.getByText('1 day in a row')).toBeVisible();
    await openApp(page, '/mall/points');
    await expect(page.getByRole('heading', { level: 2, name: '2 entries', exact: true })).toBeVisible();
  });
}

test('Chinese counts have one form and group their thousands', async ({ page, context, baseURL }) => {
  const phone = uniquePhone();
  await createSubscriber(baseURL!, { phone, points: 12_800 });
  await presetPrefs(context);
  await signIn(page, phone);
  await openApp(page, '/mall/items/11');
  await expect(page.getByText('您现有 12,800 积分', { exact: true })).toBeVisible();
  await openApp(page, '/mall/points');
  await expect(page.getByRole('heading', { level: 2, name: '共 1 条记录', exact: true })).toBeVisible();
});
