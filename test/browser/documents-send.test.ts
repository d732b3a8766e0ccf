import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';
const title = '兴安盟行政公署关于做好今冬明春供暖保障工作的通知';

describe.skipIf(!browserAvailable)('sending a document in the browser: 拟稿 → 审核 → 签发 → 登记 → 用印 → 核发', () => {
  let platform: Started;
  let browser: Browser;
  let filesDir: string;
  let documentUrl: string;
  /** Anything the Content Security Policy blocked, and any page error: both must stay empty. */
  const problems: string[] = [];

  /** One API call as a demo account, for setting up what is not this suite's subject. */
  async function call(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const session = await platform.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: demoPassword } });
    const cookie = session.cookies.find((c) => c.name === 'hinggan_session')!;
    const answer = await platform.app.inject({
      method,
      url,
      headers: { cookie: `hinggan_session=${cookie.value}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: answer.statusCode, body: answer.json() };
  }

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    filesDir = mkdtempSync(path.join(tmpdir(), 'hg-browser-docs-'));
    // 用印 needs the issuer's seal certificate, which the 安全管理员 issues.
    const xsh = await call('sysadmin', 'GET', '/api/v1/orgs/152200000000.xsh');
    const seal = await call('secadmin', 'POST', '/api/v1/pki/certificates', { kind: 'seal', orgKey: xsh.body.id, name: '兴安盟行政公署', profile: 'sm2' });
    expect(seal.status, JSON.stringify(seal.body)).toBe(201);
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    watchPage(page, problems);
    await page.goto(platform.urls.workbench);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('欢迎，').waitFor();
    return page;
  }

  const bodyText = (page: Page) => page.locator('body').innerText();
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });

  /** Adds an organisation to a recipients field by searching the registry. */
  async function addOrg(page: Page, field: string, name: string): Promise<void> {
    const input = page.getByLabel(field, { exact: true });
    await input.click();
    await input.fill(name);
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: new RegExp(`^${name}`) }).first().click();
    await page.getByRole('list', { name: `已选${field}` }).getByText(name).waitFor();
  }

  /** Runs one flow action from the document page, with an opinion when given, and waits for its message. */
  async function act(page: Page, button: string, done: string, fill: Record<string, string> = {}): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    for (const [label, value] of Object.entries(fill)) await dialog.getByLabel(label).fill(value);
    await dialog.locator('.ant-modal-footer .ant-btn-primary, .ant-modal-footer .ant-btn-dangerous').last().click();
    await page.getByText(done).first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  const currentStep = (page: Page) => page.getByText(/^当前环节：|^已核发，流程结束/).first().innerText();

  it('xsh.clerk drafts a 通知 to two organisations, with headings and an attachment, and submits it', async () => {
    const page = await signIn('xsh.clerk');
    await page.getByRole('menuitem', { name: /公文$/ }).click();
    await page.getByRole('tab', { name: '待办' }).waitFor();
    await page.getByRole('button', { name: '拟稿' }).click();

    const item = (label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
    await expect.poll(() => item('发文机关').innerText()).toContain('兴安盟行政公署');
    await page.getByLabel('标题', { exact: true }).fill(title);
    await addOrg(page, '主送机关', '乌兰浩特市人民政府');
    await addOrg(page, '主送机关', '阿尔山市人民政府');
    // Only 非密 and 秘密 are offered.
    const secrecy = await page.locator('.ant-form-item').filter({ hasText: '密级' }).first().innerText();
    expect(secrecy).toMatch(/非密[\s\S]*秘密/);
    expect(secrecy).not.toMatch(/机密|绝密/);

    // The body: a paragraph, a first-level heading, a paragraph, a second-level heading, a paragraph.
    const editor = page.getByRole('textbox', { name: '正文' });
    await editor.click();
    await page.keyboard.type('各旗县市人民政府：');
    await page.keyboard.press('Enter');
    const h1 = page.getByRole('button', { name: '一级标题（一、）' });
    // The toolbar hands the focus back to the editor (on the next frame) after applying a format.
    const editorFocused = () => editor.evaluate((el) => el === document.activeElement);
    await h1.click();
    await expect.poll(() => h1.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.type('一、压实供暖保障责任');
    await page.keyboard.press('Enter');
    await expect.poll(() => h1.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type('各地要加强供热设施巡查，确保群众温暖过冬。');
    await page.keyboard.press('Enter');
    // The toolbar by keyboard: one tab stop, arrows to the second level, Enter to apply.
    await h1.focus();
    await page.keyboard.press('ArrowRight');
    const h2 = page.getByRole('button', { name: '二级标题（（一））' });
    await expect.poll(() => h2.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => h2.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.type('（一）落实供热企业主体责任');
    await page.keyboard.press('Enter');
    await page.keyboard.type('供热企业要保证居民室温不低于18摄氏度。');
    expect(await editor.locator('h1').innerText()).toBe('一、压实供暖保障责任');
    expect(await editor.locator('h2').innerText()).toBe('（一）落实供热企业主体责任');

    // A rule the server checks at save: a 请示 goes up to one superior, never down to two cities.
    await page.getByLabel('文种').fill('请示');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '不符合行文规则' });
    await expect.poll(() => alert.innerText()).toContain('请示只能作上行文');
    expect(await item('主送机关').locator('.ant-form-item-explain-error').first().innerText()).toContain('请示只能作上行文');
    await shot(page, 'documents-draft-rules');
    expect(page.url()).toMatch(/\/documents\/new$/);
    await page.getByLabel('文种').fill('通知');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();
    await page.waitForURL(/\/documents\/[^/]+\/edit$/);
    documentUrl = page.url().replace(/\/edit$/, '');

    // Attachments: one whose bytes are not what its name claims is refused with the server's reason.
    const fake = path.join(filesDir, '伪装文件.pdf');
    writeFileSync(fake, 'this is plain text, not a PDF');
    const real = path.join(filesDir, '供暖值班安排表.pdf');
    writeFileSync(real, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    for (const file of [fake, real]) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '上传附件' }).click();
      await (await chooser).setFiles(file);
      await expect.poll(() => bodyText(page)).toContain(file === fake ? '伪装文件.pdf：附件内容与声明的文件类型不符' : '已上传附件 供暖值班安排表.pdf');
    }
    await page.getByRole('link', { name: '供暖值班安排表' }).waitFor();

    // A second save changes the body: version 2.
    await editor.getByText('确保群众温暖过冬').click();
    await page.keyboard.press('End');
    await page.keyboard.type('对困难群众要逐户走访。');
    await page.getByRole('button', { name: /^(save )?保存$/ }).click();
    await page.getByText('已保存为第 2 版').waitFor();
    await shot(page, 'documents-draft');

    await page.getByRole('button', { name: '保存并送审' }).click();
    await page.getByText('已送审').waitFor();
    await page.waitForURL(documentUrl);
    await expect.poll(() => currentStep(page)).toBe('当前环节：部门核稿');
    await page.close();
  });

  it('finds the draft by a word of its body on 公文检索, marked, and opens it', async () => {
    const page = await signIn('xsh.clerk');
    await page.getByRole('menuitem', { name: /公文$/ }).click();
    await page.getByLabel('全文检索公文').fill('走访');
    await page.getByLabel('全文检索公文').press('Enter');
    await page.waitForURL(/\/documents\/search\?q=/);
    const hits = page.getByRole('region', { name: '检索结果' });
    const hit = hits.getByRole('link', { name: title });
    await hit.waitFor();
    expect(await hits.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('走访')]));
    await shot(page, 'documents-search');
    await hit.click();
    await page.waitForURL(documentUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.close();
  });

  it('the leader and the clerk take it through 核稿, 审核, a return, 签发 and 复核 to 登记, 用印 and 核发', async () => {
    const leader = await signIn('xsh.leader');
    await leader.getByRole('menuitem', { name: /公文$/ }).click();
    const row = leader.getByRole('row').filter({ hasText: title });
    await expect.poll(() => row.innerText()).toContain('部门核稿');
    expect(await leader.getByLabel('按环节筛选').innerText()).toMatch(/部门核稿 1/);
    await shot(leader, 'documents-todo');
    await row.getByRole('link', { name: title }).click();
    await act(leader, '同意', '已同意', { 审核意见: '同意，请办公室审核。' });
    await expect.poll(() => currentStep(leader)).toBe('当前环节：办公室审核');

    const clerk = await signIn('xsh.clerk');
    await clerk.goto(documentUrl);
    await act(clerk, '同意', '已同意', { 审核意见: '格式规范，请领导签发。' });
    await expect.poll(() => currentStep(clerk)).toBe('当前环节：领导签发');

    // The leader returns it once, with a reason, then signs it off after the office checks again.
    await leader.reload();
    await expect.poll(() => currentStep(leader)).toBe('当前环节：领导签发');
    await leader.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByLabel('退回到').click();
    await leader.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '办公室审核' }).dispatchEvent('click');
    await dialog.getByLabel('退回理由').fill('请补充抄送盟委办公室。');
    await dialog.getByRole('button', { name: '退回' }).click();
    await leader.getByText('已退回').first().waitFor();
    await expect.poll(() => currentStep(leader)).toBe('当前环节：办公室审核');

    await clerk.reload();
    await act(clerk, '同意', '已同意', { 审核意见: '已核对。' });
    await leader.reload();
    await act(leader, '签发', '已签发', { 签发意见: '同意印发。' });
    await expect.poll(() => bodyText(leader)).toContain('李盟长（');

    await clerk.reload();
    await expect.poll(() => currentStep(clerk)).toBe('当前环节：复核');
    await act(clerk, '同意', '已同意');
    await act(clerk, '登记编号', '已登记，发文字号：');
    const number = await clerk.getByLabel('发文字号').innerText();
    expect(number).toMatch(/^兴署发〔\d{4}〕\d+号$/);
    await act(clerk, '用印', '已用印');
    // The sealed copy is previewed inline: pdf.js (its own chunk and worker) paints page 1 into a canvas.
    const canvas = clerk.getByRole('img', { name: '第 1 页' });
    await expect.poll(() => canvas.getAttribute('data-painted'), { timeout: 20_000 }).toBe('1');
    const inked = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4 * 31) if (d[i + 3]! > 0 && d[i]! < 160) n += 1;
        return n;
      });
    expect(await inked()).toBeGreaterThan(100);
    const width = Number(await canvas.getAttribute('width'));
    await clerk.getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => Number(await canvas.getAttribute('width'))).toBeGreaterThan(width);
    const pdf = await clerk.request.get(`${new URL(documentUrl).origin}/api/v1/documents/${documentUrl.split('/').pop()}/final`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await act(clerk, '核发', '已核发');
    await expect.poll(() => currentStep(clerk)).toBe('已核发，流程结束');
    await shot(clerk, 'documents-issued');

    // The history: every step, who acted, each opinion, the return with its reason.
    await clerk.getByRole('tab', { name: /流转记录/ }).click();
    const history = clerk.getByRole('list', { name: '流转记录' });
    await expect.poll(() => history.innerText()).toContain('意见：同意印发。');
    const text = await history.innerText();
    for (const expected of ['部门核稿', '意见：同意，请办公室审核。', '退回至“办公室审核”', '退回理由：请补充抄送盟委办公室。', '登记编号', '用印', '核发', '李盟长', '王文秘']) {
      expect(text).toContain(expected);
    }
    await shot(clerk, 'documents-flow');
    await leader.close();
    await clerk.close();
    // Eleven actions by two people, each a page load and a server write (用印 renders and seals a PDF).
  }, 120_000);

  it('shows the deliveries with each recipient’s receipt, and the differences between two saved versions', async () => {
    // 乌兰浩特市 signs for it on the receiving side.
    const inbox = await call('ulh.clerk', 'GET', `/api/v1/documents/inbox?q=${encodeURIComponent('供暖保障')}`);
    const item = inbox.body.items.find((i: { title: string }) => i.title === title);
    expect(item, JSON.stringify(inbox.body)).toBeDefined();
    const signed = await call('ulh.clerk', 'POST', `/api/v1/documents/incoming/${item.id}/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);

    const page = await signIn('xsh.clerk');
    await page.goto(`${documentUrl}?tab=deliveries`);
    const table = page.getByLabel('分发与签收情况');
    await expect.poll(() => table.innerText()).toContain('阿尔山市人民政府');
    await expect.poll(() => table.getByRole('row').filter({ hasText: '乌兰浩特市人民政府' }).innerText()).toMatch(/已签收[\s\S]*签收：陈文秘/);
    expect(await table.getByRole('row').filter({ hasText: '阿尔山市人民政府' }).innerText()).toContain('已送达，待签收');
    await shot(page, 'documents-deliveries');

    await page.getByRole('tab', { name: /版本/ }).click();
    const diff = page.getByRole('group', { name: '正文的差异' });
    await expect.poll(() => diff.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('逐户走访')]));
    expect(await page.getByText(/第 1 版 → 第 2 版：新增 \d+ 字，删除 0 字/).count()).toBe(1);
    const inserted = diff.locator('ins').first();
    expect(await inserted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    await shot(page, 'documents-versions');
    await page.close();
  });

  it('a leader switches an optional step off and shortens a deadline on 流程设置; a clerk only reads it', async () => {
    const clerk = await signIn('xsh.clerk');
    await clerk.goto(`${platform.urls.workbench}documents/workflows`);
    await clerk.getByText('只有该机关的领导或系统管理员可以修改流程').waitFor();
    expect(await clerk.getByRole('switch', { name: '启用“复核”' }).isDisabled()).toBe(true);
    await clerk.close();

    const leader = await signIn('xsh.leader');
    await leader.getByRole('menuitem', { name: /公文$/ }).click();
    await leader.getByRole('link', { name: /流程设置/ }).click();
    const recheck = leader.getByRole('switch', { name: '启用“复核”' });
    await expect.poll(() => recheck.getAttribute('aria-checked')).toBe('true');
    // Required steps cannot be switched off.
    expect(await leader.getByRole('switch', { name: '启用“领导签发”' }).isDisabled()).toBe(true);
    await recheck.click();
    await leader.getByLabel('“办公室审核”的办理时限（工作日，0 为不限）').fill('1');
    await leader.getByRole('button', { name: '保存流程设置' }).click();
    await leader.getByText('流程设置已保存').waitFor();
    await shot(leader, 'documents-workflow');
    await leader.close();

    const saved = await call('xsh.leader', 'GET', `/api/v1/documents/workflows/${(await call('sysadmin', 'GET', '/api/v1/orgs/152200000000.xsh')).body.id}`);
    const step = (name: string) => saved.body.steps.find((s: { step: string }) => s.step === name);
    expect(step('recheck')).toMatchObject({ enabled: false, customised: true });
    expect(step('office_review')).toMatchObject({ deadlineDays: 1, customised: true });
  });
});
