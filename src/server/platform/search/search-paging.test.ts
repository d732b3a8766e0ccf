import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { createSearch, MAX_COUNTED } from './index.js';
import { titleTier } from './search-query.js';
import { planSearch } from './search-plan.js';
import { postgresSearchRepository } from './search-postgres.repository.js';
import { searchRepository, type MatchSet } from './search.repository.js';
import { searchQuerySchema } from './search.schema.js';

/**
 * PostgreSQL's slices here: the newest 6, 12 and 30 of the 40 entries (at 1,000,000: 20,000, 100,000
 * and 400,000); the largest indexes the words only, so the fallback skips it.
 */
const slices = {
  minTable: 20,
  levels: [
    { share: 0.15, minEntries: 6, grams: true },
    { share: 0.3, minEntries: 12, grams: true },
    { share: 0.75, minEntries: 30, grams: false },
  ],
};

/**
 * Newest-first pages must be parts of one order. On PostgreSQL a page is first looked for in the
 * newest entries' indexes (the slices) and, when they hold too few matches, in the whole table: every
 * path must give the same page.
 */
describeEachDialect('search paging', (database, dialect) => {
  const repository = dialect === 'postgres' ? postgresSearchRepository({ slices }) : searchRepository(dialect);

  beforeAll(async () => {
    const search = createSearch({ db: database().db, dialect });
    await database()
      .db.transaction()
      .execute(async (trx) => {
        for (let i = 0; i < 40; i += 1) {
          // Old entries match densely, the newest twelve only twice (once among the newest six): pages in the slices both succeed and fall through.
          // The newest 30 hold 11 of the 16 matches the public may see.
          const matches = i < 28 ? i % 3 !== 0 : i === 30 || i === 35;
          await search.index(trx, {
            scope: 'documents',
            key: `k${i}`,
            title: matches && i % 2 ? `草原保护第${i}期` : `第${i}期简报`,
            body: matches ? '草原生态' : '其他事项',
            fields: { date: `2024-${String(1 + Math.floor(i / 28) * 6 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
            visibility: [i % 4 === 0 ? 'org-x' : 'public'],
          });
        }
      });
    await repository.optimize(database().db);
  });

  it('gives every page as the part of the whole newest-first order', async () => {
    const plan = planSearch(searchQuerySchema.parse({ scopes: ['documents'], text: '草原', tags: ['public'], pageSize: 100 }))!;
    const { db } = database();
    for (const set of ['words', 'title', 'untitled'] as MatchSet[]) {
      const all = await repository.read(db, (reader) => repository.page(reader, plan, set, 100, 0));
      expect(all.length, set).toBeGreaterThan(2);
      expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
      for (const [limit, offset] of [[1, 0], [2, 0], [3, 0], [1, 1], [2, 1], [1, 2], [5, 3]] as const) {
        const page = await repository.read(db, (reader) => repository.page(reader, plan, set, limit, offset));
        expect(page.map((r) => r.key), `${set} ${limit}@${offset}`).toEqual(all.slice(offset, offset + limit).map((r) => r.key));
      }
      const counted = await repository.read(db, (reader) => repository.count(reader, plan, set, 1000));
      expect(counted).toBe(all.length);
      // Capped counts, through the slices where they hold enough (PostgreSQL).
      for (const cap of [1, 2, 3, all.length, all.length + 1]) {
        expect(await repository.read(db, (reader) => repository.count(reader, plan, set, cap)), `${set} count ${cap}`).toBe(Math.min(cap, all.length));
      }
      // The index's tiers (title facets) agree with the tiers taken from the titles.
      if (set !== 'words') expect(all.map((r) => titleTier(r.title, plan.words)).every((tier) => tier === set), set).toBe(true);
    }
  });

  it('gives capped matches that all match, and every match when there are fewer than the cap', async () => {
    const plan = planSearch(searchQuerySchema.parse({ scopes: ['documents'], text: '草原', tags: ['public'] }))!;
    const { db } = database();
    const all = (await repository.read(db, (reader) => repository.page(reader, plan, 'words', 100, 0))).map((r) => r.id);
    for (const limit of [1, 2, 3, all.length - 1]) {
      const ids = await repository.read(db, (reader) => repository.matchIds(reader, plan, limit));
      expect(ids, `limit ${limit}`).toHaveLength(limit);
      expect(ids.every((id) => all.includes(id)), `limit ${limit}`).toBe(true);
    }
    const every = await repository.read(db, (reader) => repository.matchIds(reader, plan, all.length + 1));
    expect(every.sort((a, b) => b - a)).toEqual(all);
  });

  it('finds the substring fallback’s newest candidates, through the slices on PostgreSQL', async () => {
    const plan = planSearch(searchQuerySchema.parse({ scopes: ['documents'], text: '原生态', tags: ['public'] }))!;
    const { db } = database();
    // The entries holding 草原生态 that the public may see, newest first (ids follow the dates).
    const all = (await db.selectFrom('search_entries').select(['id', 'key']).where('scope', '=', 'documents').where('body', '=', '草原生态').orderBy('id', 'desc').execute())
      .filter((row) => Number(row.key.slice(1)) % 4 !== 0)
      .map((row) => Number(row.id));
    expect(all.length).toBeGreaterThan(10);
    const ids = async (cap: number) => {
      // The slices hold one and two matches, the whole table more.
      const repo = dialect === 'postgres' ? postgresSearchRepository({ slices, candidates: cap }) : searchRepository(dialect);
      return (await repo.read(db, (reader) => repo.fallbackIds(reader, plan))).ids.sort((a, b) => b - a);
    };
    if (dialect === 'postgres') {
      expect(await ids(1)).toEqual(all.slice(0, 1)); // from the smaller slice
      expect(await ids(2)).toEqual(all.slice(0, 2)); // from the larger
      expect(await ids(3)).toEqual(all.slice(0, 3)); // from the whole table
      expect(await ids(1000)).toEqual(all); // fewer than asked: the whole table
    } else {
      expect(await ids(1000)).toEqual(all);
    }
  });

  it('pages a result larger than it counts through the index: title matches first, each part newest first', async () => {
    const search = createSearch({ db: database().db, dialect });
    await database()
      .db.transaction()
      .execute(async (trx) => {
        for (let i = 0; i < MAX_COUNTED + 20; i += 1) {
          await search.index(trx, {
            scope: 'bulk',
            key: `b${i}`,
            title: i % 100 === 7 ? `秸秆禁烧通告${i}` : `通告${i}`,
            body: '秸秆禁烧',
            fields: { date: `20${String(10 + Math.floor(i / 120)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
            visibility: ['public'],
          });
        }
      });
    const pageOf = (page: number, sort: 'relevance' | 'date' = 'relevance') =>
      search.query({ scopes: ['bulk'], text: '秸秆禁烧', tags: ['public'], page, pageSize: 8, sort });
    const [first, second] = [await pageOf(1), await pageOf(2)];
    expect([first.total, first.totalExact, second.total]).toEqual([MAX_COUNTED, false, MAX_COUNTED]);
    const hits = [...first.hits, ...second.hits];
    // Eleven entries have the words in the title: they come first, newest first, then the rest.
    expect(hits.map((h) => h.score)).toEqual([...Array(11).fill(3), ...Array(5).fill(1)]);
    const dates = (list: readonly { fields: Readonly<Record<string, unknown>> }[]) => list.map((h) => String(h.fields.date));
    expect(dates(hits.slice(0, 11))).toEqual(dates(hits.slice(0, 11)).sort().reverse());
    expect(dates(hits.slice(11))).toEqual(dates(hits.slice(11)).sort().reverse());
    const byDate = dates((await pageOf(1, 'date')).hits);
    expect(byDate).toEqual([...byDate].sort().reverse());
    expect(byDate[0]! >= dates(hits)[0]!).toBe(true);
  });
});
