/** The frame: first-visit prompt, tab bar, top bar, deep links, not-found, elder switch. */
import { auditElderMode, auditScreen, auditStandardMode, expectNoAxeViolations } from './audit';
import { expect, openApp, presetPrefs, readPrefs, test, waitForApp } from './fixtures';
import {
  expectElderOn,
  headerElderSwitch,
  html,
  mainNav,
  MODES,
  pageTitle,
  rootFontPx,
  rootVar,
  TABS,
  topBar,
} from './screens';

const PROMPT = '要换成长辈版吗？';

test.describe('first-visit elder prompt', () => {
  test('is a dialog with a top-right close button; "yes" turns elder mode on and it stays answered', async ({ page }) => {
    await openApp(page, '/');
    const dialog = page.getByRole('dialog', { name: PROMPT });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expectElderOn(page, false);
    await expectNoAxeViolations(page, 'home with the elder prompt', { soft: true });
    await auditStandardMode(page, 'home with the elder prompt', { soft: true });

    // The close button: labelled, at least 44 x 44, in the dialog's top-right corner.
    const close = dialog.getByRole('button', { name: '关闭' });
    await expect(close).toBeVisible();
    const box = (await close.boundingBox())!;
    const frame = (await dialog.boundingBox())!;
    const heading = (await dialog.getByRole('heading', { name: PROMPT }).boundingBox())!;
    expect(box.width, 'close button width').toBeGreaterThanOrEqual(44);
    expect(box.height, 'close button height').toBeGreaterThanOrEqual(44);
    expect(frame.x + frame.width - (box.x + box.width), 'close button distance from the right edge').toBeLessThanOrEqual(40);
    expect(box.y - frame.y, 'close button distance from the top edge').toBeLessThanOrEqual(40);
    expect(box.x + box.width / 2, 'close button is on the right half').toBeGreaterThan(frame.x + frame.width / 2);
    expect(box.y, 'close button sits above the heading').toBeLessThanOrEqual(heading.y);

    // Focus starts inside the dialog.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true);

    await dialog.getByRole('button', { name: '好，用长辈版' }).click();
    await expect(dialog).toBeHidden();
    await expectElderOn(page, true);
    expect(await rootVar(page, '--tap')).toBe('3rem');
    await expect(headerElderSwitch(page)).toHaveAttribute('aria-checked', 'true');
    expect(await readPrefs(page)).toMatchObject({ elder_mode: true, elder_prompt_answered: true });
    await auditScreen(page, 'home, elder mode after the prompt', { soft: true });

    await page.reload();
    await waitForApp(page);
    await expectElderOn(page, true);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('"keep standard" keeps standard mode and does not come back', async ({ page }) => {
    await openApp(page, '/');
    const dialog = page.getByRole('dialog', { name: PROMPT });
    await dialog.getByRole('button', { name: '不用，保持标准版' }).click();
    await expect(dialog).toBeHidden();
    await expectElderOn(page, false);
    expect(await rootVar(page, '--tap')).toBe('2.75rem');
    await page.reload();
    await waitForApp(page);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await readPrefs(page)).toMatchObject({ elder_mode: false, elder_prompt_answered: true });
  });

  test('Escape dismisses it without turning elder mode on', async ({ page }) => {
    await openApp(page, '/');
    const dialog = page.getByRole('dialog', { name: PROMPT });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expectElderOn(page, false);
    expect(await readPrefs(page)).toMatchObject({ elder_mode: false, elder_prompt_answered: true });
  });

  test('the close button dismisses it without turning elder mode on', async ({ page }) => {
    await openApp(page, '/');
    const dialog = page.getByRole('dialog', { name: PROMPT });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toBeHidden();
    await expectElderOn(page, false);
    expect(await readPrefs(page)).toMatchObject({ elder_mode: false, elder_prompt_answered: true });
  });
});

for (const mode of MODES) {
  test.describe(`the frame in ${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('every tab is reachable from the tab bar; aria-current and the title follow', async ({ page }) => {
      await openApp(page, '/');
      await expectElderOn(page, mode.elder);
      const nav = mainNav(page);
      for (const tab of TABS) {
        await expect(nav.getByRole('link', { name: tab.label, exact: true })).toBeVisible();
      }
      // Start from a tab other than home so the first click really navigates.
      for (const tab of [...TABS.slice(1), TABS[0]]) {
        await nav.getByRole('link', { name: tab.label, exact: true }).click();
        if (tab.path === '/me') {
          // Signed out: "me" asks for sign-in first.
          await expect(page).toHaveURL(/\/sign-in\?next=(%2Fme|\/me)$/);
          await expect(pageTitle(page)).toHaveText('登录');
          await auditScreen(page, `${mode.name}: sign-in via the 我的 tab`, { soft: true });
          continue;
        }
        await expect(page).toHaveURL(new RegExp(`${tab.path === '/' ? '/$' : `${tab.path}$`}`));
        await expect(pageTitle(page)).toHaveText(tab.title);
        const current = nav.locator('[aria-current="page"]');
        await expect(current).toHaveCount(1);
        await expect(current).toHaveAccessibleName(tab.label);
        await auditScreen(page, `${mode.name}: ${tab.path}`, { soft: true });
      }
    });

    test('a reload on a deep link keeps the page', async ({ page }) => {
      await openApp(page, '/me/settings');
      await expect(pageTitle(page)).toHaveText('设置');
      await expect(topBar(page).getByRole('link', { name: '返回' })).toBeVisible();
      await page.reload();
      await waitForApp(page);
      await expect(page).toHaveURL(/\/me\/settings$/);
      await expect(pageTitle(page)).toHaveText('设置');
      await auditScreen(page, `${mode.name}: settings after reload`, { soft: true });

      await openApp(page, '/community');
      await page.reload();
      await waitForApp(page);
      await expect(page).toHaveURL(/\/community$/);
      await expect(pageTitle(page)).toHaveText('社区');
      await expect(page.getByRole('heading', { level: 2, name: '帖子' })).toBeVisible();
      await expect(mainNav(page).getByRole('link', { name: '社区' })).toHaveAttribute('aria-current', 'page');
    });

    test('an unknown URL shows not-found inside the frame', async ({ page }) => {
      await openApp(page, '/no/such/page');
      await expect(page.getByRole('heading', { level: 2, name: '没有找到这个页面' })).toBeVisible();
      await expect(topBar(page)).toBeVisible();
      await expect(mainNav(page)).toBeVisible();
      await expect(mainNav(page).locator('[aria-current="page"]')).toHaveCount(0);
      await auditScreen(page, `${mode.name}: not-found`, { soft: true });
      await page.getByRole('main').getByRole('link', { name: '回到首页' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(pageTitle(page)).toHaveText('首页');
    });
  });
}

test.describe('the top-bar elder switch', () => {
  test('toggles elder mode, which survives a reload', async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: false });
    await openApp(page, '/');
    const sw = headerElderSwitch(page);
    await expect(sw).toHaveAttribute('aria-checked', 'false');
    await expectElderOn(page, false);
    await auditStandardMode(page, 'home, standard', { soft: true });

    await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await expectElderOn(page, true);
    expect(await rootVar(page, '--tap')).toBe('3rem');
    expect(await rootVar(page, '--line-height')).toBe('1.6');
    // Home becomes the elder home: six tiles instead of the cards (and their big switch).
    await expect(page.getByRole('main').getByRole('region', { name: '常用服务' }).getByRole('link')).toHaveCount(6);
    await expect(page.getByRole('main').getByRole('switch', { name: '长辈版' })).toHaveCount(0);
    await auditElderMode(page, 'home after the top-bar switch', { soft: true });

    await page.reload();
    await waitForApp(page);
    await expectElderOn(page, true);
    await expect(headerElderSwitch(page)).toHaveAttribute('aria-checked', 'true');

    await headerElderSwitch(page).click();
    await expectElderOn(page, false);
    expect(await rootVar(page, '--tap')).toBe('2.75rem');
    expect(await rootVar(page, '--line-height')).toBe('1.5');
    await page.reload();
    await waitForApp(page);
    await expectElderOn(page, false);
    expect(await rootFontPx(page)).toBe(16);
    await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
  });

  test('the home card switch toggles it too', async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: false });
    await openApp(page, '/');
    const big = page.getByRole('main').getByRole('switch', { name: '长辈版' });
    await expect(big).toHaveAttribute('aria-checked', 'false');
    await big.click();
    await expect(headerElderSwitch(page)).toHaveAttribute('aria-checked', 'true');
    await expectElderOn(page, true);
    // The card has done its work: the elder home has no cards, and the top bar's switch
    // is the way back.
    await expect(big).toHaveCount(0);
    await headerElderSwitch(page).click();
    await expectElderOn(page, false);
    await expect(big).toHaveAttribute('aria-checked', 'false');
  });
});

test('the first-visit prompt keeps keyboard focus inside it', async ({ page }) => {
  await openApp(page, '/');
  const dialog = page.getByRole('dialog', { name: '要换成长辈版吗？' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '好，用长辈版' })).toBeFocused();
  const focusInside = () => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(), `after Tab #${i + 1}`).toBe(true);
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInside(), `after Shift+Tab #${i + 1}`).toBe(true);
  }
});

test('a screen reader hears which page opened: not the first page, then every page after', async ({ page, context }) => {
  await presetPrefs(context);
  await openApp(page, '/');
  const announcer = page.locator('.page-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(pageTitle(page)).toHaveText('首页');
  await expect(announcer).toHaveText('');

  await mainNav(page).getByRole('link', { name: '商城', exact: true }).click();
  await expect(announcer).toHaveText('已打开：商城');
  await mainNav(page).getByRole('link', { name: '社区', exact: true }).click();
  await expect(announcer).toHaveText('已打开：社区');
  // Where a page needs an account, the sign-in page is what opened, and what is said.
  await mainNav(page).getByRole('link', { name: '我的', exact: true }).click();
  await expect(announcer).toHaveText('已打开：登录');
});

test('in English, the page that opened is announced in English; a language change says nothing more', async ({ page, context }) => {
  await presetPrefs(context, { locale: 'en' });
  await openApp(page, '/me/settings');
  const announcer = page.locator('.page-announcer');
  // The settings page must have drawn before the tap: otherwise home is the first page
  // shown, which the screen reader reads by itself and the region leaves unsaid.
  await expect(pageTitle(page)).toHaveText('Settings');
  await expect(announcer).toHaveText('');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home', exact: true }).click();
  await expect(announcer).toHaveText('Opened: Home');
  await page.goBack();
  await expect(announcer).toHaveText('Opened: Settings');

  await page.getByRole('radio', { name: '简体中文' }).check();
  await expect(pageTitle(page)).toHaveText('设置');
  await expect(announcer).toHaveText('Opened: Settings');
});
