/**
 * What elder mode (长辈版) adds beyond bigger sizes: the simpler home of six tiles, the help
 * button on every screen, read-aloud, and the question before a form is sent.
 *
 * Read-aloud runs against a recording speech engine put in place of the browser's
 * (`window.speechSynthesis`): headless Chromium has no voices, and what matters here is what
 * the app asks the engine to say, in which language, and when it pauses, goes on and stops.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { expect, openApp, presetPrefs, signIn, signInNewSubscriber, test, USERS, answerSendQuestion } from './fixtures';
import { mainNav, topBar } from './screens';

const tiles = (page: Page) => page.getByRole('main').getByRole('region', { name: '常用服务' }).getByRole('link');
const helpButton = (page: Page) => topBar(page).getByRole('button', { name: '求助' });
const helpSheet = (page: Page) => page.getByRole('dialog', { name: '需要帮忙？' });

test.describe('elder mode', () => {
  test.beforeEach(async ({ context }) => {
    await presetPrefs(context, { elder_mode: true });
  });

  test('home is six large tiles, each an icon and a short label, leading where it says', async ({ page }) => {
    await openApp(page, '/');
    await expect(tiles(page)).toHaveCount(6);
    const expected: [RegExp, string][] = [
      [/^我的积分$/, '/mall/points'],
      [/^兑换礼品$/, '/mall'],
      [/^人工客服 10000$/, 'tel:10000'],
      [/^打给家人 先添加号码$/, '/me/family'],
      [/^反映问题$/, '/feedback'],
      [/^社区$/, '/community'],
    ];
    for (const [i, [name, href]] of expected.entries()) {
      const tile = tiles(page).nth(i);
      await expect(tile).toHaveAccessibleName(name);
      await expect(tile).toHaveAttribute('href', href);
      await expect(tile.locator('svg')).toHaveCount(1);
      const label = (await tile.locator('.elder-tile__label').innerText()).trim();
      expect([...label].length, `"${label}" is two to four characters`).toBeGreaterThanOrEqual(2);
      expect([...label].length).toBeLessThanOrEqual(4);
      const box = (await tile.boundingBox())!;
      expect(box.height, `${label} is a large tile`).toBeGreaterThanOrEqual(120);
    }
    // Nothing else competes: no search field, no service cards, no elder-mode offer.
    await expect(page.getByRole('main').getByRole('link', { name: '搜索功能和设置' })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('switch')).toHaveCount(0);
    await expect(page.locator('.shortcuts')).toHaveCount(0);
    await auditScreen(page, 'elder home, signed out');

    await tiles(page).filter({ hasText: '兑换礼品' }).click();
    await expect(page).toHaveURL(/\/mall$/);
  });

  test('a signed-in subscriber with family contacts finds them on the family tile and in help', async ({ page }) => {
    await signIn(page, USERS.wang.phone);
    await openApp(page, '/');
    await expect(page.getByRole('heading', { level: 2, name: /^王秀英，/ })).toBeVisible();
    const family = tiles(page).filter({ hasText: '打给家人' });
    // 王秀英 has several: the tile opens the page with a button for each.
    await expect(family).toHaveAttribute('href', '/me/family');
    await expect(family).toContainText('位家人');
    await helpButton(page).click();
    await expect(helpSheet(page).getByRole('link', { name: /呼叫亲情号：女儿/ })).toHaveAttribute('href', `tel:${USERS.wang.family.phone}`);
    await auditScreen(page, 'elder home, the help sheet of 王秀英');
  });

  test('help is on every screen: the hotline, family and a callback, closed top-right', async ({ page }) => {
    for (const path of ['/', '/mall/items/11', '/community/threads/1', '/feedback', '/me/settings', '/no/such/page']) {
      await openApp(page, path);
      const button = helpButton(page);
      await expect(button).toBeInViewport();
      const box = (await button.boundingBox())!;
      expect(box.height, `${path}: the help button is big`).toBeGreaterThanOrEqual(60);

      await button.click();
      const sheet = helpSheet(page);
      await expect(sheet).toBeVisible();
      await expect(sheet.getByRole('link', { name: '拨打人工客服 10000' })).toHaveAttribute('href', 'tel:10000');
      await expect(sheet.getByRole('link', { name: '添加家人的电话' })).toHaveAttribute('href', '/me/family');
      await expect(sheet.getByRole('link', { name: '请客服打电话给我' })).toHaveAttribute('href', '/me/callback');
      const close = sheet.getByRole('button', { name: '关闭' });
      await expect(close).toBeFocused();
      const [c, d] = [(await close.boundingBox())!, (await sheet.boundingBox())!];
      expect(c.width >= 44 && c.height >= 44, `${path}: close is at least 44 x 44`).toBe(true);
      expect(c.y - d.y, `${path}: close sits at the top`).toBeLessThan(20);
      expect(d.x + d.width - (c.x + c.width), `${path}: close sits at the right`).toBeLessThan(20);
      if (path === '/') await auditScreen(page, 'elder: help sheet');

      // Escape closes it and gives focus back to the help button.
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);
      await expect(button).toBeFocused();
    }
    // A link in it opens its screen and the sheet gets out of the way.
    await helpButton(page).click();
    await helpSheet(page).getByRole('link', { name: '请客服打电话给我' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(helpSheet(page)).toHaveCount(0);
  });

  test('"not yet" keeps the form as it was and sends nothing; yes sends it once', async ({ page, baseURL }) => {
    await signInNewSubscriber(page, baseURL!);
    await openApp(page, '/feedback/new?kind=enquiry');
    await page.getByLabel('问题类别').selectOption({ label: '话费账单' });
    const words = '这个月的话费比上个月多了二十块，想问问是哪一项多收了。';
    await page.getByLabel('请说说遇到了什么问题').fill(words);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/feedback/tickets')) posts++;
    });
    await page.getByRole('button', { name: '提交反馈' }).click();
    const question = page.getByRole('alertdialog', { name: '确定要提交这条反馈吗？' });
    await expect(question).toBeVisible();
    await expect(question.getByRole('button', { name: '确定' })).toBeFocused();
    await auditScreen(page, 'elder: the question before sending');
    await question.getByRole('button', { name: '再看看' }).click();
    await expect(question).toHaveCount(0);
    await expect(page.getByLabel('请说说遇到了什么问题')).toHaveValue(words);
    expect(posts).toBe(0);

    await page.getByRole('button', { name: '提交反馈' }).click();
    await answerSendQuestion(page);
    await expect(page).toHaveURL(/\/feedback\/tickets\/\d+$/);
    expect(posts).toBe(1);
  });
});

/** Puts a recording engine in place of the browser's speech synthesis. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Utterance = { text: string; lang: string; onend: ((e: Event) => void) | null; onerror: ((e: Event) => void) | null };
    const w = window as unknown as Record<string, unknown>;
    const queue: Utterance[] = [];
    w.__spoken = [] as { text: string; lang: string }[];
    w.__calls = [] as string[];
    w.__finishSpeaking = () => queue.splice(0).forEach((u) => u.onend?.(new Event('end')));
    const engine = {
      getVoices: () => [],
      speak: (u: Utterance) => {
        (w.__spoken as { text: string; lang: string }[]).push({ text: u.text, lang: u.lang });
        queue.push(u);
      },
      cancel: () => {
        (w.__calls as string[]).push('cancel');
        queue.splice(0).forEach((u) => u.onerror?.(new Event('error')));
      },
      pause: () => (w.__calls as string[]).push('pause'),
      resume: () => (w.__calls as string[]).push('resume'),
    };
    Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
const clearSpoken = (page: Page) => page.evaluate(() => ((window as unknown as { __spoken: unknown[] }).__spoken.length = 0));

test.describe('read-aloud', () => {
  test('reads the screen in Chinese, pauses, goes on and stops', async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: true });
    await recordSpeech(page);
    await openApp(page, '/mall/items/11');
    await expect(page.getByRole('heading', { level: 2, name: '助农 陕西洛川苹果 5斤' })).toBeVisible();
    const tools = topBar(page).getByRole('group', { name: '朗读和求助' });
    await tools.getByRole('button', { name: '朗读' }).click();

    const said = await spoken(page);
    const all = said.map((s) => s.text).join('\n');
    expect(all).toContain('助农 陕西洛川苹果 5斤');
    expect(said.every((s) => s.lang === 'zh-CN')).toBe(true);
    // In pieces short enough for the engine to read whole.
    expect(said.every((s) => [...s.text].length <= 60)).toBe(true);
    // The tools themselves are not read.
    expect(all).not.toContain('求助');

    await tools.getByRole('button', { name: '暂停' }).click();
    await tools.getByRole('button', { name: '继续' }).click();
    await tools.getByRole('button', { name: '停止' }).click();
    await expect(tools.getByRole('button', { name: '朗读' })).toBeVisible();
    expect((await calls(page)).filter((c) => c !== 'cancel')).toEqual(['pause', 'resume']);
    expect(await calls(page)).toContain('cancel');

    // Read to the end, the button is ready to read again.
    await tools.getByRole('button', { name: '朗读' }).click();
    await expect(tools.getByRole('button', { name: '停止' })).toBeVisible();
    await page.evaluate(() => (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking());
    await expect(tools.getByRole('button', { name: '朗读' })).toBeVisible();
    await auditScreen(page, 'elder: item page with the read-aloud button');
  });

  test('reads in English when the app is in English', async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: true, locale: 'en' });
    await recordSpeech(page);
    await openApp(page, '/community');
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Threads' })).toBeVisible();
    await topBar(page).getByRole('button', { name: 'Read aloud' }).click();
    const said = await spoken(page);
    expect(said.length).toBeGreaterThan(1);
    expect(said.every((s) => s.lang === 'en')).toBe(true);
    expect(said[0].text).toBe('Community');
  });

  test('with the setting on, each new screen is read as it opens', async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: true });
    await recordSpeech(page);
    await openApp(page, '/me/settings');
    const auto = page.getByRole('switch', { name: '换页时自动朗读' });
    await expect(auto).toHaveAttribute('aria-checked', 'false');
    await auto.click();
    await expect(auto).toHaveAttribute('aria-checked', 'true');
    await clearSpoken(page);
    await mainNav(page).getByRole('link', { name: '社区' }).click();
    await expect.poll(async () => (await spoken(page)).map((s) => s.text).join('\n')).toContain('社区');
    // Read only once its threads have come, not the loading placeholders.
    const text = (await spoken(page)).map((s) => s.text).join('\n');
    expect(text).not.toContain('正在加载');
    await expect(page.getByRole('list', { name: '帖子' }).getByRole('listitem').first()).toBeVisible();

    // Off again: a new screen stays quiet.
    await openApp(page, '/me/settings');
    await page.getByRole('switch', { name: '换页时自动朗读' }).click();
    await clearSpoken(page);
    await mainNav(page).getByRole('link', { name: '商城' }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    await page.waitForTimeout(1000);
    expect(await spoken(page)).toEqual([]);
  });

  test('a browser without speech synthesis says so when the button is pressed', async ({ page, context }) => {
    await presetPrefs(context, { elder_mode: true });
    await page.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }));
    await openApp(page, '/');
    await topBar(page).getByRole('button', { name: '朗读' }).click();
    await expect(topBar(page).getByRole('status')).toContainText('这个浏览器不能朗读');
    await auditScreen(page, 'elder: no speech synthesis');
  });
});

test('standard mode keeps its home and has no elder tools', async ({ page, context }) => {
  await presetPrefs(context, { elder_mode: false });
  await openApp(page, '/');
  await expect(page.locator('.shortcuts')).toBeVisible();
  await expect(helpButton(page)).toHaveCount(0);
  await expect(topBar(page).getByRole('button', { name: '朗读' })).toHaveCount(0);
});
