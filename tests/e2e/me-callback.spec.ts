/**
 * 找人工客服: the hotline in one tap, and a callback request sent exactly once, shown open
 * with its state, a second one refused by the backend and not offered by the page, what was
 * typed kept over a reload, and cancelling after a question. Both modes, zh-CN, with axe and
 * the mode's audit.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { createSubscriber, expect, openApp, presetPrefs, signIn, test, uniquePhone, answerSendQuestion } from './fixtures';
import { freshKey } from './community';
import { MODES, pageTitle } from './screens';

const form = (page: Page) => page.getByRole('form', { name: '预约客服回电' });
const openCard = (page: Page) => page.getByRole('region', { name: '您预约的回电' });

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test('a callback request is sent once, shows as open, a second is refused, and cancel works', async ({ page, context, baseURL }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
      const phone = uniquePhone();
      await createSubscriber(baseURL!, { phone, starLevel: 2 });
      await signIn(page, phone);
      await openApp(page, '/me');
      await page.getByRole('link', { name: '找人工客服 / 预约回电' }).click();
      await expect(pageTitle(page)).toHaveText('找人工客服');
      await expect(page.getByRole('link', { name: /拨打人工客服/ })).toHaveAttribute('href', /^tel:/);
      await expect(form(page)).toBeVisible();
      // Seven days to choose from, today first and chosen.
      await expect(form(page).getByRole('radio', { name: /^今天/ })).toBeChecked();
      await expect(form(page).getByRole('group', { name: '哪一天打给您' }).getByRole('radio')).toHaveCount(7);
      await auditScreen(page, `${mode.name}: callback, the form`, { soft: true });

      // What is chosen and typed survives a reload before sending.
      await form(page).getByRole('radio', { name: /^明天/ }).check();
      await form(page).getByRole('radio', { name: '上午（9:00–12:00）' }).check();
      await form(page).getByLabel('想咨询什么（选填）').fill('宽带晚上经常断');
      await page.reload();
      await expect(form(page).getByLabel('想咨询什么（选填）')).toHaveValue('宽带晚上经常断');
      await expect(form(page).getByRole('radio', { name: /^明天/ })).toBeChecked();
      await expect(form(page).getByRole('radio', { name: '上午（9:00–12:00）' })).toBeChecked();

      // Sent exactly once, even with a double tap.
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/me/callbacks') posts.push(r.url());
      });
      await form(page).getByRole('button', { name: '预约回电' }).dblclick();
      await answerSendQuestion(page);
      await expect(page.getByRole('status').filter({ hasText: '已预约回电，客服会按时打给您。' })).toBeVisible();
      expect(posts).toHaveLength(1);
      await expect(openCard(page)).toContainText('等待客服回电');
      await expect(openCard(page)).toContainText(/明天.*上午（9:00–12:00）/);
      await expect(openCard(page)).toContainText('您留的话：宽带晚上经常断');
      // One at a time: no second form.
      await expect(form(page)).toHaveCount(0);
      await auditScreen(page, `${mode.name}: callback, open`, { soft: true });

      // The backend refuses a second one (another tab, another key).
      const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
      const second = await page.request.post('/api/me/callbacks', {
        data: { day: today, window: 'any_time', idempotency_key: freshKey() },
      });
      expect(second.status()).toBe(409);
      expect(((await second.json()) as { code: string }).code).toBe('callback_already_open');

      // Still open after a reload, and the draft is gone.
      await page.reload();
      await expect(openCard(page)).toContainText('等待客服回电');

      // Cancel, after a question that can be answered no.
      await openCard(page).getByRole('button', { name: '取消预约' }).click();
      await expect(page.getByText('确定取消这次回电预约吗？')).toBeVisible();
      await page.getByRole('button', { name: '不取消' }).click();
      await expect(openCard(page)).toContainText('等待客服回电');
      await openCard(page).getByRole('button', { name: '取消预约' }).click();
      await auditScreen(page, `${mode.name}: callback, cancelling`, { soft: true });
      await page.getByRole('button', { name: '是的，取消' }).click();
      await expect(page.getByRole('status').filter({ hasText: '回电预约已取消。' })).toBeVisible();
      await expect(openCard(page)).toHaveCount(0);
      await expect(page.getByRole('region', { name: '以往的预约' })).toContainText('已取消');
      // A new request may be made again, with an empty note.
      await expect(form(page).getByLabel('想咨询什么（选填）')).toHaveValue('');
      await form(page).getByRole('button', { name: '预约回电' }).click();
      await answerSendQuestion(page);
      await expect(openCard(page)).toContainText('等待客服回电');
    });
  });
}
