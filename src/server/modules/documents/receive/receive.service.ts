import type { Db, Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditAction, AuditContext, AuditEvents, AuditLog } from '../../../platform/audit/index.js';
import { addWorkingDays, toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, holdsAnyRole } from '../../../platform/policy/index.js';
import { receiptNumber, type IncomingEventAction, type IncomingStep } from '../../../../shared/documents-receiving.js';
import type { OrgService } from '../../orgs/index.js';
import { OrgLookup } from './org-lookup.js';
import { readerRepository } from './reader.repository.js';
import { incomingPolicy } from './receive.policy.js';
import { receiveRepository as repo } from './receive.repository.js';
import type { IncomingView } from './receive.schema.js';
import { incomingView } from './receive.present.js';
import { authorizeStep, loadItem, orgPathsOf, scopeOf, type LoadedItem } from './receive.scope.js';
import type { IncomingRow, IncomingRowUpdate } from './receive.table.js';
import { scheduleReminders } from './reminders.js';
import './receive.audit.js';
import './receive.errors.js';

/** What receiving needs to know of filing (the archive side answers; receiving does not import it). */
export interface FilingLookup {
  /** The 件 an incoming item was filed as, if any. */
  archiveOf(incomingId: string): Promise<{ id: string; archivalCode: string } | undefined>;
  /** Which of these incoming items are filed. */
  filedAmong(incomingIds: readonly string[]): Promise<Set<string>>;
}

export interface ReceiveDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly filing: FilingLookup;
}

/** Who acts: the signed-in actor and the request's audit fields. */
export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}

type Stored = LoadedItem;


/**
 * The receiving steps (收文): 签收 → 登记 → 初审 (or 退回) → 拟办 → 批办 → 承办 → 办结, with 传阅 and 催办
 * alongside. Each step authorises against the item as loaded, then commits its change, its
 * processing-record event and its audit event in one transaction, and only if the item is still at
 * the revision it was read at: a second click or a concurrent colleague gets a 409, never a double step.
 */
export function createReceiveService(deps: ReceiveDeps) {
  const { db, clock, audit, orgs } = deps;
  const graph = () => new OrgLookup(orgs);
  const today = () => toBusinessDate(clock.now());
  const isFiled = async (incomingId: string) => (await deps.filing.archiveOf(incomingId)) !== undefined;

  async function detail(actor: Actor, id: string, g = graph()): Promise<IncomingView> {
    const item = await loadItem(db, id, isFiled);
    const scope = await scopeOf(g, item);
    authorize(actor, incomingPolicy, 'read', scope);
    const [events, reminders, replies, filed] = await Promise.all([
      repo.events(db, id),
      repo.reminders(db, id),
      repo.repliesTo(db, id),
      deps.filing.archiveOf(id),
    ]);
    return incomingView(item, g, actor, scope, today(), { events, reminders, replies, archive: filed ?? null });
  }

  /** Loads a stored item and authorises `action` on it. */
  async function loadFor(acting: Acting, id: string, action: Parameters<typeof authorizeStep>[2], g: OrgLookup): Promise<Stored> {
    const item = await loadItem(db, id, isFiled);
    authorizeStep(acting.actor, await scopeOf(g, item), action);
    return item as Stored;
  }

  async function event(trx: Trx, acting: Acting, row: Pick<IncomingRow, 'id' | 'org_id'>, action: IncomingEventAction, opinion: string | null, details?: object) {
    await repo.insertEvent(trx, {
      id: newId(),
      incoming_id: row.id,
      action,
      org_id: row.org_id,
      actor_id: acting.actor.userId,
      actor_name: acting.actor.displayName,
      opinion,
      details: details ? JSON.stringify(details) : null,
      at: clock.now().toISOString(),
    });
  }

  async function audited<A extends AuditAction>(trx: Trx, acting: Acting, id: string, action: A, details: AuditEvents[A]) {
    await audit.append(trx, { ...acting.who, action, object: { type: 'incoming-document', id }, details } as Parameters<AuditLog['append']>[1]);
  }

  /** Moves a stored item on, failing with a 409 when someone acted on it since it was read. */
  async function advance(trx: Trx, item: Stored, steps: readonly IncomingStep[], changes: IncomingRowUpdate): Promise<void> {
    const moved = await repo.advance(trx, item.row.id, { step: steps, revision: item.row.revision }, { ...changes, updated_at: clock.now().toISOString() });
    if (!moved) throw new AppError('documents.incoming_changed_concurrently', { details: { id: item.row.id } });
  }

  /** A receipt for the sender of a delivered document (签收, 退回, 办结). */
  async function receipt(trx: Trx, acting: Acting, row: IncomingRow, kind: 'signed' | 'returned' | 'completed', extra: { reason?: string; replyDocumentId?: string | null } = {}) {
    if (!row.delivery_id || !row.document_id) return;
    await repo.insertReceipt(trx, {
      id: newId(),
      delivery_id: row.delivery_id,
      document_id: row.document_id,
      org_id: row.org_id,
      kind,
      actor_name: acting.actor.displayName,
      reason: extra.reason ?? null,
      reply_document_id: extra.replyDocumentId ?? null,
      at: clock.now().toISOString(),
    });
  }

  /** Units named by a 批办 must be the receiving organisation or below it, each once. */
  async function checkUnits(g: OrgLookup, orgId: string, leadOrgId: string | undefined, coOrgIds: readonly string[]) {
    const ids = [...(leadOrgId ? [leadOrgId] : []), ...coOrgIds];
    if (new Set(ids).size !== ids.length || (!leadOrgId && coOrgIds.length)) throw new AppError('documents.incoming_unit_invalid', { details: { leadOrgId, coOrgIds } });
    const { org } = await orgPathsOf(g, orgId);
    const nodes = await g.nodes(ids);
    const outside = ids.filter((id) => !nodes.get(id)?.path.startsWith(org.path));
    if (outside.length) throw new AppError('documents.incoming_unit_invalid', { details: { outside } });
  }

  return {
    detail,

    /**
     * 签收: the organisation takes the delivered document; the sender gets a receipt with who and
     * when. The particulars are read again from the document (its final copy may have been made in
     * the 核发 transaction after the delivery rows).
     */
    async sign(acting: Acting, id: string): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'sign', g);
      const doc = item.row.document_id ? await repo.findDocument(db, item.row.document_id) : undefined;
      const sender = item.row.sender_org_id ? await g.node(item.row.sender_org_id) : undefined;
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const moved = await repo.advance(trx, id, { step: ['pending'], revision: item.row.revision }, {
          step: 'signed',
          signed_at: at,
          signed_by: acting.actor.userId,
          signed_by_name: acting.actor.displayName,
          sender_name: sender?.nameZh ?? item.row.sender_name ?? '',
          ...(doc ? { title: doc.title, sender_number: doc.doc_number, file_id: doc.final_file_id, document_date: doc.document_date } : {}),
          updated_at: at,
        });
        if (!moved) throw new AppError('documents.incoming_already_signed');
        await event(trx, acting, item.row, 'sign', null);
        await receipt(trx, acting, item.row, 'signed');
        await audited(trx, acting, id, 'documents.incoming_sign', { documentId: item.row.document_id ?? '', orgId: item.row.org_id });
      });
      return detail(acting.actor, id, g);
    },

    /** 登记: the next 收文编号 of the organisation and year (Asia/Shanghai). */
    async register(acting: Acting, id: string): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'register', g);
      const year = Number(today().slice(0, 4));
      await db.transaction().execute(async (trx) => {
        const serial = await repo.nextReceiptSerial(trx, item.row.org_id, year);
        const number = receiptNumber(year, serial);
        await advance(trx, item, ['signed'], { step: 'registered', receipt_year: year, receipt_serial: serial, receipt_number: number, registered_at: clock.now().toISOString() });
        await event(trx, acting, item.row, 'register', null, { receiptNumber: number });
        await audited(trx, acting, id, 'documents.incoming_register', { receiptNumber: number, year, serial });
      });
      return detail(acting.actor, id, g);
    },

    /** 初审: accepted, or returned to the sender with the reason (the sender sees it in the receipts). */
    async review(acting: Acting, id: string, body: { decision: 'accept'; opinion?: string | undefined } | { decision: 'return'; reason: string }): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'review', g);
      await db.transaction().execute(async (trx) => {
        if (body.decision === 'accept') {
          await advance(trx, item, ['registered'], { step: 'reviewed' });
          await event(trx, acting, item.row, 'review', body.opinion ?? null, { accepted: true });
          await audited(trx, acting, id, 'documents.incoming_review', { accepted: true, reason: null });
        } else {
          await advance(trx, item, ['registered'], { step: 'returned', returned_at: clock.now().toISOString(), return_reason: body.reason });
          await event(trx, acting, item.row, 'return', body.reason);
          await receipt(trx, acting, item.row, 'returned', { reason: body.reason });
          await audited(trx, acting, id, 'documents.incoming_review', { accepted: false, reason: body.reason });
        }
      });
      return detail(acting.actor, id, g);
    },

    /** 拟办: the office's proposal to the leader. */
    async propose(acting: Acting, id: string, body: { opinion: string; leadOrgId?: string | undefined }): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'propose', g);
      if (body.leadOrgId) await checkUnits(g, item.row.org_id, body.leadOrgId, []);
      await db.transaction().execute(async (trx) => {
        await advance(trx, item, ['reviewed'], { step: 'proposed', proposal: body.opinion });
        await event(trx, acting, item.row, 'propose', body.opinion, body.leadOrgId ? { suggestedLeadOrgId: body.leadOrgId } : undefined);
        await audited(trx, acting, id, 'documents.incoming_propose', { opinion: body.opinion });
      });
      return detail(acting.actor, id, g);
    },

    /**
     * 批办: the leader's instruction names the lead unit, co-units and a deadline in working days
     * (official calendar); reminders are queued with it. Without a lead unit the document is for
     * reading only (阅件) and has no deadline.
     */
    async instruct(
      acting: Acting,
      id: string,
      body: { instruction: string; leadOrgId?: string | undefined; coOrgIds: string[]; workingDays?: number | undefined },
    ): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'instruct', g);
      await checkUnits(g, item.row.org_id, body.leadOrgId, body.coOrgIds);
      if (body.leadOrgId && body.workingDays === undefined) {
        throw new AppError('request.invalid', { fields: [{ path: 'workingDays', message: '指定承办单位时须填写办理时限（工作日）' }] });
      }
      if (!body.leadOrgId && body.workingDays !== undefined) {
        throw new AppError('request.invalid', { fields: [{ path: 'workingDays', message: '阅件（无承办单位）没有办理时限' }] });
      }
      const now = today();
      const deadline = body.leadOrgId ? addWorkingDays(now, body.workingDays!) : null;
      await db.transaction().execute(async (trx) => {
        await advance(trx, item, ['reviewed', 'proposed'], {
          step: 'instructed',
          instruction: body.instruction,
          instructed_at: clock.now().toISOString(),
          instructed_by_name: acting.actor.displayName,
          lead_org_id: body.leadOrgId ?? null,
          deadline,
        });
        await repo.replaceUnits(trx, { id, step: 'instructed', received_at: item.row.received_at }, [...(body.leadOrgId ? [{ orgId: body.leadOrgId, role: 'lead' as const }] : []), ...body.coOrgIds.map((orgId) => ({ orgId, role: 'co' as const }))]);
        if (deadline) await scheduleReminders(trx, clock, id, deadline, now);
        await event(trx, acting, item.row, 'instruct', body.instruction, { leadOrgId: body.leadOrgId ?? null, coOrgIds: body.coOrgIds, workingDays: body.workingDays ?? null, deadline });
        await audited(trx, acting, id, 'documents.incoming_instruct', { leadOrgId: body.leadOrgId ?? null, coOrgIds: body.coOrgIds, deadline, workingDays: body.workingDays ?? null });
      });
      return detail(acting.actor, id, g);
    },

    /** 承办: the lead unit records its handling (the item moves to 承办中); a co-unit its 协办 opinion. */
    async handle(acting: Acting, id: string, body: { opinion: string }): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'handle', g);
      const nodes = await g.nodes(item.units.map((u) => u.org_id));
      const mine = (u: (typeof item.units)[number]) => holdsAnyRole(acting.actor, ['clerk', 'staff', 'leader'], nodes.get(u.org_id)?.path ?? null);
      // Someone in both the lead and a co-unit acts as the lead.
      const unit = item.units.find((u) => u.role === 'lead' && mine(u)) ?? item.units.find(mine)!;
      const asLead = unit.role === 'lead';
      await db.transaction().execute(async (trx) => {
        await advance(trx, item, ['instructed', 'handling'], { step: 'handling' });
        await event(trx, acting, { id, org_id: unit.org_id }, 'handle', body.opinion, { role: asLead ? 'lead' : 'co' });
        await audited(trx, acting, id, 'documents.incoming_handle', { orgId: unit.org_id, role: asLead ? 'lead' : 'co' });
      });
      return detail(acting.actor, id, g);
    },

    /** 传阅: sends the document to readers of the receiving organisation; their reading is tracked. */
    async circulate(acting: Acting, id: string, body: { userIds: string[]; note?: string | undefined }): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'circulate', g);
      const { org } = await orgPathsOf(g, item.row.org_id);
      const office = await g.officeOf(org.id);
      const candidates = new Map((await readerRepository.candidates(db, [org.id, ...(office ? [office.id] : [])])).map((r) => [r.id, r]));
      const unknown = body.userIds.filter((u) => !candidates.has(u));
      if (unknown.length) throw new AppError('documents.incoming_reader_invalid', { details: { userIds: unknown } });
      const at = clock.now().toISOString();
      const readers = [...new Set(body.userIds)].map((u) => candidates.get(u)!);
      await db.transaction().execute(async (trx) => {
        const added = await repo.addCirculation(
          trx,
          readers.map((r) => ({ incoming_id: id, user_id: r.id, user_name: r.displayName, sent_by_name: acting.actor.displayName, sent_at: at, read_at: null, comment: null })),
        );
        await event(trx, acting, item.row, 'circulate', body.note ?? null, { readers: readers.map((r) => ({ userId: r.id, name: r.displayName })) });
        await audited(trx, acting, id, 'documents.incoming_circulate', { userIds: readers.map((r) => r.id), added });
      });
      return detail(acting.actor, id, g);
    },

    /** A reader marks the circulated document read, with an optional 阅批 comment. */
    async markRead(acting: Acting, id: string, body: { comment?: string | undefined }): Promise<IncomingView> {
      const g = graph();
      const item = await loadItem(db, id, isFiled);
      const scope = await scopeOf(g, item);
      authorize(acting.actor, incomingPolicy, 'read', scope);
      const mine = item.circulation.find((c) => c.user_id === acting.actor.userId);
      if (!mine) throw new AppError('documents.incoming_not_circulated_to_you');
      if (mine.read_at) throw new AppError('documents.incoming_already_read');
      const row = item.row;
      await db.transaction().execute(async (trx) => {
        const marked = await repo.markRead(trx, id, acting.actor.userId, clock.now().toISOString(), body.comment ?? null);
        if (!marked) throw new AppError('documents.incoming_already_read');
        await event(trx, acting, row, 'read', body.comment ?? null);
        await audited(trx, acting, id, 'documents.incoming_read', { comment: Boolean(body.comment) });
      });
      return detail(acting.actor, id, g);
    },

    /** 催办 by hand (the automatic ones are jobs, see reminders.ts). */
    async remind(acting: Acting, id: string, body: { message?: string | undefined }): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'remind', g);
      const deadline = item.row.deadline;
      if (!deadline) throw new AppError('documents.incoming_no_deadline');
      const message = body.message ?? `请于 ${deadline} 前办结`;
      await db.transaction().execute(async (trx) => {
        const sequence = (await repo.countManualReminders(trx, id)) + 1;
        const at = clock.now().toISOString();
        await repo.insertReminder(trx, { id: newId(), incoming_id: id, kind: 'manual', deadline, sequence, message, by_name: acting.actor.displayName, at });
        await repo.noteReminder(trx, id, at);
        await event(trx, acting, item.row, 'remind', message, { kind: 'manual', deadline, sequence });
        await audited(trx, acting, id, 'documents.incoming_remind', { kind: 'manual', deadline, sequence });
      });
      return detail(acting.actor, id, g);
    },

    /** 办结 with the result, linked to the reply (复文) when one was sent; the sender gets a receipt. */
    async complete(acting: Acting, id: string, body: { result: string; replyDocumentId?: string | undefined }): Promise<IncomingView> {
      const g = graph();
      const item = await loadFor(acting, id, 'complete', g);
      const replies = await repo.repliesTo(db, id);
      let replyId: string | null = null;
      if (body.replyDocumentId) {
        const reply = replies.find((r) => r.id === body.replyDocumentId);
        if (!reply?.issued_at) throw new AppError('documents.incoming_reply_invalid', { details: { replyDocumentId: body.replyDocumentId } });
        replyId = reply.id;
      } else {
        replyId = replies.find((r) => r.issued_at !== null)?.id ?? null;
      }
      await db.transaction().execute(async (trx) => {
        await advance(trx, item, ['instructed', 'handling'], {
          step: 'completed',
          completed_at: clock.now().toISOString(),
          completed_by_name: acting.actor.displayName,
          result: body.result,
          reply_document_id: replyId,
        });
        await event(trx, acting, item.row, 'complete', body.result, replyId ? { replyDocumentId: replyId } : undefined);
        await receipt(trx, acting, item.row, 'completed', { replyDocumentId: replyId });
        await audited(trx, acting, id, 'documents.incoming_complete', { replyDocumentId: replyId });
      });
      return detail(acting.actor, id, g);
    },

    /** The people a document may be circulated to (the receiving organisation's and its 办公室's). */
    async readers(actor: Actor, id: string) {
      const g = graph();
      const item = await loadItem(db, id, isFiled);
      authorize(actor, incomingPolicy, 'read', await scopeOf(g, item));
      const orgId = item.row.org_id;
      const office = await g.officeOf(orgId);
      return readerRepository.candidates(db, [orgId, ...(office ? [office.id] : [])]);
    },
  };
}

export type ReceiveService = ReturnType<typeof createReceiveService>;
