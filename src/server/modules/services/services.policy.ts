import { definePolicy, holdsAnyRole, type OrgPath } from '../../platform/policy/index.js';

/** What the catalogue policy judges: the implementing organisation of an item. */
export interface ServiceScope {
  readonly path: OrgPath;
}

/**
 * Service items: the implementing organisation's 窗口/审批人员 keep its items and their guides; the
 * 信息化监管 office reads them all (its grant covers the league's subtree). Anyone else gets a 404.
 */
export const serviceItemPolicy = definePolicy(
  'service-item',
  {
    read: (actor, s: ServiceScope) => holdsAnyRole(actor, ['officer', 'it_office'], s.path),
    edit: (actor, s: ServiceScope) => holdsAnyRole(actor, ['officer'], s.path),
  },
  { conceal: { unless: 'read', as: 'services.item_not_found' } },
);
export type ServiceItemAction = (typeof serviceItemPolicy.actions)[number];
