import { type Insertable, sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createAppContext } from '../src/server/context.js';
import { type DatabaseHandle } from '../src/server/db/database.js';
import type { Database } from '../src/server/db/schema.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { receivingServices } from '../src/server/modules/documents/index.js';
import { createOrgService, seedOrgs } from '../src/server/modules/orgs/index.js';
import type { Actor } from '../src/server/platform/actor.js';
import { newId } from '../src/server/platform/ids.js';
import type { BenchOptions } from './run.js';
import { benchDatabase, round } from './support.js';

/** Documents delivered, each to RECIPIENTS organisations: 1,000,000 inbox items. */
const DOCUMENTS = Number(process.env.HINGGAN_BENCH_INBOX_DOCUMENTS ?? 200_000);
const RECIPIENTS = 5;
/** About one delivery in fifty (one in 47) is still waiting for 签收; the rest went on through the steps. */
const PENDING_EVERY = 47;
const CALLS = 300;

/** Where the signed ones stand: one in twelve still open at some step, a few returned, the rest 办结. */
const steps = [
  ...(['signed', 'registered', 'reviewed', 'proposed', 'instructed', 'handling'] as const),
  ...Array.from({ length: 64 }, () => 'completed' as const),
  'returned' as const,
  'returned' as const,
];

/**
 * An organisation's inbox at scale: DOCUMENTS issued documents, each delivered to five organisations
 * (1,000,000 inbox items by default), one in ten going to 行署 (the busiest inbox), the others spread
 * over the registry; 2% still 待签收, 8% open at the other steps, the rest 办结 (3% 退回). Measured: the inbox service's
 * to-do page with its counts per step and overdue count (`GET /documents/inbox`), as a clerk, for 行署
 * and for random organisations. Target (the to-do list): p99 under 30 ms.
 */
export async function benchDocumentInbox(options: BenchOptions): Promise<object> {
  const { database, dataDir, cleanup } = await benchDatabase(options.db, 'inbox');
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ HINGGAN_ENV: 'test', HINGGAN_LOG_LEVEL: 'silent', HINGGAN_DATA_DIR: dataDir });
    const ctx = createAppContext({ config, database });
    await seedOrgs(ctx);
    const orgs = createOrgService(ctx);
    const hot = await orgs.get('152200000000.xsh');
    const all = (await orgs.list({ page: 1, pageSize: 5000 })).items.map((o) => o.id);
    const loadStarted = performance.now();
    const items = await populate(database, hot.id, all);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const { inbox } = receivingServices(ctx);
    const clerkOf = (orgId: string): Actor => ({
      userId: newId(),
      username: 'bench.clerk',
      displayName: '基准文秘',
      orgId,
      roles: [{ role: 'clerk', orgId, scope: 'org' }],
      isDemo: false,
      sessionId: 'bench',
    });
    const measure = async (pick: () => string) => {
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const orgId = pick();
        const began = performance.now();
        const page = await inbox.list(clerkOf(orgId), { orgId, view: 'todo', page: 1, pageSize: 20 });
        times.push(performance.now() - began);
        if (i === 0 && orgId === hot.id && page.counts.pending === 0) throw new Error('the busy inbox shows nothing pending');
      }
      const sorted = times.sort((a, b) => a - b);
      return { p50Ms: round(sorted[Math.floor(CALLS / 2)]!), p99Ms: round(sorted[Math.floor(CALLS * 0.99)]!), maxMs: round(sorted.at(-1)!) };
    };
    const busy = await measure(() => hot.id);
    const random = await measure(() => all[Math.floor(Math.random() * all.length)]!);
    return { documents: DOCUMENTS, inboxItems: items, loadSeconds: round(loadSeconds), busiestInbox: busy, randomInboxes: random, calls: CALLS, targetP99Ms: 30 };
  } finally {
    await database.destroy();
    if (!process.env.HINGGAN_BENCH_KEEP) await cleanup();
    else console.error(`kept ${dataDir}`);
  }
}

/** Writes the documents, deliveries and incoming items in large batches; returns the number of deliveries. */
async function populate(database: DatabaseHandle, hotId: string, orgIds: readonly string[]): Promise<number> {
  const db = database.db;
  const start = Date.parse('2026-01-05T01:00:00Z');
  const batch = database.dialect === 'sqlite' ? 400 : 1000;
  let deliveriesWritten = 0;
  for (let from = 0; from < DOCUMENTS; from += batch) {
    const documents: Insertable<Database['documents']>[] = [];
    const deliveries: Insertable<Database['document_deliveries']>[] = [];
    const moved: Partial<Record<(typeof steps)[number], string[]>> = {};
    for (let n = from; n < Math.min(DOCUMENTS, from + batch); n++) {
      const at = new Date(start + n * 90_000).toISOString();
      const id = newId();
      const sender = orgIds[n % orgIds.length]!;
      documents.push({
        id,
        org_id: sender,
        drafting_org_id: sender,
        kind: 'notice',
        title: `关于第${n}号事项的通知`,
        doc_number: `基准〔2026〕${n}号`,
        secrecy: 'none',
        urgency: 'normal',
        status: 'issued',
        revision: 0,
        body_html: '',
        body_version: 1,
        drafted_by: 'bench',
        drafted_by_name: '基准',
        issued_at: at,
        created_at: at,
        updated_at: at,
      });
      const recipients = new Set<string>();
      if (n % 10 === 0 && sender !== hotId) recipients.add(hotId);
      for (let k = 0; recipients.size < RECIPIENTS; k++) {
        const orgId = orgIds[(n * 7 + k * 131) % orgIds.length]!;
        if (orgId !== sender) recipients.add(orgId);
      }
      for (const orgId of recipients) {
        const deliveryId = newId();
        deliveriesWritten += 1;
        deliveries.push({ id: deliveryId, document_id: id, org_id: orgId, role: 'main' as const, channel: 'local' as const, delivered_at: at });
        // The database makes each local delivery an inbox item at 待签收; most then went on.
        if (deliveriesWritten % PENDING_EVERY === 0) continue;
        const step = steps[deliveriesWritten % steps.length]!;
        (moved[step] ??= []).push(deliveryId);
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('documents').values(documents).execute();
      for (let i = 0; i < deliveries.length; i += batch) await trx.insertInto('document_deliveries').values(deliveries.slice(i, i + batch)).execute();
      for (const [step, ids] of Object.entries(moved)) {
        const handling = step === 'instructed' || step === 'handling';
        await trx
          .updateTable('incoming_documents')
          .set({
            step: step as (typeof steps)[number],
            revision: 3,
            sender_name: '基准来文机关',
            signed_at: sql`received_at`,
            receipt_year: step === 'signed' ? null : 2026,
            deadline: handling ? '2026-06-30' : null,
            lead_org_id: handling ? sql<string>`org_id` : null,
          })
          .where('id', 'in', ids)
          .execute();
      }
    });
  }
  if (database.dialect === 'postgres') {
    // As autovacuum would have by then: the bulk updates left a dead version of every inbox row.
    for (const table of ['documents', 'document_deliveries', 'incoming_documents']) await sql.raw(`vacuum analyze ${table}`).execute(db);
  }
  return deliveriesWritten;
}
