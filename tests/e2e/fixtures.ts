import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  test as base,
  expect,
  request as pwRequest,
  type BrowserContext,
  type Page,
} from '@playwright/test';

/** The repository root (this file lives in tests/e2e/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_BIN =
  process.env.CARE_SERVER_BIN || path.join(REPO_ROOT, 'target', 'debug', 'care-server');
export const DIST_DIR = process.env.CARE_DIST || path.join(REPO_ROOT, 'dist');

/** Every demo sign-in accepts this code (the server runs with --demo). */
export const DEMO_CODE = '246810';

/** Demo subscribers seeded by `--demo`. */
export const USERS = {
  zhang: { phone: '13800138000', name: '张小明', masked: '138****8000', stars: 5 },
  wang: {
    phone: '13900139000',
    name: '王秀英',
    masked: '139****9000',
    family: { relation: '女儿', phone: '13700137000' },
  },
  li: { phone: '13600136000', name: '李华', masked: '136****6000' },
  staff: { phone: '13300133000', name: '客服小翼', masked: '133****3000' },
} as const;

export type TextSize = 'standard' | 'large' | 'larger' | 'largest';
export type Theme = 'light' | 'dark' | 'contrast';
export type Locale = 'zh-CN' | 'en';

export interface Prefs {
  elder_mode: boolean;
  text_size: TextSize;
  theme: Theme;
  locale: Locale;
  elder_prompt_answered: boolean;
  read_aloud_auto?: boolean;
}

export const PREFS_KEY = 'care.prefs.v1';
export const DEFAULT_PREFS: Prefs = {
  elder_mode: false,
  text_size: 'standard',
  theme: 'light',
  locale: 'zh-CN',
  elder_prompt_answered: true,
};

export interface CareServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The server's log (stderr), for failure messages. */
  logFile: string;
}

/** The server's fault modes (server/src/faults.rs): fail, stall before answering, answer
 * broken JSON, or do the work and then answer late (the case exactly-once exists for). */
export type FaultMode = 'error' | 'stall' | 'malformed' | 'stall_after';
export interface FaultRule {
  path: string;
  mode: FaultMode;
  method?: string;
  stall_ms?: number;
}

// ---- The server, one per worker ------------------------------------------------------

function checkPrerequisites(): void {
  if (!fs.existsSync(SERVER_BIN)) {
    throw new Error(
      `The reference backend is missing at ${SERVER_BIN}.\n` +
        `Build it from the repository root with:  cargo build -p care-server\n` +
        `(or point CARE_SERVER_BIN at an existing care-server binary).`,
    );
  }
  if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(
      `The built app is missing: ${path.join(DIST_DIR, 'index.html')} does not exist.\n` +
        `Build it from the repository root with:  trunk build --release --offline\n` +
        `(scripts/test does this; or point CARE_DIST at an existing dist/ directory).`,
    );
  }
}

async function startServer(workerIndex: number): Promise<{ server: CareServer; stop: () => Promise<void> }> {
  checkPrerequisites();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `care-e2e-w${workerIndex}-`));
  const logFile = path.join(tmp, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    '--addr', '127.0.0.1:0',
    '--db', path.join(tmp, 'care.sqlite3'),
    '--static-dir', DIST_DIR,
    '--demo',
    '--enable-faults',
    '--code-resend-secs', '0',
    '--codes-per-ip-per-hour', '10000',
    // Many tests sign in as the same demo subscriber within one worker's hour.
    '--codes-per-phone-per-hour', '10000',
  ];
  const child: ChildProcess = spawn(SERVER_BIN, args, {
    stdio: ['ignore', 'pipe', logFd],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  fs.closeSync(logFd);

  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      reject(new Error(`care-server did not print "listening on" within 30 s; log: ${logFile}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const m = buffered.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${SERVER_BIN}: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      let log = '';
      try {
        log = fs.readFileSync(logFile, 'utf8').slice(-4000);
      } catch {
        /* no log */
      }
      reject(new Error(`care-server exited before listening (code ${code}, signal ${signal}):\n${log}`));
    });
  });
  // Keep draining stdout so the server never blocks on a full pipe.
  child.stdout!.resume();

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    if (!process.env.E2E_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  return { server: { url, logFile }, stop };
}

// ---- Helpers ------------------------------------------------------------------------

/** Adds a fault rule to the server (PUT /api/_test/faults). */
export async function setFault(baseURL: string, rule: FaultRule): Promise<void> {
  const ctx = await pwRequest.newContext({ baseURL });
  try {
    const res = await ctx.put('/api/_test/faults', { data: rule });
    expect(res.status(), `PUT /api/_test/faults ${JSON.stringify(rule)}: ${await res.text()}`).toBe(200);
  } finally {
    await ctx.dispose();
  }
}

/** Clears every fault rule (DELETE /api/_test/faults). */
export async function clearFaults(baseURL: string): Promise<void> {
  const ctx = await pwRequest.newContext({ baseURL });
  try {
    const res = await ctx.delete('/api/_test/faults');
    expect(res.status(), `DELETE /api/_test/faults: ${await res.text()}`).toBe(204);
  } finally {
    await ctx.dispose();
  }
}

/** Pins the server's clock (PUT /api/_test/clock): the mall's and the community's rules
 *  see `now`. Undo with `resetServerClock` before the test ends. */
export async function pinServerClock(baseURL: string, now: Date): Promise<void> {
  const ctx = await pwRequest.newContext({ baseURL });
  try {
    const res = await ctx.put('/api/_test/clock', { data: { now: now.toISOString() } });
    expect(res.status(), `PUT /api/_test/clock: ${await res.text()}`).toBe(204);
  } finally {
    await ctx.dispose();
  }
}

/** Back to real time (DELETE /api/_test/clock). */
export async function resetServerClock(baseURL: string): Promise<void> {
  const ctx = await pwRequest.newContext({ baseURL });
  try {
    const res = await ctx.delete('/api/_test/clock');
    expect(res.status(), `DELETE /api/_test/clock: ${await res.text()}`).toBe(204);
  } finally {
    await ctx.dispose();
  }
}

/** Today's date in China (UTC+8), YYYY-MM-DD: the server's calendar when its clock is not pinned. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

let phoneCounter = 0;

/**
 * A valid mainland mobile number (150 and 8 digits) that no other call in this run returns:
 * the worker index (1 digit), this process's pid (3 digits) and a per-process counter
 * (4 digits). Never one of the demo subscribers' 13x numbers.
 */
export function uniquePhone(): string {
  let worker = Number(process.env.TEST_WORKER_INDEX ?? 0);
  try {
    worker = base.info().workerIndex;
  } catch {
    /* outside a test: keep the environment's index */
  }
  phoneCounter += 1;
  const digits = [
    String(worker % 10),
    String(process.pid % 1000).padStart(3, '0'),
    String(phoneCounter % 10_000).padStart(4, '0'),
  ].join('');
  return `150${digits}`;
}

/**
 * Makes (or updates) an isolated subscriber who may redeem, with `points` points
 * (POST /api/_test/subscribers, test-only). Tests that spend points use one of these
 * instead of the shared demo users, whose balances and per-customer limits other tests
 * in the same worker consume. Sign in with `signIn(page, phone)` and the demo code.
 */
export async function createSubscriber(
  baseURL: string,
  opts: {
    phone: string;
    points?: number;
    starLevel?: number;
    name?: string;
    inArrears?: boolean;
    verified?: boolean;
    /** YYYY-MM-DD; `chinaToday()` makes today the subscriber's birthday. */
    birthday?: string;
  },
): Promise<{ id: number; phone: string; balance: number }> {
  const data: Record<string, unknown> = { phone: opts.phone, points: opts.points ?? 0 };
  if (opts.starLevel !== undefined) data.star_level = opts.starLevel;
  if (opts.name !== undefined) data.name = opts.name;
  if (opts.inArrears !== undefined) data.in_arrears = opts.inArrears;
  if (opts.verified !== undefined) data.verified = opts.verified;
  if (opts.birthday !== undefined) data.birthday = opts.birthday;
  const ctx = await pwRequest.newContext({ baseURL });
  try {
    const res = await ctx.post('/api/_test/subscribers', { data });
    expect(res.status(), `POST /api/_test/subscribers ${JSON.stringify(data)}: ${await res.text()}`).toBe(201);
    return (await res.json()) as { id: number; phone: string; balance: number };
  } finally {
    await ctx.dispose();
  }
}

/**
 * A fresh subscriber of this star level, no points, signed in through the real UI: a
 * test's own account, untouched by other tests in the worker. Resolves to the phone.
 */
export async function signInNewSubscriber(page: Page, baseURL: string, starLevel = 3): Promise<string> {
  const phone = uniquePhone();
  await createSubscriber(baseURL, { phone, points: 0, starLevel });
  await signIn(page, phone);
  return phone;
}

/**
 * Makes the server forget every session of `phone` (DELETE /api/_test/sessions, test-only),
 * as when a session expires, is signed out elsewhere or the backend restarts with a fresh
 * database: the browser's cookie then counts as signed out.
 */
export async function endSessions(baseURL: string, phone: string): Promise<void> {
  const ctx = await pwRequest.newContext({ baseURL });
  try {
    const res = await ctx.delete(`/api/_test/sessions?phone=${phone}`);
    expect(res.status(), `DELETE /api/_test/sessions: ${await res.text()}`).toBe(204);
  } finally {
    await ctx.dispose();
  }
}

/**
 * Moves to `path` the way a link inside the app does (history.pushState, then the router
 * follows), so the app keeps what it knows, such as who it thinks is signed in.
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
}

/**
 * Presets the stored preferences before any page script runs, so the first-visit prompt
 * (and anything else) starts from a known state. Only writes when nothing is stored yet,
 * so a test can still change preferences in the UI and see them survive a reload.
 */
export async function presetPrefs(context: BrowserContext, prefs: Partial<Prefs> = {}): Promise<void> {
  const value = JSON.stringify({ ...DEFAULT_PREFS, ...prefs });
  await context.addInitScript(
    ([key, v]) => {
      try {
        if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, v);
      } catch {
        /* opaque origins (about:blank) have no storage */
      }
    },
    [PREFS_KEY, value] as const,
  );
}

/** The stored preferences, as the app wrote them. */
export async function readPrefs(page: Page): Promise<Prefs | null> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), PREFS_KEY);
  return raw === null ? null : (JSON.parse(raw) as Prefs);
}

/** Uncaught errors and console errors of each page, for failure messages. */
const pageProblems = new WeakMap<Page, { uncaught: string[]; console: string[] }>();

function watchPage(page: Page): { uncaught: string[]; console: string[] } {
  let problems = pageProblems.get(page);
  if (!problems) {
    const p = { uncaught: [] as string[], console: [] as string[] };
    page.on('pageerror', (e) => p.uncaught.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') p.console.push(m.text().split('\n').slice(0, 3).join(' | '));
    });
    pageProblems.set(page, p);
    problems = p;
  }
  return problems;
}

/** Waits until the app has mounted (the tab bar is there and the loading shell is gone). */
export async function waitForApp(page: Page): Promise<void> {
  const problems = watchPage(page);
  try {
    await expect(page.getByRole('navigation', { name: /^(主导航|Main navigation)$/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#boot')).toHaveCount(0);
  } catch (e) {
    const details = [
      ...problems.uncaught.map((m) => `  uncaught: ${m}`),
      ...problems.console.map((m) => `  console.error: ${m}`),
    ];
    throw new Error(
      `The app did not mount at ${page.url()} (no main navigation, or the #boot loading shell is still there).\n` +
        (details.length ? `Page errors:\n${details.join('\n')}\n` : '') +
        String((e as Error).message),
    );
  }
}

/** Navigates and waits for the app to mount. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForApp(page);
}

/**
 * Signs in through the real UI: sign-in page, phone, "get code", the demo code, submit.
 * Starts from the current page when it already is the sign-in page (e.g. after a redirect),
 * otherwise opens /sign-in. Resolves once the app has left the sign-in page.
 */
export async function signIn(page: Page, phone: string, code: string = DEMO_CODE): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/sign-in')) {
    await openApp(page, '/sign-in');
  } else {
    await waitForApp(page);
  }
  const en = (await page.locator('html').getAttribute('lang')) === 'en';
  const ui = en
    ? { phone: 'Phone number', getCode: 'Get code', sent: /We sent a code to/, code: 'Code', submit: 'Sign in' }
    : { phone: '手机号', getCode: '获取验证码', sent: /验证码已发送到/, code: '验证码', submit: '登录' };
  await page.getByLabel(ui.phone, { exact: true }).fill(phone);
  await page.getByRole('button', { name: ui.getCode, exact: true }).click();
  await expect(page.getByText(ui.sent)).toBeVisible();
  await page.getByLabel(ui.code, { exact: true }).fill(code);
  await page.getByRole('button', { name: ui.submit, exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await waitForApp(page);
}

// ---- Fixtures -----------------------------------------------------------------------

type WorkerFixtures = { careServer: CareServer };
type TestFixtures = {
  /** Clears fault rules after every test, so they never leak into the next one. */
  resetFaults: void;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  careServer: [
    async ({}, use, workerInfo) => {
      const { server, stop } = await startServer(workerInfo.workerIndex);
      try {
        await use(server);
      } finally {
        await stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ careServer }, use) => {
    await use(careServer.url);
  },
  resetFaults: [
    async ({ careServer }, use) => {
      await use();
      await clearFaults(careServer.url);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    const problems = watchPage(page);
    await use(page);
    // An uncaught exception (a Rust panic ends as one) is a bug on any screen.
    expect(problems.uncaught, `uncaught errors in the page; console errors:\n${problems.console.join('\n')}`).toEqual([]);
  },
});

export { expect };

/**
 * Elder mode asks before a form is sent (确定要…吗？ with 确定 and 再看看): answers yes, and
 * checks the question is asked with two big answers and goes away. Standard mode sends at
 * once, so there is nothing to answer. Call it right after the tap that sends.
 */
export async function answerSendQuestion(page: Page): Promise<void> {
  if ((await page.locator('html').getAttribute('data-elder')) !== 'on') return;
  const question = page.getByRole('alertdialog');
  await expect(question).toBeVisible();
  const yes = question.getByRole('button', { name: /^(确定|Yes, send)$/ });
  const no = question.getByRole('button', { name: /^(再看看|Not yet)$/ });
  for (const answer of [yes, no]) {
    const box = await answer.boundingBox();
    expect(box && box.height >= 60 && box.width >= 60, 'the answers are big buttons').toBeTruthy();
  }
  await yes.click();
  await expect(question).toHaveCount(0);
}
