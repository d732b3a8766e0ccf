import type { Actor } from '../../platform/actor.js';
import { definePolicy, holdsAnyRole, holdsRole, type OrgPath } from '../../platform/policy/index.js';
import type { DocumentStatus, SendStep } from '../../../shared/documents.js';

/** One open task of a document as the policy sees it: who may act on it. */
export interface TaskScope {
  readonly step: SendStep;
  /** The organisation the task is for (issuer, drafting unit or a co-issuer). */
  readonly orgId: string;
  readonly role: string | null;
  /** A task for one person (拟稿 waits for its drafter). */
  readonly userId: string | null;
  /** Paths where holding `role` lets one act: the task's organisation, and its 办公室 when the step allows. */
  readonly paths: readonly OrgPath[];
}

/** What the document policy judges. */
export interface DocumentScope {
  readonly status: DocumentStatus;
  readonly currentStep: SendStep | null;
  readonly draftedBy: string;
  /** The issuing organisation and its 办公室 (which handles its papers). */
  readonly issuerPaths: readonly OrgPath[];
  readonly draftingPath: OrgPath | null;
  readonly coIssuerPaths: readonly OrgPath[];
  readonly openTasks: readonly TaskScope[];
}

/** Whether the actor may act on one task: its person, or a holder of its role in one of its organisations. */
export function mayActOn(actor: Actor, task: TaskScope): boolean {
  if (task.userId) return task.userId === actor.userId;
  return task.role !== null && task.paths.some((path) => holdsRole(actor, task.role!, path));
}

const mayActAt = (actor: Actor, doc: DocumentScope, steps: readonly SendStep[]) =>
  doc.currentStep !== null && steps.includes(doc.currentStep) && doc.openTasks.some((t) => t.step === doc.currentStep && mayActOn(actor, t));

/** Steps at which the body and the particulars may still change (with 痕迹保留); from 会签 on they are fixed. */
export const editableSteps: readonly SendStep[] = ['draft', 'department_review', 'office_review', 'sign_off'];

const readers = (actor: Actor, doc: DocumentScope) =>
  actor.userId === doc.draftedBy ||
  doc.issuerPaths.some((p) => holdsAnyRole(actor, ['clerk', 'leader'], p)) ||
  doc.coIssuerPaths.some((p) => holdsAnyRole(actor, ['clerk', 'leader'], p)) ||
  holdsAnyRole(actor, ['clerk', 'leader', 'staff'], doc.draftingPath) ||
  doc.openTasks.some((t) => mayActOn(actor, t));

/**
 * A document on the sending side. The issuing organisation's (and its 办公室's) clerks and leaders,
 * the co-issuers', the drafting unit's people and whoever a step waits for see it; anyone else gets
 * `documents.not_found`. Each flow action is allowed to whoever the current step waits for.
 */
export const documentPolicy = definePolicy(
  'document',
  {
    read: readers,
    edit: (actor, doc: DocumentScope) => mayActAt(actor, doc, editableSteps),
    submit: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['draft']),
    approve: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['department_review', 'office_review', 'recheck']),
    countersign: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['countersign']),
    signOff: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['sign_off']),
    register: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['register']),
    seal: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['seal']),
    issue: (actor, doc: DocumentScope) => mayActAt(actor, doc, ['issue']),
    return: (actor, doc: DocumentScope) => doc.currentStep !== 'draft' && mayActAt(actor, doc, [doc.currentStep!].filter(Boolean)),
    cancel: (actor, doc: DocumentScope) =>
      (doc.status === 'draft' || doc.status === 'reviewing' || doc.status === 'signed') &&
      (actor.userId === doc.draftedBy || doc.issuerPaths.some((p) => holdsRole(actor, 'clerk', p))),
  },
  { conceal: { unless: 'read', as: 'documents.not_found' } },
);

export type DocumentAction = (typeof documentPolicy.actions)[number];
export const documentActions = documentPolicy.actions;

/** Drafting for an organisation: its clerks and staff, or those of the unit that drafts (the issuer's subtree). */
export interface DraftingScope {
  readonly draftingPath: OrgPath;
  readonly issuerPaths: readonly OrgPath[];
}

export const draftingPolicy = definePolicy('document-drafting', {
  create: (actor, scope: DraftingScope) =>
    holdsAnyRole(actor, ['clerk', 'staff'], scope.draftingPath) || scope.issuerPaths.some((p) => holdsRole(actor, 'clerk', p)),
});

/** An organisation (its path first) and its 办公室, as the workflow policy judges them. */
export interface WorkflowScope {
  readonly paths: readonly OrgPath[];
}

/**
 * An organisation's sending workflow: its (or its 办公室's) clerks and leaders and a 系统管理员 over it
 * read it; its leaders or a 系统管理员 over it change it.
 */
export const workflowPolicy = definePolicy('document-workflow', {
  read: (actor, org: WorkflowScope) => org.paths.some((p) => holdsAnyRole(actor, ['clerk', 'leader', 'sysadmin'], p)),
  configure: (actor, org: WorkflowScope) => holdsAnyRole(actor, ['leader', 'sysadmin'], org.paths[0]),
});
