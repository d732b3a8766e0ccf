import { definePolicy, holdsAnyRole, holdsRole, type OrgPath } from '../../../platform/policy/index.js';

/** An organisation's archive (全宗) as the policy sees it: the organisation and its 办公室. */
export interface ArchiveScope {
  readonly paths: readonly OrgPath[];
}

const clerk = (actor: Parameters<typeof holdsRole>[0], scope: ArchiveScope) => scope.paths.some((p) => holdsRole(actor, 'clerk', p));

/**
 * An organisation's archive. Its clerks (or its 办公室's) file, set the 全宗号 and export packages;
 * its leaders read. Anyone else is told there is no such archive.
 */
export const archivePolicy = definePolicy(
  'document-archive',
  {
    read: (actor, scope: ArchiveScope) => scope.paths.some((p) => holdsAnyRole(actor, ['clerk', 'leader'], p)),
    file: clerk,
    configure: clerk,
    export: clerk,
  },
  { conceal: { unless: 'read', as: 'documents.archive_not_found' } },
);

/** One filed 件: read its metadata and download its original or archival copy. */
export const archiveItemPolicy = definePolicy(
  'archive-item',
  {
    read: (actor, scope: ArchiveScope) => archivePolicy.rules.read(actor, scope),
    download: (actor, scope: ArchiveScope) => archivePolicy.rules.read(actor, scope),
  },
  { conceal: { unless: 'read', as: 'documents.archive_not_found' } },
);

export const archiveActions = archivePolicy.actions;
export const archiveItemActions = archiveItemPolicy.actions;
