import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform } from './browser.js';

describe.skipIf(!browserAvailable)('a visitor and a clerk in the browser', () => {
  let platform: Started;
  let browser: Browser;
  let page: Page;
  /** Anything the Content Security Policy blocked, on any page: must stay empty. */
  const blocked: string[] = [];
  const watch = (p: Page) => {
    p.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(`${p.url()}: ${message.text()}`);
    });
    return p;
  };
  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    expect(blocked).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  it('reads the portal home in Chinese, then switches to vertical Mongolian on the same page', async () => {
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(platform.urls.portal);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('main').innerText()).toContain('乌兰浩特市');
    const main = await page.locator('main').innerText();
    for (const name of ['阿尔山市', '科尔沁右翼前旗', '科尔沁右翼中旗', '扎赉特旗', '突泉县', '兴安盟教育局']) {
      expect(main).toContain(name);
    }
    await page.screenshot({ path: path.join(screenshotsDir, 'portal-home-zh.png'), fullPage: true });

    await page.getByRole('link', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe('mn-Mong');
    await expect.poll(() => page.locator('body').innerText()).toContain('ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ');
    // Vertical writing, and the shipped Mongolian web font actually loaded.
    const layout = await page.evaluate(async () => {
      await document.fonts.ready;
      const vertical = [...document.querySelectorAll('main, main *')].some(
        (el) => getComputedStyle(el).writingMode === 'vertical-lr',
      );
      const fontLoaded = [...document.fonts].some((f) => /Mongolian/i.test(f.family) && f.status === 'loaded');
      return { vertical, fontLoaded };
    });
    expect(layout).toEqual({ vertical: true, fontLoaded: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'portal-home-mn.png'), fullPage: true });
  });

  it('signs a demo clerk in to the workbench, who sees their organisation, roles and the navigation', async () => {
    page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await page.goto(platform.urls.workbench);
    await page.getByLabel('用户名').fill('xsh.clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('用户名或密码错误');

    await page.getByLabel('密码').fill('Hinggan@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('演示账号 — 仅供体验，数据可能被重置').waitFor();
    const header = await page.locator('body').innerText();
    expect(header).toContain('王文秘');
    expect(header).toContain('兴安盟行政公署办公室');
    expect(header).toContain('文秘/机要');
    await expect.poll(() => page.getByRole('menuitem', { name: '组织机构' }).count()).toBe(1);
    await page.screenshot({ path: path.join(screenshotsDir, 'workbench-home.png') });

    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await page.getByLabel('检索组织机构').fill('扎赉特');
    await page.getByTitle('扎赉特旗', { exact: true }).click();
    await expect.poll(() => page.locator('.wb-org-title').innerText()).toContain('扎赉特旗');
    expect(await page.locator('body').innerText()).toContain('152223');
    await page.screenshot({ path: path.join(screenshotsDir, 'workbench-orgs.png') });

    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
  });
});
