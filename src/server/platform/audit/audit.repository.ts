import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import { dialectOf, type DbOrTrx, type Trx } from '../../db/database.js';
import type { AuditCheckpointRow, AuditCheckpointTable, AuditEventRow, AuditOutcome, NewAuditEventRow } from './audit.table.js';

/** What the auditor may search by; every field is optional. */
export interface AuditSearch {
  readonly actorId?: string;
  /** The user name the event was recorded under (also finds failed sign-ins of that name's account). */
  readonly actorName?: string;
  /**
   * Only events of these organisations (an auditor whose grant covers part of the deployment).
   * Events of no organisation (the CLI, unknown user names) are the whole deployment's and excluded.
   */
  readonly orgIds?: readonly string[];
  /** `auth` finds `auth.sign_in`, `auth.denied`, …; a full action name finds only it. */
  readonly actionPrefix?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  /** Inclusive lower bound, ISO instant. */
  readonly from?: string;
  /** Exclusive upper bound, ISO instant. */
  readonly to?: string;
  readonly outcome?: AuditOutcome;
  /** Keyset page: events with seq below this (newest first). */
  readonly beforeSeq?: number;
  readonly limit?: number;
}

export interface AuditPage {
  readonly events: AuditEventRow[];
  /** Pass as `beforeSeq` for the next page; absent on the last page. */
  readonly nextBeforeSeq?: number;
}

/**
 * One consistent view of the log for the verifier: the checkpoints, first seq and head, then every
 * event after a seq in chain order, in batches. `close` ends the snapshot.
 */
export interface AuditSnapshot {
  checkpoints(): Promise<AuditCheckpointRow[]>;
  firstSeq(): Promise<number | undefined>;
  head(): Promise<{ seq: number; hash: string }>;
  eventBatches(afterSeq: number): AsyncIterable<readonly AuditEventRow[]>;
  close(): void;
}

const SNAPSHOT_BATCH = 5000;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The columns of `audit_events` in insert order (the order of {@link eventValues}). */
const EVENT_COLUMNS = [
  'seq', 'at', 'actor_id', 'actor_name', 'org_id', 'ip', 'action', 'object_type', 'object_id', 'outcome', 'request_id',
  'details', 'prev_hash', 'hash',
] as const;

const eventValues = (row: NewAuditEventRow) => EVENT_COLUMNS.map((column) => row[column] ?? null);

/**
 * The append path's two statements as SQL text, written once per dialect rather than built by the
 * query builder for every event (the builder costs as much as SQLite's insert itself).
 */
const appendSql = {
  sqlite: {
    insert: `insert into audit_events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
    advance: 'update audit_head set seq = ?, hash = ? where id = 1 and seq = ? and hash = ?',
  },
  postgres: {
    insert: `insert into audit_events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
    advance: 'update audit_head set seq = $1, hash = $2 where id = 1 and seq = $3 and hash = $4',
  },
};

export const auditRepository = {
  /** The head, locked until the transaction ends on PostgreSQL (SQLite has a single writer). */
  async lockHead(trx: Trx): Promise<{ seq: number; hash: string }> {
    const query = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    const head = await (dialectOf(trx) === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  },

  async head(db: DbOrTrx): Promise<{ seq: number; hash: string }> {
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  },

  /**
   * Moves the head from `from` to `to` only if it is still at `from`: one statement that both checks
   * and updates, taking the write lock (SQLite) or the row lock (PostgreSQL, which re-checks the
   * condition on the newest row after waiting). False when another writer has moved the head.
   */
  async advanceHead(trx: Trx, from: { seq: number; hash: string }, to: { seq: number; hash: string }): Promise<boolean> {
    const text = appendSql[dialectOf(trx)].advance;
    const result = await trx.executeQuery(CompiledQuery.raw(text, [to.seq, to.hash, from.seq, from.hash]));
    return Number(result.numAffectedRows ?? 0) === 1;
  },

  async setHead(trx: Trx, seq: number, hash: string): Promise<void> {
    await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  },

  async insertEvents(trx: Trx, rows: readonly NewAuditEventRow[]): Promise<void> {
    if (rows.length === 1) {
      await trx.executeQuery(CompiledQuery.raw(appendSql[dialectOf(trx)].insert, eventValues(rows[0]!)));
      return;
    }
    // PostgreSQL takes at most 65535 parameters per statement: 14 columns × 2000 rows stays under.
    for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('audit_events').values(rows.slice(i, i + 2000)).execute();
  },

  /** Up to `limit` events after `afterSeq`, in chain order: the verifier's and the shipper's stream. */
  eventsAfter(db: DbOrTrx, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
    return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  },

  async firstSeq(db: DbOrTrx): Promise<number | undefined> {
    const row = await db.selectFrom('audit_events').select('seq').orderBy('seq').limit(1).executeTakeFirst();
    return row ? Number(row.seq) : undefined;
  },

  /** The SQLite file behind `db`, or undefined for PostgreSQL, an in-memory database or a transaction. */
  async sqliteFile(db: DbOrTrx): Promise<string | undefined> {
    if (dialectOf(db) !== 'sqlite' || db.isTransaction) return undefined;
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
    return rows.find((r) => r.name === 'main')?.file || undefined;
  },

  /**
   * A snapshot of a SQLite log on a connection of its own, in one read transaction: it streams rows
   * straight from the statement (the query builder's per-row cost was most of verifying), never
   * holds the platform's connection, and lets the event loop run between batches, so a server
   * verifying its own log keeps serving. WAL lets the server write meanwhile.
   */
  sqliteSnapshot(file: string, batchSize = SNAPSHOT_BATCH): AuditSnapshot {
    const connection = new SqliteDatabase(file, { fileMustExist: true });
    connection.pragma('busy_timeout = 5000');
    connection.exec('begin');
    const one = <T>(text: string) => connection.prepare(text).get() as T | undefined;
    return {
      checkpoints: async () => connection.prepare('select * from audit_checkpoints order by seq').all() as AuditCheckpointRow[],
      firstSeq: async () => one<{ seq: number }>('select seq from audit_events order by seq limit 1')?.seq,
      head: async () => {
        const head = one<{ seq: number; hash: string }>('select seq, hash from audit_head where id = 1');
        if (!head) throw new Error('audit_head has no row');
        return { seq: Number(head.seq), hash: head.hash };
      },
      async *eventBatches(afterSeq) {
        const rows = connection.prepare('select * from audit_events where seq > ? order by seq').iterate(afterSeq) as Iterator<AuditEventRow>;
        try {
          for (;;) {
            const batch: AuditEventRow[] = [];
            while (batch.length < batchSize) {
              const next = rows.next();
              if (next.done) break;
              batch.push(next.value);
            }
            if (batch.length) yield batch;
            if (batch.length < batchSize) return;
            await yieldToEventLoop();
          }
        } finally {
          rows.return?.();
        }
      },
      close: () => {
        if (connection.inTransaction) connection.exec('commit');
        connection.close();
      },
    };
  },

  /** The same view through the query builder, in keyset batches: for PostgreSQL (in a repeatable-read transaction) and in-memory SQLite. */
  kyselySnapshot(db: DbOrTrx, batchSize = SNAPSHOT_BATCH): AuditSnapshot {
    return {
      checkpoints: () => auditRepository.checkpoints(db),
      firstSeq: () => auditRepository.firstSeq(db),
      head: () => auditRepository.head(db),
      async *eventBatches(afterSeq) {
        for (let after = afterSeq; ; ) {
          const rows = await auditRepository.eventsAfter(db, after, batchSize);
          if (rows.length) yield rows;
          if (rows.length < batchSize) return;
          after = Number(rows[rows.length - 1]!.seq);
        }
      },
      close: () => undefined,
    };
  },

  /** The lowest seq at or after an instant (the first event the retention keeps). */
  async firstSeqSince(db: DbOrTrx, at: string): Promise<number | undefined> {
    const row = await db.selectFrom('audit_events').select((eb) => eb.fn.min('seq').as('seq')).where('at', '>=', at).executeTakeFirst();
    return row?.seq == null ? undefined : Number(row.seq);
  },

  async insertCheckpoint(trx: DbOrTrx, row: AuditCheckpointTable): Promise<void> {
    await trx.insertInto('audit_checkpoints').values(row).execute();
  },

  lastCheckpoint(db: DbOrTrx): Promise<AuditCheckpointRow | undefined> {
    return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  },

  /** The newest checkpoint with seq ≤ `seq`. */
  checkpointAtOrBefore(db: DbOrTrx, seq: number): Promise<AuditCheckpointRow | undefined> {
    return db.selectFrom('audit_checkpoints').selectAll().where('seq', '<=', seq).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  },

  checkpoints(db: DbOrTrx): Promise<AuditCheckpointRow[]> {
    return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  },

  /** Newest first, keyset-paginated by seq. */
  async search(db: DbOrTrx, filter: AuditSearch): Promise<AuditPage> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 1000);
    let query = db.selectFrom('audit_events').selectAll();
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.actorName) query = query.where('actor_name', '=', filter.actorName);
    if (filter.orgIds) query = filter.orgIds.length ? query.where('org_id', 'in', filter.orgIds) : query.where(sql<boolean>`1 = 0`);
    if (filter.actionPrefix) {
      const prefix = filter.actionPrefix;
      query = query.where((eb) =>
        eb.or([eb('action', '=', prefix), eb('action', 'like', sql<string>`${`${escapeLike(prefix.replace(/\.$/, ''))}.%`} escape '\\'`)]),
      );
    }
    if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
    if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
    const events = rows.slice(0, limit);
    return rows.length > limit ? { events, nextBeforeSeq: Number(events[events.length - 1]!.seq) } : { events };
  },

  async sinkCursor(db: DbOrTrx, sink: string): Promise<number> {
    const row = await db.selectFrom('audit_sink_cursors').select('seq').where('sink', '=', sink).executeTakeFirst();
    return row ? Number(row.seq) : 0;
  },

  /** The lowest cursor of any sink ever registered: the purge may not remove what a sink has not had. */
  async lowestSinkCursor(db: DbOrTrx): Promise<number | undefined> {
    const row = await db.selectFrom('audit_sink_cursors').select((eb) => eb.fn.min('seq').as('seq')).executeTakeFirst();
    return row?.seq == null ? undefined : Number(row.seq);
  },

  async setSinkCursor(db: DbOrTrx, sink: string, seq: number, now: string): Promise<void> {
    await db
      .insertInto('audit_sink_cursors')
      .values({ sink, seq, updated_at: now })
      .onConflict((oc) => oc.column('sink').doUpdateSet({ seq, updated_at: now }))
      .execute();
  },

  /**
   * Deletes events with seq ≤ `throughSeq` and checkpoints before it, through the purge door:
   * a transaction-local setting on PostgreSQL, the gate row on SQLite (opened and closed here).
   */
  async purgeThrough(trx: Trx, throughSeq: number): Promise<number> {
    const postgres = dialectOf(trx) === 'postgres';
    if (postgres) await sql`select set_config('hinggan.audit_purge', 'on', true)`.execute(trx);
    else await trx.updateTable('audit_purge_gate').set({ open: 1 }).where('id', '=', 1).execute();
    const deleted = await trx.deleteFrom('audit_events').where('seq', '<=', throughSeq).executeTakeFirst();
    await trx.deleteFrom('audit_checkpoints').where('seq', '<', throughSeq).execute();
    if (postgres) await sql`select set_config('hinggan.audit_purge', 'off', true)`.execute(trx);
    else await trx.updateTable('audit_purge_gate').set({ open: 0 }).where('id', '=', 1).execute();
    return Number(deleted.numDeletedRows);
  },

  /** Whether a job of the queue is waiting or running (so a self-scheduling job is not doubled). */
  async jobPending(db: DbOrTrx, queue: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom('jobs').select('id').where('queue', '=', queue).where('status', 'in', ['queued', 'running']);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.limit(1).executeTakeFirst()) !== undefined;
  },
};
