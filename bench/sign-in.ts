import autocannon from 'autocannon';
import type { BenchOptions } from './run.js';
import { benchSettings, round, startPlatform } from './support.js';

/**
 * POST /api/v1/session with a demo account (password checked with the deployment's argon2id
 * parameters, a session created, the sign-in audited) from BENCH_SIGN_IN_CONNECTIONS connections
 * (default 4) for `duration` seconds. The route's per-address limit is raised through
 * HINGGAN_RATE_LIMIT_SIGN_IN for the run; refused requests (429 and others) are counted, not timed.
 */
export async function benchSignIn(options: BenchOptions): Promise<object> {
  const connections = Number(process.env.BENCH_SIGN_IN_CONNECTIONS ?? 4);
  const { env, cleanup } = await benchSettings(options.db);
  try {
    const server = await startPlatform({ ...env, HINGGAN_RATE_LIMIT_SIGN_IN: '1000000' });
    try {
      await autocannon({ ...signIns(server.url), connections: 1, duration: 2 }); // JIT and database warm
      const result = await autocannon({ ...signIns(server.url), connections, duration: options.duration });
      return {
        connections,
        seconds: options.duration,
        requests: result.requests.total,
        requestsPerSecond: round(result.requests.average),
        p50Ms: round(result.latency.p50, 1),
        p99Ms: round(result.latency.p99, 1),
        maxMs: round(result.latency.max, 1),
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        ...(result.non2xx > 0 ? { warning: 'non-2xx answers (429: the route does not read HINGGAN_RATE_LIMIT_SIGN_IN yet?)' } : {}),
        targets: { p99Ms: '< 150' },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

/** The request: the demo clerk's password sign-in. */
function signIns(url: string) {
  return {
    url: `${url}api/v1/session`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'xsh.clerk', password: 'Hinggan@2026' }),
  };
}
