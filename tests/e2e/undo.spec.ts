/**
 * Undo for ten minutes: a withdrawn ticket comes back, a deleted reply or thread comes
 * back, said in words until when; after ten minutes the backend refuses and the page says
 * so beside the button. Both modes, with axe and the mode's audit on each undo screen.
 */
import { auditScreen } from './audit';
import { answerSendQuestion, expect, openApp, pinServerClock, presetPrefs, resetServerClock, signInNewSubscriber, test } from './fixtures';
import { discussionBoard, freshKey } from './community';
import { MODES } from './screens';

const MINUTE = 60_000;

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });
    test.afterEach(async ({ baseURL }) => {
      await resetServerClock(baseURL!);
    });

    test('a withdrawn ticket comes back within ten minutes, and not after', async ({ page, baseURL }) => {
      const start = new Date();
      await pinServerClock(baseURL!, start);
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, '/feedback/new?kind=enquiry');
      await page.getByLabel('问题类别').selectOption({ label: '话费账单' });
      await page.getByLabel('请说说遇到了什么问题').fill('上个月的账单里有一笔十元的增值业务费，我没有订过。');
      await page.getByRole('button', { name: '提交反馈' }).click();
      await answerSendQuestion(page);
      await expect(page).toHaveURL(/\/feedback\/tickets\/\d+$/);
      const status = page.locator('.ticket-summary .ticket-status');
      await expect(status).toHaveText('已提交');

      await page.getByRole('button', { name: '撤回工单' }).click();
      await page.getByRole('button', { name: '确定撤回' }).click();
      await expect(status).toHaveText('已撤回');
      const undo = page.getByRole('region', { name: '这条反馈已撤回' });
      await expect(undo).toContainText('之前可以恢复');
      await auditScreen(page, `${mode.name}: a withdrawn ticket with its undo`, { soft: true });
      // Still offered after a reload: the backend says until when.
      await page.reload();
      await undo.getByRole('button', { name: '恢复这条反馈' }).click();
      await expect(status).toHaveText('已提交');
      await expect(undo).toHaveCount(0);
      await expect(page.locator('.timeline')).toContainText('您撤销了撤回，工单已恢复');
      await expect(page.getByRole('button', { name: '撤回工单' })).toBeVisible();

      // Withdrawn again, and eleven minutes go by while the page is open.
      await page.getByRole('button', { name: '撤回工单' }).click();
      await page.getByRole('button', { name: '确定撤回' }).click();
      await expect(status).toHaveText('已撤回');
      await pinServerClock(baseURL!, new Date(start.getTime() + 11 * MINUTE));
      await undo.getByRole('button', { name: '恢复这条反馈' }).click();
      await expect(undo.getByRole('alert')).toHaveText('已经超过 10 分钟，不能恢复了。需要的话，请重新提交一条。');
      await page.reload();
      await expect(status).toHaveText('已撤回');
      await expect(undo).toHaveCount(0);
    });

    test('a deleted reply and a deleted thread come back within ten minutes', async ({ page, baseURL }) => {
      const start = new Date();
      await pinServerClock(baseURL!, start);
      await signInNewSubscriber(page, baseURL!);
      const board = await discussionBoard(page.request);
      const title = `流量包怎么退订 ${freshKey().slice(-6)}`;
      const created = await page.request.post('/api/community/threads', {
        data: { board_id: board.id, title, body: '上个月误订了一个流量包，想问问在哪里退订。', idempotency_key: freshKey() },
      });
      expect(created.status()).toBe(201);
      const id = ((await created.json()) as { thread: { id: number } }).thread.id;
      const replied = await page.request.post(`/api/community/threads/${id}/replies`, {
        data: { body: '补充：订的是 10 元 1GB 的那个。', idempotency_key: freshKey() },
      });
      expect(replied.status()).toBe(201);

      await openApp(page, `/community/threads/${id}`);
      const reply = page.locator('.replies .reply').filter({ hasText: '10 元 1GB' });
      await reply.getByRole('button', { name: '删除' }).click();
      await reply.getByRole('button', { name: '确定删除' }).click();
      await expect(page.getByText('这条回复已被作者删除')).toBeVisible();
      await expect(page.getByText('之前可以撤销')).toBeVisible();
      await auditScreen(page, `${mode.name}: a deleted reply with its undo`, { soft: true });
      await page.getByRole('button', { name: '撤销删除' }).click();
      await expect(page.locator('.replies .reply').filter({ hasText: '10 元 1GB' })).toBeVisible();
      await expect(page.getByText('这条回复已被作者删除')).toHaveCount(0);

      // The thread: deleting leads to its board, which offers the undo, after a reload too.
      const article = page.getByRole('article');
      await article.getByRole('button', { name: '删除' }).first().click();
      await article.getByRole('button', { name: '确定删除' }).click();
      await expect(page).toHaveURL(/\/community\?board=\d+$/);
      const undo = page.getByRole('region', { name: `您删除了帖子“${title}”` });
      await expect(undo).toContainText('之前可以撤销');
      await auditScreen(page, `${mode.name}: a deleted thread with its undo`, { soft: true });
      await page.reload();
      await undo.getByRole('button', { name: '撤销删除' }).click();
      await expect(page).toHaveURL(new RegExp(`/community/threads/${id}$`));
      await expect(page.getByRole('article').getByRole('heading', { level: 2, name: title })).toBeVisible();

      // Eleven minutes after a deletion, the undo is refused in words.
      const again = page.locator('.replies .reply').filter({ hasText: '10 元 1GB' });
      await again.getByRole('button', { name: '删除' }).click();
      await again.getByRole('button', { name: '确定删除' }).click();
      await expect(page.getByText('之前可以撤销')).toBeVisible();
      await pinServerClock(baseURL!, new Date(start.getTime() + 11 * MINUTE));
      await page.getByRole('button', { name: '撤销删除' }).click();
      await expect(page.getByRole('alert').filter({ hasText: '已经超过 10 分钟，不能撤销了' })).toBeVisible();
    });
  });
}
