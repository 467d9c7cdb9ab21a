/**
 * Accessibility audits every journey runs on every screen it visits.
 *
 * - `expectNoAxeViolations(page, label)`: axe-core, WCAG 2.0/2.1 A and AA rules.
 * - `auditElderMode(page, label)`: what elder mode promises, measured in the page: text
 *   sizes (nothing under 20 px), line heights, paragraph spacing, tap-target sizes and 7:1
 *   contrast.
 * - `auditStandardMode(page, label)`: tap targets of 44 x 44 CSS px in standard mode.
 *
 * Each audit collects every offender on the screen and fails once, naming each one (tag,
 * text, class, measured value, required value). Pass `{ soft: true }` to record the failure
 * and let the journey go on (the test still fails at its end). Every finding is also
 * attached to the test and appended to test-results/audit-findings.jsonl.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export interface AuditOptions {
  /** Record the failure with expect.soft and carry on (default: fail at once). */
  soft?: boolean;
}

/** The thresholds of one audit; elder and standard modes differ. */
export interface AuditThresholds {
  mode: 'elder' | 'standard';
  /** Minimum width and height of every tap target, CSS px. */
  minTarget: number;
  /** Whether to check text (sizes, line height, spacing, contrast). */
  checkText: boolean;
  /** Minimum font size of any visible text, px. */
  minTextPx: number;
  /** Minimum font size of body text (`body`, `p`), px. */
  minBodyPx: number;
  /** Minimum line-height / font-size of any text. */
  minLineRatio: number;
  /** Minimum line-height / font-size of paragraphs (`p`); `normal` fails. */
  minParagraphLineRatio: number;
  /** Minimum gap between consecutive sibling paragraphs, as a multiple of line height. */
  minParagraphGapLines: number;
  /** Minimum contrast of text against its effective background. */
  minContrast: number;
}

export const ELDER_THRESHOLDS: AuditThresholds = {
  mode: 'elder',
  minTarget: 60,
  checkText: true,
  // Issue 12: nothing under 20 px in elder mode (secondary text, tab labels, badges too).
  minTextPx: 20,
  minBodyPx: 20,
  minLineRatio: 1.3,
  minParagraphLineRatio: 1.5,
  minParagraphGapLines: 1.3,
  minContrast: 7,
};

export const STANDARD_THRESHOLDS: AuditThresholds = {
  mode: 'standard',
  minTarget: 44,
  checkText: false,
  minTextPx: 0,
  minBodyPx: 0,
  minLineRatio: 0,
  minParagraphLineRatio: 0,
  minParagraphGapLines: 0,
  minContrast: 0,
};

export interface Offender {
  rule:
    | 'font-size'
    | 'body-font-size'
    | 'line-height'
    | 'paragraph-spacing'
    | 'target-size'
    | 'contrast'
    | 'empty'
    | 'marketing'
    | 'overflow'
    | 'dialog-close'
    | 'largest-step';
  tag: string;
  text: string;
  className: string;
  measured: string;
  required: string;
}

export interface AuditReport {
  url: string;
  offenders: Offender[];
  checked: { text: number; targets: number; paragraphsPairs: number };
  /** Elements deliberately not judged, and why (e.g. text over a background image). */
  skipped: { tag: string; text: string; reason: string }[];
}

/**
 * Runs in the page. Self-contained: Playwright serializes it, so it may not use anything
 * from this module's scope.
 */
function measurePage(t: AuditThresholds): AuditReport {
  const offenders: Offender[] = [];
  const skipped: AuditReport['skipped'] = [];
  const checked = { text: 0, targets: 0, paragraphsPairs: 0 };

  const round = (n: number) => Math.round(n * 100) / 100;
  const tagOf = (el: Element) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const role = el.getAttribute('role');
    if (role) s += `[role=${role}]`;
    const type = el.getAttribute('type');
    if (type && el.tagName === 'INPUT') s += `[type=${type}]`;
    const label = el.getAttribute('aria-label');
    if (label) s += `[aria-label="${label}"]`;
    return s;
  };
  const textOf = (el: Element) => {
    const h = el as HTMLElement;
    let s = '';
    if (h instanceof HTMLInputElement || h instanceof HTMLTextAreaElement) {
      s = h.value || h.placeholder || '';
    } else {
      s = h.innerText ?? el.textContent ?? '';
    }
    s = s.replace(/\s+/g, ' ').trim();
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  };
  const classOf = (el: Element) => (typeof el.className === 'string' ? el.className : el.getAttribute('class') || '');
  const add = (rule: Offender['rule'], el: Element, measured: string, required: string) =>
    offenders.push({ rule, tag: tagOf(el), text: textOf(el), className: classOf(el), measured, required });

  // ---- Visibility ----
  const hiddenCache = new Map<Element, boolean>();
  const ancestorHides = (el: Element): boolean => {
    const cached = hiddenCache.get(el);
    if (cached !== undefined) return cached;
    const cs = getComputedStyle(el);
    let hides = false;
    if (cs.display === 'none' || parseFloat(cs.opacity) === 0) hides = true;
    // The visually-hidden pattern: clip to nothing, or a 1 x 1 px box that clips overflow.
    if (/rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(cs.clip)) hides = true;
    if (/inset\(\s*50%/.test(cs.clipPath)) hides = true;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1 && cs.overflow !== 'visible' && cs.display !== 'contents') hides = true;
    if (!hides && el.parentElement) hides = ancestorHides(el.parentElement);
    hiddenCache.set(el, hides);
    return hides;
  };
  const isVisible = (el: Element): boolean => {
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    // Off-screen above or left of the document (e.g. the skip link until it is focused).
    if (r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0) return false;
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') return false;
    return !ancestorHides(el);
  };

  // ---- Colour ----
  type RGBA = [number, number, number, number];
  const parseColor = (s: string): RGBA | null => {
    let m = s.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
    if (m) {
      let a = m[4] === undefined ? 1 : parseFloat(m[4]);
      if (m[4] && m[4].endsWith('%')) a /= 100;
      return [parseFloat(m[1]), parseFloat(m[2]), parseFloat(m[3]), a];
    }
    m = s.match(/^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)$/);
    if (m) {
      return [parseFloat(m[1]) * 255, parseFloat(m[2]) * 255, parseFloat(m[3]) * 255, m[4] === undefined ? 1 : parseFloat(m[4])];
    }
    if (s === 'transparent') return [0, 0, 0, 0];
    return null;
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = (c: RGBA) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const contrast = (a: RGBA, b: RGBA) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const hex = (c: RGBA) =>
    '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('') + (c[3] < 1 ? `@${round(c[3])}` : '');
  /** Background behind `el`: ancestors' background colours composited, or null over an image. */
  const effectiveBackground = (el: Element): { bg: RGBA; opacity: number } | null => {
    const layers: RGBA[] = [];
    let opacity = 1;
    let reachedOpaque = false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return null;
      const c = parseColor(cs.backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) {
          reachedOpaque = true;
          break;
        }
      }
      if (layers.length === 0) opacity *= parseFloat(cs.opacity);
    }
    let bg: RGBA = [255, 255, 255, 1]; // the canvas
    if (!reachedOpaque && document.documentElement) {
      const canvas = parseColor(getComputedStyle(document.body).backgroundColor);
      if (canvas && canvas[3] >= 1) bg = canvas;
    }
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return { bg, opacity };
  };

  // ---- Line height ----
  const normalRatioCache = new Map<string, number>();
  /** `line-height: normal` as a ratio, measured with a probe in the same font. */
  const normalRatio = (cs: CSSStyleDeclaration): number => {
    const key = `${cs.fontFamily}|${cs.fontSize}|${cs.fontWeight}`;
    const cached = normalRatioCache.get(key);
    if (cached !== undefined) return cached;
    const probe = document.createElement('span');
    probe.textContent = '国Ag';
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;line-height:normal;font-family:${cs.fontFamily};font-size:${cs.fontSize};font-weight:${cs.fontWeight};display:inline-block`;
    document.body.appendChild(probe);
    const ratio = probe.getBoundingClientRect().height / parseFloat(cs.fontSize);
    probe.remove();
    normalRatioCache.set(key, ratio);
    return ratio;
  };
  const lineHeightPx = (cs: CSSStyleDeclaration): number =>
    cs.lineHeight === 'normal' ? normalRatio(cs) * parseFloat(cs.fontSize) : parseFloat(cs.lineHeight);

  const all = Array.from(document.body.querySelectorAll('*')).filter(
    (el) => !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE'].includes(el.tagName),
  );

  // ---- Text ----
  if (t.checkText) {
    const bodyPx = parseFloat(getComputedStyle(document.body).fontSize);
    if (bodyPx < t.minBodyPx) add('body-font-size', document.body, `${round(bodyPx)}px`, `≥ ${t.minBodyPx}px`);

    const hasOwnText = (el: Element) =>
      Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent || '').trim() !== '');
    const isTextField = (el: Element) =>
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement ||
      (el instanceof HTMLInputElement && !['hidden', 'radio', 'checkbox', 'range', 'color', 'file', 'image'].includes(el.type));

    for (const el of all) {
      if (!(hasOwnText(el) || isTextField(el))) continue;
      if (!isVisible(el)) continue;
      checked.text++;
      const cs = getComputedStyle(el);
      const fontPx = parseFloat(cs.fontSize);
      const isP = el.tagName === 'P';

      if (fontPx < t.minTextPx) add('font-size', el, `${round(fontPx)}px`, `≥ ${t.minTextPx}px`);
      if (isP && fontPx < t.minBodyPx) add('body-font-size', el, `${round(fontPx)}px (paragraph)`, `≥ ${t.minBodyPx}px`);

      if (isP) {
        if (cs.lineHeight === 'normal') {
          add('line-height', el, 'normal (paragraph)', `≥ ${t.minParagraphLineRatio} × font size, set explicitly`);
        } else {
          const ratio = parseFloat(cs.lineHeight) / fontPx;
          if (ratio < t.minParagraphLineRatio - 0.005)
            add('line-height', el, `${round(ratio)} (${cs.lineHeight} / ${cs.fontSize})`, `≥ ${t.minParagraphLineRatio}`);
        }
      } else {
        const ratio = lineHeightPx(cs) / fontPx;
        if (ratio < t.minLineRatio - 0.005)
          add(
            'line-height',
            el,
            `${round(ratio)} (${cs.lineHeight === 'normal' ? 'normal' : cs.lineHeight} / ${cs.fontSize})`,
            `≥ ${t.minLineRatio}`,
          );
      }

      const fg = parseColor(cs.color);
      const back = effectiveBackground(el);
      if (!fg) {
        skipped.push({ tag: tagOf(el), text: textOf(el), reason: `unparsed colour ${cs.color}` });
      } else if (!back) {
        skipped.push({ tag: tagOf(el), text: textOf(el), reason: 'text over a background image' });
      } else {
        const text: RGBA = over([fg[0], fg[1], fg[2], fg[3] * back.opacity], back.bg);
        const ratio = contrast(text, back.bg);
        if (ratio < t.minContrast - 0.005) {
          const disabled = (el as HTMLButtonElement).disabled || el.closest('[disabled],[aria-disabled="true"]') ? ' (disabled)' : '';
          add('contrast', el, `${round(ratio)}:1 (${hex(fg)} on ${hex(back.bg)})${disabled}`, `≥ ${t.minContrast}:1`);
        }
      }
    }

    // Paragraph spacing between consecutive sibling paragraphs, as rendered.
    for (const p of all) {
      if (p.tagName !== 'P' || !isVisible(p)) continue;
      const next = p.nextElementSibling;
      if (!next || next.tagName !== 'P' || !isVisible(next)) continue;
      checked.paragraphsPairs++;
      const gap = next.getBoundingClientRect().top - p.getBoundingClientRect().bottom;
      const lh = lineHeightPx(getComputedStyle(p));
      const need = t.minParagraphGapLines * lh;
      if (gap < need - 0.5)
        add('paragraph-spacing', next, `${round(gap)}px gap after the <p> "${textOf(p).slice(0, 12)}"`, `≥ ${round(need)}px (${t.minParagraphGapLines} × line height ${round(lh)}px)`);
    }
  }

  // ---- Tap targets ----
  const targetSelector = [
    'a[href]',
    'button',
    '[role=switch]',
    '[role=button]',
    '[role=link]',
    '[role=tab]',
    '[role=radio]',
    '[role=checkbox]',
    '[role=menuitem]',
    'input:not([type=hidden])',
    'select',
    'textarea',
    'summary',
    'label',
  ].join(',');
  const labelsRadio = (label: HTMLLabelElement) => {
    const control = label.control;
    return !!control && control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox');
  };
  /** An inline link inside a sentence: WCAG 2.5.8 exempts it from the size requirement. */
  const isInlineInText = (el: Element) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const parent = el.parentElement;
    return (
      !!parent &&
      Array.from(parent.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent || '').trim() !== '')
    );
  };
  const seen = new Set<Element>();
  for (const el of Array.from(document.body.querySelectorAll(targetSelector))) {
    if (seen.has(el)) continue;
    seen.add(el);
    if (el.tagName === 'LABEL' && !labelsRadio(el as HTMLLabelElement)) continue;
    if (
      el instanceof HTMLInputElement &&
      (el.type === 'radio' || el.type === 'checkbox') &&
      el.labels &&
      el.labels.length > 0
    )
      continue; // its label is the target, measured instead
    if (!isVisible(el)) continue;
    if (isInlineInText(el)) {
      skipped.push({ tag: tagOf(el), text: textOf(el), reason: 'inline link in running text (WCAG 2.5.8 exception)' });
      continue;
    }
    checked.targets++;
    const r = el.getBoundingClientRect();
    if (r.width < t.minTarget - 0.05 || r.height < t.minTarget - 0.05)
      add('target-size', el, `${round(r.width)} × ${round(r.height)}px`, `≥ ${t.minTarget} × ${t.minTarget}px`);
  }

  if (checked.targets === 0 && (!t.checkText || checked.text === 0)) {
    offenders.push({
      rule: 'empty',
      tag: 'body',
      text: textOf(document.body),
      className: '',
      measured: 'no visible text or tap target found',
      required: 'a rendered screen',
    });
  }
  return { url: location.href, offenders, checked, skipped };
}

/** One line per offender: rule, element (tag, text, classes), measured and required value. */
export function formatOffenderLines(offenders: Offender[]): string[] {
  return offenders.map(
    (o, i) =>
      `  ${String(i + 1).padStart(2)}. [${o.rule}] <${o.tag}> "${o.text}"${o.className ? ` .${o.className.trim().split(/\s+/).join('.')}` : ''}: ` +
      `measured ${o.measured}, required ${o.required}`,
  );
}

export function formatOffenders(title: string, report: AuditReport): string {
  const lines = formatOffenderLines(report.offenders);
  return [
    `${title}: ${report.offenders.length} offender(s) at ${report.url}`,
    `  (checked ${report.checked.text} text elements, ${report.checked.targets} tap targets, ${report.checked.paragraphsPairs} paragraph pairs)`,
    ...lines,
  ].join('\n');
}

function record(kind: string, label: string, payload: unknown): void {
  try {
    const info = test.info();
    const file = path.join(__dirname, 'test-results', 'audit-findings.jsonl');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, JSON.stringify({ test: info.titlePath.slice(1).join(' › '), kind, label, payload }) + '\n');
  } catch {
    /* outside a test: nothing to record */
  }
}

async function finish(kind: string, label: string, report: AuditReport, opts: AuditOptions): Promise<AuditReport> {
  const title = `${kind} audit of "${label}"`;
  const message = formatOffenders(title, report);
  if (report.offenders.length > 0) {
    record(kind, label, report.offenders);
    try {
      await test.info().attach(`${kind}-${label}.txt`, { body: message, contentType: 'text/plain' });
    } catch {
      /* outside a test */
    }
  }
  const assertion = opts.soft ? expect.soft : expect;
  assertion(report.offenders.length, message).toBe(0);
  return report;
}

/** Measures the page against `thresholds` and returns the report without failing. */
export async function measure(page: Page, thresholds: AuditThresholds): Promise<AuditReport> {
  return page.evaluate(measurePage, thresholds);
}

/**
 * The elder-mode audit: every visible text ≥ 20 px (body and paragraphs ≥ 20 px), line
 * height ≥ 1.3 (paragraphs ≥ 1.5, `normal` fails), consecutive paragraphs at least 1.3 line
 * heights apart, text contrast ≥ 7:1 against its effective background, and every tap
 * target (links, buttons, switches, inputs, selects, text areas, radio labels, summaries)
 * at least 60 x 60 CSS px. Refuses to run when the page is not in elder mode.
 */
export async function auditElderMode(page: Page, label: string, opts: AuditOptions = {}): Promise<AuditReport> {
  const elder = await page.locator('html').getAttribute('data-elder');
  if (elder !== 'on') throw new Error(`auditElderMode("${label}") needs elder mode on, but <html data-elder="${elder}">`);
  return finish('elder-mode', label, await measure(page, ELDER_THRESHOLDS), opts);
}

/** The standard-mode audit: every tap target at least 44 x 44 CSS px. */
export async function auditStandardMode(page: Page, label = 'page', opts: AuditOptions = {}): Promise<AuditReport> {
  return finish('standard-mode', label, await measure(page, STANDARD_THRESHOLDS), opts);
}

/** Runs the audit that fits the page's current mode (data-elder on <html>). */
export async function auditForMode(page: Page, label: string, opts: AuditOptions = {}): Promise<AuditReport> {
  const elder = (await page.locator('html').getAttribute('data-elder')) === 'on';
  return elder ? auditElderMode(page, label, opts) : auditStandardMode(page, label, opts);
}

/** axe-core's verdict on the page: how many violations, and a message naming each node. */
export interface AxeFindings {
  count: number;
  message: string;
}

/** Runs axe-core (WCAG 2.0 and 2.1 A/AA rules) and returns the violations without failing. */
export async function axeFindings(page: Page, label: string): Promise<AxeFindings> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const lines: string[] = [];
  for (const v of results.violations) {
    lines.push(`  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}`);
    for (const n of v.nodes) {
      const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
      lines.push(`      ${n.target.join(' ')} — ${summary}`);
    }
  }
  const message = `axe (WCAG 2.1 A/AA) on "${label}" at ${page.url()}: ${results.violations.length} violation(s)\n${lines.join('\n')}`;
  if (results.violations.length > 0) {
    record('axe', label, results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })));
  }
  return { count: results.violations.length, message };
}

/** axe-core with the WCAG 2.0 and 2.1 A/AA rules; fails listing every violation and node. */
export async function expectNoAxeViolations(page: Page, label: string, opts: AuditOptions = {}): Promise<void> {
  const { count, message } = await axeFindings(page, label);
  const assertion = opts.soft ? expect.soft : expect;
  assertion(count, message).toBe(0);
}

/** axe plus the audit for the page's current mode: what every screen of a journey runs. */
export async function auditScreen(page: Page, label: string, opts: AuditOptions = {}): Promise<void> {
  await expectNoAxeViolations(page, label, opts);
  await auditForMode(page, label, opts);
}

// ---- Issue 12: the elder-mode compliance audit's further checks ---------------------

/** Which of `measureExtras`' checks to run, and their thresholds. */
export interface ExtraChecks {
  /** No advertising or promotion on the page (see `isMarketing` in `measureExtras`). */
  marketing?: boolean;
  /** No horizontal overflow of the document at the current viewport. */
  overflow?: boolean;
  /** Every open dialog's close button: top-left, top-right or bottom-centre, ≥ this size. */
  dialogCloseMinPx?: number;
  /** The largest text-size step: body and main's paragraphs at least this many px. */
  largestMinPx?: number;
}

export interface ExtraReport {
  url: string;
  /** The viewport's CSS width and the document's scroll width, when overflow was checked. */
  viewport: { width: number; height: number; scrollWidth: number };
  marketing: Offender[];
  overflow: Offender[];
  dialog: Offender[];
  largest: Offender[];
  /** How many open dialogs were found. */
  dialogs: number;
}

/**
 * Runs in the page (self-contained, like `measurePage`). Measures, as rendered:
 *
 * - marketing: an element that is advertising or promotion. Defined as `<marquee>`,
 *   `role=marquee`, or a class, id, aria-label or data-* attribute value that contains one
 *   of the words ad, ads, advert, advertisement, promo, promotion, marketing, banner-ad,
 *   sponsor(ed) as a whole word (split on anything not a letter or digit, so "shadow",
 *   "address", "header" and "badge" never match). Elder-friendly rules forbid ads and
 *   pop-up promotions; a page of the app has none.
 * - overflow: `documentElement.scrollWidth > clientWidth` (more than 1 px); then names the
 *   elements that stick out past the viewport's right (or left) edge and whose parent does
 *   not (the origin of the overflow), widest first. Elements inside an ancestor that
 *   scrolls or clips horizontally (overflow-x auto, scroll, hidden or clip: a table in a
 *   scroller) are not overflow of the page and are left out. A visible element of a fixed
 *   bar (the tab bar) that sticks out widens nothing but is cut off: it counts too.
 * - dialog: every open `[role=dialog]`, `[role=alertdialog]` or `<dialog open>`: its close
 *   button (a button whose aria-label, title or text says close / 关闭, or whose class
 *   says close) exists, is at least `dialogCloseMinPx` square and sits top-left, top-right
 *   or bottom-centre of the dialog (its centre in the dialog's outer thirds of width and
 *   upper third of height, or the middle third of width and lower third of height).
 * - largest: body's font size and every visible paragraph in main at least `largestMinPx`.
 */
function measureExtras(c: ExtraChecks): ExtraReport {
  const round = (n: number) => Math.round(n * 100) / 100;
  const tagOf = (el: Element) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const role = el.getAttribute('role');
    if (role) s += `[role=${role}]`;
    const label = el.getAttribute('aria-label');
    if (label) s += `[aria-label="${label}"]`;
    return s;
  };
  const textOf = (el: Element) => {
    const s = ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  };
  const classOf = (el: Element) => (typeof el.className === 'string' ? el.className : el.getAttribute('class') || '');
  const make = (rule: Offender['rule'], el: Element, measured: string, required: string): Offender => ({
    rule,
    tag: tagOf(el),
    text: textOf(el),
    className: classOf(el),
    measured,
    required,
  });
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return false;
      if (/rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(cs.clip)) return false;
    }
    return true;
  };
  const de = document.documentElement;
  const all = Array.from(document.body.querySelectorAll('*'));
  const report: ExtraReport = {
    url: location.href,
    viewport: { width: de.clientWidth, height: de.clientHeight, scrollWidth: de.scrollWidth },
    marketing: [],
    overflow: [],
    dialog: [],
    largest: [],
    dialogs: 0,
  };

  if (c.marketing) {
    const words = /^(ad|ads|advert|adverts|advertisement|advertising|promo|promos|promotion|promotions|marketing|sponsor|sponsored)$/i;
    const marks = (value: string | null) =>
      !!value && (/banner-ad/i.test(value) || value.split(/[^A-Za-z0-9]+/).some((w) => words.test(w)));
    for (const el of all) {
      const why: string[] = [];
      if (el.tagName === 'MARQUEE') why.push('<marquee>');
      if (el.getAttribute('role') === 'marquee') why.push('role=marquee');
      if (marks(classOf(el))) why.push(`class "${classOf(el)}"`);
      if (marks(el.id)) why.push(`id "${el.id}"`);
      if (marks(el.getAttribute('aria-label'))) why.push(`aria-label "${el.getAttribute('aria-label')}"`);
      for (const a of Array.from(el.attributes)) {
        if (a.name.startsWith('data-') && (marks(a.name.slice(5)) || marks(a.value))) why.push(`${a.name}="${a.value}"`);
      }
      if (why.length) report.marketing.push(make('marketing', el, why.join(', '), 'no advertising or promotion'));
    }
  }

  if (c.overflow) {
    const width = de.clientWidth;
    const documentOverflows = de.scrollWidth > width + 1;
    const clippedByAncestor = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body && a !== de; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const inFixed = (el: Element) => {
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).position === 'fixed') return true;
      }
      return false;
    };
    const sticksOut = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right + window.scrollX > width + 1 || r.left + window.scrollX < -1);
    };
    // In the flow, what sticks out widens the document (a sideways scroll). In a fixed bar
    // (the tab bar) it widens nothing but is cut off at the screen's edge, out of reach:
    // counted too, when it is visible.
    const origins = all.filter(
      (el) =>
        sticksOut(el) &&
        !clippedByAncestor(el) &&
        !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)) &&
        (inFixed(el) ? shown(el) : documentOverflows),
    );
    origins.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    const required = `fits ${width}px (document ${de.scrollWidth}px wide)`;
    for (const el of origins.slice(0, 5)) {
      const r = el.getBoundingClientRect();
      // A visually hidden element (a screen reader's table) still widens the page.
      const how = inFixed(el) ? ', cut off in a fixed bar' : shown(el) ? '' : ', visually hidden';
      report.overflow.push(
        make('overflow', el, `${round(r.left + window.scrollX)}…${round(r.right + window.scrollX)}px (${round(r.width)}px wide${how})`, required),
      );
    }
    if (report.overflow.length === 0 && documentOverflows) {
      report.overflow.push(make('overflow', document.body, `document ${de.scrollWidth}px wide`, `≤ ${width}px`));
    }
  }

  if (c.dialogCloseMinPx !== undefined) {
    const dialogs = Array.from(document.querySelectorAll('[role=dialog], [role=alertdialog], dialog[open]')).filter(shown);
    report.dialogs = dialogs.length;
    const closeWords = /(^|\b)(close|dismiss)(\b|$)|关闭|×|✕/i;
    for (const d of dialogs) {
      const buttons = Array.from(d.querySelectorAll('button, [role=button], a[href]')).filter(shown);
      const close = buttons.find(
        (b) =>
          closeWords.test(b.getAttribute('aria-label') || '') ||
          closeWords.test(b.getAttribute('title') || '') ||
          closeWords.test(textOf(b)) ||
          /close/i.test(classOf(b)),
      );
      if (!close) {
        report.dialog.push(make('dialog-close', d, 'no close button', 'a close button (aria-label close / 关闭)'));
        continue;
      }
      const dr = d.getBoundingClientRect();
      const r = close.getBoundingClientRect();
      const min = c.dialogCloseMinPx;
      if (r.width < min - 0.05 || r.height < min - 0.05)
        report.dialog.push(make('dialog-close', close, `${round(r.width)} × ${round(r.height)}px`, `≥ ${min} × ${min}px`));
      const x = (r.left + r.width / 2 - dr.left) / dr.width;
      const y = (r.top + r.height / 2 - dr.top) / dr.height;
      const place =
        y <= 1 / 3 && x <= 1 / 3 ? 'top-left' : y <= 1 / 3 && x >= 2 / 3 ? 'top-right' : y >= 2 / 3 && x > 1 / 3 && x < 2 / 3 ? 'bottom-centre' : null;
      if (!place)
        report.dialog.push(
          make('dialog-close', close, `centre at ${Math.round(x * 100)}% across, ${Math.round(y * 100)}% down the dialog`, 'top-left, top-right or bottom-centre'),
        );
    }
  }

  if (c.largestMinPx !== undefined) {
    const min = c.largestMinPx;
    const bodyPx = parseFloat(getComputedStyle(document.body).fontSize);
    if (bodyPx < min) report.largest.push(make('largest-step', document.body, `${round(bodyPx)}px (body)`, `≥ ${min}px`));
    for (const p of Array.from(document.querySelectorAll('main p'))) {
      if (!shown(p) || textOf(p) === '') continue;
      const px = parseFloat(getComputedStyle(p).fontSize);
      if (px < min) report.largest.push(make('largest-step', p, `${round(px)}px (paragraph)`, `≥ ${min}px`));
    }
  }
  return report;
}

/** Measures `measureExtras`' checks on the page, after the layout has settled. */
export async function measureExtraChecks(page: Page, checks: ExtraChecks): Promise<ExtraReport> {
  // Two frames: a viewport change or a reload's last style change is laid out.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  return page.evaluate(measureExtras, checks);
}
