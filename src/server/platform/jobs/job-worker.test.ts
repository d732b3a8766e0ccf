import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { describeEachDialect, testPostgresUrl } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { enqueue, JobWorker, startWorkers } from './index.js';
import { jobRepository } from './job.repository.js';

const start = '2025-03-03T01:00:00.000Z';

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeEachDialect('jobs', (database, dialect) => {
  const db = () => database().db;
  const clock = new FixedClock(start);
  const worker = (queue: string, handler: (payload: unknown) => Promise<void>) =>
    new JobWorker({ db: db(), clock, workerId: `test-${queue}` }).register(queue, handler);

  it('runs a job once, with its payload', async () => {
    const seen: unknown[] = [];
    const id = await enqueue(db(), { queue: 'once', payload: { docId: 'd1', 标题: '通知' } }, clock);
    const w = worker('once', async (payload) => void seen.push(payload));
    expect(await w.tick()).toBe(1);
    expect(await w.tick()).toBe(0);
    expect(seen).toEqual([{ docId: 'd1', 标题: '通知' }]);
    expect(await jobRepository.findById(db(), id)).toMatchObject({ status: 'done', attempts: 1, locked_by: null });
  });

  it('commits the job with the caller’s transaction, or not at all', async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, { queue: 'trx', payload: 1 }, clock);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const committed = await db().transaction().execute((trx) => enqueue(trx, { queue: 'trx', payload: 2 }, clock));
    const seen: unknown[] = [];
    expect(await worker('trx', async (p) => void seen.push(p)).tick()).toBe(1);
    expect(seen).toEqual([2]);
    expect((await jobRepository.findById(db(), committed))?.status).toBe('done');
  });

  it('retries a failing job with backoff, then marks it failed', async () => {
    const id = await enqueue(db(), { queue: 'flaky', payload: null, maxAttempts: 3 }, clock);
    let runs = 0;
    const w = worker('flaky', async () => {
      runs += 1;
      throw new Error(`网站无法访问 #${runs}`);
    });
    expect(await w.tick()).toBe(1);
    let row = await jobRepository.findById(db(), id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, run_at: new Date(Date.parse(start) + 10_000).toISOString() });
    expect(row?.last_error).toContain('网站无法访问 #1');
    expect(await w.tick()).toBe(0); // backoff not over
    clock.advance(10_000);
    expect(await w.tick()).toBe(1);
    expect((await jobRepository.findById(db(), id))?.run_at).toBe(new Date(clock.now().getTime() + 20_000).toISOString());
    clock.advance(20_000);
    expect(await w.tick()).toBe(1);
    row = await jobRepository.findById(db(), id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, locked_by: null });
    expect(row?.last_error).toContain('网站无法访问 #3');
    clock.advance(3_600_000);
    expect(await w.tick()).toBe(0);
    expect(runs).toBe(3);
  });

  it('waits for a scheduled job’s run_at', async () => {
    clock.set(start);
    const id = await enqueue(db(), { queue: 'later', payload: {}, runAt: new Date(Date.parse(start) + 3_600_000) }, clock);
    const w = worker('later', async () => undefined);
    expect(await w.tick()).toBe(0);
    clock.advance(3_600_000 - 1);
    expect(await w.tick()).toBe(0);
    clock.advance(1);
    expect(await w.tick()).toBe(1);
    expect((await jobRepository.findById(db(), id))?.status).toBe('done');
  });

  it('reclaims a job whose worker died, and ignores the dead worker’s late result', async () => {
    clock.set(start);
    const id = await enqueue(db(), { queue: 'orphan', payload: {} }, clock);
    const claimed = await jobRepository.claim(db(), {
      queues: ['orphan'],
      workerId: 'dead',
      now: clock.now().toISOString(),
      lockedUntil: new Date(clock.now().getTime() + 60_000).toISOString(),
      limit: 10,
    });
    expect(claimed.map((j) => j.id)).toEqual([id]);
    const w = worker('orphan', async () => undefined);
    expect(await w.tick()).toBe(0); // still locked
    clock.advance(60_001);
    expect(await w.tick()).toBe(1);
    expect(await jobRepository.finish(db(), id, 'dead', { status: 'failed', now: clock.now().toISOString() })).toBe(false);
    expect(await jobRepository.findById(db(), id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('leaves jobs of queues it has no handler for', async () => {
    const id = await enqueue(db(), { queue: 'nobody', payload: {} }, clock);
    expect(await worker('somebody', async () => undefined).tick()).toBe(0);
    expect((await jobRepository.findById(db(), id))?.status).toBe('queued');
  });

  describe2Workers();

  function describe2Workers() {
    let second: DatabaseHandle | undefined;
    beforeAll(async () => {
      // PostgreSQL: a second pool on the same schema, as another process would have.
      if (dialect === 'postgres') {
        second = await openDatabase({ databaseUrl: testPostgresUrl, dataDir: '' }, { pgSchema: database().name, pgPoolSize: 4 });
      }
    });
    afterAll(async () => {
      await second?.destroy();
    });

    it('two workers run 50 jobs, each exactly once', async () => {
      const runs: number[] = [];
      const handler = async (payload: unknown) => {
        runs.push((payload as { n: number }).n);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      };
      const ids = await Promise.all(Array.from({ length: 50 }, (_, n) => enqueue(db(), { queue: 'bulk', payload: { n } }, clock)));
      const workers = [db(), second?.db ?? db()].map((handle, i) =>
        new JobWorker({ db: handle, clock, concurrency: 4, pollMs: 5, workerId: `bulk-${i}` }).register('bulk', handler),
      );
      workers.forEach((w) => w.start());
      await until(async () => (await jobRepository.listByStatus(db(), 'done')).filter((j) => ids.includes(j.id)).length === 50);
      await Promise.all(workers.map((w) => w.stop()));
      expect(runs).toHaveLength(50);
      expect(new Set(runs).size).toBe(50);
      const done = (await jobRepository.listByStatus(db(), 'done')).filter((j) => ids.includes(j.id));
      expect(done.every((j) => j.attempts === 1)).toBe(true);
      expect(new Set(done.map((j) => j.updated_at)).size).toBe(1); // FixedClock: nothing ran "later"
      expect(new Set(done.map((j) => j.id)).size).toBe(50);
    });
  }

  it('startWorkers runs the handlers, and does nothing with workers = 0', async () => {
    expect(startWorkers({ db: db(), clock, config: { workers: 0 } }, { off: async () => undefined })).toBeUndefined();
    const seen: unknown[] = [];
    const id = await enqueue(db(), { queue: 'started', payload: 'hi' }, clock);
    const running = startWorkers({ db: db(), clock, config: { workers: 2 } }, { started: async (p) => void seen.push(p) });
    await until(async () => (await jobRepository.findById(db(), id))?.status === 'done');
    await running?.stop();
    expect(seen).toEqual(['hi']);
  });
});
