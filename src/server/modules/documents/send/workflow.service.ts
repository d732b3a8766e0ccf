import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { allowedActions, authorize } from '../../../platform/policy/index.js';
import { sendSteps } from '../../../../shared/documents.js';
import { workflowPolicy } from '../documents.policy.js';
import { flowRepository as flow } from './flow.repository.js';
import { OrgGraph } from './org-graph.js';
import type { Acting, SendDeps } from './send.deps.js';
import { defaultWorkflow, resolveWorkflow, validateSetting, type StepSettingInput } from './workflow.js';

/** Reading and changing an organisation's sending workflow. */
export function workflowService(deps: SendDeps) {
  const { db, clock, audit, orgs } = deps;

  async function orgScope(orgId: string) {
    const graph = new OrgGraph(orgs);
    const org = await graph.node(orgId);
    if (!org) throw new AppError('orgs.not_found', { details: { key: orgId } });
    const office = await graph.officeOf(org.id);
    return { id: org.id, paths: [org.path, ...(office ? [office.path] : [])] };
  }

  async function view(actor: Actor, orgId: string) {
    const org = await orgScope(orgId);
    authorize(actor, workflowPolicy, 'read', org);
    const steps = resolveWorkflow(await flow.workflowSettings(db, org.id));
    return {
      orgId: org.id,
      steps: steps.map((s) => ({
        step: s.step,
        label: sendSteps[s.step].label,
        optional: sendSteps[s.step].optional,
        enabled: s.enabled,
        role: s.role as 'clerk' | 'leader' | 'staff',
        actorScope: s.actorScope,
        deadlineDays: s.deadlineDays,
        customised: s.customised,
      })),
      actions: allowedActions(actor, workflowPolicy, org),
    };
  }

  return {
    view,

    /**
     * Replaces the organisation's settings of the steps given (the others keep their defaults or
     * earlier settings). Documents already in flow follow the new settings from their next step on.
     */
    async update(acting: Acting, orgId: string, steps: readonly StepSettingInput[]) {
      const org = await orgScope(orgId);
      authorize(acting.actor, workflowPolicy, 'configure', org);
      const seen = new Set<string>();
      for (const step of steps) {
        if (seen.has(step.step)) throw new AppError('documents.workflow_invalid', { message: `环节 ${sendSteps[step.step].label} 重复`, details: { step: step.step } });
        seen.add(step.step);
        validateSetting(step);
      }
      const now = clock.now().toISOString();
      const current = resolveWorkflow(await flow.workflowSettings(db, org.id));
      const rows = current
        .map((s) => steps.find((x) => x.step === s.step) ?? (s.customised ? s : undefined))
        .filter((s): s is StepSettingInput => s !== undefined)
        .filter((s) => {
          const d = defaultWorkflow[s.step];
          return !(d.enabled === s.enabled && d.role === s.role && d.actorScope === s.actorScope && d.deadlineDays === s.deadlineDays);
        })
        .map((s) => ({
          org_id: org.id,
          step: s.step,
          enabled: s.enabled ? 1 : 0,
          role: s.role,
          actor_scope: s.actorScope,
          deadline_days: s.deadlineDays,
          updated_at: now,
          updated_by: acting.actor.userId,
        }));
      await db.transaction().execute(async (trx) => {
        await flow.replaceWorkflowSettings(trx, org.id, rows);
        await audit.append(trx, {
          ...acting.who,
          action: 'documents.workflow_update',
          object: { type: 'org', id: org.id },
          details: { orgId: org.id, steps: steps.map((s) => ({ ...s })) },
        });
      });
      return view(acting.actor, org.id);
    },
  };
}
