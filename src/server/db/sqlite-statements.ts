import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct SQL texts keep their prepared statement. */
export const defaultStatementCacheSize = 500;

/**
 * The better-sqlite3 database as Kysely's SqliteDialect sees it, with a prepared-statement cache:
 * `prepare(sql)` hands back the statement already prepared for that text (least recently used
 * dropped past `size`), so a repeated query skips SQLite's parse and plan. Kysely's driver uses a
 * statement synchronously through `all` or `run`, and runs one query at a time on its single
 * connection, so a cached statement is never in use twice at once. `iterate` (Kysely's `stream()`)
 * keeps its statement busy across awaits, while the same connection may run other queries (inside
 * a transaction), so each iteration gets a statement of its own. A statement that fails to prepare
 * is not cached; SQLite re-prepares a cached one itself after a schema change.
 */
export function cachingSqliteDatabase(sqlite: BetterSqlite3.Database, size = defaultStatementCacheSize): SqliteDatabase & { readonly cachedStatements: number } {
  const statements = new Map<string, SqliteStatement>();
  const prepare = (sql: string): SqliteStatement => {
    const hit = statements.get(sql);
    if (hit) {
      // Re-inserting moves the text to the end: the Map's order is the recency order.
      statements.delete(sql);
      statements.set(sql, hit);
      return hit;
    }
    const prepared = sqlite.prepare(sql);
    const statement: SqliteStatement = {
      reader: prepared.reader,
      all: (parameters) => prepared.all(parameters),
      run: (parameters) => prepared.run(parameters),
      iterate: (parameters) => sqlite.prepare(sql).iterate(parameters),
    };
    statements.set(sql, statement);
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return statement;
  };
  return {
    prepare,
    close: () => {
      statements.clear();
      sqlite.close();
    },
    get cachedStatements() {
      return statements.size;
    },
  };
}
