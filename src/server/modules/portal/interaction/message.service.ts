import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditAction, AuditContext, AuditEvents, AuditLog } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { allowedActions, authorize, can, grantsOf } from '../../../platform/policy/index.js';
import { createSearch, type Search } from '../../../platform/search/index.js';
import { fieldCipher } from '../../../platform/sealed-data/index.js';
import type { InvalidReason, MessageAction as EventAction, MessageState } from '../../../../shared/interaction.js';
import { createOrgService, isGeneralOffice } from '../../orgs/index.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchKey } from '../portal-search.js';
import { portalEvents } from '../portal-events.js';
import type { PortalSiteRow } from '../portal.table.js';
import { holdsRoleFor, type MessageAction, type MessageScope, messagePolicy } from './interaction.policy.js';
import { interactionRepository as repo } from './interaction.repository.js';
import type { MessageView } from './interaction.schema.js';
import type { PortalMessageRow, PortalMessageUpdate } from './interaction.table.js';
import { today } from './message-dates.js';
import { maskPhone, openWriter } from './message-personal.js';
import { interactionPaths } from './interaction.paths.js';
import './interaction.audit.js';
import './interaction.errors.js';

export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}

const searches = new WeakMap<AppContext, Search>();
/** The platform search the portal's public entries go into (the engine follows the dialect). */
export function portalSearch(ctx: AppContext): Search {
  let search = searches.get(ctx);
  if (!search) searches.set(ctx, (search = createSearch({ db: ctx.db, dialect: ctx.dialect, clock: ctx.clock })));
  return search;
}

/** The steps an action applies at, to tell "not now" (409) from "not yours" (403). */
const actionStates: Record<Exclude<MessageAction, 'read'>, readonly MessageState[]> = {
  triage: ['received'],
  route: ['accepted'],
  sendBack: ['routed'],
  draft: ['routed'],
  approve: ['drafted'],
  publish: ['answered'],
  contact: ['received', 'accepted', 'routed', 'drafted'],
};

/**
 * Handling a citizen's message in the workbench: the site organisation's editor accepts it (or marks
 * it invalid) and routes it to a unit; the unit drafts the answer (or sends it back); the site's
 * reviewer approves it (or sends it back); the editor publishes it when the writer consented.
 * Every step is one transaction with its history entry and audit event, guarded by the revision read.
 */
export function createMessageService(ctx: AppContext) {
  const { db, clock } = ctx;
  const orgs = createOrgService(ctx);
  const cipher = fieldCipher(ctx.keys);

  async function siteOf(siteId: string): Promise<PortalSiteRow> {
    const site = await repo.site(db, siteId);
    if (!site) throw new AppError('interaction.site_not_found', { details: { siteId } });
    return site;
  }

  /**
   * The organisation whose units may handle the site's messages: the site's organisation, or the
   * leading body when the site is run by its general office (办公室) — a government portal such as
   * the league's, whose 盟长信箱 letters go to the government's departments.
   */
  async function routingRootOf(site: PortalSiteRow): Promise<string> {
    const org = await orgs.get(site.org_id);
    if (!isGeneralOffice(org) || !org.parentId) return org.id;
    const parent = await orgs.get(org.parentId);
    return parent.kind === 'leading_body' ? parent.id : org.id;
  }

  async function scopeOf(row: PortalMessageRow, site: PortalSiteRow): Promise<MessageScope> {
    const paths = await orgs.pathsOf([site.org_id, ...(row.unit_org_id ? [row.unit_org_id] : [])]);
    return {
      state: row.state,
      sitePath: paths.get(site.org_id) ?? '',
      unitPath: row.unit_org_id ? (paths.get(row.unit_org_id) ?? null) : null,
      consent: row.consent === 1,
      published: row.published_at !== null,
    };
  }

  async function load(id: string) {
    const row = await repo.message(db, id);
    if (!row) throw new AppError('interaction.message_not_found', { details: { id } });
    const site = await siteOf(row.site_id);
    return { row, site, scope: await scopeOf(row, site) };
  }

  async function loadFor(acting: Acting, id: string, action: Exclude<MessageAction, 'read'>) {
    const loaded = await load(id);
    authorize(acting.actor, messagePolicy, 'read', loaded.scope);
    if (!can(acting.actor, messagePolicy, action, loaded.scope)) {
      if (!holdsRoleFor(acting.actor, action, loaded.scope)) throw new AppError('interaction.not_your_step', { details: { state: loaded.row.state, action } });
      if (action === 'publish' && loaded.row.state === 'answered') {
        if (loaded.scope.published) throw new AppError('interaction.already_published');
        if (!loaded.scope.consent) throw new AppError('interaction.no_consent');
      }
      const code = actionStates[action].includes(loaded.row.state) ? 'interaction.not_your_step' : 'interaction.step_not_current';
      throw new AppError(code, { details: { state: loaded.row.state, action } });
    }
    return loaded;
  }

  const orgName = async (id: string | null) => (id ? ((await orgs.find(id))?.nameZh ?? '') : null);

  function summary(row: PortalMessageRow, site: PortalSiteRow, unitName: string | null) {
    const open = ['received', 'accepted', 'routed', 'drafted'].includes(row.state);
    return {
      id: row.id,
      siteId: row.site_id,
      siteName: site.name_zh,
      mailbox: row.mailbox,
      trackingCode: row.tracking_code,
      subject: row.subject,
      state: row.state,
      consent: row.consent === 1,
      unit: row.unit_org_id ? { orgId: row.unit_org_id, name: unitName ?? '' } : null,
      receivedAt: row.received_at,
      dueOn: row.due_on,
      overdue: open && today(clock.now()) > row.due_on,
      answeredAt: row.answered_at,
      publishedAt: row.published_at,
    };
  }

  /** `handedBack`: the unit that just sent the message back sees it once more, with no actions left. */
  async function detail(actor: Actor, id: string, handedBack = false): Promise<MessageView> {
    const { row, site, scope } = await load(id);
    if (!handedBack) authorize(actor, messagePolicy, 'read', scope);
    const writer = openWriter(cipher, row);
    const events = await repo.events(db, id);
    return {
      ...summary(row, site, await orgName(row.unit_org_id)),
      body: row.body,
      writerName: writer.name,
      phoneMasked: maskPhone(writer.phone),
      email: writer.email,
      invalidReason: row.invalid_reason,
      invalidNote: row.invalid_note,
      answer: row.answer,
      answerOrgName: row.answer_org_name,
      draftedByName: row.answer_drafted_by_name,
      approvedByName: row.approved_by_name,
      events: events.map((e) => ({ action: e.action, actorName: e.actor_name, note: e.note, at: e.at })),
      actions: allowedActions(actor, messagePolicy, scope),
    };
  }

  async function step<A extends AuditAction>(
    acting: Acting,
    loaded: { row: PortalMessageRow },
    from: readonly MessageState[],
    changes: PortalMessageUpdate,
    event: { action: EventAction; note: string | null; orgId?: string | null },
    audit: { action: A; details: AuditEvents[A] },
    more?: (trx: Trx) => Promise<void>,
  ): Promise<void> {
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const moved = await repo.advance(trx, loaded.row.id, { state: from, revision: loaded.row.revision }, { ...changes, updated_at: at });
      if (!moved) throw new AppError('interaction.changed_concurrently', { details: { id: loaded.row.id } });
      await repo.insertEvent(trx, {
        id: newId(),
        message_id: loaded.row.id,
        action: event.action,
        actor_id: acting.actor.userId,
        actor_name: acting.actor.displayName,
        org_id: event.orgId ?? acting.actor.orgId,
        note: event.note,
        at,
      });
      await (ctx.audit as AuditLog).append(trx, { ...acting.who, action: audit.action, object: { type: 'portal-message', id: loaded.row.id }, details: audit.details } as Parameters<AuditLog['append']>[1]);
      await more?.(trx);
    });
  }

  return {
    detail,

    /** The sites whose interaction the actor handles (editor, reviewer or IT office over the site's organisation). */
    /** The sites the actor keeps, each with the root of the units its messages may be routed to. */
    async sites(actor: Actor): Promise<(PortalSiteRow & { routingOrgId: string })[]> {
      const grants = (['editor', 'reviewer', 'it_office'] as const).flatMap((r) => grantsOf(actor, r));
      const rows = await repo.sitesOfOrgs(db, await orgs.idsCovered(grants));
      return Promise.all(rows.map(async (row) => ({ ...row, routingOrgId: await routingRootOf(row) })));
    },

    async list(actor: Actor, query: { siteId?: string | undefined; state?: MessageState | undefined; mailbox?: PortalMessageRow['mailbox'] | undefined; overdue?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
      const siteGrants = (['editor', 'reviewer', 'it_office'] as const).flatMap((r) => grantsOf(actor, r));
      const unitGrants = (['officer', 'staff'] as const).flatMap((r) => grantsOf(actor, r));
      const sites = await repo.sitesOfOrgs(db, await orgs.idsCovered(siteGrants));
      const unitOrgIds = unitGrants.length ? await orgs.idsCovered(unitGrants) : [];
      const { rows, total } = await repo.listMessages(
        db,
        {
          siteIds: sites.map((s) => s.id),
          unitOrgIds,
          siteId: query.siteId,
          states: query.state ? [query.state] : undefined,
          mailbox: query.mailbox,
          overdueOn: query.overdue === 'true' ? today(clock.now()) : undefined,
        },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      const siteById = new Map(sites.map((s) => [s.id, s]));
      for (const row of rows) if (!siteById.has(row.site_id)) siteById.set(row.site_id, await siteOf(row.site_id));
      const unitNames = new Map<string, string>();
      for (const id of new Set(rows.flatMap((r) => (r.unit_org_id ? [r.unit_org_id] : [])))) unitNames.set(id, (await orgName(id)) ?? '');
      return {
        items: rows.map((r) => summary(r, siteById.get(r.site_id)!, r.unit_org_id ? (unitNames.get(r.unit_org_id) ?? '') : null)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** 受理 (valid) or 标记无效 with a reason. */
    async triage(acting: Acting, id: string, body: { decision: 'accept'; note?: string | undefined } | { decision: 'invalid'; reason: InvalidReason; note?: string | undefined }) {
      const loaded = await loadFor(acting, id, 'triage');
      if (body.decision === 'accept') {
        await step(acting, loaded, ['received'], { state: 'accepted' }, { action: 'accept', note: body.note ?? null }, { action: 'portal.message_accept', details: { note: body.note ?? null } });
      } else {
        await step(
          acting,
          loaded,
          ['received'],
          { state: 'invalid', invalid_reason: body.reason, invalid_note: body.note ?? null },
          { action: 'invalid', note: body.note ?? null },
          { action: 'portal.message_invalid', details: { reason: body.reason, note: body.note ?? null } },
        );
      }
      return detail(acting.actor, id);
    },

    /** 转办 to a unit: the site's organisation or any organisation below it (below the government, for its office's portal). */
    async route(acting: Acting, id: string, body: { unitOrgId: string; note?: string | undefined }) {
      const loaded = await loadFor(acting, id, 'route');
      const [unitPath, rootPath] = await Promise.all([orgs.pathOf(body.unitOrgId), routingRootOf(loaded.site).then((root) => orgs.pathOf(root))]);
      if (!unitPath || !rootPath || !unitPath.startsWith(rootPath)) throw new AppError('interaction.unit_invalid', { details: { unitOrgId: body.unitOrgId } });
      const unitName = (await orgName(body.unitOrgId)) ?? '';
      await step(
        acting,
        loaded,
        ['accepted'],
        { state: 'routed', unit_org_id: body.unitOrgId },
        { action: 'route', note: body.note ? `${unitName}：${body.note}` : unitName, orgId: body.unitOrgId },
        { action: 'portal.message_route', details: { unitOrgId: body.unitOrgId, note: body.note ?? null } },
      );
      return detail(acting.actor, id);
    },

    /** The unit sends the message back for routing elsewhere. */
    async sendBack(acting: Acting, id: string, body: { reason: string }) {
      const loaded = await loadFor(acting, id, 'sendBack');
      await step(acting, loaded, ['routed'], { state: 'accepted', unit_org_id: null }, { action: 'send_back', note: body.reason }, { action: 'portal.message_send_back', details: { reason: body.reason } });
      return detail(acting.actor, id, true);
    },

    /** The unit's answer, for the reviewer. */
    async draft(acting: Acting, id: string, body: { answer: string }) {
      const loaded = await loadFor(acting, id, 'draft');
      const unitName = await orgName(loaded.row.unit_org_id);
      await step(
        acting,
        loaded,
        ['routed'],
        { state: 'drafted', answer: body.answer, answer_drafted_by: acting.actor.userId, answer_drafted_by_name: acting.actor.displayName, answer_org_name: unitName },
        { action: 'draft', note: null },
        { action: 'portal.message_draft', details: { length: body.answer.length } },
      );
      return detail(acting.actor, id);
    },

    /** The reviewer approves: the message is answered (the writer sees the answer with his code). */
    async approve(acting: Acting, id: string, body: { note?: string | undefined }) {
      const loaded = await loadFor(acting, id, 'approve');
      await step(
        acting,
        loaded,
        ['drafted'],
        { state: 'answered', approved_by: acting.actor.userId, approved_by_name: acting.actor.displayName, answered_at: clock.now().toISOString() },
        { action: 'approve', note: body.note ?? null },
        { action: 'portal.message_approve', details: { note: body.note ?? null } },
      );
      return detail(acting.actor, id);
    },

    /** The reviewer sends the answer back to the unit with a reason. */
    async reject(acting: Acting, id: string, body: { reason: string }) {
      const loaded = await loadFor(acting, id, 'approve');
      await step(acting, loaded, ['drafted'], { state: 'routed' }, { action: 'reject', note: body.reason }, { action: 'portal.message_reject', details: { reason: body.reason } });
      return detail(acting.actor, id);
    },

    /** Publication of an answered message whose writer consented; never his personal data. */
    /** The writer's full phone number (and email) for a call back, recorded in the audit log. */
    async contact(acting: Acting, id: string): Promise<{ phone: string; email: string | null }> {
      const loaded = await loadFor(acting, id, 'contact');
      const writer = openWriter(cipher, loaded.row);
      await (ctx.audit as AuditLog).record(db, { ...acting.who, action: 'portal.message_contact', object: { type: 'portal-message', id }, details: { state: loaded.row.state } });
      return { phone: writer.phone, email: writer.email };
    },

    async publish(acting: Acting, id: string) {
      const loaded = await loadFor(acting, id, 'publish');
      const at = clock.now();
      const paths = interactionPaths(loaded.site.path_prefix);
      await step(
        acting,
        loaded,
        ['answered'],
        { published_at: at.toISOString() },
        { action: 'publish', note: null },
        { action: 'portal.message_publish', details: { siteId: loaded.site.id } },
        async (trx) => {
          await portalSearch(ctx).index(trx, {
            scope: PORTAL_SEARCH_SCOPE,
            key: portalSearchKey('message', id),
            title: loaded.row.subject,
            body: `${loaded.row.body}\n${loaded.row.answer ?? ''}`,
            fields: { site: loaded.site.id, type: 'message', date: today(at), lang: 'zh-CN' },
            shown: { url: paths.message(id), siteName: loaded.site.name_zh },
            visibility: [PUBLIC_TAG],
          });
        },
      );
      portalEvents(ctx).siteChanged({ siteId: loaded.site.id, paths: [paths.home, paths.message(id)] });
      return detail(acting.actor, id);
    },
  };
}
export type MessageService = ReturnType<typeof createMessageService>;
