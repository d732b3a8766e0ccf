import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { jobRepository } from '../jobs/job.repository.js';
import { createSearch, nextMaintenanceAt, SEARCH_MAINTENANCE_QUEUE, scheduleSearchMaintenance, searchJobs, type Search } from './index.js';

describe('nextMaintenanceAt', () => {
  it('is the next 03:00 Beijing time, at least a minute away', () => {
    expect(nextMaintenanceAt(new Date('2026-11-27T10:00:00.000Z')).toISOString()).toBe('2026-11-27T19:00:00.000Z');
    expect(nextMaintenanceAt(new Date('2026-11-27T19:00:00.000Z')).toISOString()).toBe('2026-11-28T19:00:00.000Z');
    expect(nextMaintenanceAt(new Date('2026-11-27T18:59:30.000Z')).toISOString()).toBe('2026-11-28T19:00:00.000Z');
    expect(nextMaintenanceAt(new Date('2026-11-27T18:58:00.000Z')).toISOString()).toBe('2026-11-27T19:00:00.000Z');
  });
});

describeEachDialect('the nightly search maintenance', (database, dialect) => {
  const clock = new FixedClock('2026-11-27T10:00:00.000Z');
  let search: Search;

  beforeAll(async () => {
    search = createSearch({ db: database().db, dialect, clock });
    // Separate transactions: on SQLite each leaves an FTS5 segment of its own.
    for (const [key, title] of [['a', '兴安盟防汛工作通知'], ['b', '阿尔山市冰雪旅游季'], ['c', '乌兰浩特市供暖保障']] as const) {
      await database().db.transaction().execute((trx) => search.index(trx, { scope: 'documents', key, title, body: title, visibility: ['public'] }));
    }
  });

  it('queues one run at the next 03:00 Beijing time, however many nodes ask', async () => {
    const deps = { db: database().db, dialect, clock };
    expect((await scheduleSearchMaintenance(deps))?.toISOString()).toBe('2026-11-27T19:00:00.000Z');
    await scheduleSearchMaintenance(deps);
    const queued = (await jobRepository.listByStatus(database().db, 'queued')).filter((job) => job.queue === SEARCH_MAINTENANCE_QUEUE);
    expect(queued).toHaveLength(1);
  });

  it('compacts the indexes, keeps every entry findable, and queues the next night', async () => {
    const { db } = database();
    const segments = async () => Number((await sql<{ n: number }>`select count(distinct segid) as n from search_words_idx`.execute(db)).rows[0]!.n);
    if (dialect === 'sqlite') expect(await segments()).toBeGreaterThan(1);
    await db.deleteFrom('jobs').where('queue', '=', SEARCH_MAINTENANCE_QUEUE).execute();
    clock.set('2026-11-27T19:00:05.000Z');
    const handler = searchJobs({ db, dialect, clock })[SEARCH_MAINTENANCE_QUEUE]!;
    await handler({} as never, {} as never);
    if (dialect === 'sqlite') expect(await segments()).toBe(1);
    const hits = await search.query({ scopes: ['documents'], text: '冰雪旅游', tags: ['public'] });
    expect(hits.hits.map((h) => h.key)).toEqual(['b']);
    const next = (await jobRepository.listByStatus(db, 'queued')).filter((job) => job.queue === SEARCH_MAINTENANCE_QUEUE);
    expect(next.map((job) => job.run_at)).toEqual(['2026-11-28T19:00:00.000Z']);
  });
});
