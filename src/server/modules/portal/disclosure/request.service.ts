import { randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditContext } from '../../../platform/audit/index.js';
import { addWorkingDays } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize } from '../../../platform/policy/index.js';
import { fieldCipher } from '../../../platform/sealed-data/index.js';
import {
  openRequestStatuses,
  replyKinds,
  requestActions,
  requestLimits,
  requestStatuses,
  type RequestAction,
  type RequestStatus,
} from '../../../../shared/disclosure.js';
import { todayOf, type Acting, type DisclosureDeps } from './disclosure.deps.js';
import { requestPolicy, type DisclosureScope } from './disclosure.policy.js';
import { disclosureRepository as repo } from './disclosure.repository.js';
import type { DisclosureRequestRow, DisclosureRequestUpdate } from './disclosure.table.js';
import { consultationPause, correctionLastDay, deadlineState, replyDeadline } from './request.clock.js';
import { renderNotice } from './request.notice.js';
import { checkApplicantIds, maskedApplicant, openApplicant, sealApplicant } from './request.personal.js';
import { scheduleReminders } from './request.reminders.js';
import type { ReplyBody, RequestListQuery, RequestSubmit, RequestView, TrackedView } from './request.schema.js';
import { checkReply } from './request.reply.js';
import './disclosure.audit.js';
import './disclosure.errors.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `YSQ2026K7M2QX`: 依申请 + year + six characters easy to read aloud. */
export function newTrackingCode(year: string): string {
  let code = `YSQ${year}`;
  for (let i = 0; i < 6; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function toRequestView(row: DisclosureRequestRow, masked: ReturnType<typeof maskedApplicant>, today: string, actions: RequestView['actions']): RequestView {
  const open = (openRequestStatuses as readonly string[]).includes(row.status);
  return {
    id: row.id,
    orgId: row.org_id,
    trackingCode: row.tracking_code,
    applicantKind: row.applicant_kind,
    applicantName: row.applicant_name,
    ...masked,
    content: row.content,
    purpose: row.purpose,
    form: row.form,
    status: row.status,
    receivedOn: row.received_on,
    clockStart: row.clock_start,
    deadline: row.deadline,
    deadlineState: open ? deadlineState(row.deadline, today) : null,
    pausedDays: Number(row.paused_days),
    extensionDays: Number(row.extension_days),
    extensionReason: row.extension_reason,
    correctionNotice: row.correction_notice,
    correctionOn: row.correction_on,
    correctionLastDay: row.correction_on ? null : correctionLastDay(row.received_on),
    correctedOn: row.corrected_on,
    consultationParty: row.consultation_party,
    consultationOn: row.consultation_on,
    consultationEndedOn: row.consultation_ended_on,
    replyKind: row.reply_kind,
    replyGround: row.reply_ground,
    replyReason: row.reply_reason,
    replyBasis: row.reply_basis,
    replyLocation: row.reply_location,
    replyHolder: row.reply_holder,
    replyText: row.reply_text,
    repliedOn: row.replied_on,
    noticeAvailable: row.reply_file_id !== null,
    revision: Number(row.revision),
    actions,
  };
}

interface StepOutcome {
  readonly changes: DisclosureRequestUpdate;
  readonly note: string | null;
  /** More changes made inside the step's transaction (storing the 告知书). */
  readonly within?: (trx: Trx) => Promise<DisclosureRequestUpdate>;
}

/**
 * Online requests (依申请公开): submission with a tracking code and the statutory deadline, the
 * handling steps (受理, 补正, 第三方征求意见, 延期, 答复 with the 告知书), reminders, and tracking.
 * Each step writes only onto the revision it read, records a history event and an audit event in
 * one transaction, and re-queues the reminders when the deadline moves.
 */
export function createRequestService(deps: DisclosureDeps) {
  const { db, clock, audit, orgs } = deps;
  const cipher = () => fieldCipher(deps.keys);

  async function loadScoped(id: string): Promise<{ row: DisclosureRequestRow; scope: DisclosureScope }> {
    const row = await repo.findRequest(db, id);
    const path = row && (await orgs.pathOf(row.org_id));
    if (!row || !path) throw new AppError('disclosure.request_not_found');
    return { row, scope: { path } };
  }

  const view = (actor: Actor | null, row: DisclosureRequestRow, scope: DisclosureScope) =>
    toRequestView(row, maskedApplicant(cipher(), row), todayOf(clock), actor ? allowedActions(actor, requestPolicy, scope) : []);

  async function addEvent(trx: Trx, row: DisclosureRequestRow, action: RequestAction, who: { id: string | null; name: string }, note: string | null, deadline: string | null): Promise<void> {
    await repo.insertEvent(trx, { id: newId(), request_id: row.id, action, actor_id: who.id, actor_name: who.name, note, deadline, at: clock.now().toISOString() });
  }

  /** Runs one handling step: state check, the change on the read revision, history, audit, reminders. */
  async function step(
    acting: Acting,
    id: string,
    action: RequestAction,
    from: readonly RequestStatus[],
    expected: number | undefined,
    decide: (row: DisclosureRequestRow, today: string) => StepOutcome | Promise<StepOutcome>,
  ): Promise<DisclosureRequestRow> {
    const { row, scope } = await loadScoped(id);
    authorize(acting.actor, requestPolicy, 'handle', scope);
    if (expected !== undefined && expected !== Number(row.revision)) throw new AppError('disclosure.changed_concurrently');
    if (!from.includes(row.status)) throw new AppError('disclosure.request_state', { details: { status: row.status, action } });
    const today = todayOf(clock);
    const { changes, note, within } = await decide(row, today);
    await db.transaction().execute(async (trx) => {
      const more = within ? await within(trx) : {};
      const written = await repo.updateRequest(trx, id, Number(row.revision), { ...changes, ...more, updated_at: clock.now().toISOString() });
      if (!written) throw new AppError('disclosure.changed_concurrently');
      const after = (await repo.findRequest(trx, id))!;
      await addEvent(trx, after, action, { id: acting.actor.userId, name: acting.actor.displayName }, note, after.deadline);
      await audit.append(trx, {
        ...acting.who,
        action: 'disclosure.request_step',
        object: { type: 'disclosure-request', id },
        details: { action, from: row.status, to: after.status, deadline: after.deadline, note },
      });
      if (after.deadline && after.deadline !== row.deadline && (openRequestStatuses as readonly string[]).includes(after.status)) {
        await scheduleReminders(trx, clock, id, after.deadline, today);
      }
    });
    return (await repo.findRequest(db, id))!;
  }

  /** The request of a tracking code, if the phone's last four digits match (else one answer for both failures). */
  async function tracked(code: string, phoneLast4: string): Promise<DisclosureRequestRow> {
    const row = await repo.findRequestByCode(db, code);
    if (!row || !openApplicant(cipher(), row).phone.endsWith(phoneLast4)) throw new AppError('disclosure.tracking_failed');
    return row;
  }

  return {
    /** Receives a request: seals the applicant's personal data, fixes the tracking code and the deadline. */
    async submit(who: AuditContext, body: RequestSubmit) {
      const org = await orgs.find(body.orgId);
      if (!org) throw new AppError('disclosure.org_not_found');
      const ids = checkApplicantIds(body.applicantKind, body);
      const today = todayOf(clock);
      const deadline = replyDeadline({ clockStart: today, extensionDays: 0, pausedDays: 0 });
      const id = newId();
      const trackingCode = newTrackingCode(today.slice(0, 4));
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.insertRequest(trx, {
          id,
          org_id: org.id,
          tracking_code: trackingCode,
          applicant_kind: body.applicantKind,
          applicant_name: body.name,
          ...sealApplicant(cipher(), id, { ...ids, address: body.address || null, email: body.email || null }),
          content: body.content,
          purpose: body.purpose,
          form: body.form,
          status: 'received',
          received_on: today,
          clock_start: today,
          paused_days: 0,
          extension_days: 0,
          deadline,
          revision: 0,
          received_at: at,
          updated_at: at,
        });
        const row = (await repo.findRequest(trx, id))!;
        await addEvent(trx, row, 'submit', { id: null, name: body.name }, null, deadline);
        await audit.append(trx, { ...who, action: 'disclosure.request_submit', object: { type: 'disclosure-request', id }, details: { orgId: org.id, trackingCode, applicantKind: body.applicantKind, deadline } });
        await scheduleReminders(trx, clock, id, deadline, today);
      });
      return { trackingCode, receivedOn: today, deadline, orgName: org.nameZh };
    },

    async track(code: string, phoneLast4: string): Promise<TrackedView> {
      const row = await tracked(code, phoneLast4);
      const org = await orgs.find(row.org_id);
      const events = await repo.events(db, row.id);
      return {
        trackingCode: row.tracking_code,
        orgName: org?.nameZh ?? '',
        status: row.status,
        statusLabel: requestStatuses[row.status],
        receivedOn: row.received_on,
        deadline: row.deadline,
        extensionDays: Number(row.extension_days),
        extensionReason: row.extension_reason,
        correctionNotice: row.correction_notice,
        replyKind: row.reply_kind,
        replyKindLabel: row.reply_kind ? replyKinds[row.reply_kind] : null,
        repliedOn: row.replied_on,
        noticeAvailable: row.reply_file_id !== null,
        // The applicant sees what happened and when, with the notices meant for them; not who handled it.
        history: events
          .filter((e) => e.action !== 'remind')
          .map((e) => ({ action: e.action, label: requestActions[e.action], at: new Date(e.at).toISOString(), note: ['correction', 'extend'].includes(e.action) ? e.note : null })),
      };
    },

    async trackNotice(code: string, phoneLast4: string): Promise<{ stream: Readable; name: string }> {
      const row = await tracked(code, phoneLast4);
      if (!row.reply_file_id) throw new AppError('disclosure.notice_missing');
      const { stream } = await deps.files.get(db, row.reply_file_id);
      return { stream, name: `告知书-${row.tracking_code}.pdf` };
    },

    /** The applicant's corrected submission: the clock restarts from today. */
    async correct(who: AuditContext, code: string, phoneLast4: string, content: string): Promise<TrackedView> {
      const row = await tracked(code, phoneLast4);
      if (row.status !== 'correction') throw new AppError('disclosure.request_state', { details: { status: row.status } });
      const today = todayOf(clock);
      const deadline = replyDeadline({ clockStart: today, extensionDays: Number(row.extension_days), pausedDays: Number(row.paused_days) });
      await db.transaction().execute(async (trx) => {
        const written = await repo.updateRequest(trx, row.id, Number(row.revision), {
          status: 'accepted',
          content: `${row.content}\n【补正】${content}`,
          corrected_on: today,
          clock_start: today,
          deadline,
          updated_at: clock.now().toISOString(),
        });
        if (!written) throw new AppError('disclosure.changed_concurrently');
        await addEvent(trx, row, 'corrected', { id: null, name: row.applicant_name }, content.slice(0, 500), deadline);
        await audit.append(trx, { ...who, action: 'disclosure.request_step', object: { type: 'disclosure-request', id: row.id }, details: { action: 'corrected', from: row.status, to: 'accepted', deadline, note: null } });
        await scheduleReminders(trx, clock, row.id, deadline, today);
      });
      return this.track(code, phoneLast4);
    },

    async list(actor: Actor, query: RequestListQuery) {
      const org = await orgs.find(query.orgId);
      const path = org && (await orgs.pathOf(org.id));
      if (!path) throw new AppError('disclosure.org_not_found');
      const scope = { path };
      authorize(actor, requestPolicy, 'read', scope);
      const today = todayOf(clock);
      const filter = {
        orgId: query.orgId,
        statuses: query.status ? [query.status] : query.due ? openRequestStatuses : undefined,
        deadlineBy: query.due === 'overdue' ? previousDay(today) : query.due === 'soon' ? soonBy(today) : undefined,
      };
      const { items, total } = await repo.listRequests(db, filter, query.page, query.pageSize);
      return { items: items.map((r) => view(actor, r, scope)), total, today };
    },

    async get(actor: Actor, id: string) {
      const { row, scope } = await loadScoped(id);
      authorize(actor, requestPolicy, 'read', scope);
      const [events, reminders] = await Promise.all([repo.events(db, id), repo.reminders(db, id)]);
      return {
        ...view(actor, row, scope),
        history: events.map((e) => ({ action: e.action, actorName: e.actor_name, note: e.note, deadline: e.deadline, at: new Date(e.at).toISOString() })),
        reminders: reminders.map((r) => ({ kind: r.kind, deadline: r.deadline, message: r.message, at: new Date(r.at).toISOString() })),
      };
    },

    accept: (acting: Acting, id: string, revision?: number) => step(acting, id, 'accept', ['received'], revision, () => ({ changes: { status: 'accepted' }, note: null })),

    /** One 补正 notice, within 7 working days of receipt; the clock stops until the applicant corrects. */
    requestCorrection: (acting: Acting, id: string, notice: string, revision?: number) =>
      step(acting, id, 'correction', ['received', 'accepted'], revision, (row, today) => {
        if (row.correction_on) throw new AppError('disclosure.correction_once');
        if (today > correctionLastDay(row.received_on)) throw new AppError('disclosure.correction_late', { details: { lastDay: correctionLastDay(row.received_on) } });
        return { changes: { status: 'correction', correction_notice: notice, correction_on: today, deadline: null }, note: notice };
      }),

    /** 征求第三方意见: the clock pauses until the consultation ends (counted at most 15 working days). */
    consult: (acting: Acting, id: string, party: string, note: string | undefined, revision?: number) =>
      step(acting, id, 'consult', ['received', 'accepted'], revision, (row, today) => {
        if (row.consultation_on) throw new AppError('disclosure.request_state', { details: { reason: 'consulted_before' } });
        return { changes: { status: 'consulting', consultation_party: party, consultation_on: today, deadline: null }, note: note ? `${party}：${note}` : party };
      }),

    endConsultation: (acting: Acting, id: string, note: string | undefined, revision?: number) =>
      step(acting, id, 'consulted', ['consulting'], revision, (row, today) => {
        const paused = Number(row.paused_days) + consultationPause(row.consultation_on!, today);
        const deadline = replyDeadline({ clockStart: row.clock_start, extensionDays: Number(row.extension_days), pausedDays: paused });
        return { changes: { status: 'accepted', consultation_ended_on: today, paused_days: paused, deadline }, note: note ?? null };
      }),

    /** One extension of at most 20 working days, with its reason told to the applicant, before the deadline passes. */
    extend: (acting: Acting, id: string, days: number, reason: string, revision?: number) =>
      step(acting, id, 'extend', ['received', 'accepted'], revision, (row, today) => {
        if (Number(row.extension_days) > 0) throw new AppError('disclosure.extension_once');
        if (days > requestLimits.maxExtensionDays) throw new AppError('disclosure.extension_too_long', { details: { max: requestLimits.maxExtensionDays } });
        if (row.deadline && today > row.deadline) throw new AppError('disclosure.extension_late', { details: { deadline: row.deadline } });
        const deadline = replyDeadline({ clockStart: row.clock_start, extensionDays: days, pausedDays: Number(row.paused_days) });
        return { changes: { extension_days: days, extension_reason: reason, deadline }, note: `延长${days}个工作日，至${deadline}。理由：${reason}` };
      }),

    /** 答复 with one of the seven kinds; the 告知书 PDF is rendered and stored with the reply. */
    async reply(acting: Acting, id: string, body: ReplyBody) {
      checkReply(body);
      const { row: current } = await loadScoped(id);
      const org = await orgs.find(current.org_id);
      const fields = {
        reply_kind: body.kind,
        reply_ground: body.kind === 'refused' || body.kind === 'partly_provided' ? body.refusalGround! : body.kind === 'not_exist' ? (body.unavailableReason ?? 'not_held') : null,
        reply_reason: body.reason ?? null,
        reply_basis: body.basis ?? null,
        reply_location: body.location ?? null,
        reply_holder: body.holder ?? null,
        reply_text: body.text ?? null,
      };
      return step(acting, id, 'reply', ['received', 'accepted'], body.revision, async (row, today) => {
        const pdf = await renderNotice({ orgName: org?.nameZh ?? '', request: { ...row, ...fields }, repliedOn: today }, clock.now());
        return {
          changes: { ...fields, status: 'replied', replied_on: today },
          note: replyKinds[body.kind],
          within: async (trx) => {
            const file = await deps.files.put(trx, pdf, { name: `告知书-${row.tracking_code}.pdf`, allowedTypes: ['application/pdf'], createdBy: acting.actor.userId });
            return { reply_file_id: file.id };
          },
        };
      });
    },

    async notice(actor: Actor, id: string): Promise<{ stream: Readable; name: string }> {
      const { row, scope } = await loadScoped(id);
      authorize(actor, requestPolicy, 'read', scope);
      if (!row.reply_file_id) throw new AppError('disclosure.notice_missing');
      const { stream } = await deps.files.get(db, row.reply_file_id);
      return { stream, name: `告知书-${row.tracking_code}.pdf` };
    },
  };
}

const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** Within the next three working days, overdue ones included. */
const soonBy = (today: string) => addWorkingDays(today, requestLimits.dueSoonDays);

export type RequestService = ReturnType<typeof createRequestService>;
