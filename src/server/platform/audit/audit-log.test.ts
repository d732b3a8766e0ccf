import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { sm2GenerateKeyPair } from '../crypto/index.js';
import { auditRepository, createAuditLog, verifyAuditLog, type AuditEvent, type AuditLog } from './index.js';
import { tamper } from './audit.testing.js';

const signing = sm2GenerateKeyPair();
const trustedKeys = [signing.publicKey];

const signInFailed = (n: number): AuditEvent<'auth.sign_in_failed'> => ({
  action: 'auth.sign_in_failed',
  actorName: `user${n}`,
  orgId: 'org-1',
  ip: '10.0.0.1',
  requestId: `req-${n}`,
  outcome: 'failure',
  object: { type: 'user', id: `u${n}` },
  details: { username: `user${n}`, reason: 'bad_password' },
});

describeEachDialect('audit log', (database, dialect) => {
  const db = () => database().db;
  const clock = new FixedClock('2026-01-05T02:00:00.000Z');
  let log: AuditLog;
  const verify = () => verifyAuditLog(db(), { trustedKeys });

  beforeAll(async () => {
    log = createAuditLog({ signing, clock, checkpointEvery: 10 });
    for (let n = 1; n <= 25; n++) await db().transaction().execute((trx) => log.append(trx, signInFailed(n)));
  });

  it('appends events in a gap-free chain with a checkpoint every N, and verifies', async () => {
    expect(await verify()).toEqual({ ok: true, events: 25, firstSeq: 1, lastSeq: 25, checkpoints: 2 });
    const [row] = await db().selectFrom('audit_events').selectAll().where('seq', '=', 3).execute();
    expect(row).toMatchObject({
      action: 'auth.sign_in_failed',
      actor_name: 'user3',
      org_id: 'org-1',
      ip: '10.0.0.1',
      request_id: 'req-3',
      outcome: 'failure',
      object_type: 'user',
      object_id: 'u3',
      details: '{"reason":"bad_password","username":"user3"}',
      at: '2026-01-05T02:00:00.000Z',
    });
    expect((await auditRepository.checkpoints(db())).map((c) => Number(c.seq))).toEqual([10, 20]);
  });

  it('writes nothing and leaves no gap when the transaction rolls back', async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await log.append(trx, signInFailed(99));
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const seq = await db().transaction().execute((trx) => log.append(trx, signInFailed(26)));
    expect(seq).toBe(26);
    expect(await verify()).toMatchObject({ ok: true, lastSeq: 26 });
  });

  it('names the seq of an event whose details were altered', async () => {
    await tamper(db(), `update audit_events set details = '{"reason":"ok","username":"user7"}' where seq = 7`);
    expect(await verify()).toMatchObject({ ok: false, seq: 7, problem: 'altered', message: '审计记录 seq 7 已被篡改（哈希不符）' });
    await tamper(db(), `update audit_events set details = '{"reason":"bad_password","username":"user7"}' where seq = 7`);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a rewritten stretch through the signed checkpoint', async () => {
    // The attacker recomputes the hashes of 12–20 so the chain links again; the checkpoint at 20 does not.
    const { chainHash } = await import('./audit-chain.js');
    const rows = await db().selectFrom('audit_events').selectAll().where('seq', '>=', 12).where('seq', '<=', 26).orderBy('seq').execute();
    const original = rows.map((r) => ({ ...r }));
    let prev = rows[0]!.prev_hash;
    for (const r of rows) {
      if (Number(r.seq) === 12) r.ip = '6.6.6.6';
      r.prev_hash = prev;
      r.hash = chainHash(prev, r);
      prev = r.hash;
      await tamper(db(), `update audit_events set ip = '${r.ip}', prev_hash = '${r.prev_hash}', hash = '${r.hash}' where seq = ${Number(r.seq)}`);
    }
    await tamper(db(), `update audit_head set hash = '${prev}'`);
    expect(await verify()).toMatchObject({ ok: false, seq: 20, problem: 'checkpoint_mismatch', message: expect.stringContaining('seq 11–20') });
    for (const r of original) {
      await tamper(db(), `update audit_events set ip = '${r.ip}', prev_hash = '${r.prev_hash}', hash = '${r.hash}' where seq = ${Number(r.seq)}`);
    }
    await tamper(db(), `update audit_head set hash = '${original[original.length - 1]!.hash}'`);
    expect((await verify()).ok).toBe(true);
  });

  it('names a deleted event as missing', async () => {
    const [row] = await db().selectFrom('audit_events').selectAll().where('seq', '=', 14).execute();
    await tamper(db(), 'delete from audit_events where seq = 14');
    expect(await verify()).toMatchObject({ ok: false, seq: 14, problem: 'missing', message: '审计记录 seq 14 缺失' });
    await db().insertInto('audit_events').values(row!).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('notices events cut off the end', async () => {
    const [row] = await db().selectFrom('audit_events').selectAll().where('seq', '=', 26).execute();
    await tamper(db(), 'delete from audit_events where seq = 26');
    expect(await verify()).toMatchObject({ ok: false, seq: 26, problem: 'missing' });
    await db().insertInto('audit_events').values(row!).execute();
  });

  it('finds a forged checkpoint signature, and one signed by another key', async () => {
    const [cp] = await db().selectFrom('audit_checkpoints').selectAll().where('seq', '=', 10).execute();
    const forged = `${cp!.signature.slice(0, -4)}${cp!.signature.endsWith('0000') ? '1111' : '0000'}`;
    await tamper(db(), `update audit_checkpoints set signature = '${forged}' where seq = 10`);
    expect(await verify()).toMatchObject({ ok: false, seq: 10, problem: 'checkpoint_forged' });
    await tamper(db(), `update audit_checkpoints set signature = '${cp!.signature}' where seq = 10`);
    expect((await verify()).ok).toBe(true);
    expect(await verifyAuditLog(db(), { trustedKeys: [sm2GenerateKeyPair().publicKey] })).toMatchObject({ ok: false, seq: 10 });
  });

  it('refuses UPDATE and DELETE of events and checkpoints through the application', async () => {
    await expect(db().updateTable('audit_events').set({ ip: '1.1.1.1' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_events').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(db().updateTable('audit_checkpoints').set({ hash: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_checkpoints').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`truncate audit_events`.execute(db())).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('signs an hourly checkpoint only when events wait and the last is an hour old', async () => {
    expect(await log.ensureHourlyCheckpoint(db())).toBeUndefined(); // last checkpoint is from "now"
    clock.advance(3_600_000);
    expect(await log.ensureHourlyCheckpoint(db())).toBe(26);
    expect(await log.ensureHourlyCheckpoint(db())).toBeUndefined();
    clock.advance(7_200_000);
    expect(await log.ensureHourlyCheckpoint(db())).toBeUndefined(); // nothing new to sign
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 3 });
  });

  it('keeps one chain under 200 concurrent transactions', async () => {
    const before = (await auditRepository.head(db())).seq;
    await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        db()
          .transaction()
          .execute(async (trx) => {
            await new Promise((r) => setTimeout(r, Math.random() * 3));
            return log.append(trx, signInFailed(1000 + n));
          }),
      ),
    );
    const seqs = (await db().selectFrom('audit_events').select('seq').where('seq', '>', before).orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));
    expect(await verify()).toMatchObject({ ok: true, lastSeq: before + 200 });
  });

  it('appends a batch in one transaction', async () => {
    const head = (await auditRepository.head(db())).seq;
    const seqs = await db().transaction().execute((trx) => log.appendMany(trx, [1, 2, 3].map(signInFailed)));
    expect(seqs).toEqual([head + 1, head + 2, head + 3]);
    expect((await verify()).ok).toBe(true);
  });

  it('keeps one chain when two processes append in turns and concurrently', async () => {
    // A second log stands for another process (the CLI beside the server): each one's remembered head
    // goes stale whenever the other appends.
    const other = createAuditLog({ signing, clock, checkpointEvery: 10 });
    const head = (await auditRepository.head(db())).seq;
    const seqs: number[] = [];
    for (let n = 0; n < 6; n++) {
      const writer = n % 2 === 0 ? log : other;
      seqs.push(await db().transaction().execute((trx) => writer.append(trx, signInFailed(2000 + n))));
    }
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? log : other).record(db(), signInFailed(3000 + n))),
    );
    expect(seqs).toEqual(Array.from({ length: 6 }, (_, i) => head + 1 + i));
    expect(await verify()).toMatchObject({ ok: true, lastSeq: head + 46 });
  });
});
