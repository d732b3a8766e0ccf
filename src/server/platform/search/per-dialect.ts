import { PostgresAdapter } from 'kysely';
import type { Db, DbOrTrx, Dialect } from '../../db/database.js';
import { createSearch, type Search } from './search.js';

const forWrites = new Map<Dialect, Search>();
const forDatabases = new WeakMap<Db, Search>();

/**
 * The platform search for a module's database handle. In a transaction (where modules write their
 * entries) one engine per dialect and process serves; on a database it is that database's own, so
 * the statistics a query relies on (SQLite's common facets) are taken on it, never on a transaction
 * or another database seen first.
 */
export function searchOfDialect(db: DbOrTrx): Search {
  const dialect: Dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  if (!db.isTransaction) {
    let own = forDatabases.get(db as Db);
    if (!own) forDatabases.set(db as Db, (own = createSearch({ db: db as Db, dialect })));
    return own;
  }
  let search = forWrites.get(dialect);
  if (!search) forWrites.set(dialect, (search = createSearch({ db: db as Db, dialect })));
  return search;
}
