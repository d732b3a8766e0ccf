import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, skipPostgres, type FreshDatabase } from '../../../../test/support/db.js';
import { createSearch } from './search.js';
import { maintainSlices, sliceStarts } from './search-postgres.slice.js';

const options = { minTable: 30, levels: [{ share: 0.1, minEntries: 5 }, { share: 0.25, minEntries: 10 }] };

/** The slices' indexes: each level's newest entries, rebuilt as the table grows (PostgreSQL only). */
describe.skipIf(skipPostgres)('search slices [postgres]', () => {
  let database: FreshDatabase;
  const add = async (from: number, to: number) => {
    const search = createSearch({ db: database.db, dialect: 'postgres' });
    await database.db.transaction().execute(async (trx) => {
      for (let i = from; i < to; i += 1) {
        const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
        await search.index(trx, { scope: 'docs', key: `k${i}`, title: `通知${i}`, body: i % 2 ? '草原生态保护' : '安全生产', fields: { date: day }, visibility: ['public'] });
      }
    });
  };
  const newest = async (n: number) =>
    (await database.db.selectFrom('search_entries').select('id').orderBy('id', 'desc').limit(n).execute()).map((r) => Number(r.id)).at(-1);
  const indexes = async () =>
    (await sql<{ name: string }>`select indexrelid::regclass::text as name from pg_index where indrelid = 'search_entries'::regclass`.execute(database.db)).rows
      .map((r) => r.name)
      .filter((name) => name.includes('slice'))
      .sort();

  beforeAll(async () => {
    database = await freshDatabase('postgres');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('builds none for a small table', async () => {
    await add(0, 20);
    expect(await maintainSlices(database.db, options)).toEqual({ slices: 'none', entries: 20 });
    expect(await sliceStarts(database.db)).toEqual([]);
  });

  it('builds each level over its share of the newest entries', async () => {
    await add(20, 40);
    const outcome = await maintainSlices(database.db, options);
    expect(outcome.slices).toBe('changed');
    expect(outcome.levels).toEqual([
      { start: await newest(5), entries: 5, built: true },
      { start: await newest(10), entries: 10, built: true },
    ]);
    expect(await sliceStarts(database.db)).toEqual([await newest(5), await newest(10)]);
  });

  it('keeps slices while they stay near their size, and rebuilds one that has doubled', async () => {
    const before = await indexes();
    await add(40, 44); // the smaller slice now holds 9 of its 5 (44 entries: its size is still 5)
    expect((await maintainSlices(database.db, options)).slices).toBe('kept');
    expect(await indexes()).toEqual(before);
    await add(44, 46); // 11 > 2 × 5: rebuilt; the larger (15 of 12) is kept
    const outcome = await maintainSlices(database.db, options);
    expect(outcome.levels).toEqual([
      { start: await newest(5), entries: 5, built: true },
      { start: Number(before[1]!.split('_').at(-1)), entries: 16, built: false },
    ]);
    expect(await indexes()).toEqual([`search_entries_slice0_${await newest(5)}`, before[1]]);
  });

  it('searches find the same through the slices as without them', async () => {
    const search = createSearch({ db: database.db, dialect: 'postgres' });
    const query = { scopes: ['docs'], text: '草原', tags: ['public'], pageSize: 4, sort: 'relevance' as const };
    const pages = async () => Promise.all([1, 2, 3, 4, 5, 6, 7].map(async (page) => (await search.query({ ...query, page })).hits.map((h) => h.key)));
    const sliced = await pages();
    expect(sliced.flat()).toHaveLength(23);
    await maintainSlices(database.db, { ...options, minTable: 1_000 });
    expect(await indexes()).toEqual([]);
    expect(await pages()).toEqual(sliced);
  });

  it('drops an index a failed build left invalid', async () => {
    await maintainSlices(database.db, options);
    await sql`update pg_index set indisvalid = false where indexrelid = ${`search_entries_slice0_${await newest(5)}`}::regclass`.execute(database.db);
    expect(await sliceStarts(database.db)).toEqual([await newest(12)]);
    const outcome = await maintainSlices(database.db, options);
    expect(outcome.levels?.[0]).toEqual({ start: await newest(5), entries: 5, built: true });
    expect(await sliceStarts(database.db)).toEqual([await newest(5), await newest(12)]);
  });
});
