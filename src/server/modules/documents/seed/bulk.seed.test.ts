import { beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { createAppContext } from '../../../context.js';
import { FixedClock } from '../../../platform/clock.js';
import { createOrgService, seedOrgs } from '../../orgs/index.js';
import { createDocumentSearch } from '../search/index.js';
import { seedBulkDocuments, type BulkResult } from './index.js';

describeEachDialect('documents: bulk documents (hinggan seed --documents N)', (database) => {
  // Enough that the few documents of the last month hold every step of the flow.
  const N = 1000;
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  let result: BulkResult;

  beforeAll(async () => {
    await seedOrgs({ db: database().db, clock });
    const ctx = createAppContext({ config: testConfig(), database: database(), clock });
    // Two years, so a good share is recent enough to be still in flow.
    result = await seedBulkDocuments(ctx, { count: N, years: 2, batchSize: 150 });
  }, 120_000);

  it('writes N documents over organisations, years and every state', async () => {
    const db = database().db;
    const docs = await db.selectFrom('documents').select(['id', 'org_id', 'status', 'current_step', 'doc_prefix', 'doc_year', 'doc_serial', 'doc_number', 'issued_at']).execute();
    expect(docs).toHaveLength(N);
    expect(result).toMatchObject({ documents: N });
    expect(new Set(docs.map((d) => d.org_id)).size).toBeGreaterThan(50);
    expect(new Set(docs.map((d) => d.doc_year).filter(Boolean))).toEqual(new Set([2025, 2026]));
    expect(new Set(docs.map((d) => d.status))).toEqual(new Set(['draft', 'reviewing', 'signed', 'issued', 'cancelled']));

    // Written as an office writes them, oldest first (within the few days a draft takes): ids follow
    // the order of writing, so the tables and the search index are in date order.
    const created = (await db.selectFrom('documents').select(['id', 'created_at']).orderBy('id').execute()).map((d) => Date.parse(d.created_at));
    const latest = created.map((_, i) => Math.max(...created.slice(0, i + 1)));
    expect(created.every((at, i) => at >= latest[i]! - 4 * 86_400_000)).toBe(true);
    expect(created[0]!).toBeLessThan(Date.parse('2025-03-01'));
    expect(created.at(-1)!).toBeGreaterThan(Date.parse('2026-11-15'));

    // 发文字号: consecutive from 1 per 机关代字 and year, each once, and the counters stand at the last.
    const serials = new Map<string, number[]>();
    for (const d of docs.filter((x) => x.doc_serial !== null)) {
      const key = `${d.doc_prefix}|${d.doc_year}`;
      serials.set(key, [...(serials.get(key) ?? []), Number(d.doc_serial)]);
      expect(d.doc_number).toBe(`${d.doc_prefix}〔${d.doc_year}〕${d.doc_serial}号`);
    }
    const counters = await db.selectFrom('document_number_counters').selectAll().execute();
    expect(counters).toHaveLength(serials.size);
    for (const counter of counters) {
      const taken = serials.get(`${counter.prefix}|${counter.year}`)!.sort((a, b) => a - b);
      expect(taken).toEqual(taken.map((_, i) => i + 1));
      expect(Number(counter.last_serial)).toBe(taken.length);
    }
  });

  it('gives each document in flow one open task at its step, and issued ones their deliveries and inbox items', async () => {
    const db = database().db;
    const docs = await db.selectFrom('documents').select(['id', 'status', 'current_step']).execute();
    const tasks = await db.selectFrom('document_tasks').select(['document_id', 'step', 'status']).execute();
    for (const doc of docs) {
      const open = tasks.filter((t) => t.document_id === doc.id && t.status === 'open');
      if (doc.current_step) expect(open.map((t) => t.step)).toEqual([doc.current_step]);
      else expect(open).toEqual([]);
    }
    expect(result.openTasks).toBe(tasks.length);

    const deliveries = await db.selectFrom('document_deliveries').select(['id', 'document_id', 'org_id']).execute();
    const incoming = await db.selectFrom('incoming_documents').select(['id', 'org_id', 'document_id', 'step', 'receipt_year', 'receipt_serial', 'deadline', 'lead_org_id']).execute();
    expect(deliveries).toHaveLength(result.deliveries);
    expect(incoming.map((i) => i.id).sort()).toEqual(deliveries.map((d) => d.id).sort());
    const issued = new Set(docs.filter((d) => d.status === 'issued').map((d) => d.id));
    expect(new Set(deliveries.map((d) => d.document_id))).toEqual(issued);
    for (const item of incoming) expect(item.org_id).toBe(deliveries.find((d) => d.id === item.id)!.org_id);
    expect(new Set(incoming.map((i) => i.step))).toEqual(new Set(['pending', 'signed', 'registered', 'reviewed', 'proposed', 'instructed', 'handling', 'completed', 'returned']));

    // 收文编号 consecutive per organisation and year; 承办 items have a deadline and their lead unit.
    const receipts = new Map<string, number[]>();
    for (const item of incoming.filter((i) => i.receipt_serial !== null)) {
      const key = `${item.org_id}|${item.receipt_year}`;
      receipts.set(key, [...(receipts.get(key) ?? []), Number(item.receipt_serial)]);
    }
    for (const taken of receipts.values()) expect(taken.sort((a, b) => a - b)).toEqual(taken.map((_, i) => i + 1));
    const units = await db.selectFrom('incoming_units').select(['incoming_id', 'org_id', 'role']).execute();
    for (const item of incoming.filter((i) => ['instructed', 'handling'].includes(i.step))) {
      expect(item.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(units.find((u) => u.incoming_id === item.id && u.role === 'lead')?.org_id).toBe(item.lead_org_id);
    }
    expect(units.some((u) => u.role === 'co')).toBe(true);
  });

  it('indexes every document for search, visible to its issuer and recipients', async () => {
    const db = database().db;
    const entries = await db.selectFrom('search_entries').select('key').where('scope', '=', 'documents').execute();
    expect(entries).toHaveLength(N);
    const doc = await db.selectFrom('documents').select(['id', 'org_id', 'title', 'doc_number']).where('status', '=', 'issued').orderBy('id').executeTakeFirstOrThrow();
    const delivery = await db.selectFrom('document_deliveries').select('org_id').where('document_id', '=', doc.id).executeTakeFirstOrThrow();
    const search = createDocumentSearch({ db, orgs: createOrgService({ db, clock }) });
    const clerkOf = (orgId: string) => ({ userId: `u-${orgId}`, username: 'bulk.test', displayName: '测试文秘', orgId, roles: [{ role: 'clerk', orgId, scope: 'org' as const }], isDemo: false, sessionId: 's' });
    const query = { q: doc.doc_number!, sort: 'relevance' as const, page: 1, pageSize: 20 };
    expect((await search.search(clerkOf(doc.org_id), query)).hits.map((h) => h.documentId)).toContain(doc.id);
    expect((await search.search(clerkOf(delivery.org_id), query)).hits.map((h) => h.title)).toContain(doc.title);
  });
});
