import type { Selectable } from 'kysely';

/**
 * One indexed object. Its words live in the engine's own structures (FTS5 tables keyed by `id` on
 * SQLite; the `words` and `grams` tsvector columns on PostgreSQL), which only the search
 * repositories touch.
 */
export interface SearchEntryTable {
  /** The entry's day × 2^30 + a sequence number (`entry-id.ts`): id order is date order. */
  id: number;
  /** Which collection: `documents`, `portal:site-1`… */
  scope: string;
  /** The object's id within the scope. */
  key: string;
  title: string;
  body: string;
  /** Attachments' text. */
  extra: string;
  /** JSON object returned with hits. */
  fields: string;
  /** YYYY-MM-DD, or null when the object has none (also in `fields`; filters use date facets). */
  date: string | null;
  updated_at: string;
  // PostgreSQL also keeps the `words` and `grams` tsvectors here. SQLite keeps the title again and the
  // facets (space-delimited) in the narrow `search_entry_meta` (id, title, facets): the relevance
  // tiers, the row checks of common facets and the fallback read many of them.
}

export type SearchEntryRow = Selectable<SearchEntryTable>;

declare module '../../db/schema.js' {
  interface Database {
    search_entries: SearchEntryTable;
  }
}
