import type { Actor } from '../../../platform/actor.js';
import { grantsOf } from '../../../platform/policy/index.js';
import { sendStepLabel, type SendStep } from '../../../../shared/documents.js';
import { prepare } from './access.js';
import { documentRepository as docs } from './document.repository.js';
import { flowRepository as flow, type TodoScope } from './flow.repository.js';
import { scopeOf } from './load.js';
import { OrgGraph } from './org-graph.js';
import { presentDocument, presentSummary } from './present.js';
import type { SendDeps } from './send.deps.js';
import type { DocumentView } from './send.schema.js';
import { today } from './tasks.js';
import { earlierSteps, resolveWorkflow } from './workflow.js';

/** Roles that act in the sending workflow. */
const flowRoles = ['clerk', 'leader', 'staff'] as const;

/** Reading: one document, lists, the flow history and the to-do list. */
export function queryService(deps: SendDeps) {
  const { db, clock, orgs } = deps;

  /** Organisation ids each of the actor's flow roles covers (his grants, with their subtrees). */
  async function coveredByRole(actor: Actor): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    for (const role of flowRoles) {
      const grants = grantsOf(actor, role);
      if (grants.length) result.set(role, await orgs.idsCovered(grants));
    }
    return result;
  }

  return {
    async view(actor: Actor, id: string): Promise<DocumentView> {
      const { doc, graph, scope } = await prepare(deps, actor, id);
      const step = doc.row.current_step;
      // The steps `return` accepts, so the workbench offers exactly those (flow.service checks the same).
      const targets = step && step !== 'draft' ? earlierSteps(resolveWorkflow(await flow.workflowSettings(db, doc.row.org_id)), step, doc.coIssuers.length > 0) : [];
      return presentDocument(actor, graph, doc, scope, await docs.attachments(db, id), today(clock), targets);
    },

    /**
     * The documents the actor may see on the sending side: issued by an organisation (or drafted in a
     * unit) where he is clerk or leader — a clerk of an issuer's 办公室 counts for the issuer — drafted
     * in his unit, co-issued by his organisation, or drafted by him.
     */
    async list(
      actor: Actor,
      query: { status?: DocumentView['status'] | undefined; step?: SendStep | undefined; kind?: string | undefined; orgId?: string | undefined; q?: string | undefined; year?: number | undefined; mine?: boolean | undefined; page: number; pageSize: number },
    ) {
      const covered = await coveredByRole(actor);
      const graph = new OrgGraph(orgs);
      const issuerIds = new Set([...(covered.get('clerk') ?? []), ...(covered.get('leader') ?? [])]);
      for (const grant of [...grantsOf(actor, 'clerk'), ...grantsOf(actor, 'leader')]) {
        const served = await graph.servedBy(grant.orgId);
        if (served) issuerIds.add(served.id);
      }
      const draftingIds = new Set([...issuerIds, ...(covered.get('staff') ?? [])]);
      const { rows, total } = await docs.list(
        db,
        { issuerIds: [...issuerIds], draftingIds: [...draftingIds], coIssuerIds: [...issuerIds], draftedBy: actor.userId, ...query },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      const ids = rows.map((r) => r.id);
      const [coIssuers, tasks] = await Promise.all([docs.coIssuersOf(db, ids), flow.openTasksOf(db, ids)]);
      const items = await Promise.all(
        rows.map(async (row) => {
          const doc = {
            row,
            recipients: [],
            coIssuers: coIssuers.filter((c) => c.document_id === row.id).map((c) => c.org_id),
            openTasks: tasks.filter((t) => t.document_id === row.id),
          };
          const scope = await scopeOf(graph, doc);
          return presentSummary(actor, row, (await graph.node(row.org_id))?.nameZh ?? row.org_id, scope);
        }),
      );
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** The flow history (every action with who, when and the opinion) and the deliveries made at 核发. */
    async flow(actor: Actor, id: string) {
      const { graph } = await prepare(deps, actor, id);
      const [events, deliveries] = await Promise.all([flow.events(db, id), flow.deliveries(db, id)]);
      await graph.nodes([...events.flatMap((e) => (e.org_id ? [e.org_id] : [])), ...deliveries.map((d) => d.org_id)]);
      const name = async (orgId: string) => (await graph.node(orgId))?.nameZh ?? orgId;
      return {
        events: await Promise.all(
          events.map(async (e) => ({
            id: e.id,
            step: e.step,
            action: e.action,
            orgId: e.org_id,
            orgName: e.org_id ? await name(e.org_id) : null,
            actorId: e.actor_id,
            actorName: e.actor_name,
            opinion: e.opinion,
            toStep: e.to_step,
            at: new Date(e.at).toISOString(),
          })),
        ),
        deliveries: await Promise.all(
          deliveries.map(async (d) => ({
            orgId: d.org_id,
            orgName: await name(d.org_id),
            role: d.role,
            channel: d.channel,
            deliveredAt: new Date(d.delivered_at).toISOString(),
          })),
        ),
      };
    },

    /**
     * The actor's to-do list: every open task he may act on, soonest deadline first, with counts per
     * step and overdue marks. It reads only open tasks through partial indexes, so its cost follows the
     * open work of his organisations, not the number of documents.
     */
    async todo(actor: Actor, query: { step?: SendStep | undefined; page: number; pageSize: number }) {
      const covered = await coveredByRole(actor);
      const scope: TodoScope = { userId: actor.userId, roles: [...covered].map(([role, orgIds]) => ({ role, orgIds })) };
      const day = today(clock);
      const [rows, counts] = await Promise.all([
        flow.todo(db, scope, { step: query.step, offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
        flow.todoCounts(db, scope, day),
      ]);
      return {
        total: counts.reduce((n, c) => n + c.total, 0),
        overdue: counts.reduce((n, c) => n + c.overdue, 0),
        counts: counts.map((c) => ({ ...c, label: sendStepLabel(c.step) })),
        items: rows.map((r) => ({
          taskId: r.task_id,
          step: r.step,
          orgId: r.task_org_id,
          dueOn: r.due_on,
          overdue: r.due_on !== null && r.due_on < day,
          reminders: Number(r.reminders),
          since: new Date(r.task_created_at).toISOString(),
          document: {
            id: r.id,
            orgId: r.org_id,
            kind: r.kind,
            title: r.title,
            docNumber: r.doc_number,
            urgency: r.urgency,
            secrecy: r.secrecy,
            status: r.status,
            draftedByName: r.drafted_by_name,
            updatedAt: new Date(r.updated_at).toISOString(),
          },
        })),
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}

export type QueryService = ReturnType<typeof queryService>;
