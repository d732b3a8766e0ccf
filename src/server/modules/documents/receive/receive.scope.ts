import type { DbOrTrx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { authorize, can } from '../../../platform/policy/index.js';
import type { IncomingStep } from '../../../../shared/documents-receiving.js';
import type { OrgLookup, OrgNode } from './org-lookup.js';
import { type IncomingAction, type IncomingScope, incomingPolicy } from './receive.policy.js';
import { receiveRepository as repo } from './receive.repository.js';
import type { IncomingCirculationRow, IncomingRow, IncomingUnitRow } from './receive.table.js';
import './receive.errors.js';

/** One inbox item as loaded, with what its policy needs. */
export interface LoadedItem {
  readonly row: IncomingRow;
  readonly units: IncomingUnitRow[];
  readonly circulation: IncomingCirculationRow[];
  readonly filed: boolean;
}

/** The organisation and its 办公室 (whose clerks handle its papers). */
export async function orgPathsOf(graph: OrgLookup, orgId: string): Promise<{ org: OrgNode; paths: string[] }> {
  // Side by side: the organisation and its children come in one round trip each, together.
  const [org, office] = await Promise.all([graph.node(orgId), graph.officeOf(orgId)]);
  if (!org) throw new AppError('documents.inbox_not_found', { details: { orgId } });
  return { org, paths: office ? [org.path, office.path] : [org.path] };
}

/** Loads an item by id; `documents.incoming_not_found` when there is none. */
export async function loadItem(db: DbOrTrx, id: string, isFiled: (incomingId: string) => Promise<boolean>): Promise<LoadedItem> {
  const row = await repo.find(db, id);
  if (!row) throw new AppError('documents.incoming_not_found', { details: { id } });
  const [units, circulation, filed] = await Promise.all([repo.units(db, [id]), repo.circulation(db, [id]), row.step === 'completed' ? isFiled(id) : false]);
  return { row, units, circulation, filed };
}

/** The policy's view of an item. */
export async function scopeOf(lookup: OrgLookup, item: LoadedItem): Promise<IncomingScope> {
  const { org, paths } = await orgPathsOf(lookup, item.row.org_id);
  const nodes = await lookup.nodes(item.units.map((u) => u.org_id));
  const lead = item.units.find((u) => u.role === 'lead');
  return {
    step: item.row.step,
    orgPaths: paths,
    orgPath: org.path,
    leadPath: lead ? (nodes.get(lead.org_id)?.path ?? null) : null,
    coPaths: item.units.filter((u) => u.role === 'co').flatMap((u) => nodes.get(u.org_id)?.path ?? []),
    hasDeadline: item.row.deadline !== null,
    circulation: item.circulation.map((c) => ({ userId: c.user_id, read: c.read_at !== null })),
    filed: item.filed,
  };
}

/** What each step's refusal says when the item is no longer at that step. */
const doneAlready: Partial<Record<IncomingAction, (step: IncomingStep) => string | undefined>> = {
  sign: (step) => (step !== 'pending' ? 'documents.incoming_already_signed' : undefined),
  register: (step) => (['registered', 'reviewed', 'proposed', 'instructed', 'handling', 'completed'].includes(step) ? 'documents.incoming_already_registered' : undefined),
};

/** The steps at which each action applies (mirrors the policy), for telling "not now" from "not yours". */
export const actionSteps: Record<Exclude<IncomingAction, 'read' | 'markRead'>, readonly IncomingStep[]> = {
  sign: ['pending'],
  register: ['signed'],
  review: ['registered'],
  propose: ['reviewed'],
  instruct: ['reviewed', 'proposed'],
  handle: ['instructed', 'handling'],
  circulate: ['registered', 'reviewed', 'proposed', 'instructed', 'handling', 'completed'],
  remind: ['instructed', 'handling'],
  complete: ['instructed', 'handling'],
  file: ['completed'],
};

/**
 * Authorises one step on an item with a clear answer: not found when the actor may not see it;
 * a 409 when the item is past (or not yet at) the step; a 403 `not your step` otherwise.
 */
export function authorizeStep(actor: Actor, scope: IncomingScope, action: Exclude<IncomingAction, 'read' | 'markRead'>): void {
  authorize(actor, incomingPolicy, 'read', scope);
  if (can(actor, incomingPolicy, action, scope)) return;
  if (!actionSteps[action].includes(scope.step)) {
    const code = doneAlready[action]?.(scope.step) ?? 'documents.incoming_step_not_current';
    throw new AppError(code, { details: { step: scope.step, action } });
  }
  throw new AppError('documents.incoming_not_your_step', { details: { step: scope.step, action } });
}
