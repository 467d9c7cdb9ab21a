/**
 * The audits must be able to fail: hand-made pages with known defects must be reported,
 * and a compliant page must pass. No server needed (page.setContent).
 */
import { expect, test } from '@playwright/test';
import {
  auditElderMode,
  auditStandardMode,
  ELDER_THRESHOLDS,
  expectNoAxeViolations,
  measure,
  measureExtraChecks,
  STANDARD_THRESHOLDS,
} from './audit';

const BASE_CSS = `
  html { font-family: system-ui, "Noto Sans CJK SC", sans-serif; font-size: 20px; background: #fff; color: #111; }
  body { margin: 0; padding: 16px; line-height: 1.6; }
  p { margin: 0 0 2.5em; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .skip { position: absolute; top: -10rem; left: 8px; font-size: 10px; }
`;

const BAD_PAGE = `<!doctype html><html lang="zh-CN" data-elder="on"><head><title>bad</title><style>${BASE_CSS}
  .tiny { width: 20px; height: 20px; padding: 0; font-size: 12px; }
  .pale { color: #999999; }
  .cramped { line-height: normal; margin: 0; }
  .small { font-size: 14px; }
  .nineteen { font-size: 19px; }
  .short-link { display: inline-block; min-height: 30px; }
</style></head><body>
  <a class="skip" href="#main">跳到正文</a>
  <main id="main">
    <h1>自测页面</h1>
    <button class="tiny" aria-label="加">+</button>
    <p class="pale">浅灰色的文字看不清。</p>
    <p class="cramped">这一段行高是 normal。</p>
    <p class="small">这一段字太小了。</p>
    <div><a class="short-link" href="/x">矮链接</a></div>
    <div><span class="nineteen">十九像素的说明</span></div>
    <span class="visually-hidden">只给读屏软件的小字</span>
  </main>
</body></html>`;

const GOOD_PAGE = `<!doctype html><html lang="zh-CN" data-elder="on"><head><title>good</title><style>${BASE_CSS}
  button, a.btn { display: inline-flex; align-items: center; min-width: 60px; min-height: 60px; font: inherit; line-height: 1.5; color: #fff; background: #0a3f94; border: 0; padding: 0 16px; }
  label { display: flex; align-items: center; gap: 8px; min-height: 60px; }
  input[type=radio] { width: 24px; height: 24px; }
  input[type=text] { font: inherit; min-height: 60px; width: 100%; color: #111; }
</style></head><body>
  <a class="skip" href="#main">跳到正文</a>
  <main id="main">
    <h1>合格页面</h1>
    <p>第一段：字够大，行高够，颜色够深。</p>
    <p>第二段：和上一段之间留足了空。</p>
    <button type="button">确定</button>
    <a class="btn" href="/next">下一步</a>
    <fieldset><legend>字体大小</legend>
      <label><input type="radio" name="size" checked /> 标准</label>
      <label><input type="radio" name="size" /> 大</label>
    </fieldset>
    <label for="phone">手机号</label>
    <input id="phone" type="text" value="13800138000" />
    <span class="visually-hidden">只给读屏软件的小字</span>
  </main>
</body></html>`;

test.describe('the elder-mode audit', () => {
  test('reports every defect of a bad page, and nothing hidden', async ({ page }) => {
    await page.setContent(BAD_PAGE);
    const report = await measure(page, ELDER_THRESHOLDS);
    const has = (rule: string, text: string) =>
      report.offenders.some((o) => o.rule === rule && o.text.includes(text));

    expect(has('target-size', '+'), 'the 20 x 20 button').toBe(true);
    expect(has('font-size', '+'), 'the 12 px button text').toBe(true);
    expect(has('target-size', '矮链接'), 'the 30 px high link').toBe(true);
    expect(has('contrast', '浅灰色'), 'the #999 on white text').toBe(true);
    expect(has('line-height', '行高是 normal'), 'line-height: normal on a paragraph').toBe(true);
    expect(has('body-font-size', '字太小'), 'the 14 px paragraph').toBe(true);
    expect(has('font-size', '字太小'), 'the 14 px paragraph (below 20)').toBe(true);
    expect(has('font-size', '十九像素'), 'the 19 px note (below 20)').toBe(true);
    expect(has('paragraph-spacing', '字太小'), 'no gap after the cramped paragraph').toBe(true);
    // Visually hidden text and the off-screen skip link are not judged.
    expect(report.offenders.filter((o) => o.text.includes('读屏软件'))).toEqual([]);
    expect(report.offenders.filter((o) => o.text.includes('跳到正文'))).toEqual([]);

    // The assertion form fails, naming the offenders.
    let failure = '';
    try {
      await auditElderMode(page, 'bad page');
    } catch (e) {
      failure = String((e as Error).message);
    }
    expect(failure).toContain('elder-mode audit of "bad page"');
    expect(failure).toContain('[target-size] <button[aria-label="加"]> "+" .tiny: measured 20 × 20px, required ≥ 60 × 60px');
    expect(failure).toMatch(/\[contrast\] <p> "浅灰色的文字看不清。" \.pale: measured 2\.8\d?:1/);
  });

  test('passes a compliant page', async ({ page }) => {
    await page.setContent(GOOD_PAGE);
    const report = await auditElderMode(page, 'good page');
    expect(report.checked.targets).toBeGreaterThanOrEqual(5);
    expect(report.checked.text).toBeGreaterThanOrEqual(6);
    expect(report.checked.paragraphsPairs).toBe(1);
  });

  test('refuses to audit a page that is not in elder mode', async ({ page }) => {
    await page.setContent(GOOD_PAGE.replace('data-elder="on"', 'data-elder="off"'));
    await expect(auditElderMode(page, 'standard page')).rejects.toThrow(/needs elder mode on/);
  });

  test('reports an empty page instead of passing it', async ({ page }) => {
    await page.setContent('<!doctype html><html data-elder="on" style="font-size:20px"><body></body></html>');
    const report = await measure(page, ELDER_THRESHOLDS);
    expect(report.offenders.map((o) => o.rule)).toEqual(['empty']);
  });
});

test.describe('the standard-mode audit', () => {
  test('reports a 30 px button and passes 44 px ones', async ({ page }) => {
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body>
      <button style="width:30px;height:30px">a</button>
      <button style="width:44px;height:44px">b</button>
      <p>Read the <a href="/terms">terms</a> first.</p>
    </body></html>`);
    const report = await measure(page, STANDARD_THRESHOLDS);
    expect(report.offenders.map((o) => `${o.rule} ${o.text} ${o.measured}`)).toEqual(['target-size a 30 × 30px']);
    expect(report.skipped.map((s) => s.text)).toEqual(['terms']);
  });

  test('passes when every target is large enough', async ({ page }) => {
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body>
      <button style="width:44px;height:44px">b</button></body></html>`);
    await auditStandardMode(page, 'ok page');
  });
});

test.describe('the axe check', () => {
  test('fails on a page with an unlabeled input and passes a clean one', async ({ page }) => {
    await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><input type="text"></main></body></html>');
    let failure = '';
    try {
      await expectNoAxeViolations(page, 'unlabeled input');
    } catch (e) {
      failure = String((e as Error).message);
    }
    expect(failure).toContain('label');
    expect(failure).toContain('input');

    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Hi</h1><label>Name <input type="text"></label></main></body></html>',
    );
    await expectNoAxeViolations(page, 'clean page');
  });
});

test.describe("the compliance audit's further checks", () => {
  test('reports ads, overflow, a misplaced small close button and small text at the largest size', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${BASE_CSS}
      .wide { width: 500px; height: 10px; }
      .scroller { overflow-x: auto; } .scroller div { width: 900px; height: 10px; }
      [role=dialog] { position: fixed; inset: 40px 20px; background: #fff; }
      .x { position: absolute; left: 40%; top: 40%; width: 30px; height: 30px; }
      .small { font-size: 14px; }
    </style></head><body><main>
      <h1>Bad</h1>
      <div class="promo-banner">Buy now</div>
      <div id="sponsored-box">Sponsored</div>
      <marquee>News</marquee>
      <div class="shadow address badge">not an ad</div>
      <div class="wide"></div>
      <div class="scroller"><div></div></div>
      <p class="small">Small words</p>
      <div role="dialog" aria-label="Hello"><button class="x" aria-label="Close">x</button></div>
    </main></body></html>`);
    const r = await measureExtraChecks(page, { marketing: true, overflow: true, dialogCloseMinPx: 44, largestMinPx: 30 });
    expect(r.marketing.map((o) => o.tag)).toEqual(['div', 'div#sponsored-box', 'marquee']);
    // The wide block, widest first (a fixed dialog, stretched with the document, may follow).
    expect(r.overflow.map((o) => `${o.tag}.${o.className}`)[0]).toBe('div.wide');
    // The 900 px block inside a horizontal scroller is not the page's overflow.
    expect(r.overflow.some((o) => o.tag === 'div' && o.className === '')).toBe(false);
    expect(r.dialogs).toBe(1);
    expect(r.dialog.map((o) => o.required)).toEqual(['≥ 44 × 44px', 'top-left, top-right or bottom-centre']);
    expect(r.largest.some((o) => o.text === 'Small words')).toBe(true);
  });

  test('reports a tab cut off at the edge of a fixed bar', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>
      body { margin: 0; }
      nav { position: fixed; left: 0; right: 0; bottom: 0; display: flex; } nav a { flex: none; width: 90px; height: 60px; }
    </style></head><body><main><h1>Tabs</h1></main>
      <nav aria-label="tabs"><a href="/1">1</a><a href="/2">2</a><a href="/3">3</a><a href="/4">4</a></nav>
    </body></html>`);
    const r = await measureExtraChecks(page, { overflow: true });
    // The fourth tab (270-360 px) is cut off at 320 px; the document itself is not wider.
    expect(r.overflow.map((o) => `${o.tag} ${o.text}`)).toEqual(['a 4']);
    expect(r.overflow[0].measured).toContain('cut off in a fixed bar');
  });

  test('passes a page that fits, with its close button top-right', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>
      html { font-size: 32px; } body { margin: 0; }
      .scroller { overflow-x: auto; } .scroller div { width: 900px; height: 10px; }
      [role=dialog] { position: fixed; inset: 40px 20px; background: #fff; }
      .x { position: absolute; right: 4px; top: 4px; width: 48px; height: 48px; }
    </style></head><body><main>
      <h1>Good</h1><p>Fine words</p>
      <div class="scroller"><div></div></div>
      <div role="dialog" aria-label="Hello"><button class="x" aria-label="Close">x</button></div>
    </main></body></html>`);
    const r = await measureExtraChecks(page, { marketing: true, overflow: true, dialogCloseMinPx: 44, largestMinPx: 30 });
    expect([...r.marketing, ...r.overflow, ...r.dialog, ...r.largest]).toEqual([]);
  });
});
