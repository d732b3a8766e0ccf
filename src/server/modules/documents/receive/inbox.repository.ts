import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { IncomingStep, UnitRole } from '../../../../shared/documents-receiving.js';
import type { IncomingRow } from './receive.table.js';

/** One line of an inbox: an item of the organisation, or one it handles for another as a unit. */
export interface InboxRow {
  id: string;
  org_id: string;
  step: IncomingStep;
  source: 'delivery' | 'paper';
  title: string;
  sender_org_id: string | null;
  sender_name: string | null;
  sender_number: string | null;
  receipt_number: string | null;
  kind: string | null;
  secrecy: string;
  urgency: string;
  recipient_role: string | null;
  received_at: string;
  deadline: string | null;
  /** The unit role of the listed organisation when the item is another organisation's. */
  assigned_as: UnitRole | null;
}

export interface InboxFilter {
  readonly orgId: string;
  /** Steps to list. */
  readonly steps: readonly IncomingStep[];
  /** Include items of other organisations that name this one as a unit (承办/协办). */
  readonly assigned: boolean;
  /** Only the organisation's own items (false for someone who may see only what his unit was given). */
  readonly own: boolean;
  /** Only items past their deadline (`deadline < today`). */
  readonly overdueBefore?: string;
  readonly q?: string;
}

const handlingSteps: IncomingStep[] = ['instructed', 'handling'];
const openSteps: IncomingStep[] = ['pending', 'signed', 'registered', 'reviewed', 'proposed', 'instructed', 'handling'];

/** The inbox's SQL: pages and counts per step, the 催办 board, a reader's circulation list. */
export const inboxRepository = {
  /** A reader's circulation list, unread first. */
  async readingList(db: DbOrTrx, userId: string, unreadOnly: boolean, page: { offset: number; limit: number }) {
    let query = db
      .selectFrom('incoming_circulations as c')
      .innerJoin('incoming_documents as i', 'i.id', 'c.incoming_id')
      .where('c.user_id', '=', userId);
    if (unreadOnly) query = query.where('c.read_at', 'is', null);
    const [rows, count] = await Promise.all([
      query
        .select(['i.id', 'i.org_id', 'i.title', 'i.sender_name', 'i.sender_number', 'i.receipt_number', 'i.urgency', 'i.step', 'c.sent_at', 'c.sent_by_name', 'c.read_at'])
        .orderBy(sql`case when c.read_at is null then 0 else 1 end`)
        .orderBy('c.sent_at', 'desc')
        .offset(page.offset)
        .limit(page.limit)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /**
   * One page of an inbox, newest first. `total` is counted only when asked (the to-do views take it
   * from the counts per step instead).
   */
  async inbox(db: DbOrTrx, filter: InboxFilter, page: { offset: number; limit: number; count: boolean }): Promise<{ rows: InboxRow[]; total: number | null }> {
    const union = inboxUnion(db, filter, page.offset + page.limit);
    if (!union) return { rows: [], total: 0 };
    const [rows, count] = await Promise.all([
      db
        .selectFrom(union.as('u'))
        .selectAll()
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .offset(page.offset)
        .limit(page.limit)
        .execute(),
      page.count ? db.selectFrom(inboxUnion(db, filter)!.as('u')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() : undefined,
    ]);
    return { rows: rows as InboxRow[], total: count ? Number(count.n) : null };
  },

  /**
   * Counts per open step of an organisation's inbox (its own items and, when `assigned`, what it
   * handles for others) and how many are overdue. Each reads one index range of open items.
   */
  async counts(db: DbOrTrx, orgId: string, options: { own: boolean; assigned: boolean; today: string }) {
    const counts: Partial<Record<IncomingStep | 'overdue', number>> = {};
    const add = (key: IncomingStep | 'overdue', n: number | string | bigint | null) => (counts[key] = (counts[key] ?? 0) + Number(n ?? 0));
    const lateCase = sql<number>`case when deadline < ${options.today} then 1 else 0 end`;
    const [own, lead, co] = await Promise.all([
      options.own
        ? db
            .selectFrom('incoming_documents')
            .select(['step', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(lateCase).as('late')])
            .where('org_id', '=', orgId)
            .where('step', 'in', openSteps)
            .groupBy('step')
            .execute()
        : [],
      options.assigned
        ? db
            .selectFrom('incoming_documents')
            .select(['step', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(lateCase).as('late')])
            .where('lead_org_id', '=', orgId)
            .where('org_id', '<>', orgId)
            .where('step', 'in', handlingSteps)
            .groupBy('step')
            .execute()
        : [],
      options.assigned
        ? db
            .selectFrom('incoming_units as u')
            .innerJoin('incoming_documents as i', 'i.id', 'u.incoming_id')
            .select(['u.step', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(sql`case when i.deadline < ${options.today} then 1 else 0 end`).as('late')])
            .where('u.org_id', '=', orgId)
            .where('u.role', '=', 'co')
            .where('u.step', 'in', handlingSteps)
            .where('i.org_id', '<>', orgId)
            .groupBy('u.step')
            .execute()
        : [],
    ]);
    for (const row of [...own, ...lead, ...co]) {
      add(row.step, row.n);
      add('overdue', row.late);
    }
    return counts;
  },

  /**
   * Unfinished items whose deadline has passed or falls by `until`, soonest first: the organisation's
   * own (when `own`) and those it handles for others as a lead or co-unit.
   */
  async supervision(db: DbOrTrx, orgId: string, options: { until: string; own: boolean; limit: number }): Promise<(IncomingRow & { assigned_as: UnitRole | null })[]> {
    const [own, assigned] = await Promise.all([
      options.own
        ? db
            .selectFrom('incoming_documents')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('deadline', '<=', options.until)
            .where('step', 'in', handlingSteps)
            .orderBy('deadline')
            .limit(options.limit)
            .execute()
        : [],
      db
        .selectFrom('incoming_units as u')
        .innerJoin('incoming_documents as i', 'i.id', 'u.incoming_id')
        .selectAll('i')
        .select('u.role as assigned_as')
        .where('u.org_id', '=', orgId)
        .where('u.role', 'in', ['lead', 'co'])
        .where('u.step', 'in', handlingSteps)
        .where('i.org_id', '<>', orgId)
        .where('i.deadline', '<=', options.until)
        .orderBy('i.deadline')
        .limit(options.limit)
        .execute(),
    ]);
    return [...own.map((r) => ({ ...r, assigned_as: null })), ...assigned]
      .sort((a, b) => a.deadline!.localeCompare(b.deadline!) || a.received_at.localeCompare(b.received_at))
      .slice(0, options.limit);
  },
};

/** One branch of the inbox's union; every branch selects the columns of `InboxRow` in its order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the branches join different tables
type InboxPart = SelectQueryBuilder<any, any, InboxRow>;

/**
 * The inbox as a union of its branches: the organisation's own items and those it handles for others
 * (as lead unit, as co-unit). With `limit`, each branch is cut to its newest `limit` rows first, so a
 * page reads a few index entries per branch (the to-do through `(org_id, is_open, received_at)`, the
 * co-unit branch through `incoming_units (org_id, role, step, received_at)`).
 */
function inboxUnion(db: DbOrTrx, filter: InboxFilter, limit?: number): InboxPart | undefined {
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const titleMatches = (column: Expression<string>) => sql<SqlBool>`${column} like ${like} escape '\\'`;
  const columns = [
    'i.id',
    'i.org_id',
    'i.step',
    'i.source',
    'i.title',
    'i.sender_org_id',
    'i.sender_name',
    'i.sender_number',
    'i.receipt_number',
    'i.kind',
    'i.secrecy',
    'i.urgency',
    'i.recipient_role',
    'i.received_at',
    'i.deadline',
  ] as const;
  // Each branch with the column it is newest-first by (the co-unit branch by its own copy).
  const parts: { query: InboxPart; newest: 'i.received_at' | 'u.received_at' }[] = [];
  if (filter.own && filter.steps.length) {
    const wholeTodo = openSteps.every((step) => filter.steps.includes(step)) && filter.steps.length === openSteps.length;
    let own = db
      .selectFrom('incoming_documents as i')
      .select([...columns, sql<string | null>`null`.as('assigned_as')])
      .where('i.org_id', '=', filter.orgId)
      .where((eb) => (wholeTodo ? eb('i.is_open', '=', 1) : eb('i.step', 'in', [...filter.steps])));
    if (filter.overdueBefore) own = own.where('i.deadline', '<', filter.overdueBefore);
    if (like) own = own.where((eb) => titleMatches(eb.ref('i.title')));
    parts.push({ query: own as unknown as InboxPart, newest: 'i.received_at' });
  }
  const assignedSteps = filter.steps.filter((s) => handlingSteps.includes(s) || s === 'completed');
  if (filter.assigned && assignedSteps.length) {
    let lead = db
      .selectFrom('incoming_documents as i')
      .select([...columns, sql<string>`'lead'`.as('assigned_as')])
      .where('i.lead_org_id', '=', filter.orgId)
      .where('i.org_id', '<>', filter.orgId)
      .where('i.step', 'in', assignedSteps);
    // The unit row's own step and received time: the branch reads its index range of open rows,
    // newest first, and joins only those (not every item the unit was ever given).
    let co = db
      .selectFrom('incoming_units as u')
      .innerJoin('incoming_documents as i', 'i.id', 'u.incoming_id')
      .select([...columns.map((c) => (c === 'i.received_at' ? 'u.received_at' : c === 'i.step' ? 'u.step' : c)), 'u.role as assigned_as'])
      .where('u.org_id', '=', filter.orgId)
      .where('u.role', '=', 'co')
      .where('u.step', 'in', assignedSteps)
      .where('i.org_id', '<>', filter.orgId);
    if (filter.overdueBefore) {
      lead = lead.where('i.deadline', '<', filter.overdueBefore);
      co = co.where('i.deadline', '<', filter.overdueBefore);
    }
    if (like) {
      lead = lead.where((eb) => titleMatches(eb.ref('i.title')));
      co = co.where((eb) => titleMatches(eb.ref('i.title')));
    }
    parts.push({ query: lead as unknown as InboxPart, newest: 'i.received_at' }, { query: co as unknown as InboxPart, newest: 'u.received_at' });
  }
  if (parts.length === 0) return undefined;
  const cut =
    limit === undefined
      ? parts.map((part) => part.query)
      : parts.map((part) => db.selectFrom(part.query.orderBy(sql.ref(part.newest), 'desc').limit(limit).as('b')).selectAll() as unknown as InboxPart);
  return cut.slice(1).reduce((acc, part) => acc.unionAll(part), cut[0]!);
}
