import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';
const officerPassword = 'Interaction-Pass-2026A';
const subject = '建议增开通往乌兰浩特站的公交线路';
const answer = '经研究，市公交公司将于下月开通 12 路公交，途经乌兰浩特站。';

describe.skipIf(!browserAvailable)('a citizen message in the browser: written without JavaScript, accepted, routed, answered, approved, published', () => {
  let platform: Started;
  let browser: Browser;
  let messageUrl: string;
  /** Anything the Content Security Policy blocked, and any page error: both must stay empty. */
  const problems: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    // 行署办公室 runs the main portal; its officer answers what the editor routes to it.
    const inject = (url: string, payload: object, cookie?: string) => platform.app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) });
    const admin = await inject('/api/v1/session', { username: 'sysadmin', password: demoPassword });
    const cookie = `hinggan_session=${admin.cookies.find((c) => c.name === 'hinggan_session')!.value}`;
    const bgs = await platform.app.inject({ method: 'GET', url: '/api/v1/orgs/152200000000.xsh.bgs', headers: { cookie } });
    const orgId = (bgs.json() as { id: string }).id;
    const user = await inject('/api/v1/admin/users', { username: 'hd.officer', displayName: '王承办', orgId, password: 'Interaction-Init-2026' }, cookie);
    expect(user.statusCode, user.body).toBe(201);
    const granted = await inject(`/api/v1/admin/users/${(user.json() as { id: string }).id}/roles`, { role: 'officer', orgId, scope: 'org' }, cookie);
    expect(granted.statusCode, granted.body).toBeLessThan(300);
    const first = await inject('/api/v1/session', { username: 'hd.officer', password: 'Interaction-Init-2026' });
    const changed = await inject('/api/v1/session/password', { challengeId: (first.json() as { challengeId: string }).challengeId, newPassword: officerPassword });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  function watch(page: Page): Page {
    watchPage(page, problems);
    return page;
  }

  async function signIn(username: string, password = demoPassword): Promise<Page> {
    const page = watch(await browser.newPage({ viewport: { width: 1366, height: 900 } }));
    // /workbench/login rather than /workbench/: the public site router answers the bare /workbench/ with its 404 page.
    await page.goto(new URL('login', platform.urls.workbench).href);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('欢迎，').waitFor();
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
  const publicPage = async () => watch(await (await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })).newPage());

  /** Opens the message from the 留言办理 list. */
  async function openMessage(page: Page): Promise<void> {
    if (messageUrl) await page.goto(messageUrl);
    else {
      await page.getByRole('menuitem', { name: /互动交流$/ }).click();
      await page.getByRole('link', { name: subject }).click();
    }
    await page.getByRole('heading', { name: subject }).waitFor();
    messageUrl = page.url();
  }

  /** Runs one step from the message page and waits for its confirmation. */
  async function act(page: Page, button: string, done: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await fill(dialog);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText(done).first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('a citizen writes to the 盟长信箱 on the public form, without JavaScript, and gets a tracking code', async () => {
    const page = await publicPage();
    await page.goto(new URL('/interaction/write/leader', platform.urls.portal).href);
    await page.getByLabel('姓名（必填）').fill('张三');
    await page.getByLabel('手机号码（必填，不公开）').fill('13912345678');
    await page.getByLabel('标题（必填）').fill(subject);
    await page.getByRole('textbox', { name: /来信内容/ }).fill('每天早上去高铁站的人很多，建议增开一条直达的公交线路。');
    await page.getByLabel(/同意公开来信内容/).check();
    await page.getByRole('button', { name: '提交' }).click();
    expect(await page.locator('.tracking-code').innerText()).toMatch(/^[A-Z0-9]{12}$/);
    await page.context().close();
  });

  it('portal.editor sees it waiting, accepts it and routes it to 兴安盟行政公署办公室', async () => {
    const page = await signIn('portal.editor');
    await page.getByRole('menuitem', { name: /互动交流$/ }).click();
    const row = page.getByRole('row').filter({ hasText: subject });
    await expect.poll(() => row.innerText()).toContain('待受理');
    await openMessage(page);
    // The writer's phone is masked; the consent is shown.
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('13912345678');
    expect(text).toContain('同意公开');
    expect(await page.getByRole('button', { name: '公开', exact: true }).count()).toBe(0);
    // To call back, the editor asks for the whole number (the server audits it).
    await page.getByRole('button', { name: '查看完整号码' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('13912345678（查看已记入审计日志）');

    await act(page, '受理 / 标记无效', '已处理');
    await act(page, '转办', '已转办', async (dialog) => {
      await dialog.getByLabel('承办单位').click();
      await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^兴安盟行政公署办公室$/ }).first().click();
      await dialog.getByLabel('转办意见').fill('请按职责办理。');
    });
    await expect.poll(() => page.locator('main').innerText()).toContain('办理中');
    await shot(page, 'interaction-message-routed');
    await page.close();
  });

  it('the unit officer drafts the answer; the reviewer approves it; the editor publishes it', async () => {
    const officer = await signIn('hd.officer', officerPassword);
    await openMessage(officer);
    await act(officer, '拟写答复', '答复已提交审核', (dialog) => dialog.getByLabel('答复内容').fill(answer));
    await officer.close();

    const reviewer = await signIn('portal.reviewer');
    await openMessage(reviewer);
    expect(await reviewer.locator('main').innerText()).toContain(answer);
    await act(reviewer, '审核通过', '答复已通过');
    await reviewer.close();

    const editor = await signIn('portal.editor');
    await openMessage(editor);
    await editor.getByText('来信人同意公开，尚未公开').waitFor();
    await act(editor, '公开', '已公开');
    const history = await editor.locator('.ant-card').filter({ has: editor.getByRole('heading', { name: '办理记录' }) }).innerText();
    for (const step of ['收到来信', '受理', '转办', '请按职责办理。', '拟写答复', '审核通过并答复', '公开']) expect(history).toContain(step);
    await shot(editor, 'interaction-message-published');
    await editor.close();
  });

  it('the public interaction page lists the message with its answer, and none of the writer\'s personal data', async () => {
    const page = await publicPage();
    await page.goto(new URL('/interaction/', platform.urls.portal).href);
    await page.getByRole('link', { name: subject }).click();
    const text = await page.locator('body').innerText();
    expect(text).toContain(answer);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13912345678');
    await page.context().close();
  });
});
