import { definePolicy, holdsAnyRole, type OrgPath } from '../../../platform/policy/index.js';

/** A site as the inspection policy sees it: the owning organisation's path. */
export interface InspectionScope {
  readonly orgPath: OrgPath;
}

/**
 * A site's self-inspection. The site organisation's editors and reviewers and an IT office (信息化监管)
 * over it read the results; its editors and the IT office run it again. Anyone else is told there is
 * no such site.
 */
export const inspectionPolicy = definePolicy(
  'portal-inspection',
  {
    read: (actor, site: InspectionScope) => holdsAnyRole(actor, ['editor', 'reviewer', 'it_office'], site.orgPath),
    run: (actor, site: InspectionScope) => holdsAnyRole(actor, ['editor', 'it_office'], site.orgPath),
  },
  { conceal: { unless: 'read', as: 'portal.inspection_site_not_found' } },
);

export const inspectionActions = inspectionPolicy.actions;
