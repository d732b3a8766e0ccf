import type { AppContext } from '../../../platform/module.js';
import { publishingSearch } from '../publishing/article-index.js';
import { BulkArticleGenerator } from './bulk-articles.generate.js';
import { bulkArticlesRepository as repo } from './bulk-articles.repository.js';

export interface BulkArticleOptions {
  readonly count: number;
  /** The generator's seed: the same seed on the same sites and columns gives the same articles. */
  readonly seed?: number;
  /** Years back the articles spread over, the current one included; default 6. */
  readonly years?: number;
  /** Articles per transaction; default 500 on SQLite, 1,000 on PostgreSQL. */
  readonly batchSize?: number;
  /** Called after each batch with the articles written so far. */
  readonly onProgress?: (written: number) => void;
}

export interface BulkArticleResult {
  readonly articles: number;
  /** Sites that received articles. */
  readonly sites: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * `hinggan seed --articles N`: N published articles over the group's sites and columns and the past
 * years, each with its first version and its public search entry, written by multi-row inserts in
 * one transaction per batch. Bulk articles carry their published state, not a workflow history (no
 * events, no audit): they exist to measure the portal at scale. Needs the sites and columns (the
 * seed's site group) to exist.
 */
export async function seedBulkArticles(ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'>, options: BulkArticleOptions): Promise<BulkArticleResult> {
  const started = performance.now();
  const { db } = ctx;
  const generator = new BulkArticleGenerator({
    count: options.count,
    sites: await repo.sites(db),
    columns: await repo.columns(db),
    now: ctx.clock.now(),
    years: options.years ?? 6,
    seed: options.seed ?? 20_261_127,
    lastSerials: await repo.lastSerials(db),
  });
  const search = publishingSearch(db);
  const batchSize = options.batchSize ?? (ctx.dialect === 'sqlite' ? 500 : 1000);
  const sites = new Set<string>();
  let written = 0;
  while (written < options.count) {
    const rows = generator.batch(Math.min(batchSize, options.count - written));
    await db.transaction().execute(async (trx) => {
      await repo.insert(trx, 'portal_articles', rows.articles);
      await repo.insert(trx, 'portal_article_versions', rows.versions);
      for (const entry of rows.entries) await search.index(trx, entry);
      // Counters move with each batch, so a stopped run leaves them past every serial it wrote.
      await repo.saveSerials(trx, generator.serials());
    });
    for (const row of rows.articles) sites.add(row.site_id);
    written += rows.articles.length;
    options.onProgress?.(written);
  }
  // As the nightly job would: one FTS5 segment per index on SQLite, empty GIN pending lists on PostgreSQL.
  await search.optimize(db);
  if (ctx.dialect === 'postgres') await repo.vacuum(db);
  const seconds = (performance.now() - started) / 1000;
  return { articles: written, sites: sites.size, seconds, perSecond: written / seconds };
}
