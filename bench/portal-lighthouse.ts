import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { chromiumFlags, chromiumPath as chromePath } from '../test/support/chromium.js';
import type { BenchOptions } from './run.js';
import { benchSettings, pinnedToCores, startPlatform } from './support.js';

const categories = ['performance', 'accessibility'] as const;
const target = 95;
/**
 * Runs per page and preset; the run with the median performance score is reported (Lighthouse's own
 * advice: the performance score moves run to run, the more so on a busy machine).
 */
const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5));

const presets: Record<'mobile' | 'desktop', Config | undefined> = { mobile: undefined, desktop: desktopConfig };

const flags: Flags = {
  logLevel: 'error',
  output: 'json',
  onlyCategories: [...categories],
  // Simulated throttling (the default) works offline; the full-page screenshot only bloats the result.
  throttlingMethod: 'simulate',
  disableFullPageScreenshot: true,
};

interface Failing {
  readonly id: string;
  readonly score: number;
  readonly displayValue?: string;
}

interface Scored {
  readonly performance: number;
  readonly accessibility: number;
  readonly lhr: Result;
}

/** Audits of the category that count and did not pass (score below 0.9, Lighthouse's own pass mark). */
function failingAudits(lhr: Result, category: (typeof categories)[number]): Failing[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 0.9 && !['manual', 'informative', 'notApplicable', 'error'].includes(a.scoreDisplayMode))
    .map((a) => ({ id: a.id, score: a.score!, ...(a.displayValue ? { displayValue: a.displayValue } : {}) }));
}

async function audit(url: string, port: number, preset: keyof typeof presets): Promise<Scored> {
  const result = await lighthouse(url, { ...flags, port }, presets[preset]);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url} (${preset}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (c: (typeof categories)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  return { performance: score('performance'), accessibility: score('accessibility'), lhr };
}

/** The pages Issue 5 names: the main portal's home, a column list and an article in Chinese, and the Mongolian home. */
async function portalPages(base: string): Promise<{ name: string; url: string }[]> {
  const home = await (await fetch(base)).text();
  const article = /href="(\/([^"/]+)\/\d+\.html)"/.exec(home);
  if (!article) throw new Error('no article link on the home page: the demo seed publishes none');
  const at = (path: string) => new URL(path, base).toString();
  return [
    { name: 'home (zh-CN)', url: at('/') },
    { name: 'column list (zh-CN)', url: at(`/${article[2]}/`) },
    { name: 'article (zh-CN)', url: at(article[1]!) },
    { name: 'home (mn-Mong)', url: at('/?lang=mn-Mong') },
  ];
}

/**
 * Lighthouse (performance and accessibility, mobile and desktop presets) on the portal's pages, served
 * by the platform on a new SQLite database with the demo content; target ≥ 95 each. Where a score is
 * below, the audits that failed are listed.
 */
export async function benchPortalLighthouse(options: BenchOptions): Promise<object> {
  const { env, cleanup } = await benchSettings(options.db);
  const platform = await startPlatform({ ...env, HINGGAN_ENV: 'development' });
  try {
    const pages = await portalPages(platform.url);
    const loadAverage = loadavg()[0]!;
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...chromiumFlags], logLevel: 'error' });
    try {
      // A new browser's first page pays for its font caches and code: one run to warm it up, not counted.
      await audit(pages[0]!.url, chrome.port, 'mobile');
      const results = [];
      let version = '';
      for (const page of pages) {
        await fetch(page.url); // rendered and cached once, as every reader after the first gets it
        for (const preset of Object.keys(presets) as (keyof typeof presets)[]) {
          const scored: Scored[] = [];
          for (let r = 0; r < runs; r++) scored.push(await audit(page.url, chrome.port, preset));
          const median = [...scored].sort((a, b) => a.performance - b.performance)[Math.floor(scored.length / 2)]!;
          version = median.lhr.lighthouseVersion;
          const metrics = Object.fromEntries(
            ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
              id,
              median.lhr.audits[id]?.displayValue ?? null,
            ]),
          );
          const failing = Object.fromEntries(
            categories.filter((c) => median[c] < target).map((c) => [c, failingAudits(median.lhr, c)]),
          );
          results.push({
            page: page.name,
            path: new URL(page.url).pathname + new URL(page.url).search,
            preset,
            performance: median.performance,
            accessibility: median.accessibility,
            performanceByRun: scored.map((s) => s.performance),
            // Lighthouse's CPU benchmark of the machine during the run (higher is faster).
            benchmarkIndex: Math.round(median.lhr.environment.benchmarkIndex),
            metrics,
            ...(Object.keys(failing).length ? { failing } : {}),
            ...(median.lhr.runWarnings.length ? { warnings: median.lhr.runWarnings } : {}),
          });
        }
      }
      return {
        lighthouseVersion: version,
        chromium: chromePath,
        runsPerPage: runs,
        pinnedToCores,
        loadAverageAtStart: Math.round(loadAverage * 10) / 10,
        throttling: 'simulate (Lighthouse defaults per preset)',
        pages: results,
        target: `performance and accessibility ≥ ${target}`,
        met: results.every((r) => r.performance >= target && r.accessibility >= target),
      };
    } finally {
      chrome.kill();
    }
  } finally {
    await platform.stop();
    await cleanup();
  }
}
