import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/main.js';
import { browserAvailable, launchBrowser, screenshotsDir, startPlatform, watchPage } from './browser.js';

const demoPassword = 'Hinggan@2026';
const name = '食品经营许可（仅销售预包装食品备案除外）';
const code = '11152200MB1957422X4000000001';
const basis = '《中华人民共和国食品安全法》第三十五条';

describe.skipIf(!browserAvailable)('a service item: the officer writes its 办事指南, sees what it lacks, completes and publishes it; the portal shows the guide', () => {
  let platform: Started;
  let browser: Browser;
  /** The item's editor in the workbench, as the self-inspection links to it (?org=…&item=…). */
  let itemUrl: string;
  /** Anything the Content Security Policy blocked, and any page error: both must stay empty. */
  const problems: string[] = [];
  const watch = (page: Page) => watchPage(page, problems);
  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(screenshotsDir, `${file}.png`), fullPage: true });

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  it('zwsj.officer creates an item without 设定和实施依据, is told it lacks it, adds it and publishes the item', async () => {
    const page = watch(await browser.newPage({ viewport: { width: 1366, height: 900 } }));
    await page.goto(platform.urls.workbench);
    await page.getByLabel('用户名').fill('zwsj.officer');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: /政务服务事项$/ }).click();
    await page.getByRole('heading', { name: '政务服务事项' }).waitFor();
    expect(await page.locator('.ant-card-extra').innerText()).toContain('兴安盟行政审批政务服务与数据管理局');

    await page.getByRole('button', { name: '新建事项' }).click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await drawer.getByText('新建政务服务事项').waitFor();
    const field = (label: string): Locator => drawer.getByLabel(label, { exact: true });
    await field('事项名称').fill(name);
    await field('事项编码').fill(code.toLowerCase());
    await field('事项类型').click();
    await page.locator('.ant-select-item-option[title="行政许可"]').click();
    await field('主管部门').fill('兴安盟市场监督管理局');
    await field('受理条件').fill('有与经营的食品品种、数量相适应的经营场所和设施。');
    await drawer.getByRole('button', { name: '添加材料' }).click();
    await field('材料名称').fill('食品经营许可申请书');
    await drawer.getByRole('button', { name: '添加环节' }).click();
    await field('环节 1').fill('受理');
    await field('法定时限（工作日）').fill('20');
    await field('承诺时限（工作日）').fill('10');
    await field('收费标准及依据').fill('不收费');
    await field('办理地点和时间').fill('兴安盟政务服务中心二楼市场监管综合窗口，工作日 9:00—17:00');
    await field('咨询电话').fill('0482-8261234');
    await field('法人').check();

    await drawer.getByRole('button', { name: '保存' }).click();
    const gaps = drawer.locator('.ant-alert-warning');
    await gaps.waitFor();
    expect(await gaps.innerText()).toContain('办事指南要素不全');
    expect(await gaps.innerText()).toContain('设定和实施依据');
    // Lower case typed, the code is filed in capitals; the editor now shows the saved draft.
    expect(await field('事项编码').inputValue()).toBe(code);
    expect(await drawer.getByRole('button', { name: '发布' }).isDisabled()).toBe(true);
    // The saved draft's editor has its own address.
    await page.waitForURL(/[?&]item=[^&]+/);
    itemUrl = page.url();
    expect(new URL(itemUrl).searchParams.get('org')).toBeTruthy();
    await shot(page, 'services-1-gaps');

    await field('设定和实施依据').fill(basis);
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.getByText('办事指南要素齐全，可以发布').waitFor();
    await expect.poll(() => gaps.count()).toBe(0);
    await drawer.getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布' }).click();
    await drawer.locator('.ant-drawer-title .ant-tag').filter({ hasText: '已发布' }).waitFor();
    // Once published, the code is fixed and the item may be withdrawn.
    expect(await field('事项编码').isDisabled()).toBe(true);
    await drawer.getByRole('button', { name: '撤回' }).waitFor();
    await shot(page, 'services-2-published');

    await drawer.getByRole('button', { name: '关闭' }).click();
    const row = page.getByRole('row').filter({ hasText: code });
    await expect.poll(() => row.innerText()).toContain('已发布');
    const line = await row.innerText();
    expect(line).toContain(name);
    expect(line).toContain('齐全');
    expect(line).toContain('承诺件 · 10个工作日');
    await expect.poll(() => page.getByRole('radio', { name: '已发布 1' }).count()).toBe(1);
  });

  it('it.office follows a link to the item (?org=…&item=…) and reads its guide without the means to change it', async () => {
    const page = watch(await browser.newPage({ viewport: { width: 1366, height: 900 } }));
    await page.goto(itemUrl);
    await page.getByLabel('用户名').fill('it.office');
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录' }).click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await drawer.locator('.ant-drawer-title').filter({ hasText: name }).waitFor();
    await drawer.getByText('只读：事项由实施机关的窗口人员维护').waitFor();
    expect(await drawer.getByLabel('设定和实施依据', { exact: true }).inputValue()).toBe(basis);
    expect(await drawer.getByLabel('事项名称', { exact: true }).isDisabled()).toBe(true);
    expect(await drawer.getByRole('button', { name: /^(保存|发布|撤回)$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新建事项' }).count()).toBe(0);
    await shot(page, 'services-3-read-only');
  });

  it('the portal shows the published guide at /services/items/<code>', async () => {
    const page = watch(await browser.newPage());
    const response = await page.goto(new URL(`services/items/${code}`, platform.urls.portal).href);
    expect(response?.status()).toBe(200);
    const text = await page.locator('body').innerText();
    expect(text).toContain(name);
    expect(text).toContain('设定和实施依据');
    expect(text).toContain(basis);
    expect(text).toContain('兴安盟行政审批政务服务与数据管理局');
    await shot(page, 'services-4-portal-guide');
  });
});
