import type { Actor } from '../../../platform/actor.js';
import type { AuditContext } from '../../../platform/audit/index.js';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { can } from '../../../platform/policy/index.js';
import { documentPolicy, type DocumentScope } from '../documents.policy.js';
import { loadDocument, preloadOrgs, scopeOf, type LoadedDocument } from './load.js';
import { OrgGraph } from './org-graph.js';
import type { SendDeps } from './send.deps.js';

/** A document read before a write's transaction, with its organisations loaded and the policy's view. */
export interface Prepared {
  readonly doc: LoadedDocument;
  readonly graph: OrgGraph;
  readonly scope: DocumentScope;
}

/**
 * Loads a document the actor may see, with every organisation it names. Out of the actor's sight it
 * is `documents.not_found`, whether it exists or not.
 */
export async function prepare(deps: SendDeps, actor: Actor, id: string): Promise<Prepared> {
  const doc = await loadDocument(deps.db, id);
  const graph = new OrgGraph(deps.orgs);
  await preloadOrgs(graph, doc);
  const scope = await scopeOf(graph, doc);
  if (!can(actor, documentPolicy, 'read', scope)) throw new AppError('documents.not_found');
  return { doc, graph, scope };
}

/** Codes that refuse an actor on a document he can see: audited as denials, like `auth.forbidden`. */
const denials = new Set(['documents.not_your_step']);

/**
 * Runs a write and, when it is refused because the step is not the actor's, records the denial in a
 * transaction of its own (the write's own transaction has rolled back by then).
 */
export async function auditingDenials<T>(
  deps: SendDeps,
  who: AuditContext,
  request: { method: string; path: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isAppError(error) && denials.has(error.code)) {
      await deps.audit.record(deps.db, {
        ...who,
        action: 'auth.denied',
        outcome: 'denied',
        details: { permission: error.code, method: request.method, path: request.path },
      });
    }
    throw error;
  }
}
