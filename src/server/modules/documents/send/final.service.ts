import { AppError } from '../../../platform/errors/app-error.js';
import { upwardKinds } from '../../../../shared/documents.js';
import type { Prepared } from './access.js';
import { documentRepository as docs } from './document.repository.js';
import { indexDocument } from '../search/document-index.js';
import { routeDeliveries, unreachable } from './delivery.js';
import { officialInput } from './final-copy.js';
import { flowRepository as flow } from './flow.repository.js';
import { copyIdsOf, mainIdsOf } from './load.js';
import { countersigners } from './flow.service.js';
import type { OrgNode } from './org-graph.js';
import type { Acting, SendDeps } from './send.deps.js';
import { advance, completeTask, recordEvent, runStep } from './step-runner.js';
import { today } from './tasks.js';

const path = (id: string, action: string) => `/api/v1/documents/${id}/${action}`;

/** 发文字号 `机关代字〔年份〕序号号`: full year, no 第, no leading zeros. */
export const formatDocNumber = (prefix: string, year: number, serial: number): string => `${prefix}〔${year}〕${serial}号`;

/** The steps that make the document final: 编号登记, 用印, 核发. */
export function finalService(deps: SendDeps) {
  const { db, clock, audit, files, finalCopy } = deps;

  /** Lays the document out as it stands now, sealed or not, and stores the PDF. */
  async function makeFinal(acting: Acting, { doc, graph }: Prepared, sealed: boolean) {
    const node = async (id: string) => (await graph.node(id)) as OrgNode;
    const issuer = await node(doc.row.org_id);
    const coIssuers = await Promise.all(doc.coIssuers.map(node));
    const mains = await Promise.all(mainIdsOf(doc).map(node));
    const upward =
      upwardKinds.includes(doc.row.kind) ||
      (mains.length > 0 && (await graph.direction(issuer.id, mains[0]!.id)) === 'up');
    const attachments = await docs.attachments(db, doc.row.id);
    const input = officialInput({
      row: doc.row,
      issuer,
      coIssuers,
      office: await graph.officeOf(issuer.id),
      mains,
      copies: await Promise.all(copyIdsOf(doc).map(node)),
      attachmentTitles: attachments.map((a) => a.title),
      signers: upward && doc.row.signer_name ? [doc.row.signer_name, ...(await countersigners(deps, doc))] : [],
      sealed,
      printedOn: today(clock),
    });
    let pdf = await finalCopy.render(input);
    if (sealed) {
      for (const org of [issuer, ...coIssuers]) pdf = await finalCopy.seal({ orgId: org.id, pdf, at: clock.now(), who: acting.who });
    }
    const name = `${doc.row.doc_number ?? doc.row.title}.pdf`;
    return files.put(db, pdf, { name, allowedTypes: ['application/pdf'], maxBytes: Number.MAX_SAFE_INTEGER, createdBy: acting.actor.userId });
  }

  return {
    /**
     * 编号登记: takes the next serial of the 机关代字 (the issuer's first unless named) and the year, in
     * the registration's transaction, so numbers are consecutive and never duplicated even when clerks
     * register at the same moment. A document returned after registration keeps its number.
     */
    register: (acting: Acting, id: string, prefix: string | undefined) =>
      runStep(deps, acting, id, {
        step: 'register',
        path: path(id, 'register'),
        before: async ({ doc, graph }) => {
          if (doc.row.doc_number) return { prefix: doc.row.doc_prefix!, year: Number(doc.row.doc_year) };
          const issuer = (await graph.node(doc.row.org_id))!;
          const chosen = prefix ?? issuer.docPrefixes[0];
          if (!chosen) throw new AppError('documents.no_doc_prefix', { details: { orgId: issuer.id } });
          if (!issuer.docPrefixes.includes(chosen)) {
            throw new AppError('documents.prefix_not_of_org', { details: { prefix: chosen, allowed: issuer.docPrefixes } });
          }
          return { prefix: chosen, year: Number(today(clock).slice(0, 4)) };
        },
        run: async (ctx, { prefix: chosen, year }) => {
          const row = ctx.doc.row;
          const serial = row.doc_number ? Number(row.doc_serial) : await flow.nextSerial(ctx.trx, chosen, year);
          const docNumber = row.doc_number ?? formatDocNumber(chosen, year, serial);
          await completeTask(ctx, acting, 'register');
          await advance(ctx, 'register', { doc_number: docNumber, doc_prefix: chosen, doc_year: year, doc_serial: serial });
          await recordEvent(ctx, acting, { step: 'register', action: 'register', orgId: row.org_id, opinion: docNumber });
          await indexDocument(ctx.trx, files, id);
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.register',
            object: { type: 'document', id },
            details: { docNumber, prefix: chosen, year, serial },
          });
        },
      }),

    /**
     * 用印: lays out the final copy (GB/T 9704) with the red seal drawn over each issuer's 署名, signs
     * it with each issuer's SM2 seal (GB/T 38540) and keeps the sealed PDF in the file store.
     */
    seal: (acting: Acting, id: string) =>
      runStep(deps, acting, id, {
        step: 'seal',
        path: path(id, 'seal'),
        before: (prepared) => makeFinal(acting, prepared, true),
        run: async (ctx, file) => {
          await completeTask(ctx, acting, 'seal');
          await advance(ctx, 'seal', { final_file_id: file.id, sealed_at: ctx.now });
          await recordEvent(ctx, acting, { step: 'seal', action: 'seal', orgId: ctx.doc.row.org_id });
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.seal',
            object: { type: 'document', id },
            details: { fileId: file.id, sha256: file.sha256, sealed: true },
          });
        },
      }),

    /**
     * 核发: delivers to every 主送 and 抄送 organisation at once, in one transaction with one bulk
     * insert per channel. Without a 用印 step the unsealed final copy is made here.
     */
    issue: (acting: Acting, id: string) =>
      runStep(deps, acting, id, {
        step: 'issue',
        path: path(id, 'issue'),
        before: async (prepared) => {
          const recipients = prepared.doc.recipients.map((r) => ({ orgId: r.org_id, role: r.role }));
          const routes = await routeDeliveries(deps.channels, recipients);
          const lost = routes.find((r) => r.channel === unreachable);
          if (lost) throw new AppError('documents.delivery_channel_unavailable', { details: { orgIds: lost.recipients.map((r) => r.orgId) } });
          const file = prepared.doc.row.final_file_id ? null : await makeFinal(acting, prepared, false);
          return { routes, file };
        },
        run: async (ctx, { routes, file }) => {
          await completeTask(ctx, acting, 'issue');
          await advance(ctx, 'issue', { issued_at: ctx.now, ...(file ? { final_file_id: file.id } : {}) });
          const delivered = [];
          for (const route of routes) delivered.push(...(await route.channel.deliver(ctx.trx, ctx.doc.row, route.recipients, ctx.now)));
          const local = delivered.filter((d) => d.channel === 'local').length;
          await recordEvent(ctx, acting, { step: 'issue', action: 'issue', orgId: ctx.doc.row.org_id });
          await indexDocument(ctx.trx, files, id);
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.issue',
            object: { type: 'document', id },
            details: { deliveries: delivered.length, local, exchange: delivered.length - local },
          });
        },
      }),

    /** The final PDF, for whoever may read the document. */
    finalFile: (fileId: string) => files.get(db, fileId),
  };
}

export type FinalService = ReturnType<typeof finalService>;
