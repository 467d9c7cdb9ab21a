/**
 * 社区: browse boards and come back to the same list; post a thread with a poll and vote in
 * it; reply; vote, change and withdraw, rolled back when the server refuses; the asker
 * marks the best answer; a reply's draft survives a reload and a failed send, and a double
 * tap posts once; nothing a member types can run as script. Standard and elder mode, with
 * axe and the mode's audit on each screen. Each test writes with its own members.
 */
import type { Locator, Page } from '@playwright/test';
import { auditScreen } from './audit';
import { clearFaults, expect, openApp, pinServerClock, presetPrefs, resetServerClock, setFault, test, signInNewSubscriber, answerSendQuestion } from './fixtures';
import { busiestThread, discussionBoard, freshKey, memberViaApi, postReply, postThread, replyCount } from './community';
import { MODES } from './screens';

/** A tap on a vote button, and the server's answer to it: a tap while a vote is on its way
 * is ignored (the buttons stay enabled, so keyboard focus stays on them). */
async function voted(page: Page, button: Locator): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/vote') && r.request().method() === 'PUT');
  await button.click();
  await answered;
}

const threadList = (page: Page) => page.getByRole('list', { name: '帖子' });
const replyBox = (page: Page) => page.getByLabel('回复内容');

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('browse a board by newest, open a thread, and the back button returns to the same list', async ({ page }) => {
      await openApp(page, '/community');
      await expect(threadList(page).getByRole('listitem').first()).toBeVisible();
      await auditScreen(page, `${mode.name}: community`, { soft: true });

      await page.getByRole('navigation', { name: '版块' }).getByRole('link', { name: '技术支持' }).click();
      await expect(page).toHaveURL(/\/community\?board=\d+$/);
      await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '最新' }).click();
      await expect(page).toHaveURL(/\/community\?board=\d+&sort=new$/);
      const listUrl = page.url();
      const first = threadList(page).getByRole('listitem').first().getByRole('link');
      const title = (await first.textContent())!.trim();
      await first.click();
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      await expect(page.getByText('技术支持').first()).toBeVisible();
      await auditScreen(page, `${mode.name}: thread`, { soft: true });

      await page.goBack();
      expect(page.url()).toBe(listUrl);
      await expect(threadList(page).getByRole('listitem').first()).toBeVisible();
      await expect(page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '最新' })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('navigation', { name: '版块' }).getByRole('link', { name: '技术支持' })).toHaveAttribute('aria-current', 'page');
    });

    test('back from a thread, the list is where the reader left it', async ({ page }) => {
      await openApp(page, '/community?sort=new');
      const cards = threadList(page).getByRole('listitem');
      await expect(cards.nth(5)).toBeVisible();
      await cards.nth(5).scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 200);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
      // Hovering first scrolls the link clear of the tab bar, as the click itself would.
      const link = cards.nth(5).getByRole('link');
      await link.hover();
      const before = await page.evaluate(() => window.scrollY);
      expect(before).toBeGreaterThan(300);
      await link.click();
      await expect(page).toHaveURL(/\/community\/threads\/\d+$/);
      await page.goBack();
      await expect(cards.nth(5)).toBeVisible();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50);
    });

    test('search finds threads by Chinese words, two characters and more, and says when nothing matches', async ({ page }) => {
      await openApp(page, '/community');
      const search = page.getByRole('search');
      for (const words of ['光猫', '宽带上不了']) {
        await search.getByLabel('搜索帖子').fill(words);
        await search.getByRole('button', { name: '搜索' }).click();
        await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(words)}`));
        await expect(page.getByRole('heading', { level: 2, name: '搜索结果' })).toBeVisible();
        await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('link').filter({ hasText: '光猫' }).first()).toBeVisible();
      }
      await auditScreen(page, `${mode.name}: search results`, { soft: true });
      await search.getByLabel('搜索帖子').fill('完全不存在的词语组合');
      await search.getByRole('button', { name: '搜索' }).click();
      await expect(page.getByText('没有找到相关的帖子，换个词试试？')).toBeVisible();
    });

    test('a thread of 1,000 replies comes a page at a time, and the page is in the address', async ({ page, baseURL }) => {
      const member = await memberViaApi(baseURL!);
      const busy = await busiestThread(member.api);
      expect(busy.reply_count).toBeGreaterThanOrEqual(1000);
      // Pages count the replies to the thread; the replies under them come with each.
      const first = await member.api.get(`/api/community/threads/${busy.id}?page=1&per_page=30`);
      const pages = Math.ceil(((await first.json()) as { total: number }).total / 30);
      expect(pages).toBeGreaterThan(1);
      await openApp(page, `/community/threads/${busy.id}`);
      await expect(page.getByRole('heading', { level: 2, name: /条回复$/ })).toContainText(busy.reply_count.toLocaleString('en-US'));
      const pager = page.getByRole('navigation', { name: '回复分页' });
      await expect(pager).toContainText(`第 1 / ${pages} 页`);
      await pager.getByRole('link', { name: '下一页' }).click();
      await expect(page).toHaveURL(new RegExp(`/community/threads/${busy.id}\\?page=2$`));
      await expect(pager).toContainText(`第 2 / ${pages} 页`);
      await auditScreen(page, `${mode.name}: a long thread, page 2`, { soft: true });
      await member.api.dispose();
    });

    test('post a thread with a poll, vote in it, and reply to it', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, '/community/new');
      await expect(page.getByLabel('发到哪个版块')).toBeVisible();
      // Sending an empty form says what each field needs, beside it.
      await page.getByRole('button', { name: '发布' }).click();
      await expect(page.getByText('请选择一个版块')).toBeVisible();
      await expect(page.getByLabel('标题')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('发到哪个版块')).toBeFocused();
      await auditScreen(page, `${mode.name}: new thread with errors`, { soft: true });

      await page.getByLabel('发到哪个版块').selectOption({ label: '技术支持' });
      const title = `晚上八点以后网速慢 ${Date.now() % 100000}`;
      await page.getByLabel('标题').fill(title);
      await page.getByLabel('正文').fill('每天晚上八点以后网速就**很慢**，大家是什么时候慢？');
      await page.getByText('在帖子里加一个投票').click();
      await page.getByLabel('选项 1', { exact: true }).fill('晚上八点以后');
      await page.getByLabel('选项 2', { exact: true }).fill('一直都慢');
      await page.getByRole('button', { name: '再加一个选项' }).click();
      await page.getByLabel('选项 3', { exact: true }).fill('不慢');
      const closes = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('投票截止日期').fill(closes);
      await auditScreen(page, `${mode.name}: new thread with a poll`, { soft: true });
      await page.getByRole('button', { name: '发布' }).click();
      await answerSendQuestion(page);

      await expect(page).toHaveURL(/\/community\/threads\/\d+$/);
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      await expect(page.locator('.post-body strong')).toHaveText('很慢');
      const poll = page.getByRole('region', { name: '投票' });
      await poll.getByText('一直都慢').click();
      await poll.getByRole('button', { name: '投票' }).click();
      await expect(poll.locator('.poll__option--mine')).toContainText('一直都慢');
      await expect(poll.locator('.poll__option--mine')).toContainText('100%');
      await expect(poll).toContainText('1 人已投票');
      await auditScreen(page, `${mode.name}: thread with a poll`, { soft: true });

      await replyBox(page).fill('我这边也是晚上慢，白天正常。');
      await page.getByRole('button', { name: '发送回复' }).click();
      await answerSendQuestion(page);
      await expect(page.locator('.reply').filter({ hasText: '我这边也是晚上慢' })).toBeVisible();
      await expect(replyBox(page)).toHaveValue('');
    });

    test("vote on another member's thread, change and withdraw it; a refused vote goes back", async ({ page, baseURL }) => {
      const author = await memberViaApi(baseURL!);
      const board = await discussionBoard(author.api);
      const id = await postThread(author, board.id, '光猫的灯一直闪红色', '光猫上的 LOS 灯一直闪红色，是什么问题？');
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, `/community/threads/${id}`);
      const thread = page.getByRole('article');
      const up = thread.getByRole('button', { name: /^赞/ });
      const down = thread.getByRole('button', { name: /^踩/ });
      const score = thread.locator('.votes__score');
      await expect(score).toHaveText('0');

      await voted(page, up);
      await expect(score).toHaveText('1');
      await expect(up).toHaveAttribute('aria-pressed', 'true');
      await voted(page, down);
      await expect(score).toHaveText('-1');
      await expect(down).toHaveAttribute('aria-pressed', 'true');
      await expect(up).toHaveAttribute('aria-pressed', 'false');
      await page.reload();
      await expect(score).toHaveText('-1');
      await voted(page, down);
      await expect(score).toHaveText('0');
      await expect(down).toHaveAttribute('aria-pressed', 'false');

      await setFault(baseURL!, { path: `/api/community/threads/${id}/vote`, method: 'PUT', mode: 'error' });
      await up.click();
      await expect(thread.getByRole('alert')).toBeVisible();
      await expect(score).toHaveText('0');
      await expect(up).toHaveAttribute('aria-pressed', 'false');
      await auditScreen(page, `${mode.name}: a refused vote`, { soft: true });
      await clearFaults(baseURL!);
      await author.api.dispose();
    });

    test('the asker marks the best answer, and it is pinned on top', async ({ page, baseURL }) => {
      const helper = await memberViaApi(baseURL!);
      const board = await discussionBoard(helper.api);
      const askerPhone = await signInNewSubscriber(page, baseURL!);
      expect(askerPhone).toBeTruthy();
      const created = await page.request.post('/api/community/threads', {
        data: { board_id: board.id, title: '怎么查剩余流量', body: '想知道这个月还剩多少流量，在哪里查？', idempotency_key: `best-${Date.now()}-${mode.name}-xxxxxx` },
      });
      expect(created.status()).toBe(201);
      const id = ((await created.json()) as { thread: { id: number } }).thread.id;
      await postReply(helper, id, '发送短信 CXLL 到 10001 就能查到。');

      await openApp(page, `/community/threads/${id}`);
      await page.getByRole('button', { name: '设为最佳答案' }).click();
      const best = page.getByRole('region', { name: '最佳答案' });
      await expect(best).toContainText('CXLL');
      await expect(page.getByRole('article').getByText('已解决')).toBeVisible();
      await auditScreen(page, `${mode.name}: best answer`, { soft: true });
      await helper.api.dispose();
    });

    test('a reply survives a reload and a lost answer, and is posted once; a double tap posts once', async ({ page, baseURL }) => {
      const author = await memberViaApi(baseURL!);
      const board = await discussionBoard(author.api);
      const id = await postThread(author, board.id, '话费余额怎么查询', '想查一下话费余额，除了打电话还有什么办法？');
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, `/community/threads/${id}`);
      const text = '在这个应用的“我的”页面就能看到。';
      await replyBox(page).fill(text);
      await page.reload();
      await expect(replyBox(page)).toHaveValue(text);

      // The backend fails: the answer is lost, so the app asks again with the same key, and
      // the words stay where they were.
      await setFault(baseURL!, { path: `/api/community/threads/${id}/replies`, method: 'POST', mode: 'error' });
      await page.getByRole('button', { name: '发送回复' }).click();
      await answerSendQuestion(page);
      await expect(page.locator('.composer').getByText('正在确认结果')).toBeVisible();
      await expect(replyBox(page)).toHaveValue(text);
      await auditScreen(page, `${mode.name}: a reply being confirmed`, { soft: true });
      await clearFaults(baseURL!);
      await expect(page.locator('.reply').filter({ hasText: text })).toHaveCount(1);
      expect(await replyCount(author.api, id)).toBe(1);

      const second = '也可以发短信 CXHF 到 10001 查询。';
      await replyBox(page).fill(second);
      await page.getByRole('button', { name: '发送回复' }).dblclick();
      await answerSendQuestion(page);
      await expect(page.locator('.reply').filter({ hasText: second })).toHaveCount(1);
      expect(await replyCount(author.api, id)).toBe(2);
      await page.reload();
      await expect(page.locator('.reply').filter({ hasText: text })).toHaveCount(1);
      await expect(page.locator('.reply').filter({ hasText: second })).toHaveCount(1);
      await expect(replyBox(page)).toHaveValue('');
      await author.api.dispose();
    });

    test('a new thread keeps every field over a failed send and a reload, and is posted once', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, '/community/new');
      await page.getByLabel('发到哪个版块').selectOption({ label: '套餐解答' });
      const title = `副卡能不能共享流量 ${Date.now() % 100000}`;
      const body = '主卡每月 30G，想给家里老人办副卡，能一起用吗？';
      await page.getByLabel('标题').fill(title);
      await page.getByLabel('正文').fill(body);
      await page.getByText('在帖子里加一个投票').click();
      await page.getByLabel('选项 1', { exact: true }).fill('能共享');
      await page.getByLabel('选项 2', { exact: true }).fill('不能共享');
      const closes = new Date(Date.now() + 8 * 3600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('投票截止日期').fill(closes);

      // The backend fails: the app keeps asking with the same key, the fields stay, and a
      // reload in the middle brings back every field and carries on with the same request.
      await setFault(baseURL!, { path: '/api/community/threads', method: 'POST', mode: 'error' });
      await page.getByRole('button', { name: '发布' }).click();
      await answerSendQuestion(page);
      await expect(page.getByText('正在确认结果')).toBeVisible();
      await page.reload();
      await expect(page.getByLabel('标题')).toHaveValue(title);
      await expect(page.getByLabel('正文')).toHaveValue(body);
      await expect(page.getByLabel('发到哪个版块').locator('option:checked')).toHaveText('套餐解答');
      await expect(page.getByLabel('选项 2', { exact: true })).toHaveValue('不能共享');
      await expect(page.getByLabel('投票截止日期')).toHaveValue(closes);
      await auditScreen(page, `${mode.name}: a thread being confirmed after a reload`, { soft: true });
      await clearFaults(baseURL!);

      await expect(page).toHaveURL(/\/community\/threads\/\d+$/);
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      const res = await page.request.get('/api/community/threads?sort=new&per_page=50');
      const listed = ((await res.json()) as { threads: { title: string }[] }).threads;
      expect(listed.filter((t) => t.title === title)).toHaveLength(1);
      // Sent and confirmed: the draft is gone.
      await openApp(page, '/community/new');
      await expect(page.getByLabel('标题')).toHaveValue('');
      await expect(page.getByLabel('正文')).toHaveValue('');
    });

    test('a poll closes at the end of its last day: a vote after that is refused and the results show', async ({ page, baseURL }) => {
      const author = await memberViaApi(baseURL!);
      const board = await discussionBoard(author.api);
      // Today in China: the poll's last day. It closes at midnight there, 16:00 UTC.
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const created = await author.api.post('/api/community/threads', {
        data: {
          board_id: board.id,
          title: '营业厅几点人少',
          body: '想去营业厅办业务，大家觉得什么时候去人少？',
          poll: { options: ['上午', '下午'], closes_on: today },
          idempotency_key: freshKey(),
        },
      });
      expect(created.status()).toBe(201);
      const id = ((await created.json()) as { thread: { id: number } }).thread.id;
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, `/community/threads/${id}`);
      const poll = page.getByRole('region', { name: '投票' });
      await poll.getByText('下午').click();
      try {
        // The day ends while the page is open.
        await pinServerClock(baseURL!, new Date(Date.parse(`${today}T16:00:00Z`) + 60_000));
        await poll.getByRole('button', { name: '投票' }).click();
        await expect(poll.getByRole('alert')).toHaveText('投票已经结束了');
        await expect(poll.getByText('投票已结束')).toBeVisible();
        await expect(poll.getByRole('button', { name: '投票' })).toHaveCount(0);
        await expect(poll.locator('.poll__option')).toHaveCount(2);
        await expect(poll).toContainText('0 人已投票');
        await auditScreen(page, `${mode.name}: a closed poll`, { soft: true });
        await page.reload();
        await expect(poll.getByText('投票已结束')).toBeVisible();
        await expect(poll.getByRole('radio')).toHaveCount(0);
      } finally {
        await resetServerClock(baseURL!);
        await author.api.dispose();
      }
    });

    test('markup a member types cannot run script, in a title, a body or a reply', async ({ page, baseURL }) => {
      const author = await memberViaApi(baseURL!);
      const board = await discussionBoard(author.api);
      const id = await postThread(
        author,
        board.id,
        '<script>window.__xss=1</script>标题',
        '<img src=x onerror="window.__xss=2">\n\n[点我](javascript:window.__xss=3)\n\n<a href="javascript:window.__xss=4">链接</a>',
      );
      await postReply(author, id, '<svg onload="window.__xss=5"></svg> **加粗**');
      await openApp(page, `/community/threads/${id}`);
      await expect(page.getByRole('heading', { level: 2, name: '<script>window.__xss=1</script>标题' })).toBeVisible();
      await expect(page.locator('.reply strong')).toHaveText('加粗');
      const main = page.getByRole('main');
      for (const selector of ['img', 'script', 'svg[onload]', '[onerror]', 'a[href^="javascript"]']) {
        await expect(main.locator(`.post-body ${selector}`)).toHaveCount(0);
      }
      await expect(main.getByText('点我')).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await author.api.dispose();
    });
  });
}

test("the list fetches a thread's code while it is read, and a deep link to a thread preloads it", async ({ page, context }) => {
  await presetPrefs(context, { elder_mode: false });
  const warmed = page.waitForRequest(/\/split_community_threads_pages-[0-9a-f]+\.wasm$/);
  await openApp(page, '/community');
  await expect(page.getByRole('list', { name: '帖子' }).getByRole('listitem').first()).toBeVisible();
  await warmed;
  await page.getByRole('list', { name: '帖子' }).getByRole('link').first().click();
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toBeVisible();

  await openApp(page, '/community/threads/1');
  await expect(page.locator('link[rel=preload][href*="split_community_threads_pages"]')).toHaveCount(1);
  await expect(page.locator('link[rel=preload][href*="split_community_pages"]')).toHaveCount(0);
});
