const { chromium } = require('@playwright/test');
const base = 'http://127.0.0.1:8931';
async function ctx(browser, elder) {
  const c = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  await c.addInitScript((e) => localStorage.setItem('care.prefs.v1', JSON.stringify({ elder_mode: e, text_size: 'standard', theme: 'light', locale: 'zh-CN', elder_prompt_answered: true })), elder);
  return c;
}
async function signIn(page, phone) {
  await page.request.post('/api/auth/code', { data: { phone } });
  await page.request.post('/api/auth/sign-in', { data: { phone, code: '246810' } });
}
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  for (const elder of [false, true]) {
    const tag = elder ? 'elder' : 'std';
    const c = await ctx(browser, elder); const p = await c.newPage();
    await signIn(p, '13800138000');
    const shot = async (path, name, full = true) => { await p.goto(path); await p.waitForTimeout(1500); await p.screenshot({ path: `/tmp/shots/${tag}-${name}.png`, fullPage: full }); };
    await shot('/feedback', 'hub');
    await shot('/feedback/new?kind=fault_report', 'new');
    const list = await (await p.request.get('/api/feedback/tickets')).json();
    await shot(`/feedback/tickets/${list.tickets[list.tickets.length - 1].id}`, 'ticket');
    await shot('/feedback/surveys/1', 'survey', false);
    await c.close();
    const s = await ctx(browser, elder); const sp = await s.newPage();
    await signIn(sp, '13300133000');
    await sp.goto('/feedback/surveys/1/results'); await sp.waitForTimeout(1500); await sp.screenshot({ path: `/tmp/shots/${tag}-results.png`, fullPage: true });
    await s.close();
  }
  const v = await ctx(browser, false); const vp = await v.newPage();
  await vp.goto('/rate/demo-rate-link-for-the-billing-enquiry-0001'); await vp.waitForTimeout(1500); await vp.screenshot({ path: `/tmp/shots/rate.png` });
  await browser.close();
})();
