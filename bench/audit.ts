import { migrateToLatest } from '../src/server/db/migrate.js';
import { createAuditLog, verifyAuditLog, type AuditEvent } from '../src/server/platform/audit/index.js';
import { systemClock } from '../src/server/platform/clock.js';
import { sm2GenerateKeyPair } from '../src/server/platform/crypto/index.js';
import type { BenchOptions } from './run.js';
import { benchDatabase, round } from './support.js';

/**
 * The audit log: append rate with one transaction per event (for `duration` seconds, at most 20,000
 * events) and in batches of 1000, then the time to verify the whole chain. The log grows to
 * BENCH_AUDIT_EVENTS events (default 200,000) before verifying. Rates are given per second of wall
 * time and per second of this process's CPU time (the one-core figure on a shared machine).
 */
export async function benchAudit(options: BenchOptions): Promise<object> {
  const total = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);
  const { database, cleanup } = await benchDatabase(options.db, 'audit');
  try {
    await migrateToLatest(database.db);
    const signing = sm2GenerateKeyPair();
    const log = createAuditLog({ signing, clock: systemClock, checkpointEvery: 1000 });
    const event = (n: number): AuditEvent => ({
      action: 'auth.sign_in',
      actorId: '0194f3e2-7c1a-7b5e-9a4d-2f6c8e1b3a5d',
      actorName: `xsh.clerk${n % 50}`,
      orgId: '0194f3e2-7c1a-7b5e-9a4d-000000000001',
      ip: '10.12.0.7',
      requestId: `req-${n}`,
      object: { type: 'session', id: `s-${n}` },
      details: { method: 'password' },
    });

    let single = 0;
    const singleLimit = Math.min(20_000, total);
    const singleCpu = process.cpuUsage();
    const singleStart = performance.now();
    const deadline = singleStart + options.duration * 1000;
    while (single < singleLimit && performance.now() < deadline) {
      const n = single;
      await database.db.transaction().execute((trx) => log.append(trx, event(n)));
      single += 1;
    }
    const singleSeconds = (performance.now() - singleStart) / 1000;
    const singleCpuSeconds = cpuSecondsSince(singleCpu);

    let batched = 0;
    const batchStart = performance.now();
    while (single + batched < total) {
      const size = Math.min(1000, total - single - batched);
      const base = single + batched;
      await database.db.transaction().execute((trx) => log.appendMany(trx, Array.from({ length: size }, (_, i) => event(base + i))));
      batched += size;
    }
    const batchSeconds = (performance.now() - batchStart) / 1000;

    const verifyCpu = process.cpuUsage();
    const verifyStart = performance.now();
    const result = await verifyAuditLog(database.db, { trustedKeys: [signing.publicKey] });
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    const verifyCpuSeconds = cpuSecondsSince(verifyCpu);
    if (!result.ok) throw new Error(`verify failed: ${result.message}`);

    return {
      appendOnePerTransaction: { events: single, perSecond: round(single / singleSeconds), perCpuSecond: round(single / singleCpuSeconds) },
      appendBatched1000: { events: batched, perSecond: round(batched / Math.max(batchSeconds, 1e-9)) },
      verify: {
        events: result.events,
        checkpoints: result.checkpoints,
        seconds: round(verifySeconds, 2),
        cpuSeconds: round(verifyCpuSeconds, 2),
        perSecond: round(result.events / verifySeconds),
        projectedSecondsFor1M: round((verifySeconds * 1_000_000) / result.events, 1),
      },
      targets: { appendOnePerTransactionPerSecond: '≥ 5000 (SQLite)', verifySecondsFor1M: '< 30' },
    };
  } finally {
    await database.destroy();
    await cleanup();
  }
}

/** CPU seconds this process used since `start` (all threads); on a shared machine, the one-core cost. */
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
