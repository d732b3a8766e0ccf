import { AppError } from '../../../platform/errors/app-error.js';
import { sendStepKeys, sendSteps, type SendStep, type StepActorScope } from '../../../../shared/documents.js';
import type { DocumentWorkflowSettingRow } from '../documents.table.js';

/** How one step of an organisation's sending workflow runs. */
export interface StepSetting {
  readonly step: SendStep;
  readonly enabled: boolean;
  /** The role that acts (see `src/shared/roles.ts`). */
  readonly role: string;
  /** In which organisation that role acts. */
  readonly actorScope: StepActorScope;
  /** Working days from the step's start to its deadline; 0 for none. */
  readonly deadlineDays: number;
  /** Whether the organisation changed this step from the default. */
  readonly customised: boolean;
}

/**
 * The default chain: 拟稿 → 部门核稿 → 办公室审核 → 会签 → 领导签发 → 复核 → 编号登记 → 用印 → 核发.
 * 拟稿 always waits for its drafter; 会签 runs only for joint documents, one task per co-issuer.
 */
export const defaultWorkflow: Readonly<Record<SendStep, Omit<StepSetting, 'customised'>>> = {
  draft: { step: 'draft', enabled: true, role: 'staff', actorScope: 'drafting_unit', deadlineDays: 0 },
  department_review: { step: 'department_review', enabled: true, role: 'leader', actorScope: 'drafting_unit', deadlineDays: 2 },
  office_review: { step: 'office_review', enabled: true, role: 'clerk', actorScope: 'issuer_office', deadlineDays: 2 },
  countersign: { step: 'countersign', enabled: true, role: 'leader', actorScope: 'co_issuers', deadlineDays: 3 },
  sign_off: { step: 'sign_off', enabled: true, role: 'leader', actorScope: 'issuer', deadlineDays: 2 },
  recheck: { step: 'recheck', enabled: true, role: 'clerk', actorScope: 'issuer_office', deadlineDays: 1 },
  register: { step: 'register', enabled: true, role: 'clerk', actorScope: 'issuer_office', deadlineDays: 1 },
  seal: { step: 'seal', enabled: true, role: 'clerk', actorScope: 'issuer_office', deadlineDays: 1 },
  issue: { step: 'issue', enabled: true, role: 'clerk', actorScope: 'issuer_office', deadlineDays: 1 },
};

/** Roles a step may be given: the business roles of the documents area. */
export const workflowRoles = ['clerk', 'leader', 'staff'] as const;

/** An organisation's whole workflow, every step in order, its overrides applied to the defaults. */
export function resolveWorkflow(rows: readonly DocumentWorkflowSettingRow[]): StepSetting[] {
  const overrides = new Map(rows.map((r) => [r.step, r]));
  return sendStepKeys.map((step) => {
    const row = overrides.get(step);
    if (!row) return { ...defaultWorkflow[step], customised: false };
    return {
      step,
      enabled: sendSteps[step].optional ? row.enabled === 1 : true,
      role: row.role,
      actorScope: row.actor_scope,
      deadlineDays: Number(row.deadline_days),
      customised: true,
    };
  });
}

export interface StepSettingInput {
  readonly step: SendStep;
  readonly enabled: boolean;
  readonly role: string;
  readonly actorScope: StepActorScope;
  readonly deadlineDays: number;
}

/** Refuses a setting that would break the flow: a required step switched off, or a role acting where it cannot. */
export function validateSetting(input: StepSettingInput): void {
  const problem = (message: string) => new AppError('documents.workflow_invalid', { message, details: { step: input.step } });
  const label = sendSteps[input.step].label;
  if (!input.enabled && !sendSteps[input.step].optional) throw problem(`“${label}”是必经环节，不能关闭`);
  if (input.step === 'draft' && input.actorScope !== 'drafting_unit') throw problem('拟稿环节由拟稿人办理，办理单位只能是拟稿单位');
  if (input.step === 'countersign' && input.actorScope !== 'co_issuers') throw problem('会签须由各联合发文机关办理');
  if (input.step !== 'countersign' && input.actorScope === 'co_issuers') throw problem(`“${label}”不能由联合发文机关办理`);
  if (input.step === 'sign_off' && input.role !== 'leader') throw problem('领导签发须由领导办理');
  if (!(workflowRoles as readonly string[]).includes(input.role)) throw problem(`角色须为文秘/机要、领导或工作人员之一`);
}

/** The step after `current` in this workflow, or null after the last; 会签 is skipped without co-issuers. */
export function nextStep(workflow: readonly StepSetting[], current: SendStep, hasCoIssuers: boolean): SendStep | null {
  const index = sendStepKeys.indexOf(current);
  for (const step of sendStepKeys.slice(index + 1)) {
    const setting = workflow.find((s) => s.step === step)!;
    if (!setting.enabled) continue;
    if (step === 'countersign' && !hasCoIssuers) continue;
    return step;
  }
  return null;
}

/** The steps before `current` a document may be returned to (enabled ones, 会签 only for joint documents). */
export function earlierSteps(workflow: readonly StepSetting[], current: SendStep, hasCoIssuers: boolean): SendStep[] {
  return sendStepKeys
    .slice(0, sendStepKeys.indexOf(current))
    .filter((step) => workflow.find((s) => s.step === step)!.enabled && (step !== 'countersign' || hasCoIssuers));
}
