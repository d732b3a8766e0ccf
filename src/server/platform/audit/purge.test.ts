import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { loadConfig, ConfigError } from '../../config.js';
import { FixedClock } from '../clock.js';
import { sm2GenerateKeyPair } from '../crypto/index.js';
import { auditRepository, createAuditLog, purgeAuditLog, verifyAuditLog, type AuditLog } from './index.js';
import { tamper } from './audit.testing.js';

const signing = sm2GenerateKeyPair();
const DAY = 86_400_000;

describeEachDialect('audit purge', (database) => {
  const db = () => database().db;
  const clock = new FixedClock('2026-01-01T00:00:00.000Z');
  let log: AuditLog;
  const append = (n: number) =>
    db()
      .transaction()
      .execute((trx) => log.appendMany(trx, Array.from({ length: n }, () => ({ action: 'auth.sign_in' as const, details: { method: 'password' } }))));
  const verify = () => verifyAuditLog(db(), { trustedKeys: [signing.publicKey] });

  beforeAll(async () => {
    log = createAuditLog({ signing, clock, checkpointEvery: 10 });
    await append(35); // checkpoints at 10, 20, 30; 31–35 old but not yet anchored
    clock.advance(100 * DAY);
    await append(10); // 36–45, checkpoint at 40
    clock.advance(90 * DAY); // the first 35 are now 190 days old, the next 10 are 90
  });

  it('refuses a retention under 180 days, here and in the configuration', async () => {
    await expect(purgeAuditLog(db(), log, { retentionDays: 179 })).rejects.toMatchObject({ code: 'audit.retention_invalid' });
    expect(() => loadConfig({ HINGGAN_AUDIT_RETENTION_DAYS: '90' })).toThrow(ConfigError);
    expect(() => loadConfig({ HINGGAN_AUDIT_RETENTION_DAYS: '90' })).toThrow(/HINGGAN_AUDIT_RETENTION_DAYS/);
    expect(loadConfig({}).auditRetentionDays).toBe(180);
    expect(await auditRepository.firstSeq(db())).toBe(1);
  });

  it('removes only events past the retention, up to a signed checkpoint, and the log still verifies', async () => {
    const result = await purgeAuditLog(db(), log, { retentionDays: 180, context: { actorName: 'cli' } });
    expect(result).toMatchObject({ deleted: 30, throughSeq: 30 });
    expect(await auditRepository.firstSeq(db())).toBe(31); // 31–35 are old but after the last old checkpoint
    expect((await auditRepository.checkpoints(db())).map((c) => Number(c.seq))).toEqual([30, 40]);
    const purgeEvent = await db().selectFrom('audit_events').selectAll().where('action', '=', 'audit.purge').executeTakeFirstOrThrow();
    expect(Number(purgeEvent.seq)).toBe(46);
    expect(JSON.parse(purgeEvent.details)).toMatchObject({ deleted: 30, throughSeq: 30, retentionDays: 180 });
    expect(await verify()).toMatchObject({ ok: true, events: 16, firstSeq: 31, lastSeq: 46 });
  });

  it('keeps the door shut after the purge, and purges nothing more while nothing is due', async () => {
    await expect(db().deleteFrom('audit_events').where('seq', '=', 31).execute()).rejects.toThrow(/append-only/);
    expect(await purgeAuditLog(db(), log, { retentionDays: 180 })).toMatchObject({ deleted: 0 });
    expect(await purgeAuditLog(db(), log, { retentionDays: 3650 })).toMatchObject({ deleted: 0 });
  });

  it('detects a removed anchor: the start of the chain is then unaccounted for', async () => {
    const [anchor] = await db().selectFrom('audit_checkpoints').selectAll().where('seq', '=', 30).execute();
    await tamper(db(), 'delete from audit_checkpoints where seq = 30');
    expect(await verify()).toMatchObject({ ok: false, seq: 1, problem: 'missing' });
    await db().insertInto('audit_checkpoints').values(anchor!).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('does not purge what a sink has not received', async () => {
    clock.advance(200 * DAY);
    await log.checkpoint(db()); // checkpoint at 46: everything is now old and anchored
    await auditRepository.setSinkCursor(db(), 'file:/tmp/slow', 40, clock.now().toISOString());
    expect(await purgeAuditLog(db(), log, { retentionDays: 180 })).toMatchObject({ deleted: 10, throughSeq: 40 });
    expect(await verify()).toMatchObject({ ok: true, firstSeq: 41 });
  });
});
