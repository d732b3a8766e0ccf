import autocannon from 'autocannon';
import type { BenchOptions } from './run.js';
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
 * The cached portal home page against a bare node:http server answering the same bytes and headers,
 * each in its own process, driven by autocannon from this one.
 */
export async function benchPortalHome(options: BenchOptions): Promise<object> {
  const { env, cleanup } = await benchSettings(options.db);
  const platform = await startPlatform(env);
  try {
    // autocannon sends no Accept-Encoding, so it gets (and the baseline serves) the uncompressed page.
    const first = await fetch(platform.url, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await first.arrayBuffer());
    const headers: Record<string, string> = {};
    first.headers.forEach((value, key) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'x-request-id'].includes(key)) headers[key] = value;
    });
    const baseline = await startBaseline(body, headers);
    try {
      await drive(platform.url, { ...options, duration: 2 }); // warm-up
      await drive(baseline.url, { ...options, duration: 2 });
      // Alternate the two, so drift in the machine's load falls on both; report the medians.
      const apps: Figures[] = [];
      const bares: Figures[] = [];
      for (let round = 0; round < rounds; round++) {
        apps.push(await drive(platform.url, options));
        bares.push(await drive(baseline.url, options));
      }
      const app = median(apps);
      const bare = median(bares);
      // Each round's two runs are next to each other in time; the median of their ratios is the figure.
      const ratios = apps.map((a, i) => round(a.requestsPerSecond / bares[i]!.requestsPerSecond, 3)).sort((x, y) => x - y);
      return {
        rounds,
        pinnedToCores,
        ratiosByRound: ratios,
        bytes: body.length,
        status: first.status,
        connections: options.connections,
        durationSecondsPerRound: options.duration,
        app,
        baseline: bare,
        throughputRatio: ratios[Math.floor(ratios.length / 2)],
        target: '≥ 0.8',
      };
    } finally {
      await baseline.stop();
    }
  } finally {
    await platform.stop();
    await cleanup();
  }
}
