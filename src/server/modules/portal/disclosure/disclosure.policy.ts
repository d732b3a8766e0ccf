import { definePolicy, holdsAnyRole, type OrgPath } from '../../../platform/policy/index.js';

/** What the disclosure policies judge: the organisation whose disclosure platform it is. */
export interface DisclosureScope {
  readonly path: OrgPath;
}

/**
 * The catalogue, guide and rules of an organisation: its 网站编辑 maintain them; its reviewers,
 * 窗口/审批人员 and the 信息化监管 office read them. Anyone else gets a 404.
 */
export const cataloguePolicy = definePolicy(
  'disclosure-catalogue',
  {
    read: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['editor', 'reviewer', 'officer', 'it_office'], s.path),
    edit: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['editor'], s.path),
  },
  { conceal: { unless: 'read', as: 'disclosure.org_not_found' } },
);
export type CatalogueAction = (typeof cataloguePolicy.actions)[number];

/** Requests (依申请公开): handled by the organisation's 窗口/审批人员, read by the 信息化监管 office. */
export const requestPolicy = definePolicy(
  'disclosure-request',
  {
    read: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['officer', 'it_office'], s.path),
    handle: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['officer'], s.path),
  },
  { conceal: { unless: 'read', as: 'disclosure.request_not_found' } },
);
export type RequestPolicyAction = (typeof requestPolicy.actions)[number];

/** Annual reports: written and published by the organisation's editors or officers, read by the IT office too. */
export const reportPolicy = definePolicy(
  'disclosure-report',
  {
    read: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['editor', 'officer', 'it_office'], s.path),
    edit: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['editor', 'officer'], s.path),
    publish: (actor, s: DisclosureScope) => holdsAnyRole(actor, ['editor', 'officer'], s.path),
  },
  { conceal: { unless: 'read', as: 'disclosure.report_not_found' } },
);
export type ReportAction = (typeof reportPolicy.actions)[number];
