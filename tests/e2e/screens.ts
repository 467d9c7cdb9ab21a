/** The app's screens and the shared steps the journeys use to reach and recognise them. */
import { expect, type Locator, type Page } from '@playwright/test';
import { openApp, signIn, USERS } from './fixtures';
import { charityProjects, redeem, redeemableItem, signInFreshSubscriber } from './mall-orders';

export const MODES = [
  { name: 'standard', elder: false },
  { name: 'elder', elder: true },
] as const;

export interface Tab {
  label: string;
  labelEn: string;
  path: string;
  title: string;
  titleEn: string;
}

export const TABS: Tab[] = [
  { label: '首页', labelEn: 'Home', path: '/', title: '首页', titleEn: 'Home' },
  { label: '商城', labelEn: 'Mall', path: '/mall', title: '商城', titleEn: 'Mall' },
  { label: '社区', labelEn: 'Community', path: '/community', title: '社区', titleEn: 'Community' },
  { label: '反馈', labelEn: 'Feedback', path: '/feedback', title: '反馈', titleEn: 'Feedback' },
  { label: '我的', labelEn: 'Me', path: '/me', title: '我的', titleEn: 'Me' },
];

export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: '主导航' });
export const topBar = (page: Page): Locator => page.locator('header');
export const pageTitle = (page: Page): Locator => topBar(page).getByRole('heading', { level: 1 });
export const headerElderSwitch = (page: Page, name = '长辈版'): Locator =>
  topBar(page).getByRole('switch', { name });
export const html = (page: Page): Locator => page.locator('html');

/** `<html>`'s inline font size in px. */
export async function rootFontPx(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

/** A custom property as written on `<html>`. */
export async function rootVar(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => document.documentElement.style.getPropertyValue(n).trim(), name);
}

export async function expectElderOn(page: Page, on: boolean): Promise<void> {
  await expect(html(page)).toHaveAttribute('data-elder', on ? 'on' : 'off');
  await expect.poll(() => rootFontPx(page)).toBe(on ? 20 : 16);
}

/** One screen of the app: how to reach it, and what proves it is there. */
export interface Screen {
  name: string;
  reach: (page: Page) => Promise<void>;
  check: (page: Page) => Promise<void>;
}

export const SCREENS: Screen[] = [
  {
    name: 'home',
    reach: (page) => openApp(page, '/'),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: '您好，欢迎来到暖心关怀' })).toBeVisible();
    },
  },
  {
    name: 'community',
    reach: (page) => openApp(page, '/community'),
    check: async (page) => {
      await expect(page.getByRole('list', { name: '帖子' }).getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'community: a thread',
    reach: async (page) => {
      await openApp(page, '/community');
      await page.getByRole('list', { name: '帖子' }).getByRole('link').first().click();
    },
    check: async (page) => {
      await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: '登录' })).toBeVisible();
    },
  },
  {
    name: 'community: new thread',
    reach: async (page) => {
      await signInFreshSubscriber(page, 0);
      await openApp(page, '/community/new');
    },
    check: async (page) => {
      await expect(page.getByLabel('发到哪个版块')).toBeVisible();
    },
  },
  {
    name: 'mall (signed out)',
    reach: (page) => openApp(page, '/mall'),
    check: async (page) => {
      await expect(page.getByRole('main').getByRole('link', { name: '登录' })).toBeVisible();
    },
  },
  {
    name: 'mall (signed in)',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/mall');
    },
    check: async (page) => {
      await expect(page.getByText('可用积分')).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: '每日签到' })).toBeVisible();
    },
  },
  {
    name: 'points history',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/mall/points');
    },
    check: async (page) => {
      await expect(page.getByLabel('筛选类型')).toBeVisible();
      await expect(page.getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'catalogue: one category',
    reach: (page) => openApp(page, '/mall?category=physical&sort=price_asc'),
    check: async (page) => {
      await expect(page.getByRole('link', { name: '好物' })).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('.item-list > li').first()).toBeVisible();
    },
  },
  {
    name: 'catalogue: charity',
    reach: (page) => openApp(page, '/mall?category=charity'),
    check: async (page) => {
      await expect(page.getByRole('region', { name: '公益捐赠' }).getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'item (signed out)',
    reach: (page) => openApp(page, '/mall/items/11'),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: '助农 陕西洛川苹果 5斤' })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: '登录' })).toBeVisible();
    },
  },
  {
    name: 'item: confirmation with address',
    reach: async (page) => {
      await signInFreshSubscriber(page, 5000);
      await openApp(page, '/mall/items/11');
      await page.getByRole('button', { name: '立即兑换' }).click();
    },
    check: async (page) => {
      await expect(page.getByRole('region', { name: '确认兑换' })).toBeVisible();
      await expect(page.getByRole('group', { name: '收货地址' })).toBeVisible();
    },
  },
  {
    name: 'orders: list',
    reach: async (page) => {
      await signInFreshSubscriber(page, 5000);
      await redeem(page, await redeemableItem(page, 'instant'));
      await openApp(page, '/mall/orders');
    },
    check: async (page) => {
      await expect(page.getByRole('list', { name: '我的订单' }).getByRole('link').first()).toContainText('已完成');
    },
  },
  {
    name: 'orders: detail',
    reach: async (page) => {
      await signInFreshSubscriber(page, 5000);
      const order = await redeem(page, await redeemableItem(page, 'physical'));
      await openApp(page, `/mall/orders/${order.id}`);
    },
    check: async (page) => {
      await expect(page.getByRole('list', { name: '配送进度' })).toBeVisible();
      await expect(page.getByRole('button', { name: '取消订单' })).toBeVisible();
    },
  },
  {
    name: 'donate (charity)',
    reach: async (page) => {
      await signInFreshSubscriber(page, 1000);
      const [project] = await charityProjects(page);
      await openApp(page, `/mall/charity/${project.id}`);
    },
    check: async (page) => {
      await expect(page.getByRole('group', { name: '捐多少积分' })).toBeVisible();
      await expect(page.getByLabel('或者自己填数量')).toBeVisible();
    },
  },
  {
    name: 'sign-in',
    reach: (page) => openApp(page, '/sign-in'),
    check: async (page) => {
      await expect(page.getByLabel('手机号')).toBeVisible();
      await expect(page.getByText('246810')).toBeVisible();
    },
  },
  {
    name: 'me (signed in)',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/me');
    },
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: USERS.zhang.name })).toBeVisible();
    },
  },
  {
    name: 'me: family contacts',
    reach: async (page) => {
      await signIn(page, USERS.wang.phone);
      await openApp(page, '/me/family');
    },
    check: async (page) => {
      await expect(page.getByRole('link', { name: /^打给/ }).first()).toBeVisible();
    },
  },
  {
    name: 'care: home, signed in',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/');
    },
    check: async (page) => {
      await expect(page.getByRole('region', { name: '我的概况' })).toBeVisible();
    },
  },
  {
    name: 'care: inbox',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/care');
    },
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 3, name: '生日快乐！' })).toBeVisible();
    },
  },
  {
    name: 'care: message settings',
    reach: async (page) => {
      await signIn(page, USERS.wang.phone);
      await openApp(page, '/care/preferences');
    },
    check: async (page) => {
      await expect(page.getByRole('switch', { name: '接收这类消息' }).first()).toBeVisible();
    },
  },
  {
    name: 'care: service report',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/care/report');
    },
    check: async (page) => {
      await expect(page.getByRole('table', { name: '每月积分：获得和使用' })).toBeAttached();
    },
  },
  {
    name: 'me: tier',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/me/tier');
    },
    check: async (page) => {
      await expect(page.getByRole('progressbar', { name: '距离下一星级的进度' })).toBeVisible();
    },
  },
  {
    name: 'me: callback',
    reach: async (page) => {
      await signIn(page, USERS.li.phone);
      await openApp(page, '/me/callback');
    },
    check: async (page) => {
      await expect(page.getByRole('link', { name: /拨打人工客服/ })).toBeVisible();
      await expect(page.getByRole('form', { name: '预约客服回电' }).or(page.getByRole('region', { name: '您预约的回电' }))).toBeVisible();
    },
  },
  {
    name: 'me: privacy centre',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/me/privacy');
    },
    check: async (page) => {
      await expect(page.getByRole('switch', { name: '接收优惠活动消息' })).toBeVisible();
    },
  },
  {
    name: 'settings',
    reach: (page) => openApp(page, '/me/settings'),
    check: async (page) => {
      await expect(page.getByRole('radiogroup', { name: '字体大小' }).or(page.getByRole('group', { name: '字体大小' }))).toBeVisible();
    },
  },
  {
    name: 'search',
    reach: (page) => openApp(page, '/search?q=%E9%95%BF%E8%BE%88%E7%89%88'),
    check: async (page) => {
      await expect(page.getByRole('main').getByRole('heading', { level: 2, name: '长辈版', exact: true })).toBeVisible();
    },
  },
  {
    name: 'not-found',
    reach: (page) => openApp(page, '/no/such/page'),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: '没有找到这个页面' })).toBeVisible();
    },
  },
  {
    name: 'feedback (signed out)',
    reach: (page) => openApp(page, '/feedback'),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: '您想反馈什么？' })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: '登录' })).toBeVisible();
    },
  },
  {
    name: 'feedback: my tickets and surveys',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/feedback');
    },
    check: async (page) => {
      await expect(page.locator('.ticket-list .ticket-row').first()).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: '问卷调查' })).toBeVisible();
    },
  },
  {
    name: 'feedback: new ticket',
    reach: async (page) => {
      await signInFreshSubscriber(page, 0);
      await openApp(page, '/feedback/new?kind=complaint');
    },
    check: async (page) => {
      await expect(page.getByLabel('问题类别')).toBeVisible();
      await expect(page.getByRole('radio', { name: '投诉' })).toBeChecked();
    },
  },
  {
    name: 'feedback: a ticket',
    reach: async (page) => {
      await signIn(page, USERS.zhang.phone);
      await openApp(page, '/feedback');
      await page.locator('.ticket-list .ticket-row').first().click();
    },
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: '处理进度' })).toBeVisible();
    },
  },
  {
    name: 'feedback: a survey',
    reach: async (page) => {
      await signInFreshSubscriber(page, 0);
      await openApp(page, '/feedback');
      await page.getByRole('link', { name: '开始答题' }).first().click();
    },
    check: async (page) => {
      await expect(page.getByText(/第 1 题，共 \d+ 题/)).toBeVisible();
    },
  },
  {
    name: "feedback: staff's queue",
    reach: async (page) => {
      await signIn(page, USERS.staff.phone);
      await openApp(page, '/feedback/queue');
    },
    check: async (page) => {
      await expect(page.locator('.ticket-list .ticket-row').first()).toBeVisible();
    },
  },
  {
    name: "feedback: a survey's results",
    reach: async (page) => {
      await signIn(page, USERS.staff.phone);
      await openApp(page, '/feedback');
      await page.getByRole('link', { name: '查看结果' }).first().click();
    },
    check: async (page) => {
      await expect(page.locator('.bar-chart').first()).toBeVisible();
    },
  },
  {
    name: 'quick rating (signed out)',
    reach: (page) => openApp(page, '/rate/demo-rate-link-for-the-billing-enquiry-0001'),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: /这次服务您满意吗？|这次服务已经评价过了/ })).toBeVisible();
    },
  },
];
