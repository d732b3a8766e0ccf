import { execFile, execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { BenchOptions } from './run.js';
import { openDatabase } from '../src/server/db/database.js';
import { renderArticlePage } from '../src/server/modules/portal/site/views/article-page.js';
import { benchSettings, pinnedToCores, round, startBaseline, startPlatform } from './support.js';

interface Figures {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

const rounds = 5;

/** The round with the median throughput. */
function median(runs: Figures[]): Figures {
  return [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;
}

async function drive(url: string, options: Pick<BenchOptions, 'connections' | 'duration'>): Promise<Figures> {
  const result = await autocannon({ url, connections: options.connections, duration: options.duration });
  return {
    requestsPerSecond: round(result.requests.average),
    p99Ms: round(result.latency.p99, 2),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * A cached public article page against a bare node:http server answering the same bytes and headers
 * side by side (as portal-home does), then uncached rendering: the article template rendered over
 * and over in this process (one core), pages per second.
 */
export async function benchPortalArticle(options: BenchOptions): Promise<object> {
  const { env, cleanup } = await benchSettings(options.db);
  const platform = await startPlatform(env);
  try {
    const home = await (await fetch(platform.url)).text();
    const path = /href="(\/[^"]*\/\d+\.html)"/.exec(home)?.[1];
    if (!path) throw new Error('no article link on the home page: the demo seed publishes none');
    const url = new URL(path, platform.url).toString();
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await first.arrayBuffer());
    const headers: Record<string, string> = {};
    first.headers.forEach((value, key) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'x-request-id'].includes(key)) headers[key] = value;
    });
    const baseline = await startBaseline(body, headers);
    let cached: object;
    try {
      await drive(url, { ...options, duration: 2 });
      await drive(baseline.url, { ...options, duration: 2 });
      const apps: Figures[] = [];
      const bares: Figures[] = [];
      for (let r = 0; r < rounds; r++) {
        apps.push(await drive(url, options));
        bares.push(await drive(baseline.url, options));
      }
      const ratios = apps.map((a, i) => round(a.requestsPerSecond / bares[i]!.requestsPerSecond, 3)).sort((x, y) => x - y);
      cached = { path, bytes: body.length, status: first.status, app: median(apps), baseline: median(bares), ratiosByRound: ratios, throughputRatio: ratios[Math.floor(ratios.length / 2)], target: '≥ 0.8' };
    } finally {
      await baseline.stop();
    }
    const transfer = await homeTransfer(platform.url);
    // The uncached round runs on a deployment of its own: one server at a time on the pinned core.
    await platform.stop();
    return { rounds, pinnedToCores, connections: options.connections, durationSecondsPerRound: options.duration, cached, uncached: benchPortalArticleRender(), uncachedRequests: await uncachedRequests(options), home: transfer };
  } finally {
    await platform.stop();
    await cleanup();
  }
}

const bin = fileURLToPath(new URL('../bin/hinggan.js', import.meta.url));

/**
 * Uncached article requests end to end: full HTTP requests over a socket to `hinggan start` (one
 * core when pinned), each for an article no request has asked for before, so the page cache cannot
 * answer any of them and every one is routed, queried, rendered and stored. The articles are
 * BENCH_UNCACHED_ARTICLES (default 30,000) bulk articles from `hinggan seed --articles` over the demo
 * site group; a warm-up takes the first 2,000, then three rounds share the rest. Pages per second
 * is the number of answers over the round's wall time.
 */
export async function uncachedRequests(options: Pick<BenchOptions, 'db' | 'connections'>): Promise<object> {
  const total = Number(process.env.BENCH_UNCACHED_ARTICLES ?? 30_000);
  const { env, cleanup } = await benchSettings(options.db);
  try {
    const seeded = await promisify(execFile)(process.execPath, [bin, 'seed', '--articles', String(total)], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
    const paths = await articlePaths(env);
    const platform = await startPlatform(env);
    try {
      let next = 0;
      let repeats = 0;
      const run = async (amount: number) => {
        const cpuBefore = await cpuSeconds(platform.child.pid!);
        const began = performance.now();
        let lastAnswer = began;
        const result = await new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: platform.url,
              connections: options.connections,
              amount,
              // One shared cursor over the list: every request, whichever connection sends it, asks for the next article.
              requests: [
                {
                  setupRequest: (request: object) => {
                    if (next >= paths.length) repeats += 1;
                    return { ...request, path: paths[next++ % paths.length] };
                  },
                },
              ],
            },
            (error, done) => (error ? reject(error) : resolve(done)),
          );
          // autocannon ends on its once-a-second tick: the round's time is up to the last answer.
          instance.on('response', () => {
            lastAnswer = performance.now();
          });
        });
        const seconds = (lastAnswer - began) / 1000;
        const cpu = (await cpuSeconds(platform.child.pid!)) - cpuBefore;
        return {
          requests: result.requests.total,
          pagesPerSecond: round(result.requests.total / seconds),
          // Answers per second of the server's own CPU time: what one whole core would give, load on a shared machine aside.
          pagesPerCpuSecond: round(result.requests.total / cpu),
          serverCpuShare: round(cpu / seconds, 2),
          p99Ms: round(result.latency.p99, 2),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        };
      };
      const warm = Math.min(2000, Math.floor(paths.length / 4));
      await run(warm);
      const amount = Math.floor((paths.length - warm) / 3) - options.connections;
      const byRound = [await run(amount), await run(amount), await run(amount)];
      const middle = (pick: (r: (typeof byRound)[number]) => number) => byRound.map(pick).sort((a, b) => a - b)[1];
      return {
        articles: paths.length,
        seed: seeded.stdout.trim().split('\n').at(-1),
        requestsPerRound: amount,
        byRound,
        pagesPerSecond: middle((r) => r.pagesPerSecond),
        pagesPerCpuSecond: middle((r) => r.pagesPerCpuSecond),
        repeatedPaths: repeats,
        target: '≥ 1000 pages/s on one core',
      };
    } finally {
      await platform.stop();
    }
  } finally {
    await cleanup();
  }
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** User and system CPU seconds a process has used so far (Linux /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Every published article's public path, shuffled the same way each run (site prefix, column path, serial). */
async function articlePaths(env: Record<string, string>): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HINGGAN_DATA_DIR! });
  try {
    const rows = await database.db
      .selectFrom('portal_articles as a')
      .innerJoin('portal_columns as c', 'c.id', 'a.column_id')
      .innerJoin('portal_sites as s', 's.id', 'a.site_id')
      .select(['s.path_prefix', 'c.path', 'a.serial'])
      .where('a.status', '=', 'published')
      .execute();
    // Articles of 信息公开 and 互动交流 columns live under those sections' own routes, not the site's article pages.
    const paths = rows.filter((r) => !/^(disclosure|interaction)(\/|$)/.test(r.path)).map((r) => `${r.path_prefix}/${r.path}/${r.serial}.html`);
    let seed = 20_261_127;
    for (let i = paths.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = seed % (i + 1);
      [paths[i], paths[j]] = [paths[j]!, paths[i]!];
    }
    return paths;
  } finally {
    await database.destroy();
  }
}

/**
 * What the home page costs a first-time reader (target ≤ 100 KB): the HTML and every stylesheet,
 * script and image it references, as served with `Accept-Encoding: br, gzip`; the Mongolian web
 * font (~85 KB, only on Mongolian text) is left out.
 */
export async function homeTransfer(base: string): Promise<object> {
  // node:http, not fetch: fetch would decompress, and the bytes on the wire are what is counted.
  const get = (url: string) =>
    new Promise<{ url: string; status: number; encoding: string; bytes: number; text: () => Buffer }>((resolve, reject) => {
      httpGet(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ url, status: response.statusCode ?? 0, encoding: String(response.headers['content-encoding'] ?? 'identity'), bytes: body.length, text: () => body });
        });
      }).on('error', reject);
    });
  const home = await get(base);
  const raw = home.encoding === 'br' ? brotliDecompressSync(home.text()) : home.encoding === 'gzip' ? gunzipSync(home.text()) : home.text();
  const referenced = [...raw.toString('utf8').matchAll(/<(?:link[^>]*rel="(?:stylesheet|preload|icon)"[^>]*href|script[^>]*src|img[^>]*src)="([^"]+)"/g)]
    .map((m) => new URL(m[1]!, base).toString())
    .filter((url) => !url.endsWith('.woff2'));
  const assets = await Promise.all([...new Set(referenced)].map(get));
  const files = [home, ...assets].map(({ url, status, encoding, bytes }) => ({ path: new URL(url).pathname, status, encoding, bytes }));
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  return { files, totalBytes: total, target: '≤ 102400 bytes', met: total <= 100 * 1024 };
}

/** Renders a typical article page (body of ~3,000 characters, attachments, links) in a loop for two seconds. */
export function benchPortalArticleRender(): object {
  const column = { id: 'c1', siteId: 's1', parentId: null, path: 'news', nameZh: '兴安要闻', nameMn: null, category: 'news' as const, position: 0, description: null };
  const site = { id: 's1', code: 'main', orgId: 'o1', kind: 'portal' as const, nameZh: '兴安盟行政公署', nameMn: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ', pathPrefix: '', hosts: [], siteIdCode: '1522000001', icp: '蒙ICP备00000001号', psb: null, languages: ['zh-CN' as const], hostOrgName: '兴安盟行政公署办公室' };
  const structure = { site, columns: [column], byPath: new Map([['news', column]]), byId: new Map([['c1', column]]), childrenOf: (id: string | null) => (id === null ? [column] : []), subtreeIds: () => ['c1'], trail: () => [column] };
  const at = { site, base: '', rest: '/news/1.html', structure, locale: 'zh-CN' as const, elder: false, path: '/news/1.html', origin: 'https://www.hinggan.gov.cn' };
  const paragraph = '<p>兴安盟深入推进数字政府建设，全面提升政务服务“一网通办”水平，<strong>网上可办率</strong>达到96%以上，群众办事更加便捷。</p>';
  const article = {
    id: 'a1', site_id: 's1', column_id: 'c1', serial: 1, lang: 'zh-CN' as const, translation_of: null, title: '兴安盟数字政府建设取得新进展', subtitle: null, source: '兴安盟行政公署办公室', author: '刘编辑', summary: null,
    body_html: paragraph.repeat(50), cover_file_id: null, tags: '["数字政府"]', interprets_id: null, status: 'published' as const, validity: 'valid' as const, validity_note: null, validity_changed_at: null, validity_on: null,
    published_at: '2026-03-02T02:30:00.000Z', withdrawn_at: null, withdraw_reason: null,
  };
  const data = { article, column, attachments: [{ href: '/files/x/a.pdf', title: '附件1', size: 120_000, mediaType: 'application/pdf' }], coverHref: undefined, versions: {}, policy: undefined, interpretations: [] };
  // Every page a body never seen before (the stored body is trusted: publishing sanitised it on save).
  let pages = 0;
  let chars = 0;
  const began = performance.now();
  while (performance.now() - began < 2000) {
    chars = renderArticlePage(at, { ...data, article: { ...article, body_html: `${article.body_html}<p>${pages}</p>` } }).length;
    pages += 1;
  }
  return { pagesPerSecond: round(pages / ((performance.now() - began) / 1000)), htmlChars: chars, target: '≥ 1000 pages/s on one core' };
}
