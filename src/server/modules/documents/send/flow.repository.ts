import { sql } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { SendStep } from '../../../../shared/documents.js';
import type {
  DocumentDeliveryRow,
  DocumentFlowEventRow,
  DocumentTaskRow,
  DocumentWorkflowSettingRow,
  NewDocumentTaskRow,
} from '../documents.table.js';

/** Whose to-do list: the person, and the organisations where each of his roles acts. */
export interface TodoScope {
  readonly userId: string;
  readonly roles: readonly { readonly role: string; readonly orgIds: readonly string[] }[];
}

const FAR_FUTURE = '9999-12-31';

/** All SQL of the flow: history, tasks and to-do lists, 发文字号 counters, workflow settings, deliveries. */
export const flowRepository = {
  async insertEvent(db: DbOrTrx, row: DocumentFlowEventRow): Promise<void> {
    await db.insertInto('document_flow_events').values(row).execute();
  },

  events(db: DbOrTrx, documentId: string): Promise<DocumentFlowEventRow[]> {
    return db.selectFrom('document_flow_events').selectAll().where('document_id', '=', documentId).orderBy('at').orderBy('id').execute();
  },

  async insertTasks(db: DbOrTrx, rows: readonly NewDocumentTaskRow[]): Promise<void> {
    if (rows.length) await db.insertInto('document_tasks').values([...rows]).execute();
  },

  openTasks(db: DbOrTrx, documentId: string): Promise<DocumentTaskRow[]> {
    return db.selectFrom('document_tasks').selectAll().where('document_id', '=', documentId).where('status', '=', 'open').orderBy('id').execute();
  },

  /** Open tasks of many documents at once (for lists). */
  openTasksOf(db: DbOrTrx, documentIds: readonly string[]): Promise<DocumentTaskRow[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('document_tasks').selectAll().where('document_id', 'in', documentIds).where('status', '=', 'open').orderBy('id').execute();
  },

  findTask(db: DbOrTrx, id: string): Promise<DocumentTaskRow | undefined> {
    return db.selectFrom('document_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Closes one open task; false when it was no longer open (someone else closed it). */
  async completeTask(
    db: DbOrTrx,
    id: string,
    done: { at: string; by: string; byName: string; outcome: DocumentTaskRow['outcome'] },
  ): Promise<boolean> {
    const result = await db
      .updateTable('document_tasks')
      .set({ status: 'done', completed_at: done.at, completed_by: done.by, completed_by_name: done.byName, outcome: done.outcome })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Cancels every open task of a document (it moved on, was returned or cancelled). */
  async cancelOpenTasks(db: DbOrTrx, documentId: string, at: string): Promise<void> {
    await db
      .updateTable('document_tasks')
      .set({ status: 'cancelled', completed_at: at })
      .where('document_id', '=', documentId)
      .where('status', '=', 'open')
      .execute();
  },

  /** A step's tasks that were done (every round; the latest per organisation is the current one). */
  doneTasks(db: DbOrTrx, documentId: string, step: SendStep): Promise<DocumentTaskRow[]> {
    return db
      .selectFrom('document_tasks')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('step', '=', step)
      .where('status', '=', 'done')
      .orderBy('completed_at')
      .execute();
  },

  async markReminded(db: DbOrTrx, id: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('document_tasks')
      .set((eb) => ({ reminders: eb('reminders', '+', 1), last_reminded_at: at }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * The ids of the open tasks a person may act on: his own, and those waiting for a role he holds in
   * their organisation (or its second organisation). Each branch reads one partial index over open
   * tasks only, so the cost follows the open work of his organisations, not the size of the archive.
   */
  todoIds(db: DbOrTrx, scope: TodoScope) {
    let query = db.selectFrom('document_tasks').select('id').where('status', '=', 'open').where('user_id', '=', scope.userId);
    for (const { role, orgIds } of scope.roles) {
      if (orgIds.length === 0) continue;
      query = query
        .union(db.selectFrom('document_tasks').select('id').where('status', '=', 'open').where('role', '=', role).where('org_id', 'in', orgIds))
        .union(db.selectFrom('document_tasks').select('id').where('status', '=', 'open').where('role', '=', role).where('alt_org_id', 'in', orgIds));
    }
    return query;
  },

  async todo(db: DbOrTrx, scope: TodoScope, filter: { step?: SendStep | undefined; offset: number; limit: number }) {
    let query = db
      .selectFrom('document_tasks as t')
      .innerJoin('documents as d', 'd.id', 't.document_id')
      .where('t.id', 'in', this.todoIds(db, scope));
    if (filter.step) query = query.where('t.step', '=', filter.step);
    return query
      .select([
        't.id as task_id',
        't.step',
        't.org_id as task_org_id',
        't.due_on',
        't.reminders',
        't.created_at as task_created_at',
        'd.id',
        'd.org_id',
        'd.kind',
        'd.title',
        'd.doc_number',
        'd.urgency',
        'd.secrecy',
        'd.status',
        'd.drafted_by_name',
        'd.updated_at',
      ])
      .orderBy(sql`coalesce(t.due_on, ${FAR_FUTURE})`)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute();
  },

  /** Open tasks per step and how many are past their deadline (`due_on < today`). */
  async todoCounts(db: DbOrTrx, scope: TodoScope, today: string): Promise<{ step: SendStep; total: number; overdue: number }[]> {
    const rows = await db
      .selectFrom('document_tasks')
      .where('id', 'in', this.todoIds(db, scope))
      .select((eb) => [
        'step',
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('due_on', '<', today).then(1).else(0).end()).as('overdue'),
      ])
      .groupBy('step')
      .execute();
    return rows.map((r) => ({ step: r.step, total: Number(r.total), overdue: Number(r.overdue ?? 0) }));
  },

  /**
   * The next 发文字号 serial of a 机关代字 and year, taken in the caller's transaction: the counter row
   * is created if missing, then incremented by one UPDATE … RETURNING, which holds the row's lock on
   * PostgreSQL until commit (SQLite runs one writer at a time). A rolled-back registration gives its
   * number back, so serials stay consecutive; a committed one is never handed out again.
   */
  async nextSerial(db: DbOrTrx, prefix: string, year: number): Promise<number> {
    await db
      .insertInto('document_number_counters')
      .values({ prefix, year, last_serial: 0 })
      .onConflict((oc) => oc.columns(['prefix', 'year']).doNothing())
      .execute();
    const row = await db
      .updateTable('document_number_counters')
      .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
      .where('prefix', '=', prefix)
      .where('year', '=', year)
      .returning('last_serial')
      .executeTakeFirstOrThrow();
    return Number(row.last_serial);
  },

  workflowSettings(db: DbOrTrx, orgId: string): Promise<DocumentWorkflowSettingRow[]> {
    return db.selectFrom('document_workflow_settings').selectAll().where('org_id', '=', orgId).execute();
  },

  async replaceWorkflowSettings(db: DbOrTrx, orgId: string, rows: readonly DocumentWorkflowSettingRow[]): Promise<void> {
    await db.deleteFrom('document_workflow_settings').where('org_id', '=', orgId).execute();
    if (rows.length) await db.insertInto('document_workflow_settings').values([...rows]).execute();
  },

  /** Inserts deliveries in a few multi-row statements (SQLite allows 32 766 bound values per statement). */
  async insertDeliveries(db: DbOrTrx, rows: readonly DocumentDeliveryRow[]): Promise<void> {
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      await db.insertInto('document_deliveries').values(rows.slice(i, i + chunk)).execute();
    }
  },

  deliveries(db: DbOrTrx, documentId: string): Promise<DocumentDeliveryRow[]> {
    return db.selectFrom('document_deliveries').selectAll().where('document_id', '=', documentId).orderBy('role').orderBy('id').execute();
  },
};
