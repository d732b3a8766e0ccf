import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';

/** A certificate and its key as the 安全管理员 hands them over: two PEM files. */
interface IssuedFiles {
  serial: string;
  certificate: string;
  key: string;
}

describe.skipIf(!browserAvailable)('the security features in the browser: certificate sign-in, personal data, policy', () => {
  let platform: Started;
  let browser: Browser;
  let filesDir: string;
  /** Anything the Content Security Policy blocked, and any page error: both must stay empty. */
  const problems: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    filesDir = mkdtempSync(path.join(tmpdir(), 'hg-browser-keys-'));
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    watchPage(page, problems);
    return page;
  }

  async function enterPassword(page: Page, username: string): Promise<void> {
    await page.goto(platform.urls.workbench);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
  }

  async function signIn(username: string): Promise<Page> {
    const page = await newPage();
    await enterPassword(page, username);
    await page.getByText('欢迎，').waitFor();
    return page;
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
  }

  const menu = (page: Page, name: string) => page.getByRole('menuitem', { name });
  const bodyText = (page: Page) => page.locator('body').innerText();
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });

  /** Chooses a local file through the button that opens the file chooser, as a user does. */
  async function chooseFile(page: Page, button: string, file: string): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(file);
    await page.getByText(path.basename(file)).waitFor();
  }

  /** On 证书管理, issues a personal SM2 certificate with a platform-generated key and saves both downloads. */
  async function issuePersonalCertificate(page: Page, username: string, name: string): Promise<IssuedFiles> {
    await page.getByRole('button', { name: '签发证书' }).click();
    const dialog = page.getByRole('dialog', { name: '签发证书' });
    await dialog.getByText('个人签名证书').click();
    await dialog.getByLabel('姓名').fill(name);
    await dialog.getByLabel('用户名', { exact: true }).fill(username);
    await dialog.getByRole('button', { name: '签发' }).click();
    await expect.poll(() => dialog.innerText()).toContain('私钥只显示这一次');
    expect(await dialog.innerText()).toContain(`已签发个人签名证书：${name}`);

    const save = async (button: string) => {
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: button }).click();
      const file = path.join(filesDir, (await download).suggestedFilename());
      await (await download).saveAs(file);
      return file;
    };
    const key = await save('下载私钥（PKCS#8）');
    const certificate = await save('下载证书');
    expect(key).toMatch(/\.key\.pem$/);
    expect(readFileSync(key, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(readFileSync(certificate, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return { serial: path.basename(certificate, '.pem'), certificate, key };
  }

  /** The base64 lines of a PEM file: what would show if its content were sent anywhere. */
  const pemBody = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'))
      .join('');

  it('a clerk binds the personal certificate issued on 证书管理, then signs in with its key, which never leaves the page', async () => {
    // a. The 安全管理员 issues personal certificates: one for fgw.clerk, one for another clerk.
    const admin = await signIn('secadmin');
    await menu(admin, '证书管理').click();
    await admin.getByRole('button', { name: '签发证书' }).waitFor();
    const mine = await issuePersonalCertificate(admin, 'fgw.clerk', '赵文秘');
    const theirs = await issuePersonalCertificate(admin, 'xsh.clerk', '王文秘');
    const listed = admin.getByRole('row').filter({ hasText: 'fgw.clerk' });
    await expect.poll(() => listed.innerText()).toContain(`${mine.serial.slice(0, 12)}…`);
    expect(await listed.innerText()).toContain('个人签名证书');
    await admin.close();

    // Everything the clerk's pages send, to show the key's text is never among it.
    const sent: string[] = [];
    const record = (page: Page) => {
      page.on('request', (request) => {
        const body = request.postData();
        if (body) sent.push(body);
      });
      return page;
    };

    // b. On 我的账号: no second factor yet; bind the certificate with its key.
    const page = record(await signIn('fgw.clerk'));
    await menu(page, '我的账号').click();
    const summary = page.locator('.ant-descriptions-item').filter({ hasText: '第二认证因子' });
    await expect.poll(() => summary.innerText()).toContain('未绑定');
    const card = page.locator('.ant-card').filter({ hasText: '第二认证因子（数字证书）' });
    expect(await card.innerText()).toContain('尚未绑定');
    await card.getByRole('button', { name: '绑定数字证书' }).click();
    await chooseFile(page, '选择证书文件', mine.certificate);
    await chooseFile(page, '选择私钥文件', mine.key);
    await card.getByRole('button', { name: '签名并绑定' }).click();
    // The chosen files' names carry the serial too: wait for the bound certificate's own fields.
    await card.getByText('绑定时间').waitFor();
    const item = (label: string) => card.locator('.ant-descriptions-item').filter({ hasText: label }).innerText();
    expect(await item('序列号')).toContain(mine.serial);
    expect(await item('状态')).toMatch(/状态\s+有效$/);
    const bound = await card.innerText();
    expect(bound).toMatch(/有效期\s+\d{4}.+ 至 \d{4}/);
    expect(bound).toContain('尚未使用');
    await expect.poll(() => summary.innerText()).toContain(`数字证书 ${mine.serial.slice(0, 8)}…（有效）`);
    await shot(page, 'account-certificate');

    // c. The next sign-in asks for the certificate: the key file signs, and the clerk is in.
    await signOut(page);
    await enterPassword(page, 'fgw.clerk');
    await page.getByRole('button', { name: '签名并登录' }).waitFor();
    expect(await page.getByLabel('动态口令').count()).toBe(0);
    await chooseFile(page, '选择私钥文件', mine.key);
    await shot(page, 'sign-in-certificate');
    await page.getByRole('button', { name: '签名并登录' }).click();
    await page.getByText('欢迎，赵文秘').waitFor();
    await menu(page, '我的账号').click();
    await expect.poll(() => card.innerText()).not.toContain('尚未使用');

    // d. Another user's key does not sign this user in, and says no more than a wrong password.
    await signOut(page);
    await enterPassword(page, 'fgw.clerk');
    await chooseFile(page, '选择私钥文件', theirs.key);
    await page.getByRole('button', { name: '签名并登录' }).click();
    await expect.poll(() => bodyText(page)).toContain('用户名或密码错误');
    expect(await page.getByText('欢迎，').count()).toBe(0);

    // e. The certificate went to the server (so bodies were recorded); the keys' text never did.
    expect(sent.some((body) => body.includes(pemBody(mine.certificate).slice(0, 64)))).toBe(true);
    for (const key of [mine.key, theirs.key]) {
      const text = pemBody(key);
      const leaked = sent.filter((body) => body.includes('PRIVATE KEY') || body.includes(text) || body.includes(text.slice(0, 40)));
      expect(leaked).toEqual([]);
    }
  });

  it('a 系统管理员 records a user’s ID and phone number, finds the user by phone, and the audited view shows in the log', async () => {
    const page = await signIn('sysadmin');
    await menu(page, '账号管理').click();
    await expect.poll(() => bodyText(page)).toContain('xsh.clerk');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill('jyj.li');
    await dialog.getByLabel('姓名').fill('李教育');
    await dialog.getByLabel('所在单位').click();
    await dialog.getByLabel('所在单位').fill('教育局');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^兴安盟教育局/ }).first().click();
    await dialog.getByLabel('初始密码').fill('Initial#Pass2026');
    await dialog.getByLabel('手机号').fill('139 1234 5678');
    // A wrong check digit: the field says so, and nothing is created.
    await dialog.getByLabel('身份证号').fill('152221199207080044');
    await dialog.getByRole('button', { name: '创建' }).click();
    const idItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('身份证号') });
    await expect.poll(() => idItem.innerText()).toContain('身份证号不正确（18 位，末位校验码）');
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByLabel('身份证号').fill('152221199207080043');
    await expect.poll(() => idItem.innerText()).not.toContain('身份证号不正确');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => bodyText(page)).toContain('已创建用户 李教育');

    // The list shows the phone masked; the full number finds the user.
    await page.getByLabel('用户名、姓名、身份证号或手机号').fill('13912345678');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'jyj.li' }).count()).toBe(1);
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    const row = page.getByRole('row').filter({ hasText: 'jyj.li' });
    expect(await row.innerText()).toContain('139****5678');
    expect(await row.innerText()).not.toContain('13912345678');

    // 查看 shows the full values and says the view was recorded.
    await row.getByRole('button', { name: '查看 李教育 的完整个人信息' }).click();
    const shown = page.getByRole('dialog').filter({ hasText: '李教育 的个人信息' });
    await expect.poll(() => shown.innerText()).toContain('身份证号：152221199207080043');
    expect(await shown.innerText()).toContain('手机号：13912345678');
    expect(await shown.innerText()).toContain('本次查看已记入审计日志');
    await shot(page, 'admin-personal-data');
    await shown.getByRole('button', { name: '关闭' }).click();
    await page.close();

    // The 审计管理员 finds the view under the administrator's name.
    const auditor = await signIn('auditor');
    await menu(auditor, '审计日志').click();
    await auditor.getByLabel('操作人用户名').fill('sysadmin');
    await auditor.getByRole('button', { name: '查询' }).click();
    const rows = auditor.locator('.ant-table-tbody');
    await expect.poll(() => rows.innerText()).toContain('identity.personal_data_read');
    const read = auditor.getByRole('row').filter({ hasText: 'identity.personal_data_read' });
    expect(await read.count()).toBe(1);
    expect(await read.innerText()).toContain('sysadmin');
    expect(await read.innerText()).toContain('查看个人信息');
    expect(await rows.innerText()).not.toMatch(/auditor|secadmin/);
    await shot(auditor, 'audit-personal-data');
  });

  it('a 安全管理员 sees both second factors accepted, and cannot accept none', async () => {
    const page = await signIn('secadmin');
    await menu(page, '安全策略').click();
    const methods = page.locator('.ant-form-item').filter({ hasText: '接受的第二因子' });
    const totp = methods.getByRole('checkbox', { name: '动态口令（TOTP）' });
    const sm2 = methods.getByRole('checkbox', { name: '数字证书（SM2）' });
    await expect.poll(() => totp.isChecked()).toBe(true);
    expect(await sm2.isChecked()).toBe(true);

    await totp.uncheck();
    await sm2.uncheck();
    await expect.poll(() => methods.innerText()).toContain('至少接受一种第二因子');
    await shot(page, 'security-policy-factors');
    // Saving is refused on the page: nothing is stored, and a fresh load still accepts both.
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => methods.innerText()).toContain('至少接受一种第二因子');
    await page.reload();
    await expect.poll(() => totp.isChecked()).toBe(true);
    expect(await sm2.isChecked()).toBe(true);
  });
});
