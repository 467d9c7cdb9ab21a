/**
 * 亲情号: an elderly user's family contacts. Added with each problem said beside its field,
 * edited, removed after a question, called by a tel: link here and on the home page, up to
 * five, a number never twice. Both modes, zh-CN, with axe and the mode's audit.
 */
import type { Page } from '@playwright/test';
import { auditScreen } from './audit';
import { expect, openApp, presetPrefs, test, signInNewSubscriber, answerSendQuestion } from './fixtures';
import { MODES, pageTitle } from './screens';

const nameField = (page: Page) => page.getByRole('form', { name: '添加亲情号' }).getByLabel('称呼');
const phoneField = (page: Page) => page.getByRole('form', { name: '添加亲情号' }).getByLabel('电话号码');
const addButton = (page: Page) => page.getByRole('button', { name: '添加', exact: true });
const card = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.beforeEach(async ({ context }) => {
      await presetPrefs(context, { elder_mode: mode.elder });
    });

    test('add a family contact, call it here and from home, edit it, remove it', async ({ page, baseURL }) => {
      await signInNewSubscriber(page, baseURL!, 2);
      await openApp(page, '/me');
      await page.getByRole('link', { name: '管理亲情号' }).click();
      await expect(pageTitle(page)).toHaveText('亲情号');
      await expect(page.getByText('已存 0 个，最多 5 个')).toBeVisible();
      await auditScreen(page, `${mode.name}: family contacts, none yet`, { soft: true });

      // Sending nothing says what is missing beside each field, and sends nothing.
      await addButton(page).click();
      await expect(page.getByText('请填写称呼')).toBeVisible();
      await expect(page.getByText('请填写正确的手机号，或带区号的座机号')).toBeVisible();
      await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(phoneField(page)).toHaveAttribute('aria-invalid', 'true');

      await nameField(page).fill(' 女儿 ');
      await phoneField(page).fill('137 0013 7000');
      await expect(nameField(page)).toHaveAttribute('aria-invalid', 'false');
      await addButton(page).click();
      await answerSendQuestion(page);
      await expect(page.getByRole('status').filter({ hasText: '已添加亲情号：女儿' })).toBeVisible();
      const daughter = card(page, '女儿');
      await expect(daughter.getByRole('link', { name: '打给女儿' })).toHaveAttribute('href', 'tel:13700137000');
      await expect(page.getByText('已存 1 个，最多 5 个')).toBeVisible();
      // The form is empty again, ready for the next one.
      await expect(nameField(page)).toHaveValue('');
      await auditScreen(page, `${mode.name}: family contacts, one added`, { soft: true });

      // The same number again is refused, in words, and the typing stays.
      await nameField(page).fill('闺女');
      await phoneField(page).fill('13700137000');
      await addButton(page).click();
      await answerSendQuestion(page);
      await expect(page.getByText('这个号码已经存过了，或者是您自己的号码。')).toBeVisible();
      await expect(nameField(page)).toHaveValue('闺女');

      // Edit: a home landline with its area code.
      await daughter.getByRole('button', { name: '修改' }).click();
      const edit = page.getByRole('form', { name: '修改 女儿' });
      await edit.getByLabel('电话号码').fill('010-8888 6666');
      await auditScreen(page, `${mode.name}: family contact, editing`, { soft: true });
      await edit.getByRole('button', { name: '保存' }).click();
      await expect(daughter.getByRole('link', { name: '打给女儿' })).toHaveAttribute('href', 'tel:01088886666');

      // Home's call button follows.
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页', exact: true }).click();
      await expect(page.getByRole('link', { name: /女儿/ })).toHaveAttribute('href', 'tel:01088886666');
      await page.goBack();

      // Remove, after a question that can be answered no.
      await card(page, '女儿').getByRole('button', { name: '删除' }).click();
      await expect(page.getByText('确定删除“女儿”吗？')).toBeVisible();
      await auditScreen(page, `${mode.name}: family contact, removing`, { soft: true });
      await page.getByRole('button', { name: '取消' }).click();
      await expect(card(page, '女儿')).toBeVisible();
      await card(page, '女儿').getByRole('button', { name: '删除' }).click();
      await page.getByRole('button', { name: '确定删除' }).click();
      await expect(page.getByRole('status').filter({ hasText: '已删除亲情号：女儿' })).toBeVisible();
      await expect(card(page, '女儿')).toHaveCount(0);
      await expect(page.getByText('已存 0 个，最多 5 个')).toBeVisible();
    });
  });
}

test('five is the most: the fifth fills the list and the form gives way to a notice', async ({ page, baseURL, context }) => {
  await presetPrefs(context);
  await signInNewSubscriber(page, baseURL!, 2);
  for (let i = 1; i <= 4; i++) {
    const answer = await page.request.post('/api/me/family-contacts', {
      data: { name: `家人${i}`, phone: `1370013700${i}`, idempotency_key: `family-limit-test-key-${i}-${Date.now()}` },
    });
    expect(answer.status()).toBe(201);
  }
  await openApp(page, '/me/family');
  await expect(page.getByText('已存 4 个，最多 5 个')).toBeVisible();
  await nameField(page).fill('老伴');
  await phoneField(page).fill('13700137009');
  await addButton(page).click();
  await answerSendQuestion(page);
  await expect(card(page, '老伴')).toBeVisible();
  await expect(page.getByText('已经存满 5 个了。要添加新的，请先删除一个。')).toBeVisible();
  await expect(addButton(page)).toHaveCount(0);
});
