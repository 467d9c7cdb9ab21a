// The 1,000-reply thread in a phone-sized Chromium with the CPU slowed 4x (as Lighthouse's
// mobile runs do): how long after its data arrives the replies are on screen, and the
// longest task while the reader scrolls to the end of the page, moves to the last page
// and scrolls to its end. Run by scripts/bench: node long-thread.cjs BASE_URL THREAD_ID.
const { chromium } = require('@playwright/test');

const [base, threadId] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    localStorage.setItem('care.prefs.v1', JSON.stringify({ elder_prompt_answered: true }));
    // Long tasks from the start, and the moment the first reply is drawn.
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('.reply')) {
        window.__repliesVisible = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  // Warm the HTTP cache the way a second visit finds it, so what is measured is the page's
  // own work, not the network.
  await page.goto(`${base}/community/threads/${threadId}`);
  await page.waitForSelector('.reply');
  await page.goto(`${base}/community/threads/${threadId}`);
  await page.waitForSelector('.reply');
  const shown = await page.evaluate((id) => {
    const data = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`/api/community/threads/${id}`))
      .pop();
    return { dataArrived: data ? data.responseEnd : NaN, repliesVisible: window.__repliesVisible, replies: document.querySelectorAll('.reply').length };
  }, threadId);

  // Scroll to the end, a screen at a time, as a thumb does.
  const scrollToEnd = async () => {
    for (let i = 0; i < 200; i += 1) {
      const done = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight * 0.8);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      });
      await page.waitForTimeout(50);
      if (done) break;
    }
  };
  // The longest task while scrolling: the first page to its end, then the last page
  // (opened from its address, as a link would) to its end.
  const longestWhileScrolling = async () => {
    const since = await page.evaluate(() => performance.now());
    await scrollToEnd();
    return page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0), since);
  };
  const tasks = await longestWhileScrolling();
  const pages = await page.evaluate(() => {
    const m = document.body.innerText.match(/第 \d+ \/ (\d+) 页/);
    return m ? Number(m[1]) : 1;
  });
  await page.goto(`${base}/community/threads/${threadId}?page=${pages}`);
  await page.waitForSelector('.reply');
  tasks.push(...(await longestWhileScrolling()));
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);

  console.log(`replies on the first page: ${shown.replies}; pages: ${pages}`);
  console.log(`data arrived -> replies visible: ${Math.round(shown.repliesVisible - shown.dataArrived)} ms (goal under 100 ms)`);
  console.log(`navigation -> replies visible: ${Math.round(shown.repliesVisible)} ms`);
  console.log(
    `longest task while scrolling to the end and to the last page: ${
      tasks.length ? `${Math.round(longest)} ms (${tasks.length} over 50 ms)` : 'none over 50 ms'
    } (goal under 50 ms)`,
  );
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
