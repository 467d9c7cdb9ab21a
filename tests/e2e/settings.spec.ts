/** Settings: elder mode entry, text size, theme, language; all survive a reload. */
import { auditScreen } from './audit';
import { expect, openApp, presetPrefs, readPrefs, test, waitForApp } from './fixtures';
import { expectElderOn, headerElderSwitch, html, mainNav, MODES, pageTitle, rootFontPx } from './screens';
import type { Page } from '@playwright/test';

const sizeGroup = (page: Page) => page.getByRole('group', { name: '字体大小' });
const themeGroup = (page: Page) => page.getByRole('group', { name: '显示主题' });
/** Its legend is bilingual ("语言 / Language", "Language / 语言") so it is findable in either. */
const languageGroup = (page: Page) => page.getByRole('group', { name: /语言 \/ Language|Language \/ 语言/ });

const SIZES = [
  { label: '标准', key: 'standard', scale: 1 },
  { label: '大', key: 'large', scale: 1.25 },
  { label: '特大', key: 'larger', scale: 1.5 },
  { label: '超大', key: 'largest', scale: 1.875 },
] as const;

const THEMES = [
  { label: '深色', key: 'dark' },
  { label: '高对比度', key: 'contrast' },
  { label: '浅色', key: 'light' },
] as const;

test('the settings page has the 长辈版 entry, and its switch works', async ({ page, context }) => {
  await presetPrefs(context, { elder_mode: false });
  await openApp(page, '/me/settings');
  await expect(pageTitle(page)).toHaveText('设置');
  const section = page.getByRole('main').locator('section').filter({
    has: page.getByRole('heading', { level: 2, name: '长辈版', exact: true }),
  });
  await expect(section).toHaveCount(1);
  const sw = section.getByRole('switch', { name: '长辈版' });
  await expect(sw).toHaveAttribute('aria-checked', 'false');
  await auditScreen(page, 'settings, standard', { soft: true });
  await sw.click();
  await expect(sw).toHaveAttribute('aria-checked', 'true');
  await expect(headerElderSwitch(page)).toHaveAttribute('aria-checked', 'true');
  await expectElderOn(page, true);
  await auditScreen(page, 'settings, elder', { soft: true });
  await page.reload();
  await waitForApp(page);
  await expectElderOn(page, true);
});

for (const mode of MODES) {
  test.describe(`settings in ${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('each text size step scales the root font size, and the choice survives a reload', async ({ page }) => {
      await openApp(page, '/me/settings');
      const base = mode.elder ? 20 : 16;
      await expect(sizeGroup(page).getByRole('radio', { name: '标准', exact: true })).toBeChecked();
      expect(await rootFontPx(page)).toBe(base);
      let previous = 0;
      for (const size of SIZES) {
        await sizeGroup(page).getByRole('radio', { name: size.label, exact: true }).check();
        await expect(sizeGroup(page).getByRole('radio', { name: size.label, exact: true })).toBeChecked();
        await expect.poll(() => rootFontPx(page)).toBeCloseTo(base * size.scale, 2);
        const px = await rootFontPx(page);
        expect(px, `${size.label} is bigger than the step before`).toBeGreaterThan(previous);
        previous = px;
        expect((await readPrefs(page))?.text_size).toBe(size.key);
      }
      expect(previous, 'the largest size').toBeGreaterThanOrEqual(30);
      await auditScreen(page, `settings, ${mode.name}, text size 超大`, { soft: true });

      await page.reload();
      await waitForApp(page);
      await expect(sizeGroup(page).getByRole('radio', { name: '超大', exact: true })).toBeChecked();
      expect(await rootFontPx(page)).toBeCloseTo(base * 1.875, 2);
      // The largest text still fits a phone: nothing scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal overflow at 超大 (px)').toBeLessThanOrEqual(0);
      await openApp(page, '/');
      await auditScreen(page, `home, ${mode.name}, text size 超大`, { soft: true });
    });

    test('the theme radios set data-theme, and the choice survives a reload', async ({ page }) => {
      await openApp(page, '/me/settings');
      await expect(themeGroup(page).getByRole('radio', { name: '浅色', exact: true })).toBeChecked();
      await expect(html(page)).toHaveAttribute('data-theme', 'light');
      for (const theme of THEMES) {
        await themeGroup(page).getByRole('radio', { name: theme.label, exact: true }).check();
        await expect(html(page)).toHaveAttribute('data-theme', theme.key);
        expect((await readPrefs(page))?.theme).toBe(theme.key);
        await auditScreen(page, `settings, ${mode.name}, theme ${theme.key}`, { soft: true });
        if (theme.key !== 'light') {
          await page.reload();
          await waitForApp(page);
          await expect(html(page)).toHaveAttribute('data-theme', theme.key);
          await expect(themeGroup(page).getByRole('radio', { name: theme.label, exact: true })).toBeChecked();
          await openApp(page, '/');
          await auditScreen(page, `home, ${mode.name}, theme ${theme.key}`, { soft: true });
          await openApp(page, '/me/settings');
        }
      }
    });
  });
}

test('the language switches to English and back, and survives a reload', async ({ page, context }) => {
  await presetPrefs(context, { elder_mode: false });
  await openApp(page, '/me/settings');
  await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
  await expect(languageGroup(page).getByRole('radio', { name: '简体中文' })).toBeChecked();
  await languageGroup(page).getByRole('radio', { name: 'English' }).check();

  await expect(html(page)).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeVisible();
  for (const name of ['Home', 'Mall', 'Community', 'Feedback', 'Me']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(headerElderSwitch(page, 'Elder mode')).toBeVisible();
  expect((await readPrefs(page))?.locale).toBe('en');
  await auditScreen(page, 'settings in English', { soft: true });

  await page.reload();
  await waitForApp(page);
  await expect(html(page)).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home', exact: true })).toBeVisible();

  await expect(languageGroup(page)).toHaveAccessibleName('Language / 语言');
  await languageGroup(page).getByRole('radio', { name: '简体中文' }).check();
  await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
  await expect(mainNav(page).getByRole('link', { name: '首页', exact: true })).toBeVisible();
  await expect(headerElderSwitch(page)).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
  expect((await readPrefs(page))?.locale).toBe('zh-CN');
});
