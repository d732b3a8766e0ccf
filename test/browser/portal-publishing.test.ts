import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';
const title = '兴安盟开展冬季供暖安全大检查';

describe.skipIf(!browserAvailable)('publishing an article in the browser: the editor writes and submits, a second person approves, the public page shows it', () => {
  let platform: Started;
  let browser: Browser;
  let articleUrl: string;
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

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    watchPage(page, problems);
    // Straight to 网站管理: the sign-in page brings the user back there.
    await page.goto(new URL('portal', platform.urls.workbench).href);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '网站管理' }).waitFor();
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
  /** Asks the server, from the page as the signed-in user, to approve the article at the revision it has now. */
  const approveDirectly = (page: Page, id: string) =>
    page.evaluate(async (articleId) => {
      const url = `/api/v1/portal/articles/${articleId}`;
      const { revision } = (await (await fetch(url)).json()) as { revision: number };
      const answer = await fetch(`${url}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ revision, publish: 'now' }) });
      return answer.status;
    }, id);

  it('portal.editor writes an article with a heading, saves it and submits it; he cannot approve it', async () => {
    const page = await signIn('portal.editor');
    await page.getByRole('tab', { name: '我的草稿' }).waitFor();
    await page.getByRole('button', { name: '写文章' }).click();

    // The site, then a column of its tree (once the form, editor included, is in place).
    await page.getByRole('textbox', { name: '正文' }).waitFor();
    const item = (label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
    await page.getByLabel('网站', { exact: true }).click();
    await page.locator('.ant-select-item-option[title="兴安盟行政公署"]').click();
    await expect.poll(() => item('网站').innerText()).toContain('兴安盟行政公署');
    await page.getByLabel('栏目', { exact: true }).fill('兴安要闻');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^兴安要闻$/ }).click();
    await expect.poll(() => item('栏目').innerText()).toContain('兴安要闻');
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('来源', { exact: true }).fill('兴安盟行政公署办公室');

    const editor = page.getByRole('textbox', { name: '正文' });
    await editor.click();
    await page.getByRole('button', { name: '二级标题' }).click();
    await page.keyboard.type('一、检查范围');
    await page.keyboard.press('Enter');
    await page.keyboard.type('全盟供热企业和换热站。');
    expect(await editor.locator('h2').innerText()).toBe('一、检查范围');

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();
    await page.waitForURL(/\/portal\/articles\/[^/]+\/edit$/);
    articleUrl = page.url().replace(/\/edit$/, '');
    await shot(page, 'portal-article-editor');

    await page.getByRole('button', { name: '保存并送审' }).click();
    await page.getByText('已送审').first().waitFor();
    await page.waitForURL(articleUrl);
    await page.getByText('待审核：须由本单位另一位审核人员审核').waitFor();
    // The author is offered no approval, and the server refuses it when asked directly.
    const actions = page.getByLabel('可执行的操作');
    expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0);
    expect(await actions.count()).toBe(0);
    const id = articleUrl.split('/').pop()!;
    expect(await approveDirectly(page, id)).toBe(403);
    await page.getByRole('tab', { name: /流转记录/ }).click();
    await expect.poll(() => page.getByRole('list', { name: '流转记录' }).innerText()).toMatch(/送审\s*刘编辑/);
    await page.close();
  });

  it('portal.reviewer finds it waiting, approves it to publish now, and the public column page lists it', async () => {
    const page = await signIn('portal.reviewer');
    await page.getByRole('tab', { name: '待审核' }).click();
    await page.getByRole('table', { name: '文章列表' }).getByRole('link', { name: title }).click();
    await page.waitForURL(articleUrl);
    await page.getByRole('button', { name: '审核通过' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('立即发布').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '通过' }).click();
    await page.getByText('审核通过，已发布').waitFor();
    // Published: only withdrawal is left (a news column carries no validity).
    await expect.poll(() => page.getByLabel('可执行的操作').getByRole('button').allInnerTexts(), { timeout: 5_000 }).toEqual(['撤稿']);
    await shot(page, 'portal-article-published');

    const link = page.getByRole('link', { name: '公开页面' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/news\/local\/\d+\.html$/);
    await page.goto(new URL('/news/local/', platform.urls.portal).href);
    await page.getByRole('link', { name: title }).first().waitFor();
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(new URL(href, platform.urls.portal).href);
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await page.locator('h2').filter({ hasText: '一、检查范围' }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
