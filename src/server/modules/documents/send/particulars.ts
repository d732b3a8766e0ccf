import { AppError } from '../../../platform/errors/app-error.js';
import type { DocumentKind } from '../../../../shared/documents.js';
import { assertRules, checkRules, type RuleInput } from './rules.js';
import type { OrgGraph } from './org-graph.js';

/** What a draft says about itself: kind, organisations, secrecy, body. */
export interface Particulars {
  readonly issuerId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly bodyHtml: string;
  readonly mainIds: readonly string[];
  readonly copyIds: readonly string[];
  readonly coIssuerIds: readonly string[];
  readonly secrecy: string;
  readonly secrecyTerm: string | null;
}

/** Refuses 机密 and 绝密 (this network carries at most 秘密) and a 保密期限 on an unclassified document. */
export function checkSecrecy(secrecy: string, term: string | null | undefined): void {
  if (secrecy !== 'none' && secrecy !== 'secret') {
    throw new AppError('documents.secrecy_too_high', { details: { secrecy } });
  }
  if (secrecy === 'none' && term) throw new AppError('documents.secrecy_term_without_level');
}

/**
 * Checks a document's particulars against the registry and the 行文规则: recipients and co-issuers
 * exist, none is listed twice or is the issuer, then every rule for the stage. Runs outside any
 * transaction (the graph reads the registry).
 */
export async function checkParticulars(graph: OrgGraph, p: Particulars, stage: RuleInput['stage'], signers?: readonly string[]): Promise<void> {
  checkSecrecy(p.secrecy, p.secrecyTerm);
  const recipients = [...p.mainIds, ...p.copyIds];
  const known = await graph.nodes([...recipients, ...p.coIssuerIds]);
  const missing = recipients.filter((id) => !known.has(id));
  if (missing.length) throw new AppError('documents.recipient_unknown', { details: { missing } });
  const seen = new Set<string>();
  const twice = recipients.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (twice.length) {
    const names = [...new Set(twice)].map((id) => known.get(id)!.nameZh).join('、');
    throw new AppError('documents.recipient_duplicate', { message: `同一机关不能重复列入主送、抄送：${names}`, details: { orgIds: twice } });
  }
  if (seen.has(p.issuerId)) throw new AppError('documents.recipient_is_issuer');
  const coSeen = new Set<string>();
  for (const id of p.coIssuerIds) {
    if (!known.has(id) || id === p.issuerId || coSeen.has(id) || seen.has(id)) {
      throw new AppError('documents.co_issuer_invalid', { details: { orgId: id } });
    }
    coSeen.add(id);
  }
  assertRules(
    await checkRules(graph, {
      kind: p.kind,
      title: p.title,
      bodyHtml: p.bodyHtml,
      issuerId: p.issuerId,
      mainIds: p.mainIds,
      copyIds: p.copyIds,
      stage,
      ...(signers ? { signers } : {}),
    }),
  );
}
