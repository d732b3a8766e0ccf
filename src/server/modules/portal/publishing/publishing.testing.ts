import type { FastifyInstance } from 'fastify';
import { seededApp, signIn, testConfig } from '../../../../../test/support/app.js';
import type { FreshDatabase } from '../../../../../test/support/db.js';
import { createAppContext } from '../../../context.js';
import type { FixedClock } from '../../../platform/clock.js';
import { JobWorker } from '../../../platform/jobs/index.js';
import { publishingJobs } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;

/** A seeded app on a fixed clock, the demo editors and reviewers signed in, a job worker for scheduled publication. */
export async function publishingFixture(database: FreshDatabase, clock: FixedClock) {
  const app: FastifyInstance = await seededApp(database, { clock });
  const ctx = createAppContext({ config: testConfig(), database, clock });
  const worker = new JobWorker({ db: database.db, clock });
  for (const [queue, handler] of Object.entries(publishingJobs(ctx))) worker.register(queue, handler);
  const cookies: Record<string, string> = {};
  const users = ['portal.editor', 'portal.reviewer', 'it.office', 'fgw.editor', 'aes.editor', 'tour.editor', 'xsh.clerk'] as const;
  const signInAll = async () => {
    for (const u of users) cookies[u] = await signIn(app, u);
  };
  await signInAll();

  async function call(user: string | undefined, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(user ? { cookie: cookies[user]! } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    return { status: response.statusCode, json: (response.body.startsWith('{') || response.body.startsWith('[') ? response.json() : undefined) as Json, body: response.body, headers: response.headers };
  }

  const sites = (await call('it.office', 'GET', '/portal/sites')).json.items as { id: string; code: string }[];
  const siteId = (code: string) => sites.find((s) => s.code === code)!.id;
  const columnId = async (code: string, path: string) =>
    ((await call('it.office', 'GET', `/portal/sites/${siteId(code)}/columns`)).json.columns as { id: string; path: string }[]).find((c) => c.path === path)!.id;

  return { app, ctx, worker, call, cookies, signInAll, siteId, columnId };
}
