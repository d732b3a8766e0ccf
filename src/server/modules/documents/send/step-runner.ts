import type { Trx } from '../../../db/database.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { statusAtStep, type FlowAction, type SendStep } from '../../../../shared/documents.js';
import { mayActOn, type DocumentScope, type TaskScope } from '../documents.policy.js';
import type { DocumentRowUpdate, DocumentTaskRow } from '../documents.table.js';
import { auditingDenials, prepare, type Prepared } from './access.js';
import { documentRepository as docs } from './document.repository.js';
import { flowRepository as flow } from './flow.repository.js';
import { loadDocument, scopeOf, type LoadedDocument } from './load.js';
import type { OrgGraph } from './org-graph.js';
import type { Acting, SendDeps } from './send.deps.js';
import { openStep } from './tasks.js';
import { nextStep, resolveWorkflow, type StepSetting } from './workflow.js';

/** Everything a step's action sees inside its transaction. */
export interface StepContext {
  readonly trx: Trx;
  readonly doc: LoadedDocument;
  readonly scope: DocumentScope;
  readonly workflow: readonly StepSetting[];
  readonly officeId: string | null;
  /** The open tasks of this step the actor may act on (a leader may countersign for several co-issuers). */
  readonly tasks: readonly DocumentTaskRow[];
  readonly now: string;
}

/**
 * Why the actor cannot take `step` on this document now, with the most telling code: the document is
 * cancelled; the step is behind it (signed off / registered / sealed / issued already); it is not at
 * the step; or the step waits for someone else. Null when he may act.
 */
export function refusal(doc: LoadedDocument, actorTasks: readonly TaskScope[], step: SendStep, countersigned: boolean): AppError | null {
  const { row } = doc;
  if (row.status === 'cancelled') return new AppError('documents.cancelled');
  if (row.current_step !== step) {
    if (step === 'sign_off' && row.signed_at) return new AppError('documents.already_signed_off', { details: { signer: row.signer_name } });
    if (step === 'register' && row.doc_number) return new AppError('documents.already_registered', { details: { docNumber: row.doc_number } });
    if (step === 'seal' && row.sealed_at) return new AppError('documents.already_sealed');
    if (step === 'issue' && row.status === 'issued') return new AppError('documents.already_issued');
    if (step === 'countersign' && countersigned) return new AppError('documents.already_countersigned');
    return new AppError('documents.step_not_current', { details: { step, currentStep: row.current_step } });
  }
  if (actorTasks.length === 0) {
    if (step === 'countersign' && countersigned) return new AppError('documents.already_countersigned');
    return new AppError('documents.not_your_step', { details: { step } });
  }
  return null;
}

export interface StepAction<T> {
  readonly step: SendStep;
  /** The API path, for the audited denial. */
  readonly path: string;
  /** Work before the transaction (rule checks, rendering, sealing); may throw. */
  readonly before?: (prepared: Prepared, workflow: readonly StepSetting[]) => Promise<T>;
  /** The write, inside the transaction, after the document's revision is claimed by `claim`. */
  readonly run: (ctx: StepContext, prepared: T) => Promise<void>;
  /** Whether the actor already gave his 会签 in this round (for the precise refusal). */
  readonly countersigned?: (doc: LoadedDocument, graph: OrgGraph) => Promise<boolean>;
}

/**
 * Runs one action of the sending workflow: checks outside the transaction, then in it reloads the
 * document, checks again (another request may have acted meanwhile) and calls `run`. A lost race
 * (the revision moved) is answered with the precise code the new state gives, e.g. a second
 * concurrent sign-off gets `documents.already_signed_off`; refusals of a step that is not the actor's
 * are audited.
 */
export async function runStep<T>(deps: SendDeps, acting: Acting, id: string, action: StepAction<T>): Promise<void> {
  const { actor } = acting;
  const attempt = async (): Promise<void> => {
    const prepared = await prepare(deps, actor, id);
    const mine = (scope: DocumentScope) => scope.openTasks.filter((t) => t.step === action.step && mayActOn(actor, t));
    const countersigned = action.countersigned ? await action.countersigned(prepared.doc, prepared.graph) : false;
    const early = refusal(prepared.doc, mine(prepared.scope), action.step, countersigned);
    if (early) throw early;
    const workflow = resolveWorkflow(await flow.workflowSettings(deps.db, prepared.doc.row.org_id));
    const office = await prepared.graph.officeOf(prepared.doc.row.org_id);
    const before = action.before ? await action.before(prepared, workflow) : (undefined as T);
    prepared.graph.freeze();
    await deps.db.transaction().execute(async (trx) => {
      const doc = await loadDocument(trx, id);
      const scope = await scopeOf(prepared.graph, doc);
      const tasks = mine(scope);
      const late = refusal(doc, tasks, action.step, false);
      if (late) throw late;
      await action.run(
        {
          trx,
          doc,
          scope,
          workflow,
          officeId: office?.id ?? null,
          // scopeOf keeps the order of doc.openTasks.
          tasks: doc.openTasks.filter((t, i) => t.step === action.step && mayActOn(actor, scope.openTasks[i]!)),
          now: deps.clock.now().toISOString(),
        },
        before,
      );
    });
  };
  await auditingDenials(deps, acting.who, { method: 'POST', path: action.path }, async () => {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isAppError(error) || error.code !== 'documents.changed_concurrently' || tries >= 2) throw error;
        // Lost a race: the next attempt answers from the new state (e.g. already signed off), or acts.
      }
    }
  });
}

/** Claims the document for this action: fails if another request changed it since it was read. */
export async function claim(ctx: StepContext, changes: DocumentRowUpdate): Promise<void> {
  if (!(await docs.updateAtRevision(ctx.trx, ctx.doc.row.id, Number(ctx.doc.row.revision), { ...changes, updated_at: ctx.now }))) {
    throw new AppError('documents.changed_concurrently');
  }
}

/** Records one row of the flow history. */
export async function recordEvent(
  ctx: StepContext,
  acting: Acting,
  event: { step: SendStep; action: FlowAction; orgId?: string | null; opinion?: string | null; toStep?: SendStep | null },
): Promise<void> {
  await flow.insertEvent(ctx.trx, {
    id: newId(),
    document_id: ctx.doc.row.id,
    step: event.step,
    action: event.action,
    org_id: event.orgId ?? null,
    actor_id: acting.actor.userId,
    actor_name: acting.actor.displayName,
    opinion: event.opinion ?? null,
    to_step: event.toStep ?? null,
    at: ctx.now,
  });
}

/** Closes the actor's task of the step (the first he may act on); false when someone closed it meanwhile. */
export async function completeTask(ctx: StepContext, acting: Acting, outcome: FlowAction, task = ctx.tasks[0]): Promise<void> {
  if (!task || !(await flow.completeTask(ctx.trx, task.id, { at: ctx.now, by: acting.actor.userId, byName: acting.actor.displayName, outcome }))) {
    throw new AppError('documents.changed_concurrently');
  }
}

/**
 * Moves the document from `from` to the next enabled step (or to 已核发 after the last), closing what
 * is left open of `from` and opening the next step's tasks. Returns the step it moved to.
 */
export async function advance(ctx: StepContext, from: SendStep, changes: DocumentRowUpdate = {}): Promise<SendStep | null> {
  const next = nextStep(ctx.workflow, from, ctx.doc.coIssuers.length > 0);
  await claim(ctx, { ...changes, status: next ? statusAtStep[next] : 'issued', current_step: next });
  await flow.cancelOpenTasks(ctx.trx, ctx.doc.row.id, ctx.now);
  if (next) await openTasksFor(ctx, next, changes);
  return next;
}

/** Opens a step's tasks for the document as it now stands. */
export async function openTasksFor(ctx: StepContext, step: SendStep, changes: DocumentRowUpdate = {}): Promise<void> {
  const setting = ctx.workflow.find((s) => s.step === step)!;
  await openStep(ctx.trx, { now: () => new Date(ctx.now) }, { row: { ...ctx.doc.row, ...changes } as LoadedDocument['row'], coIssuers: ctx.doc.coIssuers, officeId: ctx.officeId }, setting);
}
