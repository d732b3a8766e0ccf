import { sql } from 'kysely';
import { dialectOf, type DbOrTrx } from '../../../db/database.js';

/** A month bucket `YYYY-MM` of an instant column in Asia/Shanghai, in the dialect's SQL. */
function monthOf(db: DbOrTrx, column: string) {
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Shanghai', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+8 hours')`;
}

/** Seconds between two instant columns. */
function secondsBetween(db: DbOrTrx, from: string, to: string) {
  return dialectOf(db) === 'postgres'
    ? sql<number>`extract(epoch from (${sql.ref(to)} - ${sql.ref(from)}))`
    : sql<number>`(julianday(${sql.ref(to)}) - julianday(${sql.ref(from)})) * 86400`;
}

/** The Asia/Shanghai date of an instant column, as `YYYY-MM-DD` text. */
function dateOf(db: DbOrTrx, column: string) {
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, '+8 hours')`;
}

/** The statistics' SQL: counts per unit and month, processing times, deadlines kept and missed. */
export const statisticsRepository = {
  /** Documents issued (核发) by the organisation, per drafting unit and month. */
  sentPerUnit(db: DbOrTrx, orgId: string, from: string, to: string) {
    return db
      .selectFrom('documents')
      .select(['drafting_org_id as unit', monthOf(db, 'issued_at').as('month'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('issued_at', '>=', from)
      .where('issued_at', '<', to)
      .groupBy(['drafting_org_id', monthOf(db, 'issued_at')])
      .execute();
  },

  /** Documents received by the organisation (签收 or paper), per lead unit (承办单位) and month. */
  receivedPerUnit(db: DbOrTrx, orgId: string, from: string, to: string) {
    return db
      .selectFrom('incoming_documents')
      .select(['lead_org_id as unit', monthOf(db, 'received_at').as('month'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .groupBy(['lead_org_id', monthOf(db, 'received_at')])
      .execute();
  },

  /** Completion times and deadlines of what the organisation received in the period. */
  async processing(db: DbOrTrx, orgId: string, from: string, to: string, today: string) {
    const [row] = await processingQuery(db, orgId, from, to, today).execute();
    return processingOf(row);
  },

  /** The same per month of receipt (`YYYY-MM`, Asia/Shanghai): the series of the statistics page. */
  async processingPerMonth(db: DbOrTrx, orgId: string, from: string, to: string, today: string) {
    const rows = await processingQuery(db, orgId, from, to, today)
      .select(monthOf(db, 'received_at').as('month'))
      .groupBy(monthOf(db, 'received_at'))
      .execute();
    return rows.map((r) => ({ month: r.month, ...processingOf(r) }));
  },
};

interface ProcessingRow {
  received: number | string | null;
  completed: number | string | null;
  avg_seconds: number | string | null;
  with_deadline: number | string | null;
  overdue: number | string | null;
}

/** Counts, average completion time and deadlines missed, of the items received in [from, to). */
function processingQuery(db: DbOrTrx, orgId: string, from: string, to: string, today: string) {
  return db
    .selectFrom('incoming_documents')
    .select([
      (eb) => eb.fn.countAll<number>().as('received'),
      (eb) => eb.fn.sum<number>(sql`case when step = 'completed' then 1 else 0 end`).as('completed'),
      (eb) => eb.fn.avg<number>(sql`case when step = 'completed' then ${secondsBetween(db, 'received_at', 'completed_at')} end`).as('avg_seconds'),
      (eb) => eb.fn.sum<number>(sql`case when deadline is not null and step <> 'returned' then 1 else 0 end`).as('with_deadline'),
      (eb) =>
        eb.fn
          .sum<number>(
            sql`case when deadline is null or step = 'returned' then 0
              when step = 'completed' then case when ${dateOf(db, 'completed_at')} > deadline then 1 else 0 end
              when deadline < ${today} then 1 else 0 end`,
          )
          .as('overdue'),
    ])
    .where('org_id', '=', orgId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to);
}

function processingOf(row: ProcessingRow | undefined) {
  return {
    received: Number(row?.received ?? 0),
    completed: Number(row?.completed ?? 0),
    avgSeconds: row?.avg_seconds === null || row?.avg_seconds === undefined ? null : Number(row.avg_seconds),
    withDeadline: Number(row?.with_deadline ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}
