import autocannon from 'autocannon';
import type { BenchOptions } from './run.js';
import { benchSettings, round, startBaseline, startPlatform } from './support.js';

interface Figures {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
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
    const first = await fetch(platform.url);
    const body = Buffer.from(await first.arrayBuffer());
    const headers: Record<string, string> = {};
    first.headers.forEach((value, key) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-request-id'].includes(key)) headers[key] = value;
    });
    const baseline = await startBaseline(body, headers);
    try {
      await drive(platform.url, { ...options, duration: 2 }); // warm-up
      await drive(baseline.url, { ...options, duration: 2 });
      const app = await drive(platform.url, options);
      const bare = await drive(baseline.url, options);
      return {
        bytes: body.length,
        status: first.status,
        connections: options.connections,
        durationSeconds: options.duration,
        app,
        baseline: bare,
        throughputRatio: round(app.requestsPerSecond / bare.requestsPerSecond, 3),
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
