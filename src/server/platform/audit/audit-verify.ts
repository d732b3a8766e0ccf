import { dialectOf, type DbOrTrx } from '../../db/database.js';
import { GENESIS_HASH, chainHash } from './audit-chain.js';
import { auditRepository, type AuditSnapshot } from './audit.repository.js';
import type { AuditCheckpointRow } from './audit.table.js';
import { checkpointSignatureValid } from './checkpoint.js';

export type AuditProblem = 'altered' | 'missing' | 'checkpoint_forged' | 'checkpoint_mismatch' | 'head_mismatch';

export type AuditVerification =
  | { readonly ok: true; readonly events: number; readonly firstSeq?: number; readonly lastSeq: number; readonly checkpoints: number }
  | { readonly ok: false; readonly seq: number; readonly problem: AuditProblem; readonly message: string; readonly events: number };

export interface VerifyOptions {
  /** SM2 public keys whose checkpoints are trusted: the platform's `signing.publicKey`. */
  readonly trustedKeys: readonly string[];
  /** Rows read per query; default 5000. */
  readonly batchSize?: number;
}

const messages: Record<AuditProblem, (seq: number, extra: string) => string> = {
  altered: (seq) => `审计记录 seq ${seq} 已被篡改（哈希不符）`,
  missing: (seq) => `审计记录 seq ${seq} 缺失`,
  checkpoint_forged: (seq) => `seq ${seq} 处的检查点签名无效（伪造或非平台密钥所签）`,
  checkpoint_mismatch: (seq, extra) => `审计记录 ${extra} 被改写（与 seq ${seq} 处已签名的检查点不符）`,
  head_mismatch: (seq) => `审计链头与记录不符：seq ${seq} 之后的记录缺失或链头被改动`,
};

/**
 * Checks the whole log: every event's hash from its predecessor, gap-free seq, every checkpoint's
 * SM2 signature and hash, and the head. Reads one consistent snapshot (its own read transaction on
 * SQLite, a repeatable-read transaction on PostgreSQL), so appends meanwhile are not mistaken for
 * damage; streams rows in seq order in batches, so memory stays flat. Returns the first problem in
 * chain order, naming its seq.
 */
export async function verifyAuditLog(db: DbOrTrx, options: VerifyOptions): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const file = await auditRepository.sqliteFile(db);
  if (file) {
    const snapshot = auditRepository.sqliteSnapshot(file, batchSize);
    try {
      return await verifySnapshot(snapshot, options);
    } finally {
      snapshot.close();
    }
  }
  if (dialectOf(db) === 'postgres' && !db.isTransaction) {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => verifySnapshot(auditRepository.kyselySnapshot(trx, batchSize), options));
  }
  return verifySnapshot(auditRepository.kyselySnapshot(db, batchSize), options);
}

async function verifySnapshot(source: AuditSnapshot, options: VerifyOptions): Promise<AuditVerification> {
  const checkpoints = await source.checkpoints();
  const valid = (c: AuditCheckpointRow) => checkpointSignatureValid(c, options.trustedKeys);
  let events = 0;
  const fail = (problem: AuditProblem, seq: number, extra = ''): AuditVerification => ({
    ok: false,
    seq,
    problem,
    message: messages[problem](seq, extra),
    events,
  });

  const first = await source.firstSeq();
  const head = await source.head();
  const start = first ?? head.seq + 1;
  // The chain starts at seq 1, or just after a signed checkpoint that anchors it (after a purge).
  let prev = GENESIS_HASH;
  let ci = 0;
  if (start > 1) {
    const before = checkpoints.filter((c) => Number(c.seq) < start);
    const anchor = before[before.length - 1];
    if (!anchor || Number(anchor.seq) !== start - 1) return fail('missing', anchor ? Number(anchor.seq) + 1 : 1);
    if (!valid(anchor)) return fail('checkpoint_forged', Number(anchor.seq));
    prev = anchor.hash;
    ci = before.length;
  }

  let expected = start;
  let lastCheckpointSeq = start - 1;
  for await (const rows of source.eventBatches(expected - 1)) {
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) return fail('missing', expected);
      if (row.prev_hash !== prev || chainHash(prev, row) !== row.hash) return fail('altered', seq);
      prev = row.hash;
      events += 1;
      expected = seq + 1;
      while (ci < checkpoints.length && Number(checkpoints[ci]!.seq) <= seq) {
        const c = checkpoints[ci]!;
        const cseq = Number(c.seq);
        if (cseq < seq) return fail('missing', cseq);
        if (!valid(c)) return fail('checkpoint_forged', cseq);
        if (c.hash !== row.hash) return fail('checkpoint_mismatch', cseq, `seq ${lastCheckpointSeq + 1}–${cseq}`);
        lastCheckpointSeq = cseq;
        ci += 1;
      }
    }
  }
  const lastSeq = expected - 1;
  // Checkpoints past the last record, or a head past it, mean records were cut off the end.
  if (ci < checkpoints.length || head.seq > lastSeq) return fail('missing', lastSeq + 1);
  if (head.seq !== lastSeq || head.hash !== prev) return fail('head_mismatch', head.seq);
  return {
    ok: true,
    events,
    ...(first !== undefined ? { firstSeq: first } : {}),
    lastSeq,
    checkpoints: checkpoints.length,
  };
}
