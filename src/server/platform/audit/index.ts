/**
 * The tamper-evident audit log (platform `audit`): typed events appended in the caller's transaction
 * to an SM3 hash chain, SM2-signed checkpoints, verification, retention purge, off-host sinks, and
 * the auditor's search and export.
 */
export {
  auditContext,
  createAuditLog,
  type AuditAction,
  type AuditContext,
  type AuditEvent,
  type AuditEvents,
  type AuditLog,
  type AuditLogOptions,
} from './audit-log.js';
export { GENESIS_HASH, canonicalForm, canonicalJson, chainHash, checkpointMessage } from './audit-chain.js';
export { verifyAuditLog, type AuditProblem, type AuditVerification, type VerifyOptions } from './audit-verify.js';
export { checkpointSignatureValid, writeCheckpoint } from './checkpoint.js';
export { auditRepository, type AuditPage, type AuditSearch } from './audit.repository.js';
export { csvCell, exportAuditEvents, type AuditExportFormat } from './audit-export.js';
export { MIN_RETENTION_DAYS, auditErrors, purgeAuditLog, type PurgeResult } from './purge.js';
export { FileSink, SyslogSink, shipAuditEvents, shippedForm, sinksFromConfig, syslogMessage, type AuditSink } from './sinks.js';
export { auditJobs, auditQueues, scheduleAuditJobs, type AuditJobDeps } from './audit.jobs.js';
export { auditRoutes, type AuditRoutesOptions } from './audit.routes.js';
export type { AuditCheckpointRow, AuditEventRow, AuditOutcome } from './audit.table.js';
