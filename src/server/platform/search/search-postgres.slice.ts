import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTrx } from '../../db/database.js';

/**
 * PostgreSQL: the newest entries' own GIN indexes, partial indexes on `id + 0 >= start` ("slices").
 *
 * GIN hands back a query's matches unordered and all at once, and what it costs is the length of
 * the rarest word's posting list: at 1,000,000 articles a two-word search took 20–35 ms to find
 * 1,001 matches, however few it needed. Entry ids follow dates, so the newest entries are those from
 * some id on, and in an index of only them each posting list is that much shorter (the same search
 * in the newest tenth: 4 ms). A page newest first also reads the row of every match to sort them, so
 * a common word wants a small slice and a rarer one a larger: there are three, the newest 2%, 10% and
 * 40% (the last of the words only: a new entry's long list of trigrams goes into two slices, not
 * three; the substring fallback skips it). Searches look in each in turn, then in the whole table
 * (`search-postgres.repository.ts`); when a slice holds the page, the count's cap or the fallback's
 * candidates, they are the newest overall. At 1,000,000 documents 行署's clerk, who sees a sixth of
 * them, found too few of a common topic in the newest tenth and counted it over the whole table:
 * with the newest 40% too, his searches' p95 went from 51–58 ms to 33–36 (the engine alone).
 *
 * Each level's index is on its own expression, `setweight(words, 'A')` for the first, `'B'` for the
 * second, and so on (the same matches: no query weighs its lexemes), and a search names the
 * expression of the slice it means. With plain `words` in every slice, a query for the newest 2%
 * could use any of them, and the planner took the larger slice and intersected it with the primary
 * key's range (at 1,000,000 documents: 36 ms where the slice alone takes 16). The range is written
 * `id + 0 >= start`, in the index's predicate and in the searches, so that the primary key cannot
 * serve it either (on a small table the planner read the range by the primary key and tested every
 * row's words).
 *
 * Slices are built and kept by `optimize()` (the nightly maintenance, and after a bulk import): once
 * the table holds `minTable` entries, each level's slice holds its share of them (at least its
 * `minEntries`). New entries go into every slice; when one holds twice its size (or half, after
 * deletions) a new one is built beside it, concurrently, and the old one dropped. Searches take each
 * level's newest valid slice from the catalog, so a build in progress or a failed one is never used.
 */
export interface SliceLevel {
  /** The slice's share of all entries when built. */
  readonly share: number;
  /** The least it holds when built. */
  readonly minEntries: number;
  /** Whether it indexes the trigrams too (the substring fallback), not only the words. */
  readonly grams: boolean;
}

export interface SliceOptions {
  /** No slices below this many entries: the whole index is fast enough. */
  readonly minTable: number;
  /** From the smallest slice to the largest. */
  readonly levels: readonly SliceLevel[];
}

/** Each level's weight, which makes its index's expression its own: at most four levels. */
const WEIGHTS = ['A', 'B', 'C', 'D'] as const;
export type SliceWeight = (typeof WEIGHTS)[number];

/** A slice's range, `id + 0 >= start`, as its index's predicate and the searches must write it. */
export const sliceRange = (alias: string | undefined, start: number): RawBuilder<unknown> => sql`${sql.ref(alias ? `${alias}.id` : 'id')} + 0 >= ${sql.lit(start)}`;

/** The indexed expression of a slice's `words` or `grams`, as searches must write it to use the slice. */
export const sliceColumn = (alias: string | undefined, column: 'words' | 'grams', weight: SliceWeight): RawBuilder<unknown> =>
  sql`setweight(${sql.ref(alias ? `${alias}.${column}` : column)}, ${sql.lit(weight)})`;

export const DEFAULT_SLICES: SliceOptions = {
  minTable: 200_000,
  levels: [
    { share: 0.02, minEntries: 10_000, grams: true },
    { share: 0.1, minEntries: 50_000, grams: true },
    { share: 0.4, minEntries: 80_000, grams: false },
  ],
};

/** `search_entries_slice<level>_<first id>`. */
const PREFIX = 'search_entries_slice';
const nameOf = (level: number, start: number): string => `${PREFIX}${level}_${start}`;
const NAME = new RegExp(`^${PREFIX}(\\d+)_(\\d+)$`);
/** Serialises slice maintenance across the deployment's nodes (any constant will do; this is "srch"). */
const LOCK_KEY = 0x73726368;

interface SliceIndex {
  readonly name: string;
  readonly level: number;
  readonly start: number;
  readonly valid: boolean;
  /** The weight of its expression; none for an index of an earlier kind (plain `words`), never searched. */
  readonly weight: SliceWeight | undefined;
  /** Indexes `grams` besides `words`. */
  readonly grams: boolean;
  /** The entries it held when built or last kept (its comment), 0 when unknown. */
  readonly entries: number;
}

const WEIGHT = /setweight\(words, '([A-D])'/;
const RANGE = /WHERE \(\(id \+ 0\) >= /;

async function sliceIndexes(db: DbOrTrx): Promise<SliceIndex[]> {
  const result = await sql<{ name: string; valid: boolean; definition: string; entries: string | null }>`select c.relname as name, i.indisvalid as valid,
      pg_get_indexdef(i.indexrelid) as definition, obj_description(c.oid, 'pg_class') as entries
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'search_entries'::regclass and c.relname like ${`${PREFIX}%`}`.execute(db);
  return result.rows.flatMap((row) => {
    const match = NAME.exec(row.name);
    const start = Number(match?.[2]);
    if (!match || !Number.isSafeInteger(start)) return [];
    // An index of an earlier kind (plain `words`, or `id >= start`) has no weight: never searched, replaced.
    const weight = RANGE.test(row.definition) ? (WEIGHT.exec(row.definition)?.[1] as SliceWeight | undefined) : undefined;
    const grams = row.definition.includes('grams');
    const entries = Number(row.entries);
    return [{ name: row.name, valid: row.valid, level: Number(match[1]), start, weight, grams, entries: Number.isSafeInteger(entries) && entries > 0 ? entries : 0 }];
  });
}

/** A slice as searches use it. */
export interface Slice {
  /** Its first id. */
  readonly start: number;
  /** Its index's expression (`sliceColumn`). */
  readonly weight: SliceWeight;
  /** Whether it indexes the trigrams (the substring fallback). */
  readonly grams: boolean;
  /**
   * The entries it held when `optimize()` last built or kept it (0: unknown). Not its size now: each
   * has taken the same new entries since, so a larger slice's share is over-rated (it is tried the
   * more often).
   */
  readonly entries: number;
}

/** Each level's newest valid slice, the smallest (highest first id) first. */
export async function searchedSlices(db: DbOrTrx): Promise<Slice[]> {
  const newest = new Map<number, Slice>();
  for (const { valid, level, start, weight, grams, entries } of await sliceIndexes(db)) {
    if (valid && weight && weight === WEIGHTS[level] && start > (newest.get(level)?.start ?? -1)) newest.set(level, { start, weight, grams, entries });
  }
  return [...newest.values()].sort((a, b) => b.start - a.start);
}

export interface SliceOutcome {
  /** `busy`: another node is maintaining them. */
  readonly slices: 'busy' | 'none' | 'kept' | 'changed';
  readonly entries?: number;
  /** Each level's slice as kept or built. */
  readonly levels?: readonly { readonly start: number; readonly entries: number; readonly built: boolean }[];
}

/**
 * Writes a slice's size into its index's comment, which searches weigh it by against the others
 * (PostgreSQL's own statistics of a partial GIN index count the whole table's rows after a VACUUM).
 */
const recordSize = (conn: DbOrTrx, name: string, entries: number) => sql`comment on index ${sql.id(name)} is ${sql.lit(String(entries))}`.execute(conn);

const count = async (db: DbOrTrx, from = 0): Promise<number> =>
  Number((await sql<{ n: string }>`select count(*) as n from search_entries where id >= ${from}`.execute(db)).rows[0]?.n ?? 0);

/**
 * Builds, rebuilds or drops the slices as the table's size asks. On a database handle the indexes
 * are built concurrently (searches and writes go on) under an advisory lock, so two nodes never
 * build at once; in a transaction (tests), plainly.
 */
export async function maintainSlices(db: DbOrTrx, options: SliceOptions = DEFAULT_SLICES): Promise<SliceOutcome> {
  if (options.levels.length > WEIGHTS.length) throw new Error(`search slices: at most ${WEIGHTS.length} levels`);
  const concurrently = db.isTransaction ? sql`` : sql`concurrently`;
  const drop = (conn: DbOrTrx, name: string) => sql`drop index ${concurrently} if exists ${sql.id(name)}`.execute(conn);
  const run = async (conn: DbOrTrx): Promise<SliceOutcome> => {
    const indexes = await sliceIndexes(conn);
    // A concurrent build that failed leaves an invalid index behind.
    for (const index of indexes.filter((i) => !i.valid)) await drop(conn, index.name);
    const valid = indexes.filter((i) => i.valid);
    const entries = await count(conn);
    if (entries < options.minTable) {
      for (const index of valid) await drop(conn, index.name);
      return { slices: valid.length ? 'changed' : 'none', entries };
    }
    const levels: { start: number; entries: number; built: boolean }[] = [];
    const keep = new Set<string>();
    for (const [level, { share, minEntries, grams }] of options.levels.entries()) {
      const weight = WEIGHTS[level]!;
      const size = Math.min(entries, Math.max(minEntries, Math.round(entries * share)));
      const current = valid.filter((i) => i.level === level && i.weight === weight && i.grams === grams).sort((a, b) => b.start - a.start)[0];
      const held = current ? await count(conn, current.start) : 0;
      if (current && held <= 2 * size && held >= size / 2) {
        keep.add(current.name);
        // Its size now: each level is rebuilt on its own schedule.
        if (held !== current.entries) await recordSize(conn, current.name, held);
        levels.push({ start: current.start, entries: held, built: false });
        continue;
      }
      const edge = await sql<{ id: string }>`select id from search_entries order by id desc offset ${size - 1} limit 1`.execute(conn);
      const start = Number(edge.rows[0]!.id);
      const name = nameOf(level, start);
      // The level's settings changed (it takes the trigrams now, or no longer), or an index of an
      // earlier kind: the same name, other columns.
      if (valid.some((i) => i.name === name)) await drop(conn, name);
      // A slice that does not take the trigrams spares every new entry its (long) list of them.
      const columns = grams ? sql`${sliceColumn(undefined, 'words', weight)}, ${sliceColumn(undefined, 'grams', weight)}` : sliceColumn(undefined, 'words', weight);
      await sql`create index ${concurrently} if not exists ${sql.id(name)} on search_entries using gin (${columns})
        where ${sliceRange(undefined, start)}`.execute(conn);
      keep.add(name);
      const built = await count(conn, start);
      await recordSize(conn, name, built);
      levels.push({ start, entries: built, built: true });
    }
    for (const index of valid) if (!keep.has(index.name)) await drop(conn, index.name);
    return { slices: levels.some((l) => l.built) || valid.length > keep.size ? 'changed' : 'kept', entries, levels };
  };
  if (db.isTransaction) return run(db);
  return (db as Db).connection().execute(async (conn) => {
    const locked = (await sql<{ ok: boolean }>`select pg_try_advisory_lock(${LOCK_KEY}) as ok`.execute(conn)).rows[0]?.ok;
    if (!locked) return { slices: 'busy' };
    try {
      return await run(conn);
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}
