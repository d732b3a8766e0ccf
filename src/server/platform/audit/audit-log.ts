import type { Db, Trx } from '../../db/database.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { Sm2KeyPair } from '../crypto/index.js';
import { canonicalJson, chainHash } from './audit-chain.js';
import { auditRepository } from './audit.repository.js';
import type { AuditOutcome, NewAuditEventRow } from './audit.table.js';
import { writeCheckpoint } from './checkpoint.js';

/**
 * Every audit action and the shape of its `details`. Modules add theirs by declaration merging:
 *
 *   declare module '../../platform/audit/index.js' {
 *     interface AuditEvents { 'orgs.import': { created: number; updated: number } }
 *   }
 *
 * The platform declares only its own generic actions.
 */
export interface AuditEvents {
  'auth.sign_in': { method: string };
  'auth.sign_in_failed': { username: string; reason: string };
  'auth.sign_out': Record<string, never>;
  'auth.denied': { permission: string; method?: string; path?: string };
  'audit.verify': { ok: boolean; events: number; seq?: number };
  'audit.export': { format: 'jsonl' | 'csv'; filter: Record<string, unknown> };
  'audit.purge': { before: string; throughSeq: number; deleted: number; retentionDays: number };
  'keys.rotate': { keyId: number };
  'keys.rotate_index': Record<string, never>;
  'keys.reencrypt': { keyId: number; scanned: number; rewritten: number; unreadable: number };
  'keys.retire': { dataKeyIds: number[]; previousIndexKey: boolean };
}

export type AuditAction = keyof AuditEvents & string;

/** Who did it, from where, in which request: usually `auditContext(request)`. */
export interface AuditContext {
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly orgId?: string | null;
  readonly ip?: string | null;
  readonly requestId?: string | null;
}

/** One event to append; `details` is typed by the action. */
export type AuditEvent<A extends AuditAction = AuditAction> = {
  [K in A]: AuditContext & {
    readonly action: K;
    readonly object?: { readonly type: string; readonly id: string } | null;
    /** Default `success`. */
    readonly outcome?: AuditOutcome;
    readonly details: AuditEvents[K];
  };
}[A];

/** The audit fields of a Fastify request: actor, organisation, IP, request id. */
export function auditContext(request: { actor: Actor | null; ip: string; id: unknown }): AuditContext {
  return {
    actorId: request.actor?.userId ?? null,
    actorName: request.actor?.username ?? null,
    orgId: request.actor?.orgId ?? null,
    ip: request.ip,
    requestId: String(request.id),
  };
}

export interface AuditLogOptions {
  /** The platform's SM2 key (`PlatformKeys.signing`): signs the checkpoints. */
  readonly signing: Sm2KeyPair;
  readonly clock: Clock;
  /** A checkpoint is signed when seq reaches a multiple of this; default 1000. */
  readonly checkpointEvery?: number;
}

/** The log's writing side. `append` is a bound function: `const audit = log.append`. */
export interface AuditLog {
  /** Appends one event inside the caller's transaction (the one that makes the change); returns its seq. */
  readonly append: <A extends AuditAction>(trx: Trx, event: AuditEvent<A>) => Promise<number>;
  /**
   * Appends one event in a transaction of its own: for security events that change nothing else
   * (a refused sign-in, a permission denial), which must be kept even though the request fails.
   */
  readonly record: <A extends AuditAction>(db: Db, event: AuditEvent<A>) => Promise<number>;
  /** Appends several events in order in one transaction; returns the seqs. */
  readonly appendMany: (trx: Trx, events: readonly AuditEvent[]) => Promise<number[]>;
  /** Signs a checkpoint at the head now if the head is past the last one; returns its seq or undefined. */
  readonly checkpoint: (db: Db) => Promise<number | undefined>;
  /** Signs a checkpoint when events were appended and the last checkpoint is an hour old or more. */
  readonly ensureHourlyCheckpoint: (db: Db) => Promise<number | undefined>;
  readonly options: Required<AuditLogOptions>;
}

const HOUR_MS = 3_600_000;

interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export function createAuditLog(options: AuditLogOptions): AuditLog {
  const every = options.checkpointEvery ?? 1000;
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpointEvery must be ≥ 1: ${every}`);
  const resolved: Required<AuditLogOptions> = { ...options, checkpointEvery: every };

  /** The rows that continue the chain from `head`, the new head, and the checkpoints due on the way. */
  const link = (head: ChainHead, events: readonly AuditEvent[], at: string) => {
    let { seq, hash } = head;
    const rows: NewAuditEventRow[] = [];
    const checkpoints: ChainHead[] = [];
    for (const event of events) {
      seq += 1;
      const row = {
        seq,
        at,
        actor_id: event.actorId ?? null,
        actor_name: event.actorName ?? null,
        org_id: event.orgId ?? null,
        ip: event.ip ?? null,
        action: event.action,
        object_type: event.object?.type ?? null,
        object_id: event.object?.id ?? null,
        outcome: event.outcome ?? 'success',
        request_id: event.requestId ?? null,
        details: canonicalJson(event.details),
      };
      const rowHash = chainHash(hash, row);
      rows.push({ ...row, prev_hash: hash, hash: rowHash });
      hash = rowHash;
      if (seq % every === 0) checkpoints.push({ seq, hash });
    }
    return { rows, head: { seq, hash }, checkpoints };
  };

  /**
   * The head this process last wrote. Appending from it needs no read: the head moves only if it is
   * still there (one conditional UPDATE), and otherwise — another process or connection appended,
   * or a transaction of ours rolled back — the head is read under its lock as before.
   */
  let lastHead: ChainHead | undefined;

  const appendMany = async (trx: Trx, events: readonly AuditEvent[]): Promise<number[]> => {
    if (events.length === 0) return [];
    const at = options.clock.now().toISOString();
    let chain = lastHead && link(lastHead, events, at);
    if (!lastHead || !chain || !(await auditRepository.advanceHead(trx, lastHead, chain.head))) {
      chain = link(await auditRepository.lockHead(trx), events, at);
      await auditRepository.setHead(trx, chain.head.seq, chain.head.hash);
    }
    await auditRepository.insertEvents(trx, chain.rows);
    for (const c of chain.checkpoints) await writeCheckpoint(trx, options.signing, { ...c, at });
    lastHead = chain.head;
    return chain.rows.map((r) => r.seq);
  };

  const checkpointIf = (due: (last: { seq: number; at: string } | undefined, now: Date) => boolean) => (db: Db) =>
    db.transaction().execute(async (trx) => {
      const head = await auditRepository.lockHead(trx);
      const last = await auditRepository.lastCheckpoint(trx);
      const now = options.clock.now();
      if (head.seq === 0 || (last && Number(last.seq) >= head.seq) || !due(last, now)) return undefined;
      await writeCheckpoint(trx, options.signing, { seq: head.seq, hash: head.hash, at: now.toISOString() });
      return head.seq;
    });

  return {
    append: async (trx, event) => (await appendMany(trx, [event as AuditEvent]))[0]!,
    record: (db, event) => db.transaction().execute(async (trx) => (await appendMany(trx, [event as AuditEvent]))[0]!),
    appendMany,
    checkpoint: checkpointIf(() => true),
    ensureHourlyCheckpoint: checkpointIf((last, now) => !last || now.getTime() - Date.parse(last.at) >= HOUR_MS),
    options: resolved,
  };
}
