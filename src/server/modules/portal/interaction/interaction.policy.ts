import type { Actor } from '../../../platform/actor.js';
import { definePolicy, holdsAnyRole, holdsRole, type OrgPath } from '../../../platform/policy/index.js';
import type { MessageState, SurveyState } from '../../../../shared/interaction.js';

/** What the message policy judges: the site's organisation and the unit it was routed to. */
export interface MessageScope {
  readonly state: MessageState;
  readonly sitePath: OrgPath;
  readonly unitPath: OrgPath | null;
  readonly consent: boolean;
  readonly published: boolean;
}

const siteStaff = ['editor', 'reviewer', 'it_office'] as const;
/** A message not yet answered (nor marked invalid). */
const openStates: readonly MessageState[] = ['received', 'accepted', 'routed', 'drafted'];
const unitStaff = ['officer', 'staff'] as const;
const isEditor = (actor: Parameters<typeof holdsRole>[0], m: MessageScope) => holdsRole(actor, 'editor', m.sitePath);
const inUnit = (actor: Parameters<typeof holdsRole>[0], m: MessageScope) => holdsAnyRole(actor, unitStaff, m.unitPath);

/**
 * A citizen's message. The site organisation's editors, reviewers and IT office see it; the unit it
 * was routed to sees it while it is theirs and after. Anyone else is told it does not exist.
 */
export const messagePolicy = definePolicy(
  'portal-message',
  {
    read: (actor, m: MessageScope) => holdsAnyRole(actor, siteStaff, m.sitePath) || inUnit(actor, m),
    /** 受理 or 标记无效. */
    triage: (actor, m: MessageScope) => m.state === 'received' && isEditor(actor, m),
    /** 转办 to a unit (again after the unit sent it back). */
    route: (actor, m: MessageScope) => m.state === 'accepted' && isEditor(actor, m),
    /** The unit sends it back for routing elsewhere, with a reason. */
    sendBack: (actor, m: MessageScope) => m.state === 'routed' && inUnit(actor, m),
    /** The unit's officer or staff drafts the answer. */
    draft: (actor, m: MessageScope) => m.state === 'routed' && inUnit(actor, m),
    /** The site organisation's reviewer approves the answer (or sends it back). */
    approve: (actor, m: MessageScope) => m.state === 'drafted' && holdsRole(actor, 'reviewer', m.sitePath),
    /**
     * The writer's full phone number, to call back: the unit while the message is theirs, the site's
     * editors while it is open. Every reveal is audited.
     */
    contact: (actor, m: MessageScope) =>
      ((m.state === 'routed' || m.state === 'drafted') && inUnit(actor, m)) || (openStates.includes(m.state) && isEditor(actor, m)),
    /** Publication of an answered message whose writer consented. */
    publish: (actor, m: MessageScope) => m.state === 'answered' && m.consent && !m.published && isEditor(actor, m),
  },
  { conceal: { unless: 'read', as: 'interaction.message_not_found' } },
);
export type MessageAction = (typeof messagePolicy.actions)[number];

/** Whether the actor holds the role an action needs, whatever the message's state (403 versus 409). */
export function holdsRoleFor(actor: Actor, action: Exclude<MessageAction, 'read'>, m: MessageScope): boolean {
  if (action === 'sendBack' || action === 'draft') return inUnit(actor, m);
  if (action === 'contact') return inUnit(actor, m) || isEditor(actor, m);
  if (action === 'approve') return holdsRole(actor, 'reviewer', m.sitePath);
  return isEditor(actor, m);
}

/** A site's interaction area as a whole: its lists and statistics; surveys are created by its editors. */
export const sitePolicy = definePolicy(
  'portal-interaction-site',
  {
    read: (actor, site: { path: OrgPath }) => holdsAnyRole(actor, siteStaff, site.path),
    createSurvey: (actor, site: { path: OrgPath }) => holdsRole(actor, 'editor', site.path),
  },
  { conceal: { unless: 'read', as: 'interaction.site_not_found' } },
);

export interface SurveyScope {
  readonly sitePath: OrgPath;
  readonly state: SurveyState;
  readonly createdBy: string;
}

/** A survey or call for opinions: editors write it, a reviewer other than its author publishes it. */
export const surveyPolicy = definePolicy(
  'portal-survey',
  {
    read: (actor, s: SurveyScope) => holdsAnyRole(actor, siteStaff, s.sitePath),
    edit: (actor, s: SurveyScope) => (s.state === 'draft' || s.state === 'rejected') && holdsRole(actor, 'editor', s.sitePath),
    submit: (actor, s: SurveyScope) => (s.state === 'draft' || s.state === 'rejected') && holdsRole(actor, 'editor', s.sitePath),
    approve: (actor, s: SurveyScope) => s.state === 'submitted' && actor.userId !== s.createdBy && holdsRole(actor, 'reviewer', s.sitePath),
    /** 反馈 and moderation of free-text answers, once published. */
    feedback: (actor, s: SurveyScope) => s.state === 'published' && holdsRole(actor, 'editor', s.sitePath),
  },
  { conceal: { unless: 'read', as: 'interaction.survey_not_found' } },
);
