import type { Actor } from '../../../platform/actor.js';
import { definePolicy, holdsAnyRole, holdsRole, type OrgPath } from '../../../platform/policy/index.js';
import type { IncomingStep } from '../../../../shared/documents-receiving.js';

/**
 * What the incoming-document policy judges. The receiving organisation's papers are handled by its
 * clerks — its own or those of its 办公室 — and instructed by its leaders; the 承办/协办 units' people
 * handle what they were given; readers of a circulation see what was sent to them.
 */
export interface IncomingScope {
  readonly step: IncomingStep;
  /** The receiving organisation and its 办公室. */
  readonly orgPaths: readonly OrgPath[];
  /** The receiving organisation itself (leaders instruct there). */
  readonly orgPath: OrgPath;
  readonly leadPath: OrgPath | null;
  readonly coPaths: readonly OrgPath[];
  readonly hasDeadline: boolean;
  /** Readers the document was circulated to, and whether each has read it. */
  readonly circulation: readonly { readonly userId: string; readonly read: boolean }[];
  readonly filed: boolean;
}

const unitRoles = ['clerk', 'staff', 'leader'] as const;

const isClerk = (actor: Actor, item: IncomingScope) => item.orgPaths.some((p) => holdsRole(actor, 'clerk', p));
const isLeader = (actor: Actor, item: IncomingScope) => holdsRole(actor, 'leader', item.orgPath);
const inLead = (actor: Actor, item: IncomingScope) => holdsAnyRole(actor, unitRoles, item.leadPath);
const inUnit = (actor: Actor, item: IncomingScope) => inLead(actor, item) || item.coPaths.some((p) => holdsAnyRole(actor, unitRoles, p));
const circulatedTo = (actor: Actor, item: IncomingScope) => item.circulation.some((c) => c.userId === actor.userId);
const at = (item: IncomingScope, ...steps: IncomingStep[]) => steps.includes(item.step);

/**
 * One incoming document. Anyone without `read` is told it does not exist
 * (`documents.incoming_not_found`), so another county's inbox discloses nothing.
 */
export const incomingPolicy = definePolicy(
  'incoming-document',
  {
    read: (actor, item: IncomingScope) =>
      isClerk(actor, item) || item.orgPaths.some((p) => holdsRole(actor, 'leader', p)) || inUnit(actor, item) || circulatedTo(actor, item),
    /** 签收. */
    sign: (actor, item: IncomingScope) => at(item, 'pending') && isClerk(actor, item),
    /** 登记: takes the 收文编号. */
    register: (actor, item: IncomingScope) => at(item, 'signed') && isClerk(actor, item),
    /** 初审: accept, or return to the sender with a reason. */
    review: (actor, item: IncomingScope) => at(item, 'registered') && isClerk(actor, item),
    /** 拟办. */
    propose: (actor, item: IncomingScope) => at(item, 'reviewed') && isClerk(actor, item),
    /** 批办: a leader of the receiving organisation (拟办 may be skipped). */
    instruct: (actor, item: IncomingScope) => at(item, 'reviewed', 'proposed') && isLeader(actor, item),
    /** 承办: the lead unit records its handling; a co-unit its 协办 opinion. */
    handle: (actor, item: IncomingScope) => at(item, 'instructed', 'handling') && inUnit(actor, item),
    /** 传阅 to readers, from 登记 on. */
    circulate: (actor, item: IncomingScope) => !at(item, 'pending', 'signed', 'returned') && isClerk(actor, item),
    /** Mark one's own circulated copy read. */
    markRead: (actor, item: IncomingScope) => item.circulation.some((c) => c.userId === actor.userId && !c.read),
    /** 催办 by hand. */
    remind: (actor, item: IncomingScope) => at(item, 'instructed', 'handling') && item.hasDeadline && isClerk(actor, item),
    /** 办结: the lead unit, or the receiving clerks (a document for reading only has no lead unit). */
    complete: (actor, item: IncomingScope) => at(item, 'instructed', 'handling') && (inLead(actor, item) || isClerk(actor, item)),
    /** 归档 of a finished one. */
    file: (actor, item: IncomingScope) => at(item, 'completed') && !item.filed && isClerk(actor, item),
  },
  { conceal: { unless: 'read', as: 'documents.incoming_not_found' } },
);

export type IncomingAction = (typeof incomingPolicy.actions)[number];
export const incomingActions = incomingPolicy.actions;

/** An organisation's inbox: clerks and leaders see all of it; its staff what the unit was given. */
export interface InboxScope {
  /** The organisation and its 办公室. */
  readonly paths: readonly OrgPath[];
}

export const inboxPolicy = definePolicy(
  'document-inbox',
  {
    read: (actor, inbox: InboxScope) => inbox.paths.some((p) => holdsAnyRole(actor, unitRoles, p)),
    /** Everything received, not only what the unit was given. */
    readAll: (actor, inbox: InboxScope) => inbox.paths.some((p) => holdsAnyRole(actor, ['clerk', 'leader'], p)),
    /** Register a paper document received from outside. */
    registerPaper: (actor, inbox: InboxScope) => inbox.paths.some((p) => holdsRole(actor, 'clerk', p)),
  },
  { conceal: { unless: 'read', as: 'documents.inbox_not_found' } },
);

export const inboxActions = inboxPolicy.actions;

/** What a sender sees of a document's receipts: the issuing organisation's clerks and leaders. */
export const receiptPolicy = definePolicy(
  'document-receipts',
  {
    read: (actor, doc: { readonly issuerPaths: readonly OrgPath[] }) => doc.issuerPaths.some((p) => holdsAnyRole(actor, ['clerk', 'leader'], p)),
  },
  { conceal: { unless: 'read', as: 'documents.not_found' } },
);
