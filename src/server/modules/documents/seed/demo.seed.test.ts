import { buffer } from 'node:stream/consumers';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { signIn, testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { buildApp } from '../../../app.js';
import { createAppContext } from '../../../context.js';
import { seedAll } from '../../../main.js';
import { FixedClock } from '../../../platform/clock.js';
import { createFileStore } from '../../../platform/files/index.js';
import { documentsModule } from '../index.js';
import { createSealService } from '../seal/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;

describeEachDialect('documents: the demo seed', (database) => {
  // A Friday in 2026, 10:00 in Hinggan: the demo's timeline ends here.
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  const development = testConfig({ HINGGAN_ENV: 'development' });
  let app: FastifyInstance;
  let report: unknown;
  let afterTestStart = -1;
  const cookies = new Map<string, string>();

  const count = async () => Number((await database().db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const get = async (username: string, url: string): Promise<Json> => {
    if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
    const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies.get(username)! } });
    expect(response.statusCode, `${username} GET ${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    // Organisations and accounts as a test start writes them (no documents), then the module's seed
    // as a development start runs it.
    await seedAll(database(), testConfig(), 'demo');
    afterTestStart = await count();
    report = await documentsModule.seed!(createAppContext({ config: development, database: database(), clock }), { profile: 'demo' });
    app = await buildApp({ config: testConfig(), database: database(), clock, serveWorkbench: false });
    await app.ready();
  }, 120_000);

  it('writes documents at every status and step of sending, through the real services', async () => {
    expect(report).toEqual({ lines: [expect.stringMatching(/^演示公文：17 件发文.*16 件收文/)] });
    const rows = await database().db.selectFrom('documents').select(['status', 'current_step', 'doc_number', 'final_file_id', 'sealed_at']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'reviewing', 'signed', 'issued', 'cancelled']));
    const waiting = new Set(rows.map((r) => r.current_step).filter(Boolean));
    for (const step of ['draft', 'department_review', 'office_review', 'sign_off', 'register', 'seal']) expect(waiting).toContain(step);
    const issued = rows.filter((r) => r.status === 'issued');
    expect(issued).toHaveLength(6);
    for (const row of issued) {
      expect(row.doc_number).toMatch(/^(兴署发|兴发改发|乌政发)〔\d{4}〕\d+号$/);
      expect(row.sealed_at).not.toBeNull();
    }
    // Every issued document carries a sealed PDF that verifies against the platform's CA.
    const ctx = createAppContext({ config: testConfig(), database: database(), clock });
    const { stream } = await createFileStore(ctx.config).get(ctx.db, issued[0]!.final_file_id!);
    const verdict = await createSealService(ctx).verify(await buffer(stream));
    expect(verdict).toMatchObject({ valid: true, status: 'valid' });
  });

  it('leaves inbox items at each receiving step, with deadlines, circulation and overdue ones, and filed ones with 档号', async () => {
    const steps = await database().db.selectFrom('incoming_documents').select(['step', 'deadline', 'source']).execute();
    for (const step of ['pending', 'signed', 'registered', 'proposed', 'instructed', 'completed']) expect(steps.map((s) => s.step)).toContain(step);
    expect(steps.filter((s) => s.source === 'paper')).toHaveLength(2);
    const circulation = await database().db.selectFrom('incoming_circulations').select('read_at').execute();
    expect(circulation.map((c) => c.read_at === null).sort()).toEqual([false, true]);
    const filed = await database().db.selectFrom('archive_items').select(['archival_code', 'source']).execute();
    expect(filed).toHaveLength(3);
    for (const item of filed) expect(item.archival_code).toMatch(/^Q\d{4}-WS·2026-(D30|D10)-BGS-\d{4}$/);

    const ulh = await get('ulh.clerk', '/documents/inbox?view=todo');
    expect(ulh.counts).toMatchObject({ pending: expect.any(Number), signed: 1, registered: 1, overdue: 1 });
    expect(ulh.counts.pending).toBeGreaterThanOrEqual(1);
    const fgw = await get('fgw.clerk', '/documents/inbox?view=todo');
    expect(fgw.counts.pending).toBeGreaterThanOrEqual(1);
    expect(fgw.counts.registered).toBeGreaterThanOrEqual(1);
    expect(fgw.counts.instructed).toBe(2);
    expect(fgw.counts.overdue).toBe(1);
    expect(fgw.items.some((i: Json) => i.deadline && !i.overdue)).toBe(true);
  });

  it("gives every demo account of the documents area something to do on its to-do list", async () => {
    const todo = async (username: string) => {
      const list = await get(username, '/documents/todo');
      return Object.fromEntries(list.counts.map((c: Json) => [c.step, c.total]));
    };
    expect(await todo('xsh.clerk')).toMatchObject({ draft: 1, office_review: 1, register: 1, seal: 1 });
    expect(await todo('xsh.leader')).toMatchObject({ department_review: 1, sign_off: 1 });
    expect((await get('xsh.leader', '/documents/todo')).overdue).toBeGreaterThanOrEqual(1);
    expect(await todo('fgw.clerk')).toMatchObject({ draft: 1 });
    expect(await todo('fgw.leader')).toMatchObject({ sign_off: 1 });
    expect(await todo('ulh.clerk')).toMatchObject({ draft: 1 });
    expect(await todo('ulh.mayor')).toMatchObject({ sign_off: 1 });

    // Receiving: 行署 has a document to sign for and one awaiting 李盟长's 批办; 孟主任 has one to read.
    const xsh = await get('xsh.clerk', '/documents/inbox?view=todo');
    expect(xsh.counts).toMatchObject({ pending: 1, proposed: 1 });
    const proposed = await get('xsh.leader', '/documents/inbox?view=proposed');
    expect(proposed.items[0].actions).toContain('instruct');
    const reading = await get('fgw.leader', '/documents/reading?unread=true');
    expect(reading.items).toHaveLength(1);
  });

  it('indexes the demo documents for search, each organisation finding what it may see', async () => {
    const q = `/documents/search?q=${encodeURIComponent('供暖保障')}`;
    const sender = await get('xsh.clerk', q);
    expect(sender.hits.map((h: Json) => h.title)).toContain('兴安盟行政公署关于做好2026年冬季供暖保障工作的通知');
    const received = (await get('ulh.clerk', q)).hits.find((h: Json) => h.title.includes('冬季供暖保障'));
    expect(received).toMatchObject({ documentId: null, incomingStep: 'instructed' });
    expect((await get('ulh.clerk', `/documents/search?q=${encodeURIComponent('供热计量')}`)).hits.map((h: Json) => h.source)).toEqual(['paper']);
    expect((await get('fgw.clerk', `/documents/search?q=${encodeURIComponent('供热计量')}`)).hits).toEqual([]);
  });

  it('is written once, and not on a test start', async () => {
    expect(afterTestStart).toBe(0);
    const before = await count();
    const ctx = (env: string) => createAppContext({ config: testConfig({ HINGGAN_ENV: env }), database: database(), clock });
    expect(await documentsModule.seed!(ctx('development'), { profile: 'demo' })).toBeUndefined();
    expect(await documentsModule.seed!(ctx('test'), { profile: 'demo' })).toBeUndefined();
    expect(await count()).toBe(before);
  });
});
