import type { AuditContext } from '../../../platform/audit/index.js';
import type { OfficialDocumentInput } from '../render/index.js';
import type { DocumentRow } from '../documents.table.js';
import type { OrgNode } from './org-graph.js';

/**
 * Makes the final copy: the GB/T 9704 layout (`render/`) and the GB/T 38540 seal (`seal/`). Both are
 * called outside the sending transactions (they are slow, and the seal service opens its own).
 */
export interface FinalCopyMaker {
  render(input: OfficialDocumentInput): Promise<Buffer>;
  /** Seals the PDF with the organisation's seal; `documents.seal_certificate_missing` without one. */
  seal(input: { orgId: string; pdf: Buffer; at: Date; who: AuditContext }): Promise<Buffer>;
}

export interface FinalCopyFacts {
  readonly row: DocumentRow;
  readonly issuer: OrgNode;
  readonly coIssuers: readonly OrgNode[];
  /** The issuer's 办公室, the 印发机关 of the 版记. */
  readonly office: OrgNode | undefined;
  readonly mains: readonly OrgNode[];
  readonly copies: readonly OrgNode[];
  readonly attachmentTitles: readonly string[];
  /** 签发人 of a 上行文 (the lead's signer first, then each co-issuer's countersigner); empty otherwise. */
  readonly signers: readonly string[];
  /** Whether the red seal is drawn over the 署名 (the 用印 step follows). */
  readonly sealed: boolean;
  /** 印发日期. */
  readonly printedOn: string;
}

/**
 * The renderer's input for a document: every element of the 2012 regulation the document has. The
 * 标志 is bilingual (Mongolian above Chinese) when every issuer has a Mongolian name in the registry.
 * A 函 uses the 信函格式.
 */
export function officialInput(facts: FinalCopyFacts): OfficialDocumentInput {
  const { row } = facts;
  const issuers = [facts.issuer, ...facts.coIssuers];
  const bilingual = issuers.every((o) => Boolean(o.nameMn));
  return {
    format: row.kind === 'letter' ? 'letter' : 'document',
    secrecy: row.secrecy === 'secret' ? { level: 'secret', ...(row.secrecy_term ? { term: row.secrecy_term } : {}) } : null,
    urgency: row.urgency,
    letterhead: {
      issuers: issuers.map((o) => ({ name: o.nameZh, ...(o.nameMn ? { mongolianName: o.nameMn } : {}) })),
      ...(bilingual ? { bilingual: true } : {}),
    },
    ...(row.doc_number ? { documentNumber: row.doc_number } : {}),
    ...(facts.signers.length ? { signers: facts.signers } : {}),
    title: row.title,
    mainRecipients: facts.mains.map((o) => o.nameZh),
    body: row.body_html,
    attachments: facts.attachmentTitles.map((title) => ({ title })),
    signatures: issuers.map((o) => ({
      orgName: o.nameZh,
      ...(facts.sealed ? { seal: { kind: 'drawn' as const, name: o.nameZh } } : {}),
    })),
    date: row.document_date ?? facts.printedOn,
    ...(row.note ? { note: row.note } : {}),
    imprint: {
      ...(facts.copies.length ? { copyTo: facts.copies.map((o) => o.nameZh) } : {}),
      printedBy: (facts.office ?? facts.issuer).nameZh === '办公室' ? `${facts.issuer.nameZh}办公室` : (facts.office ?? facts.issuer).nameZh,
      printedOn: facts.printedOn,
    },
  };
}
