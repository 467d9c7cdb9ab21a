/**
 * 反馈: a subscriber opens each kind of ticket with a photo, the app shrinks the photo
 * before it goes, staff handle the ticket in a second browser, the subscriber rates it low
 * and it reopens as a follow-up; the quick-rating link works once without signing in; a
 * form whose send fails keeps every field and photo over a reload and is sent once. Both
 * modes, with axe and the mode's audit on each screen.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { clearFaults, expect, openApp, presetPrefs, setFault, test, signInNewSubscriber, answerSendQuestion } from './fixtures';
import { myTickets, phonePhoto, pickPhoto, staffApi, staffPage, ticketIdOf } from './feedback';
import { MODES } from './screens';

const description = (page: Page) => page.getByLabel('请说说遇到了什么问题');
const thumbnail = (page: Page, n: number) => page.getByRole('img', { name: `照片 ${n}`, exact: true });

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('a fault report with a photo: staff take it on, reply and resolve it; rated low, it reopens', async ({ page, browser, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, '/feedback');
      await expect(page.getByRole('heading', { name: '您想反馈什么？' })).toBeVisible();
      await expect(page.getByText('还没有工单')).toBeVisible();
      await auditScreen(page, `${mode.name}: feedback, no tickets yet`, { soft: true });
      await page.getByRole('link', { name: /故障申报/ }).click();
      await expect(page.getByRole('radio', { name: '故障申报' })).toBeChecked();

      // Sending with nothing typed says what is missing beside each field.
      await page.getByRole('button', { name: '提交反馈' }).click();
      await expect(page.getByText('请选择问题类别')).toBeVisible();
      await expect(page.getByText('这里还没有填写')).toBeVisible();
      await expect(description(page)).toHaveAttribute('aria-invalid', 'true');

      await page.getByLabel('问题类别').selectOption({ label: '宽带' });
      await description(page).fill('家里宽带从昨晚八点开始断网，光猫的 LOS 灯一直红色闪烁，已经重启过两次。');
      const photo = await phonePhoto(page);
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/feedback/photos') && r.method() === 'POST');
      await pickPhoto(page, 'ticket-photos', photo);
      const upload = await sent;
      const uploaded = Number((await upload.allHeaders())['content-length']);
      const kept = (await (await upload.response())!.json()) as { width: number; height: number; bytes: number };
      // A phone photo of several MB goes up as a few hundred KB, 1600 px on its long side.
      console.log(`photo: ${photo.length} bytes picked, ${uploaded} bytes uploaded, ${kept.bytes} bytes kept`);
      expect(photo.length).toBeGreaterThan(2_000_000);
      expect(uploaded).toBeGreaterThan(20_000);
      expect(uploaded).toBeLessThan(800_000);
      expect([kept.width, kept.height]).toEqual([1600, 1200]);
      await expect(thumbnail(page, 1)).toBeVisible();
      await page.getByRole('radio', { name: '发短信' }).check();
      await page.getByLabel('什么时间方便联系').selectOption({ label: '晚上（18:00–21:00）' });
      await auditScreen(page, `${mode.name}: new ticket form, filled`, { soft: true });
      await page.getByRole('button', { name: '提交反馈' }).click();
      await answerSendQuestion(page);

      await expect(page).toHaveURL(/\/feedback\/tickets\/\d+$/);
      const id = ticketIdOf(page);
      await expect(page.getByRole('heading', { level: 2, name: '故障申报 · 宽带' })).toBeVisible();
      await expect(page.locator('.ticket-summary .ticket-status')).toHaveText('已提交');
      await expect(page.getByText(/应在 .* 前受理/)).toBeVisible();
      await expect(page.getByText('等待客服受理')).toBeVisible();
      await expect(page.locator('.ticket-page .photo-strip img')).toHaveCount(1);
      await expect(page.getByText('发短信，晚上（18:00–21:00）')).toBeVisible();
      await auditScreen(page, `${mode.name}: a new ticket`, { soft: true });

      // Staff, in their own browser: the queue lists it; they take it on, reply, resolve.
      const staff = await staffPage(browser, baseURL!, mode.elder);
      await openApp(staff, '/feedback/queue');
      await expect(staff.locator(`a[href="/feedback/tickets/${id}"]`)).toBeVisible();
      await auditScreen(staff, `${mode.name}: staff's ticket queue`, { soft: true });
      await staff.locator(`a[href="/feedback/tickets/${id}"]`).click();
      await staff.getByRole('button', { name: '受理工单' }).click();
      await expect(staff.locator('.ticket-summary .ticket-status')).toHaveText('已受理');
      await staff.getByLabel('回复或提问').fill('您好，已安排装维师傅明天上午上门检查光猫和入户光纤。');
      await staff.getByRole('button', { name: '回复客户' }).click();
      await expect(staff.locator('.message--staff')).toContainText('装维师傅明天上午上门');
      await staff.getByLabel('处理结果说明').fill('更换了入户光纤接头，宽带已恢复。');
      await staff.getByRole('button', { name: '标记为已解决' }).click();
      await expect(staff.getByText('已解决。把这个评价链接发给客户：')).toBeVisible();
      await expect(staff.locator('.rate-link')).toHaveText(/^\/rate\/[A-Za-z0-9_-]{43}$/);
      await auditScreen(staff, `${mode.name}: staff resolved a ticket`, { soft: true });
      await staff.context().close();

      // The subscriber sees the reply and the timeline, and rates it low: it reopens.
      await page.reload();
      await expect(page.locator('.ticket-summary .ticket-status')).toHaveText('已解决');
      await expect(page.locator('.message--staff')).toContainText('装维师傅明天上午上门');
      await expect(page.locator('.timeline')).toContainText('客服已受理');
      await expect(page.locator('.timeline')).toContainText('更换了入户光纤接头');
      await page.getByRole('button', { name: '提交评价' }).click();
      await expect(page.getByText('请选好满意度、推荐意愿和问题是否解决')).toBeVisible();
      await page.getByRole('radio', { name: '不满意', exact: true }).check();
      await page.getByRole('radio', { name: '3', exact: true }).check();
      await page.getByRole('radio', { name: '没解决', exact: true }).check();
      await expect(page.getByText('这样提交后，工单会重新打开，由客服继续跟进。')).toBeVisible();
      await page.getByLabel('还想说点什么（可不填）').fill('第二天又断了一次。');
      await auditScreen(page, `${mode.name}: rating a resolved ticket`, { soft: true });
      await page.getByRole('button', { name: '提交评价' }).click();
      await answerSendQuestion(page);
      await expect(page.locator('.ticket-summary .ticket-status')).toHaveText('处理中');
      await expect(page.locator('.ticket-summary').getByText('跟进中')).toBeVisible();
      await expect(page.getByText(/应在 .* 前解决/)).toBeVisible();
      await expect(page.getByText('满意度：2/5（不满意）')).toBeVisible();
      await expect(page.locator('.timeline')).toContainText('重新跟进处理');
      await auditScreen(page, `${mode.name}: a reopened ticket`, { soft: true });

      // My tickets lists it with its state.
      await openApp(page, '/feedback');
      const row = page.locator(`a[href="/feedback/tickets/${id}"]`);
      await expect(row).toContainText('故障申报 · 宽带');
      await expect(row).toContainText('处理中');
      await expect(row).toContainText('跟进中');
      await auditScreen(page, `${mode.name}: my tickets`, { soft: true });
    });

    test('a survey with skip logic, resumed after a reload in the middle, is sent once', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, '/feedback');
      const card = page.locator('.survey-card').filter({ hasText: '客服体验调查' });
      await card.getByRole('link', { name: '开始答题' }).click();
      await expect(page.getByText('第 1 题，共 13 题')).toBeVisible();
      await auditScreen(page, `${mode.name}: a survey's first question`, { soft: true });
      await page.getByRole('radio', { name: '本运营商' }).check();
      await page.getByRole('button', { name: '下一题' }).click();
      await expect(page.getByText('第 2 题，共 13 题')).toBeVisible();
      // A required question says so beside it.
      await page.getByRole('button', { name: '下一题' }).click();
      await expect(page.getByText('请先回答这一题')).toBeVisible();
      await page.getByRole('radio', { name: '比较满意' }).check();
      await page.getByRole('button', { name: '下一题' }).click();
      await page.getByRole('radio', { name: '非常满意' }).check();
      await page.getByRole('button', { name: '下一题' }).click();
      await expect(page.getByText('第 4 题，共 13 题')).toBeVisible();
      await expect(page.getByText('答案已保存，随时可以接着答')).toBeVisible();

      // A reload resumes at the same question with the answers given.
      await page.reload();
      await expect(page.getByText('第 4 题，共 13 题')).toBeVisible();
      await page.getByRole('button', { name: '上一题' }).click();
      await expect(page.getByRole('radio', { name: '非常满意' })).toBeChecked();
      await page.getByRole('button', { name: '上一题' }).click();
      await page.getByRole('button', { name: '上一题' }).click();
      // Another operator skips the block about ours: the path is three questions now.
      await page.getByRole('radio', { name: '其他运营商' }).check();
      await page.getByRole('button', { name: '下一题' }).click();
      await expect(page.getByText('第 2 题，共 3 题')).toBeVisible();
      await page.getByLabel('您对我们的服务最满意的是哪一点？').fill('营业厅的工作人员很耐心。');
      await auditScreen(page, `${mode.name}: a survey's open question`, { soft: true });
      await page.getByRole('button', { name: '下一题' }).click();
      await page.getByRole('button', { name: '下一题' }).click();
      await expect(page.getByText('您回答了 2 道题。', { exact: false })).toBeVisible();
      await page.getByRole('button', { name: '提交问卷' }).click();
      await answerSendQuestion(page);
      await expect(page.getByRole('heading', { name: '谢谢您的参与' })).toBeVisible();

      const saved = await page.request.get('/api/surveys/1');
      const view = (await saved.json()) as { status: string; response: { answers: Record<string, unknown> } };
      expect(view.status).toBe('submitted');
      expect(Object.keys(view.response.answers).sort()).toEqual(['q1', 'q12']);
      await openApp(page, '/feedback');
      await expect(page.locator('.survey-card').filter({ hasText: '客服体验调查' })).toContainText('您已提交，谢谢参与');
    });

    test('a form whose send fails keeps every field and photo over a reload, and is sent once', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!);
      await openApp(page, '/feedback/new?kind=complaint');
      await page.getByLabel('问题类别').selectOption({ label: '话费账单' });
      const text = `上个月话费多扣了 30 元，账单里有一项没订过的增值业务。${Date.now() % 100000}`;
      await description(page).fill(text);
      await pickPhoto(page, 'ticket-photos', await phonePhoto(page));
      await expect(thumbnail(page, 1)).toBeVisible();
      await page.getByRole('radio', { name: '家人的号码' }).check();
      await page.getByLabel('家人的手机号').fill('137 0013 7000');
      // A reload before sending keeps everything, the photo included.
      await page.reload();
      await expect(description(page)).toHaveValue(text);
      await expect(thumbnail(page, 1)).toBeVisible();

      await setFault(baseURL!, { path: '/api/feedback/tickets', method: 'POST', mode: 'error' });
      await page.getByRole('button', { name: '提交反馈' }).click();
      await answerSendQuestion(page);
      await expect(page.getByText('正在确认结果')).toBeVisible();
      await page.reload();
      await expect(description(page)).toHaveValue(text);
      await expect(page.getByLabel('问题类别').locator('option:checked')).toHaveText('话费账单');
      await expect(page.getByLabel('家人的手机号')).toHaveValue('137 0013 7000');
      await expect(thumbnail(page, 1)).toBeVisible();
      await auditScreen(page, `${mode.name}: a ticket being confirmed after a reload`, { soft: true });
      await clearFaults(baseURL!);

      await expect(page).toHaveURL(/\/feedback\/tickets\/\d+$/);
      await expect(page.getByRole('heading', { level: 2, name: '投诉 · 话费账单' })).toBeVisible();
      await expect(page.getByText('137****7000')).toBeVisible();
      const mine = await myTickets(page.request);
      expect(mine.filter((t) => t.excerpt.startsWith('上个月话费多扣了 30 元'))).toHaveLength(1);
      // Sent and confirmed: the draft is gone.
      await openApp(page, '/feedback/new');
      await expect(description(page)).toHaveValue('');
      await expect(thumbnail(page, 1)).toHaveCount(0);
    });
  });
}

test('an enquiry, a complaint and a suggestion, each with a photo', async ({ page, baseURL }) => {
  await presetPrefs(page.context());
  await signInNewSubscriber(page, baseURL!);
  const photo = await phonePhoto(page);
  const cases = [
    { kind: '咨询', category: '套餐与流量', words: '想问一下现在的套餐能不能加一个副卡，资费怎么算？' },
    { kind: '投诉', category: '服务态度', words: '营业厅工作人员办理业务时态度很不耐烦，希望改进。' },
    { kind: '建议', category: 'App 使用', words: '希望应用里能直接看到宽带的到期时间，方便续费。' },
  ];
  for (const c of cases) {
    await openApp(page, '/feedback/new');
    await page.getByRole('radio', { name: c.kind, exact: true }).check();
    await page.getByLabel('问题类别').selectOption({ label: c.category });
    await description(page).fill(c.words);
    await pickPhoto(page, 'ticket-photos', photo);
    await expect(thumbnail(page, 1)).toBeVisible();
    await page.getByRole('button', { name: '提交反馈' }).click();
    await answerSendQuestion(page);
    await expect(page.getByRole('heading', { level: 2, name: `${c.kind} · ${c.category}` })).toBeVisible();
    await expect(page.locator('.ticket-page .photo-strip img')).toHaveCount(1);
  }
  const mine = await myTickets(page.request);
  expect(mine.map((t) => t.kind).sort()).toEqual(['complaint', 'enquiry', 'suggestion']);
});

test('a photo can be removed, a file that is not a picture is refused in words, and at most three go', async ({ page, baseURL }) => {
  await presetPrefs(page.context());
  await signInNewSubscriber(page, baseURL!);
  await openApp(page, '/feedback/new?kind=fault_report');
  const photo = await phonePhoto(page);
  await page.locator('#ticket-photos').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture at all') });
  await expect(page.getByText('这个文件不是照片，请选择 JPEG、PNG 或 WebP 图片。')).toBeVisible();
  for (let i = 1; i <= 3; i++) {
    await pickPhoto(page, 'ticket-photos', photo, `IMG_${i}.jpg`);
    await expect(thumbnail(page, i)).toBeVisible();
  }
  await expect(page.getByText('添加照片')).toHaveCount(0);
  await page.getByRole('button', { name: '删除照片 2' }).click();
  await expect(thumbnail(page, 3)).toHaveCount(0);
  await expect(page.getByText('已添加 2 张，最多 3 张。', { exact: false })).toBeVisible();
  await expect(page.getByText('添加照片')).toBeVisible();
});

test('the quick-rating link rates once, signed out, and shows nothing of the ticket', async ({ page, browser, baseURL }) => {
  await presetPrefs(page.context());
  await signInNewSubscriber(page, baseURL!);
  const created = await page.request.post('/api/feedback/tickets', {
    data: {
      kind: 'enquiry',
      category: 'billing',
      description: '请问话费账单里的“语音包”是什么费用？',
      contact_method: 'in_app',
      contact_window: 'any_time',
      idempotency_key: `e2e-quick-${Date.now()}`.padEnd(16, 'x'),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { ticket: { id: number } }).ticket.id;
  const staff = await staffApi(baseURL!);
  expect((await staff.post(`/api/staff/feedback/tickets/${id}/accept`)).status()).toBe(200);
  const resolved = await staff.post(`/api/staff/feedback/tickets/${id}/resolve`, { data: { note: '已电话说明语音包的费用构成。' } });
  expect(resolved.status(), await resolved.text()).toBe(200);
  const link = ((await resolved.json()) as { rate_link: string }).rate_link;
  await staff.dispose();

  // Opened from a text message on a phone that is not signed in.
  const visitor = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  // Past the first-visit question about elder mode, as a returning visitor.
  await presetPrefs(visitor);
  const phone = await visitor.newPage();
  await openApp(phone, link);
  await expect(phone.getByRole('heading', { name: '这次服务您满意吗？' })).toBeVisible();
  await expect(phone.getByText('语音包')).toHaveCount(0);
  await auditScreen(phone, 'quick rating', { soft: true });
  await phone.getByRole('button', { name: '满意，点亮' }).click();
  await expect(phone.getByRole('heading', { name: '谢谢您的评价' })).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('heading', { name: '这次服务已经评价过了' })).toBeVisible();
  await openApp(phone, '/rate/this-is-not-a-real-token-at-all-xxxxxxxxxxxxxx');
  await expect(phone.getByRole('heading', { name: '这个评价链接打不开' })).toBeVisible();
  await visitor.close();

  await page.reload();
  await openApp(page, `/feedback/tickets/${id}`);
  await expect(page.locator('.ticket-summary .ticket-status')).toHaveText('已关闭');
  await expect(page.getByText('满意（一键评价）')).toBeVisible();
});
