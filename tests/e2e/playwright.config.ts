import { defineConfig } from '@playwright/test';

/**
 * Browser journeys for the care app: the built app (Trunk's dist/) served by the reference
 * backend, one server per worker (see fixtures.ts), Debian's Chromium, a 390 x 844 phone.
 *
 *   cd tests/e2e && CARE_SERVER_BIN=... CARE_DIST=... npx playwright test
 *
 * Playwright never downloads a browser here: install with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
 * and never run `playwright install`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  // A stray test.only must never pass as a full run, locally or in CI.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./summary-reporter.ts']],
  use: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium-phone' }],
});
