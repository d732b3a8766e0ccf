import type { Insertable, Selectable } from 'kysely';

/** One audit event, a link of the SM3 hash chain. Append-only: triggers refuse UPDATE and DELETE. */
export interface AuditEventTable {
  /** Gap-free, assigned in order under the head lock; the chain's order. */
  seq: number;
  at: string;
  actor_id: string | null;
  /** The actor's username at the time, so the log reads without the identity tables. */
  actor_name: string | null;
  org_id: string | null;
  ip: string | null;
  /** `module.verb`, e.g. `auth.sign_in`; typed by `AuditEvents`. */
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: AuditOutcome;
  request_id: string | null;
  /** Canonical JSON (keys sorted) of the action's details. */
  details: string;
  /** Lower-case hex SM3 of the previous event (64 zeros before the first). */
  prev_hash: string;
  /** SM3(prev_hash bytes ‖ canonical form of this event), lower-case hex. */
  hash: string;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** The last link: one row, id 1. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** An SM2 signature over "the event at `seq` has hash `hash`", by the platform's signing key. */
export interface AuditCheckpointTable {
  seq: number;
  hash: string;
  at: string;
  public_key: string;
  /** DER signature, hex. */
  signature: string;
}

/** SQLite only: the door the purge opens inside its transaction (the trigger checks `open = 1`). */
export interface AuditPurgeGateTable {
  id: number;
  open: number;
}

/** The last seq an off-host sink has received. */
export interface AuditSinkCursorTable {
  sink: string;
  seq: number;
  updated_at: string;
}

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;
export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;

declare module '../../db/schema.js' {
  interface Database {
    audit_events: AuditEventTable;
    audit_head: AuditHeadTable;
    audit_checkpoints: AuditCheckpointTable;
    audit_purge_gate: AuditPurgeGateTable;
    audit_sink_cursors: AuditSinkCursorTable;
  }
}
