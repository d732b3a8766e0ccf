/**
 * The policy engine (platform `policy`): modules declare their actions per resource in a
 * `*.policy.ts` with `definePolicy`, judge them with `can`/`authorize`, answer `allowedActions` in
 * responses, and check lists in bulk with `allowedIds`. Org scope comes from `holdsRole(actor, role,
 * orgPath)`; the caller passes the object's organisation path, since the platform knows no modules.
 */
export { holdsRole, holdsAnyRole, grantCovers, grantsOf, orgIdsOnPath, type OrgPath } from './scope.js';
export {
  allowedActions,
  allowedIds,
  authorize,
  can,
  definePolicy,
  withActions,
  type ActionOf,
  type ObjectOf,
  type Policy,
  type PolicyOptions,
  type Rule,
} from './policy.js';
export { installAuthGate } from './auth-gate.js';
