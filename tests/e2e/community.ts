/**
 * Steps the community journeys share: another member's session through the API (to write
 * the thread or reply a test then meets), and reading the community through the API.
 */
import { request as pwRequest, type APIRequestContext } from '@playwright/test';
import { createSubscriber, DEMO_CODE, expect, uniquePhone } from './fixtures';

export interface Board {
  id: number;
  slug: string;
  name_zh: string;
  name_en: string;
  kind: 'discussion' | 'idea_call';
  can_post: boolean;
}

export interface ThreadSummary {
  id: number;
  board_id: number;
  title: string;
  reply_count: number;
  score: number;
}

export interface Member {
  phone: string;
  api: APIRequestContext;
}

/** A fresh subscriber signed in through the API: a second member beside the browser's. */
export async function memberViaApi(baseURL: string, name?: string): Promise<Member> {
  const phone = uniquePhone();
  await createSubscriber(baseURL, { phone, points: 0, starLevel: 2, name });
  const api = await pwRequest.newContext({ baseURL });
  const code = await api.post('/api/auth/code', { data: { phone } });
  expect(code.status(), await code.text()).toBe(200);
  const signedIn = await api.post('/api/auth/sign-in', { data: { phone, code: DEMO_CODE } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return { phone, api };
}

let keyCounter = 0;
/** An idempotency key the contract accepts, unique in this run. */
export function freshKey(): string {
  keyCounter += 1;
  return `e2e-${process.pid}-${Date.now()}-${keyCounter}`.padEnd(16, 'x');
}

export async function boards(api: APIRequestContext): Promise<Board[]> {
  const res = await api.get('/api/community/boards');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { boards: Board[] }).boards;
}

/** The first board members may start threads in (技术支持 in the demo data). */
export async function discussionBoard(api: APIRequestContext): Promise<Board> {
  const all = await boards(api);
  const board = all.find((b) => b.kind === 'discussion');
  expect(board, 'a discussion board').toBeTruthy();
  return board!;
}

export async function postThread(member: Member, boardId: number, title: string, body: string): Promise<number> {
  const res = await member.api.post('/api/community/threads', {
    data: { board_id: boardId, title, body, idempotency_key: freshKey() },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { thread: { id: number } }).thread.id;
}

export async function postReply(member: Member, threadId: number, body: string, parentId?: number): Promise<number> {
  const data: Record<string, unknown> = { body, idempotency_key: freshKey() };
  if (parentId !== undefined) data.parent_id = parentId;
  const res = await member.api.post(`/api/community/threads/${threadId}/replies`, { data });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { reply: { id: number } }).reply.id;
}

/** The thread with the most replies (the demo's thread of 1,000). */
export async function busiestThread(api: APIRequestContext): Promise<ThreadSummary> {
  let best: ThreadSummary | undefined;
  for (let page = 1; page <= 10; page += 1) {
    const res = await api.get(`/api/community/threads?sort=new&page=${page}&per_page=50`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { threads: ThreadSummary[]; total: number };
    for (const t of body.threads) if (!best || t.reply_count > best.reply_count) best = t;
    if (page * 50 >= body.total) break;
  }
  return best!;
}

/** The replies of a thread as its author sees them (first page). */
export async function replyCount(api: APIRequestContext, threadId: number): Promise<number> {
  const res = await api.get(`/api/community/threads/${threadId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { thread: { reply_count: number } }).thread.reply_count;
}
