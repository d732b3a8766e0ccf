import { sql } from 'kysely';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { documentsSearch, teachOrgNames } from '../search/document-index.js';
import { BulkGenerator, type BulkOrg } from './bulk.generate.js';
import { bulkRepository as repo } from './bulk.repository.js';

export interface BulkOptions {
  readonly count: number;
  /** The generator's seed: the same seed on the same registry gives the same documents. */
  readonly seed?: number;
  /** Years back the documents spread over, the current one included; default 8. */
  readonly years?: number;
  /** Documents per transaction; default 500 on SQLite, 1,000 on PostgreSQL. */
  readonly batchSize?: number;
  /** Called after each batch with the documents written so far. */
  readonly onProgress?: (written: number) => void;
}

export interface BulkResult {
  readonly documents: number;
  /** Deliveries, each an inbox item of its recipient. */
  readonly deliveries: number;
  readonly openTasks: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** The registry's organisations as the generator needs them: paths, 机关代字 and 办公室. */
async function bulkOrgs(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<{ orgs: BulkOrg[]; hotOrgId: string | undefined }> {
  const service = createOrgService(ctx);
  const { items } = await service.list({ page: 1, pageSize: 1_000_000 });
  const paths = await service.pathsOf(items.map((o) => o.id));
  const offices = new Map<string, string>();
  const units = new Map<string, string[]>();
  for (const org of items) {
    if (org.kind === 'office' && org.parentId && org.nameZh.endsWith('办公室')) offices.set(org.parentId, org.id);
    if ((org.kind === 'department' || org.kind === 'office') && org.parentId) units.set(org.parentId, [...(units.get(org.parentId) ?? []), org.id]);
  }
  const orgs = items.map((o) => ({
    id: o.id,
    path: paths.get(o.id)!,
    nameZh: o.nameZh,
    shortName: o.shortName,
    docPrefixes: o.docPrefixes,
    officeId: offices.get(o.id) ?? null,
    unitIds: units.get(o.id) ?? [],
  }));
  // The deployment's government (行署 for Hinggan): the highest leading body named so.
  const hot = items.filter((o) => o.kind === 'leading_body' && /行政公署|人民政府/.test(o.nameZh) && o.docPrefixes.length).sort((a, b) => a.depth - b.depth)[0];
  return { orgs, hotOrgId: hot?.id };
}

/**
 * `hinggan seed --documents N`: N realistic documents spread over the registry's organisations, eight
 * years and every state, with their deliveries, inbox items and search entries, written by multi-row
 * inserts in one transaction per batch. Bulk documents carry their current state, open task and
 * first body version, not a step-by-step history, and no PDF (none is rendered).
 */
export async function seedBulkDocuments(ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'>, options: BulkOptions): Promise<BulkResult> {
  const started = performance.now();
  const { db } = ctx;
  const { orgs, hotOrgId } = await bulkOrgs(ctx);
  const generator = new BulkGenerator({
    orgs,
    ...(hotOrgId ? { hotOrgId } : {}),
    now: ctx.clock.now(),
    years: options.years ?? 8,
    seed: options.seed ?? 20_261_127,
    count: options.count,
    docSerials: await repo.documentCounters(db),
    receiptSerials: await repo.receiptCounters(db),
  });
  const search = documentsSearch(db);
  await teachOrgNames(db);
  const batchSize = options.batchSize ?? (ctx.dialect === 'sqlite' ? 500 : 1000);
  let written = 0;
  let deliveries = 0;
  let openTasks = 0;
  while (written < options.count) {
    const rows = generator.batch(Math.min(batchSize, options.count - written));
    await db.transaction().execute(async (trx) => {
      await repo.insert(trx, 'documents', rows.documents);
      await repo.insert(trx, 'document_versions', rows.versions);
      await repo.insert(trx, 'document_recipients', rows.recipients);
      await repo.insert(trx, 'document_tasks', rows.tasks);
      await repo.insert(trx, 'document_deliveries', rows.deliveries);
      await repo.deletePending(trx, rows.incoming.map((r) => r.id));
      await repo.insert(trx, 'incoming_documents', rows.incoming);
      await repo.insert(trx, 'incoming_units', rows.units);
      for (const entry of rows.entries) await search.index(trx, entry);
      // Counters move with each batch, so a stopped run leaves them past every number it wrote.
      await repo.saveCounters(trx, generator.takeCounters());
    });
    written += rows.documents.length;
    deliveries += rows.deliveries.length;
    openTasks += rows.tasks.length;
    options.onProgress?.(written);
  }
  // One index segment per FTS5 table (SQLite) or an empty GIN pending list (PostgreSQL), as the
  // platform's nightly search maintenance leaves them.
  await search.optimize(db);
  if (ctx.dialect === 'postgres') {
    // The 待签收 rows replaced above leave dead index entries until vacuumed; fresh statistics for the planner.
    for (const table of ['documents', 'document_tasks', 'document_deliveries', 'incoming_documents', 'incoming_units', 'search_entries']) {
      await sql.raw(`vacuum (analyze) ${table}`).execute(db);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { documents: written, deliveries, openTasks, seconds, perSecond: written / seconds };
}
