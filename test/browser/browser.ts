import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWorkbenchBuilt } from '../../src/cli/workbench-build.js';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type Started } from '../../src/server/main.js';
import { chromiumFlags, chromiumPath } from '../support/chromium.js';

const requireBrowser = process.env.HINGGAN_REQUIRE_BROWSER === '1';

/** Whether the browser suite runs here; without chromium it is skipped loudly, or fails under CI. */
export const browserAvailable = existsSync(chromiumPath);
if (!browserAvailable) {
  const message = `Browser suite: ${chromiumPath} not found (apt-get install chromium).`;
  if (requireBrowser) throw new Error(`${message} HINGGAN_REQUIRE_BROWSER=1 forbids skipping.`);
  console.warn(`\n⚠️  ${message} Browser tests SKIPPED.\n`);
}

export const screenshotsDir = path.resolve('test-results');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumFlags],
  });
}

/**
 * Records on `problems` whatever the Content Security Policy blocked on the page and any error the
 * page threw: a test expects the list to stay empty.
 */
export function watchPage(page: Page, problems: string[]): Page {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

/** The platform on a new SQLite database with the demo seed, its workbench built, on a free port. */
export async function startPlatform(): Promise<Started> {
  await ensureWorkbenchBuilt(() => undefined);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hg-browser-'));
  return startServer(
    loadConfig({ HINGGAN_ENV: 'test', HINGGAN_LOG_LEVEL: 'warn', HINGGAN_DATA_DIR: dataDir, HINGGAN_PORT: '0' }),
  );
}
