import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';

/**
 * For tests only: runs raw SQL with the audit triggers out of the way, as an attacker with direct
 * database access could, then puts them back.
 */
export async function tamper(db: Db, statement: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger user`.execute(trx);
      await sql`alter table audit_checkpoints disable trigger user`.execute(trx);
      await sql.raw(statement).execute(trx);
      await sql`alter table audit_events enable trigger user`.execute(trx);
      await sql`alter table audit_checkpoints enable trigger user`.execute(trx);
    });
    return;
  }
  const triggers = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('audit_events', 'audit_checkpoints')`.execute(db);
  for (const t of triggers.rows) await sql`drop trigger ${sql.id(t.name)}`.execute(db);
  try {
    await sql.raw(statement).execute(db);
  } finally {
    for (const t of triggers.rows) await sql.raw(t.sql).execute(db);
  }
}
