import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { addWorkingDays, countWorkingDays, toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { allowedActions, authorize, can } from '../../../platform/policy/index.js';
import { openIncomingSteps, type InboxView, type IncomingStep } from '../../../../shared/documents-receiving.js';
import type { OrgService } from '../../orgs/index.js';
import { OrgLookup, type OrgNode } from './org-lookup.js';
import { inboxPolicy, incomingPolicy, receiptPolicy, type IncomingScope } from './receive.policy.js';
import { inboxItem } from './receive.present.js';
import { type InboxRow, inboxRepository } from './inbox.repository.js';
import { receiveRepository as repo } from './receive.repository.js';
import type { DeliveryReceiptView, InboxCounts, InboxItem } from './receive.schema.js';
import { orgPathsOf } from './receive.scope.js';
import type { FilingLookup } from './receive.service.js';
import './receive.errors.js';

export interface InboxDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly orgs: OrgService;
  readonly filing: Pick<FilingLookup, 'filedAmong'>;
}

const countKeys = ['pending', 'signed', 'registered', 'reviewed', 'proposed', 'instructed', 'handling'] as const;
const handlingSteps: IncomingStep[] = ['instructed', 'handling'];

function stepsOf(view: InboxView): IncomingStep[] {
  if (view === 'todo') return [...openIncomingSteps];
  if (view === 'overdue') return handlingSteps;
  if (view === 'all') return [...openIncomingSteps, 'completed', 'returned'];
  return [view];
}

/**
 * Reading the inbox: lists per organisation with counts per step and overdue marks, the inboxes a
 * user serves, the 催办 board, a reader's circulation list and a sender's receipts.
 */
export function createInboxService(deps: InboxDeps) {
  const { db, clock, orgs } = deps;
  const today = () => toBusinessDate(clock.now());

  /** Policy scopes of many rows at once: units, the actor's circulation entries, filing, organisation paths. */
  async function scopesFor(g: OrgLookup, actor: Actor, rows: readonly Pick<InboxRow, 'id' | 'org_id' | 'step' | 'deadline'>[]): Promise<Map<string, IncomingScope>> {
    const stored = rows.filter((r) => r.step !== 'pending').map((r) => r.id);
    const [units, circulation, filed] = await Promise.all([
      repo.units(db, stored),
      repo.circulation(db, stored),
      deps.filing.filedAmong(rows.filter((r) => r.step === 'completed').map((r) => r.id)),
    ]);
    // The units' nodes and every row organisation with its 办公室: batched by the graph into two queries.
    const rowOrgIds = [...new Set(rows.map((r) => r.org_id))];
    const [nodes, rowOrgs] = await Promise.all([g.nodes(units.map((u) => u.org_id)), Promise.all(rowOrgIds.map((orgId) => orgPathsOf(g, orgId)))]);
    const orgPaths = new Map(rowOrgIds.map((orgId, i) => [orgId, rowOrgs[i]!]));
    return new Map(
      rows.map((r) => {
        const { org, paths } = orgPaths.get(r.org_id)!;
        const mine = units.filter((u) => u.incoming_id === r.id);
        const lead = mine.find((u) => u.role === 'lead');
        return [
          r.id,
          {
            step: r.step,
            orgPaths: paths,
            orgPath: org.path,
            leadPath: lead ? (nodes.get(lead.org_id)?.path ?? null) : null,
            coPaths: mine.filter((u) => u.role === 'co').flatMap((u) => nodes.get(u.org_id)?.path ?? []),
            hasDeadline: r.deadline !== null,
            circulation: circulation.filter((c) => c.incoming_id === r.id).map((c) => ({ userId: c.user_id, read: c.read_at !== null })),
            filed: filed.has(r.id),
          } satisfies IncomingScope,
        ];
      }),
    );
  }

  async function itemsOf(g: OrgLookup, actor: Actor, rows: readonly InboxRow[]): Promise<InboxItem[]> {
    const [scopes, senders] = await Promise.all([scopesFor(g, actor, rows), g.nodes(rows.filter((r) => !r.sender_name && r.sender_org_id).map((r) => r.sender_org_id!))]);
    const now = today();
    return rows.map((r) => inboxItem(r, r.sender_name ?? senders.get(r.sender_org_id ?? '')?.nameZh ?? '', now, actor, scopes.get(r.id)!));
  }

  /** The organisations whose inbox the actor serves: those of his clerk, leader and staff grants; an office's clerks serve its parent first. */
  async function servedOrgs(g: OrgLookup, actor: Actor): Promise<OrgNode[]> {
    const result: OrgNode[] = [];
    const add = (node: OrgNode | undefined) => {
      if (node && !result.some((n) => n.id === node.id)) result.push(node);
    };
    for (const grant of actor.roles.filter((r) => ['clerk', 'leader', 'staff'].includes(r.role))) {
      add(await g.servedBy(grant.orgId));
      add(await g.node(grant.orgId));
    }
    return result;
  }

  async function openInbox(g: OrgLookup, actor: Actor, orgId: string | undefined) {
    const org = orgId ? await g.node(orgId) : (await servedOrgs(g, actor))[0];
    if (!org) throw new AppError('documents.inbox_not_found', { details: { orgId: orgId ?? null } });
    const { paths } = await orgPathsOf(g, org.id);
    const scope = { paths };
    authorize(actor, inboxPolicy, 'read', scope);
    return { org, scope, own: can(actor, inboxPolicy, 'readAll', scope) };
  }

  async function countsOf(orgId: string, own: boolean): Promise<InboxCounts> {
    const raw = await inboxRepository.counts(db, orgId, { own, assigned: true, today: today() });
    const counts = Object.fromEntries(countKeys.map((k) => [k, raw[k] ?? 0])) as Record<(typeof countKeys)[number], number>;
    return { ...counts, overdue: raw.overdue ?? 0, todo: countKeys.reduce((sum, k) => sum + counts[k], 0) };
  }

  return {
    async list(actor: Actor, query: { orgId?: string | undefined; view: InboxView; q?: string | undefined; page: number; pageSize: number }) {
      const g = new OrgLookup(orgs);
      const { org, scope, own } = await openInbox(g, actor, query.orgId);
      const filter = {
        orgId: org.id,
        steps: stepsOf(query.view),
        own,
        assigned: true,
        ...(query.view === 'overdue' ? { overdueBefore: today() } : {}),
        ...(query.q ? { q: query.q } : {}),
      };
      // The to-do views' totals are the counts per step; other views (all, finished, a search) count.
      const countable = !query.q && query.view !== 'all' && query.view !== 'completed' && query.view !== 'returned';
      const [page, counts] = await Promise.all([
        inboxRepository.inbox(db, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, count: !countable }),
        countsOf(org.id, own),
      ]);
      const total = page.total ?? (query.view === 'todo' ? counts.todo : query.view === 'overdue' ? counts.overdue : counts[query.view as (typeof countKeys)[number]]);
      return {
        org: { orgId: org.id, name: org.nameZh },
        items: await itemsOf(g, actor, page.rows),
        total,
        page: query.page,
        pageSize: query.pageSize,
        counts,
        actions: allowedActions(actor, inboxPolicy, scope),
      };
    },

    /** Every inbox the actor serves, with its counts: the workbench's inbox switcher and to-do badges. */
    async inboxes(actor: Actor) {
      const g = new OrgLookup(orgs);
      const items = [];
      for (const org of await servedOrgs(g, actor)) {
        const { paths } = await orgPathsOf(g, org.id);
        const scope = { paths };
        if (!can(actor, inboxPolicy, 'read', scope)) continue;
        items.push({ org: { orgId: org.id, name: org.nameZh }, counts: await countsOf(org.id, can(actor, inboxPolicy, 'readAll', scope)), actions: allowedActions(actor, inboxPolicy, scope) });
      }
      return { items };
    },

    /**
     * The 催办 board: unfinished items past their deadline or due within `withinDays` working days,
     * soonest first — the organisation's own, and those it handles for others as a unit.
     */
    async supervision(actor: Actor, query: { orgId?: string | undefined; withinDays: number }) {
      const g = new OrgLookup(orgs);
      const { org, own } = await openInbox(g, actor, query.orgId);
      const now = today();
      const rows = await inboxRepository.supervision(db, org.id, { until: addWorkingDays(now, query.withinDays), own, limit: 500 });
      const inboxRows: InboxRow[] = rows;
      const items = await itemsOf(g, actor, inboxRows);
      const leads = await g.nodes(rows.flatMap((r) => (r.lead_org_id ? [r.lead_org_id] : [])));
      return {
        org: { orgId: org.id, name: org.nameZh },
        today: now,
        items: items.map((item, i) => {
          const r = rows[i]!;
          const lead = r.lead_org_id ? leads.get(r.lead_org_id) : undefined;
          return {
            ...item,
            leadUnit: lead ? { orgId: lead.id, name: lead.nameZh } : null,
            workingDaysLeft: countWorkingDays(now, r.deadline!),
            reminderCount: r.reminders,
            lastRemindedAt: r.last_reminded_at && new Date(r.last_reminded_at).toISOString(),
          };
        }),
      };
    },

    /** What was circulated to the actor, unread first. */
    async readingList(actor: Actor, query: { unread: boolean; page: number; pageSize: number }) {
      const g = new OrgLookup(orgs);
      const page = await inboxRepository.readingList(db, actor.userId, query.unread, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
      const scopes = await scopesFor(g, actor, page.rows.map((r) => ({ id: r.id, org_id: r.org_id, step: r.step, deadline: null })));
      return {
        items: page.rows.map((r) => ({
          id: r.id,
          orgId: r.org_id,
          title: r.title,
          senderName: r.sender_name ?? '',
          senderNumber: r.sender_number,
          receiptNumber: r.receipt_number,
          urgency: r.urgency,
          step: r.step,
          sentAt: new Date(r.sent_at).toISOString(),
          sentByName: r.sent_by_name,
          readAt: r.read_at && new Date(r.read_at).toISOString(),
          actions: allowedActions(actor, incomingPolicy, scopes.get(r.id)!),
        })),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** A sent document's deliveries with the recipients' receipts (签收, 退回, 办结): for the sender's document view. */
    async receipts(actor: Actor, documentId: string): Promise<{ documentId: string; items: DeliveryReceiptView[] }> {
      const g = new OrgLookup(orgs);
      const doc = await repo.findDocument(db, documentId);
      if (!doc) throw new AppError('documents.not_found', { details: { id: documentId } });
      const { paths } = await orgPathsOf(g, doc.org_id);
      authorize(actor, receiptPolicy, 'read', { issuerPaths: paths });
      return { documentId, items: await receiptsOf(db, g, documentId) };
    },
  };
}

/** The deliveries of a document with their receipts (no authorisation: for the sending side's own views). */
export async function receiptsOf(db: Db, g: OrgLookup, documentId: string): Promise<DeliveryReceiptView[]> {
  const [deliveries, receipts] = await Promise.all([repo.deliveriesOfDocument(db, documentId), repo.receiptsOfDocument(db, documentId)]);
  const nodes = await g.nodes(deliveries.map((d) => d.org_id));
  const order = ['delivered', 'signed', 'returned', 'completed'] as const;
  return deliveries.map((d) => {
    const mine = receipts.filter((r) => r.delivery_id === d.id);
    const status = mine.reduce<(typeof order)[number]>((s, r) => (order.indexOf(r.kind) > order.indexOf(s) ? r.kind : s), 'delivered');
    return {
      deliveryId: d.id,
      org: { orgId: d.org_id, name: nodes.get(d.org_id)?.nameZh ?? '' },
      role: d.role,
      channel: d.channel,
      deliveredAt: new Date(d.delivered_at).toISOString(),
      status,
      receipts: mine.map((r) => ({ kind: r.kind, actorName: r.actor_name, reason: r.reason, replyDocumentId: r.reply_document_id, at: new Date(r.at).toISOString() })),
    };
  });
}

export type InboxService = ReturnType<typeof createInboxService>;
