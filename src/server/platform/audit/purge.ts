import type { Db } from '../../db/database.js';
import { AppError, defineErrors } from '../errors/app-error.js';
import type { AuditContext, AuditLog } from './audit-log.js';
import { auditRepository } from './audit.repository.js';

export const auditErrors = defineErrors({
  'audit.retention_invalid': {
    status: 400,
    zh: '审计日志保留期不得少于 180 天',
    en: 'The audit retention must be at least 180 days',
  },
});

/** The shortest retention the law allows (等保: at least six months). */
export const MIN_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  /** Events removed. */
  readonly deleted: number;
  /** The signed checkpoint that now anchors the start of the chain, if anything was removed. */
  readonly throughSeq?: number;
  /** Events older than this instant were eligible. */
  readonly before: string;
}

/**
 * Removes events older than the retention, but only up to a signed checkpoint (which stays and anchors
 * the new start of the chain, so `verify` still works) and never past what a sink has not yet
 * received. Writes an `audit.purge` event in the same transaction. A retention under 180 days is refused.
 */
export async function purgeAuditLog(
  db: Db,
  log: AuditLog,
  options: { retentionDays: number; context?: AuditContext },
): Promise<PurgeResult> {
  const { retentionDays } = options;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new AppError('audit.retention_invalid', {
      message: `审计日志保留期须为不少于 ${MIN_RETENTION_DAYS} 的整数天，而不是 ${retentionDays}`,
    });
  }
  const before = new Date(log.options.clock.now().getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const head = await auditRepository.lockHead(trx);
    const first = await auditRepository.firstSeq(trx);
    const firstKept = (await auditRepository.firstSeqSince(trx, before)) ?? head.seq + 1;
    const shipped = await auditRepository.lowestSinkCursor(trx);
    const limit = Math.min(firstKept - 1, shipped ?? Infinity);
    const anchor = await auditRepository.checkpointAtOrBefore(trx, limit);
    if (first === undefined || !anchor || Number(anchor.seq) < first) return { deleted: 0, before };
    const throughSeq = Number(anchor.seq);
    const deleted = await auditRepository.purgeThrough(trx, throughSeq);
    await log.append(trx, {
      ...options.context,
      action: 'audit.purge',
      details: { before, throughSeq, deleted, retentionDays },
    });
    return { deleted, throughSeq, before };
  });
}
