/**
 * Steps the feedback journeys share: a photo as a phone takes it, the seeded staff account
 * in a second browser or through the API, and tickets read through the API.
 */
import { request as pwRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_CODE, expect, presetPrefs, signIn, USERS } from './fixtures';

let cachedPhoto: Buffer | undefined;

/**
 * A 12-megapixel JPEG with a phone photo's detail (4032 × 3024, a gradient under fine
 * noise, quality 0.95: a few MB), drawn by the browser once per worker.
 */
export async function phonePhoto(page: Page): Promise<Buffer> {
  if (cachedPhoto) return cachedPhoto;
  const dataUrl = await page.evaluate(() => {
    const w = 4032;
    const h = 3024;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    const gradient = ctx.createLinearGradient(0, 0, w, h);
    gradient.addColorStop(0, '#5b7fa6');
    gradient.addColorStop(0.5, '#d9c9a3');
    gradient.addColorStop(1, '#3d5a3a');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, w, h);
    // Sensor noise in tiles: JPEG cannot reuse one tile for another, so it costs what a
    // photo's detail costs.
    const tile = ctx.createImageData(256, 256);
    let seed = 7;
    for (let i = 0; i < tile.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const v = seed % 70;
      tile.data[i] = v;
      tile.data[i + 1] = (v * 7) % 70;
      tile.data[i + 2] = (v * 13) % 70;
      tile.data[i + 3] = 60;
    }
    const noise = document.createElement('canvas');
    noise.width = 256;
    noise.height = 256;
    noise.getContext('2d')!.putImageData(tile, 0, 0);
    for (let y = 0; y < h; y += 256) {
      for (let x = 0; x < w; x += 256) {
        ctx.save();
        ctx.translate(x + 128, y + 128);
        ctx.rotate(((x + y) % 4) * (Math.PI / 2));
        ctx.drawImage(noise, -128, -128);
        ctx.restore();
      }
    }
    return canvas.toDataURL('image/jpeg', 0.95);
  });
  cachedPhoto = Buffer.from(dataUrl.split(',')[1], 'base64');
  return cachedPhoto;
}

/** Picks `photo` in the file input `#inputId` as a phone's gallery would hand it over. */
export async function pickPhoto(page: Page, inputId: string, photo: Buffer, name = 'IMG_20261128_0931.jpg'): Promise<void> {
  await page.locator(`#${inputId}`).setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });
}

/** A second browser, signed in as the seeded staff account, in the same mode. */
export async function staffPage(browser: Browser, baseURL: string, elder: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await presetPrefs(context, { elder_mode: elder });
  const page = await context.newPage();
  await signIn(page, USERS.staff.phone);
  return page;
}

/** The seeded staff account signed in through the API. */
export async function staffApi(baseURL: string): Promise<APIRequestContext> {
  const api = await pwRequest.newContext({ baseURL });
  expect((await api.post('/api/auth/code', { data: { phone: USERS.staff.phone } })).status()).toBe(200);
  expect((await api.post('/api/auth/sign-in', { data: { phone: USERS.staff.phone, code: DEMO_CODE } })).status()).toBe(200);
  return api;
}

export interface TicketSummary {
  id: number;
  kind: string;
  category: string;
  status: string;
  excerpt: string;
}

/** The signed-in subscriber's tickets, newest first (the first 50). */
export async function myTickets(api: APIRequestContext): Promise<TicketSummary[]> {
  const res = await api.get('/api/feedback/tickets?per_page=50');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { tickets: TicketSummary[] }).tickets;
}

/** The ticket's id from the address of its page. */
export function ticketIdOf(page: Page): number {
  const match = /\/feedback\/tickets\/(\d+)/.exec(page.url());
  expect(match, `a ticket's address: ${page.url()}`).toBeTruthy();
  return Number(match![1]);
}
