/**
 * 社区, the author's and the staff's side: edit and delete one's own post while the window
 * is open; a forbidden word holds a reply ("awaiting review") until staff approve it from
 * the queue; a reported reply hidden by staff becomes a placeholder for others; staff adopt
 * a suggestion in an idea call and its author's points history shows the earning. The
 * staff work in a second browser, signed in as the seeded staff account. Both modes, with
 * axe and the mode's audit on each screen.
 */
import type { Browser, Page } from '@playwright/test';
import { auditScreen } from './audit';
import { expect, openApp, presetPrefs, signIn, test, USERS, signInNewSubscriber, answerSendQuestion } from './fixtures';
import { boards, discussionBoard, freshKey, memberViaApi, postReply, postThread } from './community';
import { MODES } from './screens';

/** A second browser, signed in as the seeded staff account, in the same mode. */
async function staffPage(browser: Browser, baseURL: string, elder: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await presetPrefs(context, { elder_mode: elder });
  const page = await context.newPage();
  await signIn(page, USERS.staff.phone);
  return page;
}

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('edit and delete your own post while the window is open; afterwards the buttons are gone', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      const board = await discussionBoard(page.request);
      const created = await page.request.post('/api/community/threads', {
        data: { board_id: board.id, title: '宽带续费在哪里办', body: '宽带快到期了，在应用里能直接续费吗？', idempotency_key: freshKey() },
      });
      expect(created.status()).toBe(201);
      const id = ((await created.json()) as { thread: { id: number } }).thread.id;

      await openApp(page, `/community/threads/${id}`);
      const thread = page.getByRole('article');
      await thread.getByRole('button', { name: '编辑' }).click();
      await thread.getByLabel('正文').fill('宽带快到期了，在应用里能直接续费吗？**急**');
      await auditScreen(page, `${mode.name}: editing a thread`, { soft: true });
      await thread.getByRole('button', { name: '保存修改' }).click();
      await answerSendQuestion(page);
      await expect(thread.locator('.post-body strong')).toHaveText('急');
      await expect(thread.getByText('已编辑')).toBeVisible();

      await page.getByLabel('回复内容').fill('补充一下：我的宽带是 200M 的。');
      await page.getByRole('button', { name: '发送回复' }).click();
      await answerSendQuestion(page);
      const mine = page.locator('.reply').filter({ hasText: '我的宽带是 200M' });
      await expect(mine).toBeVisible();
      await page.reload();
      const reply = page.locator('.replies .reply').filter({ hasText: '我的宽带是 200M' });
      await reply.getByRole('button', { name: '删除' }).click();
      await expect(reply.getByText('确定删除吗？')).toBeVisible();
      await auditScreen(page, `${mode.name}: deleting a reply`, { soft: true });
      await reply.getByRole('button', { name: '确定删除' }).click();
      await expect(page.getByText('这条回复已被作者删除')).toBeVisible();
      await expect(page.locator('.replies').getByText('我的宽带是 200M')).toHaveCount(0);

      // Past the edit window (30 minutes): the backend says no more, and so does the page.
      const backdated = await page.request.post('/api/_test/community/backdate', { data: { kind: 'thread', id, minutes: 31 } });
      expect(backdated.ok(), await backdated.text()).toBeTruthy();
      await page.reload();
      await expect(thread.getByRole('heading', { level: 2, name: '宽带续费在哪里办' })).toBeVisible();
      await expect(thread.getByRole('button', { name: '编辑' })).toHaveCount(0);
      await expect(thread.getByRole('button', { name: '删除' })).toHaveCount(0);
    });

    test('a forbidden word holds a reply for review until staff approve it from the queue', async ({ page, browser, baseURL }) => {
      const author = await memberViaApi(baseURL!);
      const board = await discussionBoard(author.api);
      const id = await postThread(author, board.id, '手机信号差怎么办', '家里卧室信号只有一格，有什么办法改善吗？');
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, `/community/threads/${id}`);
      await page.getByLabel('回复内容').fill('我有信号放大器，需要的加微信 xinhao2026');
      await page.getByRole('button', { name: '发送回复' }).click();
      await answerSendQuestion(page);
      const held = page.locator('.reply').filter({ hasText: 'xinhao2026' });
      await expect(held.getByText('待审核')).toBeVisible();
      // Others do not see it.
      const seen = await author.api.get(`/api/community/threads/${id}`);
      expect(await seen.text()).not.toContain('xinhao2026');

      const staff = await staffPage(browser, baseURL!, mode.elder);
      await openApp(staff, '/community');
      await staff.getByRole('link', { name: /审核队列/ }).click();
      await staff.getByRole('navigation', { name: '筛选' }).getByRole('link', { name: '待审核' }).click();
      const item = staff.locator('.queue-item').filter({ hasText: 'xinhao2026' });
      await expect(item.getByText('命中词：加微信')).toBeVisible();
      await auditScreen(staff, `${mode.name}: the moderation queue`, { soft: true });
      await item.getByRole('button', { name: '通过', exact: true }).click();
      await expect(staff.locator('.queue-item').filter({ hasText: 'xinhao2026' })).toHaveCount(0);

      const after = await author.api.get(`/api/community/threads/${id}`);
      expect(await after.text()).toContain('xinhao2026');
      await page.reload();
      await expect(page.locator('.reply').filter({ hasText: 'xinhao2026' }).getByText('待审核')).toHaveCount(0);
      await staff.context().close();
      await author.api.dispose();
    });

    test('a reported reply hidden by staff becomes a placeholder for everyone else, and the log says who hid it and why', async ({ page, browser, baseURL }) => {
      const author = await memberViaApi(baseURL!);
      const spammer = await memberViaApi(baseURL!);
      const board = await discussionBoard(author.api);
      const id = await postThread(author, board.id, '副卡怎么办理', '想给家里老人办一张副卡，需要带什么证件？');
      const replyId = await postReply(spammer, id, '低价流量卡，月租九块九，私聊我');
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, `/community/threads/${id}`);
      const reply = page.locator('.reply').filter({ hasText: '低价流量卡' });
      await reply.getByRole('button', { name: '举报' }).click();
      await reply.getByText('垃圾广告').click();
      await reply.getByLabel('补充说明（可不填）').fill('和问题无关的广告');
      await auditScreen(page, `${mode.name}: reporting a reply`, { soft: true });
      await reply.getByRole('button', { name: '提交举报' }).click();
      await answerSendQuestion(page);
      await expect(reply.getByText('已收到你的举报')).toBeVisible();

      const staff = await staffPage(browser, baseURL!, mode.elder);
      await openApp(staff, '/community/moderation?filter=reported');
      const item = staff.locator('.queue-item').filter({ hasText: '低价流量卡' });
      await expect(item).toContainText('垃圾广告 × 1');
      await expect(item).toContainText('和问题无关的广告');
      await item.getByLabel(/处理说明/).fill('广告内容');
      await item.getByRole('button', { name: '隐藏' }).click();
      await expect(staff.locator('.queue-item').filter({ hasText: '低价流量卡' })).toHaveCount(0);

      // The log: who did what to which post, when, with the note; its link opens the reply.
      await staff.getByRole('link', { name: '查看处理记录' }).click();
      await expect(staff).toHaveURL(/\/community\/moderation\/log$/);
      const entry = staff.locator('.log-entry').filter({ hasText: `回复 #${replyId}` }).filter({ hasText: '隐藏' });
      await expect(entry).toContainText('客服小翼');
      await expect(entry).toContainText('说明：广告内容');
      await auditScreen(staff, `${mode.name}: the moderation log`);
      await entry.getByRole('link', { name: `回复 #${replyId}` }).click();
      await expect(staff).toHaveURL(new RegExp(`/community/threads/${id}#reply-${replyId}$`));
      await expect(staff.locator(`#reply-${replyId}`)).toBeVisible();

      await page.reload();
      await expect(page.getByText('这条回复已被工作人员隐藏')).toBeVisible();
      await expect(page.getByText('低价流量卡')).toHaveCount(0);
      await staff.context().close();
      await author.api.dispose();
      await spammer.api.dispose();
    });

    test("staff adopt a suggestion in an idea call, and its author's points history shows the earning", async ({ page, browser, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      const ideaBoard = (await boards(page.request)).find((b) => b.kind === 'idea_call');
      expect(ideaBoard, 'an idea-call board').toBeTruthy();
      const list = await page.request.get(`/api/community/threads?board_id=${ideaBoard!.id}&sort=new`);
      const call = ((await list.json()) as { threads: { id: number; locked: boolean }[] }).threads.find((t) => !t.locked);
      expect(call, 'an open idea call').toBeTruthy();
      const suggestion = `建议长辈版加一个一键查话费的大按钮 ${Date.now() % 10000}`;
      const made = await page.request.post(`/api/community/threads/${call!.id}/replies`, { data: { body: suggestion, idempotency_key: freshKey() } });
      expect(made.status(), await made.text()).toBe(201);

      const staff = await staffPage(browser, baseURL!, mode.elder);
      await openApp(staff, `/community/threads/${call!.id}`);
      let reply = staff.locator('.reply').filter({ hasText: suggestion });
      for (let i = 0; i < 40 && (await reply.count()) === 0; i += 1) {
        const next = staff.getByRole('navigation', { name: '回复分页' }).getByRole('link', { name: '下一页' });
        if ((await next.count()) === 0) break;
        await next.click();
        reply = staff.locator('.reply').filter({ hasText: suggestion });
      }
      await reply.getByRole('button', { name: '采纳这条建议' }).click();
      await expect(staff.locator('.reply').filter({ hasText: suggestion }).getByText('已采纳')).toBeVisible();
      await staff.context().close();

      await openApp(page, '/mall/points');
      await expect(page.locator('.ledger__row').filter({ hasText: '建议被采纳' })).toBeVisible();
      await auditScreen(page, `${mode.name}: points history with an adoption`, { soft: true });
    });
  });
}
