import { AppError } from '../../../platform/errors/app-error.js';
import { can, holdsRole } from '../../../platform/policy/index.js';
import { sendStepKeys, sendStepLabel, statusAtStep, type SendStep } from '../../../../shared/documents.js';
import { documentPolicy } from '../documents.policy.js';
import type { DocumentRowUpdate } from '../documents.table.js';
import { prepare } from './access.js';
import { flowRepository as flow } from './flow.repository.js';
import { copyIdsOf, mainIdsOf, type LoadedDocument } from './load.js';
import { checkParticulars } from './particulars.js';
import type { Acting, SendDeps } from './send.deps.js';
import { advance, claim, completeTask, openTasksFor, recordEvent, runStep } from './step-runner.js';
import { today } from './tasks.js';
import { earlierSteps, resolveWorkflow } from './workflow.js';

const path = (id: string, action: string) => `/api/v1/documents/${id}/${action}`;

/** The names of the leaders who gave the current round's 会签, in co-issuer order. */
export async function countersigners(deps: SendDeps, doc: LoadedDocument): Promise<string[]> {
  const done = await flow.doneTasks(deps.db, doc.row.id, 'countersign');
  return doc.coIssuers.flatMap((orgId) => {
    const latest = done.filter((t) => t.org_id === orgId).sort((a, b) => String(b.completed_at).localeCompare(String(a.completed_at)))[0];
    return latest?.completed_by_name ? [latest.completed_by_name] : [];
  });
}

/** The flow before the number: submit, review, 会签, 领导签发, and returning or cancelling. */
export function flowService(deps: SendDeps) {
  const { db, clock, audit } = deps;

  /** An approving step (核稿, 审核, 复核) — whichever the document is at: the opinion is recorded and it moves on. */
  async function approveAt(acting: Acting, id: string, opinion: string | null): Promise<void> {
    const { doc } = await prepare(deps, acting.actor, id);
    const step = doc.row.current_step;
    const reviewSteps: SendStep[] = ['department_review', 'office_review', 'recheck'];
    const target = step && reviewSteps.includes(step) ? step : 'office_review';
    await runStep(deps, acting, id, {
      step: target,
      path: path(id, 'approve'),
      run: async (ctx) => {
        await completeTask(ctx, acting, 'approve');
        const next = await advance(ctx, target);
        await recordEvent(ctx, acting, { step: target, action: 'approve', orgId: ctx.tasks[0]!.org_id, opinion });
        await audit.append(ctx.trx, {
          ...acting.who,
          action: 'documents.approve',
          object: { type: 'document', id },
          details: { step: target, nextStep: next, opinion },
        });
      },
    });
  }

  return {
    /** 拟稿 done: the complete draft (主送, body, every rule) goes to the first review step. */
    submit: (acting: Acting, id: string, opinion: string | null) =>
      runStep(deps, acting, id, {
        step: 'draft',
        path: path(id, 'submit'),
        before: async ({ doc, graph }) => {
          if (!doc.row.body_html.trim()) throw new AppError('documents.body_empty');
          await checkParticulars(
            graph,
            {
              issuerId: doc.row.org_id,
              kind: doc.row.kind,
              title: doc.row.title,
              bodyHtml: doc.row.body_html,
              mainIds: mainIdsOf(doc),
              copyIds: copyIdsOf(doc),
              coIssuerIds: doc.coIssuers,
              secrecy: doc.row.secrecy,
              secrecyTerm: doc.row.secrecy_term,
            },
            'submit',
          );
        },
        run: async (ctx) => {
          await completeTask(ctx, acting, 'submit');
          const next = await advance(ctx, 'draft');
          await recordEvent(ctx, acting, { step: 'draft', action: 'submit', orgId: ctx.doc.row.drafting_org_id, opinion });
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.submit',
            object: { type: 'document', id },
            details: { step: 'draft', nextStep: next ?? 'issue' },
          });
        },
      }),

    /** 部门核稿, 办公室审核 or 复核 — whichever the document is at. */
    approve: approveAt,

    /**
     * 会签 by one co-issuer (a leader covering several names which one with `orgId`). The document
     * moves on when every co-issuer has countersigned.
     */
    countersign: (acting: Acting, id: string, opinion: string | null, orgId: string | undefined) =>
      runStep(deps, acting, id, {
        step: 'countersign',
        path: path(id, 'countersign'),
        countersigned: async (doc, graph) => {
          const done = await flow.doneTasks(db, doc.row.id, 'countersign');
          const open = new Set(doc.openTasks.filter((t) => t.step === 'countersign').map((t) => t.org_id));
          for (const task of done) {
            const org = await graph.node(task.org_id);
            if (!open.has(task.org_id) && task.role && org && holdsRole(acting.actor, task.role, org.path)) return true;
          }
          return false;
        },
        run: async (ctx) => {
          const task = orgId ? ctx.tasks.find((t) => t.org_id === orgId) : ctx.tasks[0];
          if (!task) throw new AppError('documents.not_your_step', { details: { step: 'countersign', orgId } });
          await completeTask(ctx, acting, 'countersign', task);
          const remaining = ctx.doc.openTasks.filter((t) => t.step === 'countersign' && t.id !== task.id).length;
          if (remaining > 0) await claim(ctx, {});
          else await advance(ctx, 'countersign');
          await recordEvent(ctx, acting, { step: 'countersign', action: 'countersign', orgId: task.org_id, opinion });
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.countersign',
            object: { type: 'document', id },
            details: { orgId: task.org_id, opinion, complete: remaining === 0 },
          });
        },
      }),

    /**
     * 领导签发: the rules are checked once more with the 签发人 known; the signer's name and the
     * 成文日期 (today) are recorded. A second sign-off gets `documents.already_signed_off`.
     */
    signOff: (acting: Acting, id: string, opinion: string | null) =>
      runStep(deps, acting, id, {
        step: 'sign_off',
        path: path(id, 'sign-off'),
        before: async ({ doc, graph }) => {
          const signers = [acting.actor.displayName, ...(await countersigners(deps, doc))];
          await checkParticulars(
            graph,
            {
              issuerId: doc.row.org_id,
              kind: doc.row.kind,
              title: doc.row.title,
              bodyHtml: doc.row.body_html,
              mainIds: mainIdsOf(doc),
              copyIds: copyIdsOf(doc),
              coIssuerIds: doc.coIssuers,
              secrecy: doc.row.secrecy,
              secrecyTerm: doc.row.secrecy_term,
            },
            'sign_off',
            signers,
          );
        },
        run: async (ctx) => {
          const date = today(clock);
          await completeTask(ctx, acting, 'sign_off');
          await advance(ctx, 'sign_off', {
            signer_name: acting.actor.displayName,
            signer_id: acting.actor.userId,
            signed_at: ctx.now,
            document_date: date,
          });
          await recordEvent(ctx, acting, { step: 'sign_off', action: 'sign_off', orgId: ctx.doc.row.org_id, opinion: opinion ?? '同意' });
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.sign_off',
            object: { type: 'document', id },
            details: { signer: acting.actor.displayName, opinion, documentDate: date },
          });
        },
      }),

    /**
     * Returns the document to an earlier step of its flow with a reason. Going back before 领导签发
     * withdraws the sign-off; before 用印, the sealed copy. A 发文字号 once taken stays with the document.
     */
    async returnTo(acting: Acting, id: string, toStep: SendStep, reason: string): Promise<void> {
      const { doc } = await prepare(deps, acting.actor, id);
      const from = doc.row.current_step;
      if (!from || from === 'draft') throw new AppError('documents.step_not_current', { details: { currentStep: from } });
      const workflow = resolveWorkflow(await flow.workflowSettings(db, doc.row.org_id));
      if (!earlierSteps(workflow, from, doc.coIssuers.length > 0).includes(toStep)) {
        throw new AppError('documents.return_target_invalid', {
          message: `只能退回到“${sendStepLabel(from)}”之前已经过的环节`,
          details: { from, toStep },
        });
      }
      await runStep(deps, acting, id, {
        step: from,
        path: path(id, 'return'),
        run: async (ctx) => {
          const index = (step: SendStep) => sendStepKeys.indexOf(step);
          const changes: DocumentRowUpdate = { status: statusAtStep[toStep], current_step: toStep };
          if (index(toStep) <= index('sign_off')) Object.assign(changes, { signer_name: null, signer_id: null, signed_at: null, document_date: null });
          if (index(toStep) < index('seal')) Object.assign(changes, { final_file_id: null, sealed_at: null });
          await completeTask(ctx, acting, 'return');
          await claim(ctx, changes);
          await flow.cancelOpenTasks(ctx.trx, id, ctx.now);
          await openTasksFor(ctx, toStep, changes);
          await recordEvent(ctx, acting, { step: from, action: 'return', orgId: ctx.tasks[0]!.org_id, opinion: reason, toStep });
          await audit.append(ctx.trx, {
            ...acting.who,
            action: 'documents.return',
            object: { type: 'document', id },
            details: { fromStep: from, toStep, reason },
          });
        },
      });
    },

    /** 撤销 a document not yet issued: its drafter or a clerk of the issuer. A 发文字号 taken is not reused. */
    async cancel(acting: Acting, id: string, reason: string): Promise<void> {
      const { doc, scope } = await prepare(deps, acting.actor, id);
      if (doc.row.status === 'cancelled') throw new AppError('documents.cancelled');
      if (doc.row.status === 'issued') throw new AppError('documents.already_issued');
      if (!can(acting.actor, documentPolicy, 'cancel', scope)) throw new AppError('auth.forbidden', { details: { resource: 'document', action: 'cancel' } });
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const step = doc.row.current_step!;
        const ctx = { trx, doc, now } as Parameters<typeof claim>[0];
        await claim(ctx, { status: 'cancelled', current_step: null });
        await flow.cancelOpenTasks(trx, id, now);
        await recordEvent(ctx, acting, { step, action: 'cancel', opinion: reason });
        await audit.append(trx, { ...acting.who, action: 'documents.cancel', object: { type: 'document', id }, details: { reason, step } });
      });
    },
  };
}

export type FlowService = ReturnType<typeof flowService>;
