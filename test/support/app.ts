import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { type FixedClock } from '../../src/server/platform/clock.js';
import { seedAll } from '../../src/server/main.js';
import type { FreshDatabase } from './db.js';

/** One data directory (and so one platform key file) per test process. */
const testDataDir = mkdtempSync(path.join(tmpdir(), 'hg-test-'));

export const testConfig = (overrides: Record<string, string> = {}): Readonly<Config> =>
  loadConfig({ HINGGAN_ENV: 'test', HINGGAN_LOG_LEVEL: 'silent', HINGGAN_DATA_DIR: testDataDir, ...overrides });

export const demoPassword = 'Hinggan@2026';

/** Seeds the Hinggan organisations and demo accounts into a fresh database and builds the app on it. */
export async function seededApp(
  database: FreshDatabase,
  options: { clock?: FixedClock; config?: Readonly<Config>; onRoute?: BuildOptions['onRoute'] } = {},
): Promise<FastifyInstance> {
  const config = options.config ?? testConfig();
  await seedAll(database, config, 'demo');
  const app = await buildApp({ config, database, serveWorkbench: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  await app.ready();
  return app;
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signIn(app: FastifyInstance, username: string, password = demoPassword): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'hinggan_session');
  if (!cookie) throw new Error('no session cookie');
  return `hinggan_session=${cookie.value}`;
}
