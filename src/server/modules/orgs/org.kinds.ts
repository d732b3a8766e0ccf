import type { Org } from './org.schema.js';

/**
 * The general office (办公室) of a leading body: an internal office child whose name ends in 办公室.
 * It handles the body's papers (documents: the sending side's `issuer_office` steps, the inboxes) and
 * runs its portal (interaction: the portal's letters go to the body's departments).
 */
export const isGeneralOffice = (org: Pick<Org, 'kind' | 'nameZh'>): boolean => org.kind === 'office' && org.nameZh.endsWith('办公室');
