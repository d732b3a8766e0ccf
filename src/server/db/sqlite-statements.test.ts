import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { cachingSqliteDatabase } from './sqlite-statements.js';

interface Tables {
  items: { id: number; name: string };
}

/** A Kysely over an in-memory SQLite whose prepares are counted per SQL text. */
function counted(size?: number) {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('create table items (id integer primary key, name text not null)');
  const prepared: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((text: string) => {
    prepared.push(text);
    return prepare(text);
  }) as typeof sqlite.prepare;
  const database = cachingSqliteDatabase(sqlite, size);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  return { db, database, prepared };
}

describe('cachingSqliteDatabase', () => {
  let open: Kysely<Tables> | undefined;
  afterEach(async () => {
    await open?.destroy();
    open = undefined;
  });

  it('prepares a query text once and answers each run with its own parameters', async () => {
    const { db, prepared } = counted();
    open = db;
    await db.insertInto('items').values({ id: 1, name: '甲' }).execute();
    await db.insertInto('items').values({ id: 2, name: '乙' }).execute();
    const byId = (id: number) => db.selectFrom('items').select('name').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ name: '甲' });
    expect(await byId(2)).toEqual({ name: '乙' });
    expect(await byId(3)).toBeUndefined();
    expect(prepared.filter((s) => s.startsWith('select')).length).toBe(1);
    expect(prepared.filter((s) => s.startsWith('insert')).length).toBe(1);
  });

  it('keeps at most `size` statements, dropping the least recently used', async () => {
    const { db, database, prepared } = counted(2);
    open = db;
    const run = (text: string) => sql.raw(text).execute(db);
    await run('select 1');
    await run('select 2');
    await run('select 1');
    await run('select 3'); // drops `select 2`, the least recently used
    await run('select 1');
    await run('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
    expect(database.cachedStatements).toBe(2);
  });

  it('does not cache a statement that failed to prepare, and follows schema changes', async () => {
    const { db, prepared } = counted();
    open = db;
    await expect(sql.raw('select * from later').execute(db)).rejects.toThrow(/no such table/);
    await sql.raw('create table later (a integer)').execute(db);
    await sql.raw('insert into later values (1)').execute(db);
    expect((await sql.raw('select * from later').execute(db)).rows).toEqual([{ a: 1 }]);
    await sql.raw("alter table later add column b text default 'x'").execute(db);
    expect((await sql.raw('select * from later').execute(db)).rows).toEqual([{ a: 1, b: 'x' }]);
    expect(prepared.filter((s) => s === 'select * from later').length).toBe(2);
  });

  it('closes the database with Kysely', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingSqliteDatabase(sqlite) }) });
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});

describe('cachingSqliteDatabase and iteration', () => {
  it('gives an iteration its own statement, so the same text runs meanwhile', () => {
    const sqlite = new SqliteDatabase(':memory:');
    sqlite.exec("create table items (id integer primary key, name text not null); insert into items values (1, 'a'), (2, 'b')");
    const database = cachingSqliteDatabase(sqlite);
    const text = 'select name from items where id > ? order by id';
    expect(database.prepare(text).all([0])).toHaveLength(2);
    const rows = database.prepare(text).iterate([0]);
    const seen: string[] = [];
    for (const row of rows) seen.push(`${(row as { name: string }).name}:${database.prepare(text).all([0]).length}`);
    expect(seen).toEqual(['a:2', 'b:2']);
    database.close();
  });

  it("serves Kysely's stream() through openDatabase, before and after the same query is cached", async () => {
    const handle = await openDatabase({ dataDir: '' }, { sqliteFile: ':memory:' });
    const db = handle.db as unknown as Kysely<Tables>;
    try {
      await sql`create table items (id integer primary key, name text not null)`.execute(db);
      await db.insertInto('items').values([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }]).execute();
      const query = () => db.selectFrom('items').select('name').where('id', '>', 1).orderBy('id');
      expect(await query().execute()).toEqual([{ name: 'b' }, { name: 'c' }]);
      for await (const row of query().stream()) {
        expect(row).toEqual({ name: 'b' });
        break; // an abandoned stream must not leave the text's statement busy
      }
      const streamed: string[] = [];
      for await (const row of query().stream()) streamed.push(row.name);
      expect(streamed).toEqual(['b', 'c']);
      expect(await query().execute()).toEqual([{ name: 'b' }, { name: 'c' }]);
    } finally {
      await handle.destroy();
    }
  });
});
