import type { BenchOptions } from './run.js';
import { benchSettings, round, startPlatform } from './support.js';

/** First start (create, migrate, seed) and a later start, as `npm start` runs them, and RSS after start. */
export async function benchStartup(options: BenchOptions): Promise<object> {
  const { env, cleanup } = await benchSettings(options.db);
  try {
    const first = await startPlatform(env);
    await first.stop();
    const later = await startPlatform(env);
    await fetch(later.url); // RSS of a server that has answered a page
    await new Promise((r) => setTimeout(r, 500));
    const rss = await later.rssMb();
    await later.stop();
    return {
      firstStartSeconds: round(first.startSeconds, 2),
      laterStartSeconds: round(later.startSeconds, 2),
      rssAfterStartMb: round(rss),
      targets: { firstStartSeconds: '< 15', laterStartSeconds: '< 3', rssAfterStartMb: '< 250' },
    };
  } finally {
    await cleanup();
  }
}
