import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, skipPostgres, type FreshDatabase } from '../../../../test/support/db.js';
import { planSearch } from './search-plan.js';
import { postgresSearchRepository } from './search-postgres.repository.js';
import { maintainSlices, searchedSlices } from './search-postgres.slice.js';
import { createSearch } from './search.js';
import { searchQuerySchema } from './search.schema.js';

const options = {
  minTable: 30,
  levels: [
    { share: 0.1, minEntries: 5, grams: true },
    { share: 0.25, minEntries: 10, grams: false },
  ],
};

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
    expect(await searchedSlices(database.db)).toEqual([]);
  });

  it('builds each level over its share of the newest entries', async () => {
    await add(20, 40);
    const outcome = await maintainSlices(database.db, options);
    expect(outcome.slices).toBe('changed');
    expect(outcome.levels).toEqual([
      { start: await newest(5), entries: 5, built: true },
      { start: await newest(10), entries: 10, built: true },
    ]);
    expect(await searchedSlices(database.db)).toEqual([
      { start: await newest(5), weight: 'A', grams: true, entries: 5 },
      { start: await newest(10), weight: 'B', grams: false, entries: 10 },
    ]);
    // Each on its own expression, so a search names the slice it means; the larger indexes the
    // words only (new entries' trigrams go into one slice, not two).
    const columns = await sql<{ definition: string }>`select pg_get_indexdef(i.indexrelid) as definition
      from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'search_entries'::regclass and c.relname like 'search_entries_slice%'`.execute(database.db);
    expect(columns.rows.map((r) => /USING gin \((.*)\) WHERE/.exec(r.definition)?.[1]).sort()).toEqual([
      `setweight(words, 'A'::"char"), setweight(grams, 'A'::"char")`,
      `setweight(words, 'B'::"char")`,
    ]);
  });

  it('keeps slices while they stay near their size, and rebuilds one that has doubled', async () => {
    const before = await indexes();
    await add(40, 44); // the smaller slice now holds 9 of its 5 (44 entries: its size is still 5)
    expect((await maintainSlices(database.db, options)).slices).toBe('kept');
    expect(await indexes()).toEqual(before);
    // Kept with its size now, which searches weigh it by.
    expect((await searchedSlices(database.db)).map((s) => s.entries)).toEqual([9, 14]);
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
    expect((await searchedSlices(database.db)).map((s) => s.start)).toEqual([await newest(12)]);
    const outcome = await maintainSlices(database.db, options);
    expect(outcome.levels?.[0]).toEqual({ start: await newest(5), entries: 5, built: true });
    expect((await searchedSlices(database.db)).map((s) => s.start)).toEqual([await newest(5), await newest(12)]);
  });

  it('rebuilds a slice whose level changed what it indexes', async () => {
    const before = await indexes();
    const changed = { ...options, levels: [options.levels[0]!, { ...options.levels[1]!, grams: true }] };
    const outcome = await maintainSlices(database.db, changed);
    expect(outcome.levels?.map((l) => l.built)).toEqual([false, true]);
    expect((await searchedSlices(database.db)).map((s) => s.grams)).toEqual([true, true]);
    expect(await indexes()).toEqual(before);
  });

  it('replaces a slice of an earlier kind (plain words), which searches do not use', async () => {
    const start = await newest(12);
    await sql`drop index ${sql.id(`search_entries_slice1_${start}`)}`.execute(database.db);
    await sql`create index ${sql.id(`search_entries_slice1_${start}`)} on search_entries using gin (words) where id >= ${sql.lit(start)}`.execute(database.db);
    await sql`comment on index ${sql.id(`search_entries_slice1_${start}`)} is '12'`.execute(database.db);
    expect((await searchedSlices(database.db)).map((s) => s.start)).toEqual([await newest(5)]);
    expect((await maintainSlices(database.db, options)).levels?.map((l) => l.built)).toEqual([false, true]);
    expect(await searchedSlices(database.db)).toEqual([
      { start: await newest(5), weight: 'A', grams: true, entries: 5 },
      { start, weight: 'B', grams: false, entries: 12 },
    ]);
  });

  it('reads each slice by its own index, and a larger one only when the smaller promises enough', async () => {
    const repository = postgresSearchRepository({ slices: options });
    const plan = planSearch(searchQuerySchema.parse({ scopes: ['docs'], text: '草原', tags: ['public'] }))!;
    const [small, large] = (await searchedSlices(database.db)).map((s) => s.start) as [number, number];
    const matches = async (from = 0) =>
      Number((await sql<{ n: string }>`select count(*) as n from search_entries where words @@ '草原'::tsquery and id >= ${from}`.execute(database.db)).rows[0]!.n);
    const [inSmall, inLarge, all] = [await matches(small), await matches(large), await matches()];
    expect([inSmall, inLarge, all]).toEqual([3, 6, 23]);
    // Index scans of one search: the smaller slice's, the larger's, the whole table's (the counts
    // not yet reported, taken before and after).
    const scans = async (limit: number) =>
      database.db.transaction().execute(async (trx) => {
        const counts = async () => {
          const row = (
            await sql<{ small: string; large: string; whole: string }>`select
                pg_stat_get_xact_numscans(${`search_entries_slice0_${small}`}::regclass) as small,
                pg_stat_get_xact_numscans(${`search_entries_slice1_${large}`}::regclass) as large,
                pg_stat_get_xact_numscans('search_entries_gin_idx'::regclass) as whole`.execute(trx)
          ).rows[0]!;
          return [Number(row.small), Number(row.large), Number(row.whole)];
        };
        const before = await counts();
        const ids = await repository.read(trx, (reader) => repository.matchIds(reader, plan, limit));
        const after = await counts();
        return { ids: ids.length, scans: after.map((n, i) => n - before[i]!) };
      });
    expect(await scans(3)).toEqual({ ids: 3, scans: [1, 0, 0] });
    // 3 of the smaller's 5 promise 7.2 of the larger's 12: tried for 5 (found) and for 7 (too few).
    expect(await scans(5)).toEqual({ ids: 5, scans: [1, 1, 0] });
    expect(await scans(7)).toEqual({ ids: 7, scans: [1, 1, 1] });
    // Not tried for 8: straight to the whole table.
    expect(await scans(8)).toEqual({ ids: 8, scans: [1, 0, 1] });
    expect(await scans(30)).toEqual({ ids: 23, scans: [1, 0, 1] });
  });
});
