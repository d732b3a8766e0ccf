import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';

describe.skipIf(!browserAvailable)('the three administrators and a new clerk in the browser', () => {
  let platform: Started;
  let browser: Browser;
  /** Anything the Content Security Policy blocked, and any page error: both must stay empty. */
  const problems: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    watchPage(page, problems);
    return page;
  }

  async function signIn(username: string, password = demoPassword): Promise<Page> {
    const page = await newPage();
    await page.goto(platform.urls.workbench);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  }

  const menu = (page: Page, name: string) => page.getByRole('menuitem', { name });
  const bodyText = (page: Page) => page.locator('body').innerText();
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });

  it('a 系统管理员 creates a user in 兴安盟教育局 and grants the clerk role there', async () => {
    const page = await signIn('sysadmin');
    await menu(page, '账号管理').click();
    await expect.poll(() => bodyText(page)).toContain('xsh.clerk');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill('jyj.wang');
    await dialog.getByLabel('姓名').fill('王教育');
    await dialog.getByLabel('所在单位').click();
    await dialog.getByLabel('所在单位').fill('教育局');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^兴安盟教育局/ }).first().click();
    // Too weak for the policy: the server's Chinese rules show under the field.
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => dialog.innerText()).toContain('密码至少 12 位');
    await dialog.getByLabel('初始密码').fill('Initial#Pass2026');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => bodyText(page)).toContain('已创建用户 王教育');

    const row = page.getByRole('row').filter({ hasText: 'jyj.wang' });
    await expect.poll(() => row.innerText()).toContain('兴安盟教育局');
    expect(await row.innerText()).toContain('待改初始密码');
    await row.getByRole('button', { name: '角色' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '角色授权' });
    await pickRole(page, drawer, '文秘/机要');
    await drawer.getByRole('button', { name: '授予' }).click();
    await expect.poll(() => drawer.locator('.ant-list').innerText()).toContain('文秘/机要');
    expect(await drawer.locator('.ant-list').innerText()).toContain('兴安盟教育局');

    // 三员分立: an administrator role cannot join a business role; the server's reason is shown.
    await pickRole(page, drawer, '审计管理员（三员）');
    await drawer.getByRole('button', { name: '授予' }).click();
    await expect.poll(() => drawer.innerText()).toContain('三员分立');
    await shot(page, 'admin-users-roles');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  it('the new user signs in with the initial password, must change it, and lands on the workbench', async () => {
    const page = await signIn('jyj.wang', 'Initial#Pass2026');
    await page.getByLabel('新密码').fill('Changed#Pass2026');
    await page.getByLabel('再次输入').fill('Changed#Pass2026');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('欢迎，王教育').waitFor();
    const text = await bodyText(page);
    expect(text).toContain('兴安盟教育局');
    expect(text).toContain('文秘/机要');
    await expect.poll(() => menu(page, '我的账号').count()).toBe(1);
    expect(await menu(page, '账号管理').count()).toBe(0);
    expect(await menu(page, '审计日志').count()).toBe(0);

    await menu(page, '我的账号').click();
    await expect.poll(() => bodyText(page)).toContain('当前会话');

    // Binding an authenticator: the QR code, the key for manual entry, then a first code.
    await page.getByRole('button', { name: '绑定动态口令' }).click();
    await page.getByAltText('动态口令绑定二维码').waitFor();
    const secret = await page.locator('.ant-card').filter({ hasText: '第二认证因子' }).locator('code').innerText();
    const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
    await shot(page, 'account-totp');
    await page.getByLabel('动态口令').fill(code);
    await page.getByRole('button', { name: '完成绑定' }).click();
    await page.getByText('动态口令已绑定', { exact: true }).first().waitFor();

    // A password the policy refuses: the rules broken are listed in Chinese.
    await page.getByLabel('当前密码').fill('Changed#Pass2026');
    await page.getByLabel('新密码', { exact: true }).fill('abc');
    await page.getByLabel('再次输入新密码').fill('abc');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => bodyText(page)).toContain('新密码不符合安全策略');
    expect(await bodyText(page)).toContain('密码至少 12 位');
    await shot(page, 'account');

    // A direct visit to an administrator's page: refused plainly, nothing crashes.
    await page.goto(`${platform.urls.workbench}users`);
    await page.getByText('无权访问').waitFor();
    await shot(page, 'forbidden');
  });

  it('a 审计管理员 finds the sign-ins and verifies the log', async () => {
    const page = await signIn('auditor');
    await menu(page, '审计日志').click();
    await page.getByLabel('动作或前缀').fill('auth');
    await page.getByRole('button', { name: '查询' }).click();
    // The new user's first sign-in (staged: password, then the new password) is recorded under their name.
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('jyj.wang');
    const rows = await page.locator('.ant-table-tbody').innerText();
    expect(rows).toContain('登录成功');
    expect(rows).not.toContain('orgs.import');

    await page.getByRole('row').filter({ hasText: 'jyj.wang' }).first().click();
    await expect.poll(() => page.getByRole('dialog').filter({ hasText: '审计记录' }).innerText()).toContain('哈希（SM3）');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '校验日志' }).click();
    await expect.poll(() => page.locator('.wb-verify-result').innerText()).toContain('校验通过');
    await shot(page, 'audit');
  });

  it('a 安全管理员 sees the policy and the certificates, and issues a seal certificate', async () => {
    const page = await signIn('secadmin');
    await menu(page, '安全策略').click();
    await expect.poll(() => page.getByLabel('密码有效期').inputValue()).toBe('90');
    expect(await bodyText(page)).toContain('等保三级说明');
    await shot(page, 'security-policy');

    await menu(page, '证书管理').click();
    await expect.poll(() => bodyText(page)).toMatch(/hinggan ca init|下载根证书/);
    const hadRoot = (await bodyText(page)).includes('下载根证书');
    if (!hadRoot) expect(await bodyText(page)).toContain('尚未创建根证书');
    await shot(page, 'pki-before');

    await page.getByRole('button', { name: '签发证书' }).click();
    const dialog = page.getByRole('dialog', { name: '签发证书' });
    await dialog.getByLabel('印章名称').fill('兴安盟教育局公章');
    await dialog.getByLabel('用章单位').click();
    await dialog.getByLabel('用章单位').fill('教育局');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^兴安盟教育局/ }).first().click();
    await dialog.getByRole('button', { name: '签发' }).click();
    await expect.poll(() => dialog.innerText()).toContain('私钥只显示这一次');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载私钥（PKCS#8）' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.key\.pem$/);
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => bodyText(page)).toContain('下载根证书（PEM）');
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('兴安盟教育局公章');
    await shot(page, 'pki');
  });
});

/**
 * Chooses a role in the drawer's select. The option is clicked through its DOM event: under load the
 * dropdown's opening animation can leave another option under the pointer, and a pointer click then
 * lands on that one or on nothing.
 */
async function pickRole(page: Page, drawer: Locator, title: string): Promise<void> {
  await drawer.getByLabel('角色', { exact: true }).click();
  const option = page.locator(`.ant-select-dropdown .ant-select-item-option[title="${title}"]`);
  await option.waitFor();
  await option.dispatchEvent('click');
  // Choosing closes the list.
  await expect.poll(() => option.isVisible()).toBe(false);
}
