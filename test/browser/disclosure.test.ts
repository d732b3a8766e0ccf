import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';
const wanted = '2026年兴安盟城乡低保资金发放情况';
const phone = '13912345678';

describe.skipIf(!browserAvailable)('a disclosure request: the public form → the officer accepts and replies → the applicant tracks it', () => {
  let platform: Started;
  let browser: Browser;
  let code: string;
  let deadline: string;
  /** Anything the Content Security Policy blocked, and any page error: both must stay empty. */
  const problems: string[] = [];
  const watch = (page: Page) => watchPage(page, problems);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  /** The applicant's browser runs no JavaScript: the public forms are plain HTML. */
  const applicantPage = async () => watch(await (await browser.newContext({ javaScriptEnabled: false })).newPage());

  it('an applicant submits a request on /disclosure/apply without JavaScript and gets a tracking code and deadline', async () => {
    const page = await applicantPage();
    await page.goto(new URL('disclosure/apply', platform.urls.portal).href);
    await page.getByLabel('姓名或名称').fill('乌云其其格');
    await page.getByLabel('身份证号码或统一社会信用代码').fill('11010519491231002X');
    await page.getByLabel('联系电话（手机）').fill(phone);
    await page.getByLabel('所需政府信息的名称、文号或便于查询的其他特征描述').fill(wanted);
    await page.getByLabel('用途').fill('了解家庭所在嘎查的低保政策落实情况');
    await page.getByRole('button', { name: '提交申请' }).click();
    const text = await page.locator('body').innerText();
    code = /YSQ\d{4}[2-9A-HJ-NP-Z]{6}/.exec(text)![0];
    deadline = /答复期限：(\d{4}-\d{2}-\d{2})/.exec(text)![1]!;
    expect(text).toContain('查询码');
    await shot(page, 'disclosure-1-submitted');
  });

  it('the officer (周专员) sees it with its deadline, accepts it and replies 予以公开', async () => {
    const page = watch(await browser.newPage({ viewport: { width: 1366, height: 900 } }));
    // Straight to the area: sign-in brings the officer back to it, and his default tab is 依申请公开.
    await page.goto(new URL('disclosure', platform.urls.workbench).href);
    await page.getByLabel('用户名').fill('xsh.officer');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: /信息公开$/ }).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: '依申请公开', selected: true }).count()).toBe(1);
    const row = page.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    const line = await row.innerText();
    expect(line).toContain('乌云其其格');
    expect(line).toContain(deadline);
    expect(line).toMatch(/剩 \d+ 个工作日/);
    expect(line).toContain('待受理');
    await shot(page, 'disclosure-2-officer-list');

    await row.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `依申请公开 ${code}` }).waitFor();
    // Personal data is masked for staff.
    const detail = await page.locator('body').innerText();
    expect(detail).not.toContain(phone);
    expect(detail).not.toContain('11010519491231002X');
    expect(detail).toContain(wanted);

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '受理' }).click();
    await page.getByText('已受理').first().waitFor();
    await expect.poll(() => page.locator('.ant-tag').filter({ hasText: '办理中' }).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '答复', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('答复类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^予以公开$/ }).click();
    await dialog.getByLabel('补充说明').fill('所需信息见附件，已按电子方式提供。');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已答复，告知书已生成').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '下载告知书' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('答复类型');
    await shot(page, 'disclosure-3-replied');
  });

  it("the applicant's tracking page shows the reply", async () => {
    const page = await applicantPage();
    await page.goto(new URL(`disclosure/track?code=${code}`, platform.urls.portal).href);
    await page.getByLabel('手机号码后四位').fill(phone.slice(-4));
    await page.getByRole('button', { name: '查询' }).click();
    const text = await page.locator('body').innerText();
    expect(text).toContain('已答复');
    expect(text).toMatch(/答复结果\s*予以公开/);
    await page.getByRole('button', { name: '下载答复告知书（PDF）' }).waitFor();
    await shot(page, 'disclosure-4-tracked');
  });
});
