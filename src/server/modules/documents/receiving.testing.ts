import type { FastifyInstance } from 'fastify';
import { seededApp, signIn, testConfig } from '../../../../test/support/app.js';
import type { FreshDatabase } from '../../../../test/support/db.js';
import { createAppContext } from '../../context.js';
import type { Db, DatabaseHandle } from '../../db/database.js';
import { type Clock, type FixedClock, systemClock } from '../../platform/clock.js';
import { createFileStore, type FileStore } from '../../platform/files/index.js';
import { newId } from '../../platform/ids.js';
import { JobWorker } from '../../platform/jobs/index.js';
import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { createPkiService } from '../pki/index.js';
import PDFDocument from 'pdfkit';
import { sealDocument } from './seal/index.js';
import type { Acting } from './receive/index.js';
import { receivingJobs, receivingServices } from './receiving.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
export type Json = any;

/** A small PDF made with pdfkit, one page per text, as the renderer would hand it over before sealing. */
export async function testPdf(pages: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(16).text(text, 80, 120);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The organisations of the Hinggan seed the receiving tests use. */
export const refs = {
  xsh: '152200000000.xsh',
  xshOffice: '152200000000.xsh.bgs',
  fgw: '152200000000.xsh.fgw',
  jyj: '152200000000.xsh.jyj',
  ulh: '152201000000.gov',
} as const;

export interface IssueOptions {
  readonly from: keyof typeof refs;
  readonly to: readonly (keyof typeof refs)[];
  readonly title?: string;
  readonly docNumber?: string;
  readonly urgency?: 'normal' | 'urgent' | 'very_urgent';
}

/**
 * A document as the sending side leaves it at 核发: the final PDF in the file store, the `documents`
 * row issued, and one local `document_deliveries` row per recipient (ids returned in order).
 */
export async function insertIssued(
  db: Db,
  files: FileStore,
  clock: Clock,
  input: { senderOrgId: string; recipients: readonly { orgId: string; role: 'main' | 'copy' }[]; title: string; docNumber: string; urgency?: 'normal' | 'urgent' | 'very_urgent'; pdf: Buffer },
): Promise<{ documentId: string; deliveries: string[]; fileId: string }> {
  const file = await files.put(db, input.pdf, { name: 'final.pdf' });
  const now = clock.now().toISOString();
  const documentId = newId();
  await db
    .insertInto('documents')
    .values({
      id: documentId,
      org_id: input.senderOrgId,
      drafting_org_id: input.senderOrgId,
      kind: 'notice',
      title: input.title,
      doc_number: input.docNumber,
      doc_prefix: null,
      doc_year: null,
      doc_serial: null,
      secrecy: 'none',
      secrecy_term: null,
      urgency: input.urgency ?? 'normal',
      status: 'issued',
      current_step: null,
      revision: 9,
      body_html: '<p>正文</p>',
      body_version: 1,
      note: null,
      signer_name: '李盟长',
      signer_id: null,
      signed_at: now,
      document_date: now.slice(0, 10),
      drafted_by: 'factory',
      drafted_by_name: '测试',
      sealed_at: now,
      issued_at: now,
      final_file_id: file.id,
      in_reply_to: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const deliveries: string[] = [];
  for (const recipient of input.recipients) {
    const id = newId();
    deliveries.push(id);
    await db.insertInto('document_deliveries').values({ id, document_id: documentId, org_id: recipient.orgId, role: recipient.role, channel: 'local', delivered_at: now }).execute();
  }
  return { documentId, deliveries, fileId: file.id };
}

/**
 * For the permission matrix: in each of two organisations, an incoming document waiting for 签收 and
 * a 件 filed from another one that went the whole way (signed, registered, accepted, instructed as
 * 阅件, finished and filed through the services, by actors holding the organisation's roles).
 */
export async function matrixReceivingFixtures(database: DatabaseHandle, orgIds: { own: string; other: string }, config = testConfig()) {
  const ctx = createAppContext({ config, database, clock: systemClock });
  const services = receivingServices(ctx);
  const actorOf = (orgId: string, role: 'clerk' | 'leader'): Acting => ({
    actor: { userId: `matrix-${role}-${orgId}`, username: `matrix.${role}`, displayName: `矩阵${role}`, orgId, roles: [{ role, orgId, scope: 'org' }], isDemo: false, sessionId: 'matrix' },
    who: { actorId: null, actorName: `matrix.${role}`, orgId },
  });
  const pdf = await testPdf(['Matrix notice']);
  const make = async (orgId: string) => {
    const parent = (await services.orgs.detail(orgId)).parentId ?? orgId;
    const issue = async (title: string) =>
      (await insertIssued(ctx.db, services.files, ctx.clock, { senderOrgId: parent, recipients: [{ orgId, role: 'main' }], title, docNumber: `矩阵〔2026〕${newId().slice(-6)}号`, pdf })).deliveries[0]!;
    const pending = await issue('矩阵测试待签收来文');
    const done = await issue('矩阵测试已归档来文');
    const clerk = actorOf(orgId, 'clerk');
    await services.receive.sign(clerk, done);
    await services.receive.register(clerk, done);
    await services.receive.review(clerk, done, { decision: 'accept' });
    await services.receive.instruct(actorOf(orgId, 'leader'), done, { instruction: '阅知', coOrgIds: [] });
    await services.receive.complete(clerk, done, { result: '已阅' });
    const archiveId = await services.archive.file(clerk, { source: 'received', incomingId: done, retention: 'D10' });
    return { incoming: { id: pending }, archive: { id: archiveId } };
  };
  const own = await make(orgIds.own);
  const other = await make(orgIds.other);
  return { incoming: { own: own.incoming, other: other.incoming }, archive: { own: own.archive, other: other.archive } };
}

/**
 * A seeded app on a fixed clock with the demo accounts signed in, and a factory for documents as
 * the sending side leaves them at 核发: a sealed PDF (the sender's real GB/T 38540 seal) in the file
 * store, the `documents` row issued, and one local `document_deliveries` row per recipient.
 */
export async function receivingFixture(database: FreshDatabase, clock: FixedClock, options: { config?: ReturnType<typeof testConfig> } = {}) {
  const config = options.config ?? testConfig();
  const app = await seededApp(database, { clock, config });
  const ctx: AppContext = createAppContext({ config, database, clock });
  const orgs = createOrgService(ctx);
  const ids = Object.fromEntries(await Promise.all(Object.entries(refs).map(async ([k, ref]) => [k, (await orgs.get(ref)).id]))) as Record<keyof typeof refs, string>;
  const cookies = {
    clerk: await signIn(app, 'xsh.clerk'),
    leader: await signIn(app, 'xsh.leader'),
    fgw: await signIn(app, 'fgw.clerk'),
    ulh: await signIn(app, 'ulh.clerk'),
  };
  const files = createFileStore(config, clock);
  const pki = createPkiService(ctx, { keys: ctx.keys });
  const sealed = new Set<string>();
  let serial = 0;

  async function issue(options: IssueOptions): Promise<{ documentId: string; deliveries: Record<string, string>; fileId: string; pdf: Buffer }> {
    const orgId = ids[options.from];
    if (!sealed.has(orgId)) {
      await pki.ensureRoot();
      await pki.issue({ kind: 'seal', orgKey: orgId, name: `${options.from}公章`, profile: 'sm2' });
      sealed.add(orgId);
    }
    const pdf = (await sealDocument(ctx, { orgId, pdf: await testPdf(['Notice', 'Annex 1']) })).pdf;
    serial += 1;
    const { documentId, deliveries: rows, fileId } = await insertIssued(database.db, files, clock, {
      senderOrgId: orgId,
      recipients: options.to.map((to, i) => ({ orgId: ids[to], role: i === 0 ? ('main' as const) : ('copy' as const) })),
      title: options.title ?? `关于做好第${serial}项工作的通知`,
      docNumber: options.docNumber ?? `兴发改发〔2026〕${serial}号`,
      urgency: options.urgency ?? 'normal',
      pdf,
    });
    const deliveries = Object.fromEntries(options.to.map((to, i) => [to, rows[i]!]));
    return { documentId, deliveries, fileId, pdf };
  }

  /** A reply document (复文) answering an incoming item, issued by `from`. */
  async function reply(from: keyof typeof refs, incomingId: string, issued = true): Promise<string> {
    const { documentId } = await issue({ from, to: [], title: '关于有关事项的复函' });
    await database.db
      .updateTable('documents')
      .set({ in_reply_to: incomingId, ...(issued ? {} : { issued_at: null, status: 'signed' }) })
      .where('id', '=', documentId)
      .execute();
    return documentId;
  }

  const worker = new JobWorker({ db: database.db, clock });
  for (const [queue, handler] of Object.entries(receivingJobs(ctx))) worker.register(queue, handler);

  async function call(cookie: string | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; json: Json; body: string }> {
    const response = await (app as FastifyInstance).inject({
      method,
      url: `/api/v1${url}`,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: response.statusCode, json: response.body.startsWith('{') ? response.json() : undefined, body: response.body };
  }

  /** Takes an item from its delivery through 签收, 登记, 初审, (拟办) and 批办 to the lead unit. */
  async function throughInstruction(id: string, instruction: Record<string, unknown>) {
    for (const [cookie, path, body] of [
      [cookies.clerk, 'sign', undefined],
      [cookies.clerk, 'register', undefined],
      [cookies.clerk, 'review', { decision: 'accept' }],
      [cookies.clerk, 'propose', { opinion: '建议请发改委牵头办理' }],
      [cookies.leader, 'instruct', instruction],
    ] as const) {
      const r = await call(cookie, 'POST', `/documents/incoming/${id}/${path}`, body);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.body}`);
    }
  }

  /** A delivered document taken all the way to 办结 by the lead unit. */
  async function completed(from: keyof typeof refs = 'jyj', title?: string): Promise<{ id: string; documentId: string; pdf: Buffer }> {
    const doc = await issue({ from, to: ['xsh'], ...(title ? { title } : {}) });
    const id = doc.deliveries.xsh!;
    await throughInstruction(id, { instruction: '请发改委办理', leadOrgId: ids.fgw, workingDays: 5 });
    const done = await call(cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '已办理完毕' });
    if (done.status !== 200) throw new Error(`complete: ${done.status} ${done.body}`);
    return { id, documentId: doc.documentId, pdf: doc.pdf };
  }

  return { app, ctx, ids, cookies, issue, reply, call, worker, files, throughInstruction, completed };
}
