import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';
const leaderPassword = 'Ulh-Leader#2026';
const leaderName = '周市长';
const title = '兴安盟行政公署关于做好冬季安全生产工作的通知';

/** A one-page PDF, as a scanner would hand over a paper document. */
async function scanPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(18).text('Scan of a paper document', 80, 120);
  doc.end();
  await done;
  writeFileSync(file, Buffer.concat(chunks));
}

describe.skipIf(!browserAvailable)('收文 to 归档 in the browser: 乌兰浩特 receives, instructs, circulates, finishes and files a document', () => {
  let platform: Started;
  let browser: Browser;
  let filesDir: string;
  const problems: string[] = [];

  /** A call to the running platform's API as `cookie`; fails the setup on any refusal. */
  async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const response = await platform.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  }
  async function apiSignIn(username: string, password = demoPassword): Promise<string> {
    const response = await platform.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
    const cookie = response.cookies.find((c) => c.name === 'hinggan_session');
    if (!cookie) throw new Error(`sign in ${username}: ${response.body}`);
    return `hinggan_session=${cookie.value}`;
  }

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    filesDir = mkdtempSync(path.join(tmpdir(), 'hg-browser-scan-'));

    // The demo seed has no leader in 乌兰浩特; the 系统管理员 makes one, who sets a password.
    const admin = await apiSignIn('sysadmin');
    const ulh = await call(admin, 'GET', '/orgs/152201000000.gov');
    const user = await call(admin, 'POST', '/admin/users', { username: 'ulh.leader', displayName: leaderName, orgId: ulh.id, password: 'Initial#Pass2026' });
    await call(admin, 'POST', `/admin/users/${user.id}/roles`, { role: 'leader', orgId: ulh.id, scope: 'org' });
    const first = await platform.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'ulh.leader', password: 'Initial#Pass2026' } });
    const changed = await platform.app.inject({ method: 'POST', url: '/api/v1/session/password', payload: { challengeId: first.json().challengeId, newPassword: leaderPassword } });
    expect(changed.statusCode, changed.body).toBe(200);

    // 行署 issues a notice to 乌兰浩特 (optional review steps and 用印 off, as an organisation may set them).
    const clerk = await apiSignIn('xsh.clerk');
    const leader = await apiSignIn('xsh.leader');
    const xsh = await call(admin, 'GET', '/orgs/152200000000.xsh');
    const optional = ['department_review', 'office_review', 'recheck', 'seal'].map((step) => ({
      step,
      enabled: false,
      role: step === 'department_review' ? 'leader' : 'clerk',
      actorScope: step === 'department_review' ? 'drafting_unit' : 'issuer_office',
      deadlineDays: 1,
    }));
    await call(leader, 'PUT', `/documents/workflows/${xsh.id}`, { steps: optional });
    const doc = await call(clerk, 'POST', '/documents', {
      orgId: xsh.id,
      kind: 'notice',
      title,
      mainRecipientIds: [ulh.id],
      bodyHtml: '<p>乌兰浩特市人民政府：</p><p>请切实做好冬季安全生产工作，于月底前报送落实情况。</p><p>特此通知。</p>',
    });
    for (const [cookie, action] of [[clerk, 'submit'], [leader, 'sign-off'], [clerk, 'register'], [clerk, 'issue']] as const) {
      await call(cookie, 'POST', `/documents/${doc.id}/${action}`, {});
    }
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  async function signIn(username: string, password = demoPassword): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    watchPage(page, problems);
    await page.goto(platform.urls.workbench);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('欢迎，').waitFor();
    return page;
  }

  const menu = (page: Page, name: string) => page.getByRole('menuitem', { name });
  const bodyText = (page: Page) => page.locator('body').innerText();
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
  const particular = (page: Page, label: string) => page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]');

  /** Opens the document from the inbox tab that waits for `tab`. */
  async function openFromInbox(page: Page, tab: string): Promise<void> {
    await menu(page, '收文').click();
    await page.getByRole('tab', { name: new RegExp(`^${tab}(\\s|$)`) }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }

  async function pickOrg(page: Page, label: string, name: string): Promise<void> {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(label, { exact: true }).click();
    await dialog.getByLabel(label, { exact: true }).fill(name);
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${name}`) }).first().click();
  }

  it('ulh.clerk registers a paper document with its scan, and signs for and registers the issued notice (a 收文编号 appears)', async () => {
    const page = await signIn('ulh.clerk');
    await menu(page, '收文').click();
    await expect.poll(() => page.getByRole('tab', { name: /^待签收/ }).innerText()).toMatch(/待签收\s*1/);

    const scan = path.join(filesDir, '来文扫描件.pdf');
    await scanPdf(scan);
    await page.getByRole('button', { name: '登记纸质来文' }).click();
    const dialog = page.getByRole('dialog', { name: '登记纸质来文' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '选择扫描件' }).click();
    await (await chooser).setFiles(scan);
    await dialog.getByLabel('来文机关').fill('内蒙古自治区应急管理厅');
    await dialog.getByLabel('来文字号').fill('内应急字〔2026〕8号');
    await dialog.getByLabel('标题').fill('关于开展安全生产大检查的函');
    await dialog.getByLabel('成文日期').fill('2026-11-20');
    await dialog.getByLabel('成文日期').press('Enter');
    await dialog.getByRole('button', { name: '登记' }).click();
    await page.getByRole('heading', { name: '关于开展安全生产大检查的函' }).waitFor();
    await expect.poll(() => particular(page, '收文编号').innerText()).toMatch(/^收〔\d{4}〕\d+号$/);
    expect(await particular(page, '来源').innerText()).toContain('纸质来文');
    expect(await page.getByRole('link', { name: '下载扫描件' }).count()).toBe(1);

    await openFromInbox(page, '待签收');
    expect(await particular(page, '收文编号').innerText()).toBe('未登记');
    await page.getByRole('button', { name: '签收' }).click();
    await expect.poll(() => particular(page, '签收').innerText()).toContain('陈文秘');
    await page.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => particular(page, '收文编号').innerText()).toMatch(/^收〔\d{4}〕\d+号$/);
    expect(await page.getByRole('link', { name: '下载正式文件（PDF）' }).count()).toBe(1);

    await page.getByRole('button', { name: '初审' }).click();
    await page.getByRole('dialog').getByLabel('初审意见').fill('符合收文要求');
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await page.getByRole('button', { name: '拟办' }).click();
    await page.getByRole('dialog').getByLabel('拟办意见').fill('拟请市教育局牵头落实，报周市长批示');
    await page.getByRole('dialog').getByRole('button', { name: '提交拟办' }).click();
    await expect.poll(() => particular(page, '拟办意见').innerText()).toContain('市教育局牵头');
    // The clerk may not give the instruction: the server's actions offer no 批办 button.
    expect(await page.getByRole('button', { name: '批办' }).count()).toBe(0);
    await shot(page, 'documents-receive-registered');
  });

  it('the leader gives the 批办 instruction: lead unit and deadline', async () => {
    const page = await signIn('ulh.leader', leaderPassword);
    await openFromInbox(page, '批办');
    await page.getByRole('button', { name: '批办' }).click();
    const dialog = page.getByRole('dialog', { name: /^批办/ });
    await dialog.getByLabel('批办意见').fill('请市教育局抓紧落实，按期报送。');
    await pickOrg(page, '承办单位', '乌兰浩特市教育局');
    await dialog.getByLabel('办理时限（工作日）').fill('5');
    await dialog.getByRole('button', { name: '批办' }).click();
    await expect.poll(() => particular(page, '承办单位').innerText()).toBe('乌兰浩特市教育局');
    expect(await particular(page, '办理时限').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(await page.locator('.ant-timeline').innerText()).toContain('承办：乌兰浩特市教育局');
    await shot(page, 'documents-receive-instructed');
  });

  it('the clerk circulates it to the leader, who reads it; the circulation shows who read it and when', async () => {
    const clerk = await signIn('ulh.clerk');
    await openFromInbox(clerk, '承办');
    await clerk.getByRole('button', { name: '传阅' }).click();
    const dialog = clerk.getByRole('dialog', { name: /^传阅/ });
    await dialog.getByRole('checkbox', { name: new RegExp(leaderName) }).check();
    await dialog.getByRole('button', { name: '送阅' }).click();
    const circulation = clerk.locator('.ant-card').filter({ hasText: '传阅情况' });
    await expect.poll(() => circulation.innerText()).toContain('未阅');

    const leader = await signIn('ulh.leader', leaderPassword);
    await openFromInbox(leader, '传阅');
    await leader.getByRole('button', { name: '标记已阅' }).click();
    await leader.getByRole('dialog').getByLabel('阅批意见').fill('已阅，同意。');
    await leader.getByRole('dialog').getByRole('button', { name: '标记已阅' }).click();
    await expect.poll(() => leader.locator('.ant-card').filter({ hasText: '传阅情况' }).innerText()).toContain('已阅，同意。');

    await clerk.reload();
    const row = clerk.locator('.ant-card').filter({ hasText: '传阅情况' }).getByRole('row').filter({ hasText: leaderName });
    await expect.poll(() => row.innerText()).toMatch(/已阅 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    expect(await clerk.locator('.ant-card').filter({ hasText: '传阅情况' }).innerText()).toContain('已阅 1 人，未阅 0 人');
    await shot(clerk, 'documents-receive-circulation');
  });

  it('the 催办 board lists it under the lead unit; the clerk sends a reminder', async () => {
    const page = await signIn('ulh.clerk');
    await menu(page, '催办').click();
    await page.getByLabel('列出逾期及此后到期的').click();
    await page.locator('.ant-select-item-option[title="10 个工作日内到期"]').dispatchEvent('click');
    const units = page.getByRole('table').first();
    await expect.poll(() => units.innerText()).toContain('乌兰浩特市教育局');
    await page.getByRole('button', { name: `催办 ${title}` }).click();
    await page.getByRole('dialog').getByLabel('催办内容').fill('请于时限前报送落实情况');
    await page.getByRole('dialog').getByRole('button', { name: '发送催办' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: title }).innerText()).toContain('1 次');
    await shot(page, 'documents-receive-supervision');
  });

  it('the clerk finishes it (办结) and files it; the archive browser shows its 档号 and process metadata', async () => {
    const page = await signIn('ulh.clerk');
    await openFromInbox(page, '承办');
    await page.getByRole('button', { name: '办结' }).click();
    await page.getByRole('dialog').getByLabel('办理结果').fill('已部署全市冬季安全生产检查，落实情况已报送。');
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
    await expect.poll(() => particular(page, '办理结果').innerText()).toContain('已部署全市冬季安全生产检查');

    await page.getByRole('button', { name: '归档' }).click();
    await page.getByRole('dialog').getByLabel('定期30年（D30）').check();
    await page.getByRole('dialog').getByRole('button', { name: '归档' }).click();
    await expect.poll(() => particular(page, '档号').innerText()).toMatch(/^[A-Z0-9]+-WS·\d{4}-D30-[A-Z0-9]+-\d{4}$/);
    const code = await particular(page, '档号').innerText();
    await expect.poll(() => page.getByRole('button', { name: '归档' }).count()).toBe(0);

    await menu(page, '归档').click();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect.poll(() => row.innerText()).toContain(code);
    expect(await row.innerText()).toContain('定期30年');
    await row.getByRole('button', { name: title }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: `档案：${code}` });
    await expect.poll(() => drawer.innerText()).toContain('办理过程');
    const process = await drawer.innerText();
    for (const step of ['签收', '登记', '批办', '传阅', '办结', leaderName]) expect(process).toContain(step);
    const stamped = page.waitForEvent('download');
    await drawer.getByRole('link', { name: '下载归档件（含归档章）' }).click();
    expect((await stamped).suggestedFilename()).toMatch(/\.pdf$/);
    await shot(page, 'documents-archive');
    await page.keyboard.press('Escape');

    const pack = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出归档包' }).click();
    expect((await pack).suggestedFilename()).toMatch(/\.tar\.gz$/);
  });

  it('the statistics show the received document under its lead unit, with a table beside each chart', async () => {
    const page = await signIn('ulh.clerk');
    await menu(page, '公文统计').click();
    const received = page.locator('figure').filter({ hasText: '收文：各承办单位每月收文数' });
    await expect.poll(() => received.getByRole('table').innerText()).toContain('乌兰浩特市教育局');
    expect(await received.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    expect(await bodyText(page)).toContain('逾期率');
    await shot(page, 'documents-stats');
  });
});
