/**
 * 隐私中心: what is kept, why and how long; the marketing consent switch (the care
 * preference topic `offers`) kept over a reload; "download my data" as a JSON file holding
 * the user's tickets and posts; the deletion request, a wrong code refused beside the field,
 * the right one pending, still so after a reload, and withdrawn. Both modes, zh-CN, with axe
 * and the mode's audit.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { clearFaults, expect, openApp, presetPrefs, setFault, test, signInNewSubscriber } from './fixtures';
import { discussionBoard, freshKey } from './community';
import { MODES, pageTitle } from './screens';

const consent = (page: Page) => page.getByRole('switch', { name: '接收优惠活动消息' });
const exportButton = (page: Page) => page.getByRole('button', { name: '下载我的数据' });
const codeField = (page: Page) => page.getByLabel('本机号码的后 4 位');

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('what is kept is said, and the marketing consent switch persists', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!, 2);
      await openApp(page, '/me');
      await page.getByRole('link', { name: '隐私中心' }).click();
      await expect(pageTitle(page)).toHaveText('隐私中心');
      const kept = page.getByRole('region', { name: '我们保存的信息' });
      await expect(kept.getByRole('heading', { level: 3 })).toHaveCount(9);
      const points = kept.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '积分记录' }) });
      await expect(points).toContainText('用途：记录积分余额和明细');
      await expect(points).toContainText('保存多久：不再需要后保存 24 个月');
      await expect(kept.getByText('保存多久：账号存在期间').first()).toBeVisible();

      // Offers are off until the subscriber turns them on.
      await expect(consent(page)).not.toBeChecked();
      await expect(page.getByText('已关闭：不会收到优惠活动消息')).toBeVisible();
      await auditScreen(page, `${mode.name}: privacy centre`, { soft: true });
      await consent(page).click();
      await expect(page.getByText('已开启：会收到优惠活动消息')).toBeVisible();
      await expect(consent(page)).toBeChecked();
      const prefs = (await (await page.request.get('/api/care/preferences')).json()) as {
        topics: { topic: string; enabled: boolean }[];
      };
      expect(prefs.topics.find((t) => t.topic === 'offers')?.enabled).toBe(true);
      await page.reload();
      await expect(consent(page)).toBeChecked();
      await consent(page).click();
      await expect(page.getByText('已关闭：不会收到优惠活动消息')).toBeVisible();
      await page.reload();
      await expect(consent(page)).not.toBeChecked();
    });

    test('download my data saves a JSON file with the user\'s tickets and posts', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!, 2);
      const ticket = await page.request.post('/api/feedback/tickets', {
        data: {
          kind: 'enquiry',
          category: 'billing',
          description: '请问账单里的增值业务费是什么？',
          contact_method: 'in_app',
          contact_window: 'any_time',
          idempotency_key: freshKey(),
        },
      });
      expect(ticket.status(), await ticket.text()).toBe(201);
      const board = await discussionBoard(page.request);
      const thread = await page.request.post('/api/community/threads', {
        data: { board_id: board.id, title: '家里宽带晚上慢怎么办', body: '每天晚上八点以后网速很慢，大家有办法吗？', idempotency_key: freshKey() },
      });
      expect(thread.status(), await thread.text()).toBe(201);

      await openApp(page, '/me/privacy');
      const downloading = page.waitForEvent('download');
      await exportButton(page).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^care-data-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
        profile: { phone: string };
        tickets: { description: string }[];
        threads: { title: string; body: string }[];
      };
      expect(data.tickets.map((t) => t.description)).toContain('请问账单里的增值业务费是什么？');
      expect(data.threads.map((t) => t.title)).toContain('家里宽带晚上慢怎么办');
      await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();
      await auditScreen(page, `${mode.name}: privacy centre, downloaded`, { soft: true });
    });

    test('a deletion request needs the last four digits, then stays pending over a reload', async ({ page, baseURL }) => {
      const phone = await signInNewSubscriber(page, baseURL!, 2);
      await openApp(page, '/me/privacy');
      await page.getByRole('button', { name: '申请注销' }).click();

      // Not four digits: said beside the field, nothing sent.
      await codeField(page).fill('12');
      await page.getByRole('button', { name: '确认注销' }).click();
      await expect(page.getByText('请输入 4 位数字')).toBeVisible();
      await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true');

      // Four digits, but not this phone's: the backend's refusal, beside the field.
      const last4 = phone.slice(-4);
      const wrong = last4 === '0000' ? '1111' : '0000';
      await codeField(page).fill(wrong);
      await page.getByRole('button', { name: '确认注销' }).click();
      await expect(page.getByText('和您手机号的后 4 位不一致，请再看一下')).toBeVisible();
      await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(codeField(page)).toHaveValue(wrong);
      await auditScreen(page, `${mode.name}: privacy centre, wrong code`, { soft: true });

      await codeField(page).fill(last4);
      await page.getByRole('button', { name: '确认注销' }).click();
      const pending = page.getByRole('group', { name: '注销申请已提交' });
      await expect(pending).toBeVisible();
      await expect(pending).toContainText(/您在 \d{4}年\d{1,2}月\d{1,2}日 申请了注销/);
      await auditScreen(page, `${mode.name}: privacy centre, deletion pending`, { soft: true });

      await page.reload();
      await expect(page.getByRole('group', { name: '注销申请已提交' })).toBeVisible();
      await expect(page.getByRole('button', { name: '申请注销' })).toHaveCount(0);

      await page.getByRole('button', { name: '撤回注销申请' }).click();
      await expect(page.getByRole('status').filter({ hasText: '注销申请已撤回，账号照常使用。' })).toBeVisible();
      await expect(page.getByRole('button', { name: '申请注销' })).toBeVisible();
    });
  });
}

test('the export failing says so beside its button and keeps the page usable', async ({ page, context, baseURL }) => {
  await presetPrefs(context);
  await signInNewSubscriber(page, baseURL!, 2);
  await openApp(page, '/me/privacy');
  await setFault(baseURL!, { path: '/api/me/export', mode: 'error' });
  await exportButton(page).click();
  const alert = page.getByRole('alert').filter({ hasText: '服务器暂时出了问题，我们正在处理，请稍后重试。' });
  await expect(alert).toBeVisible();
  await expect(exportButton(page)).toBeEnabled();
  await auditScreen(page, 'standard: privacy centre, export failed', { soft: true });
  // The rest of the page still works.
  await consent(page).click();
  await expect(consent(page)).toBeChecked();

  await clearFaults(baseURL!);
  const downloading = page.waitForEvent('download');
  await exportButton(page).click();
  expect((await downloading).suggestedFilename()).toMatch(/^care-data-.*\.json$/);
  await expect(alert).toHaveCount(0);
});
