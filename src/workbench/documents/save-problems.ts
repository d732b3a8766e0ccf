import { ApiError } from '../api/client.js';
import { ruleProblems, type RuleProblem } from '../api/documents.js';

/** The draft form's fields the server's problems can name. */
export const draftFieldNames = [
  'orgId',
  'kind',
  'title',
  'mainRecipientIds',
  'copyRecipientIds',
  'coIssuerIds',
  'secrecy',
  'secrecyTerm',
  'urgency',
  'note',
  'bodyHtml',
] as const;
export type DraftFieldName = (typeof draftFieldNames)[number];

/** Where each 行文规则 problem belongs when it names no organisation. */
const fieldOfCode: Readonly<Record<string, DraftFieldName>> = {
  'documents.no_main_recipient': 'mainRecipientIds',
  'documents.request_several_matters': 'bodyHtml',
  'documents.report_contains_request': 'bodyHtml',
  'documents.body_empty': 'bodyHtml',
  'documents.skipped_level': 'copyRecipientIds',
  'documents.secrecy_too_high': 'secrecy',
  'documents.secrecy_term_without_level': 'secrecyTerm',
  'documents.recipient_is_issuer': 'mainRecipientIds',
  'documents.recipient_duplicate': 'copyRecipientIds',
  'documents.co_issuer_invalid': 'coIssuerIds',
  'documents.issuer_not_allowed': 'orgId',
  'documents.drafting_unit_invalid': 'orgId',
};

export interface SaveProblems {
  /** Messages to show under each field. */
  readonly fields: Partial<Record<DraftFieldName, string[]>>;
  /** Every rule problem, for the alert above the buttons. */
  readonly rules: readonly RuleProblem[];
  /** Organisations a problem names, marked in the pickers. */
  readonly orgIds: readonly string[];
}

/**
 * Reads a failed save: the rule problems (each put under the recipients it names, or under the field
 * its code concerns) and the schema's field errors (`body.title` → `title`).
 */
export function saveProblems(error: unknown, recipients: { main: readonly string[]; copy: readonly string[]; coIssuers: readonly string[] }): SaveProblems {
  const fields: Partial<Record<DraftFieldName, string[]>> = {};
  const add = (name: DraftFieldName, message: string) => (fields[name] = [...(fields[name] ?? []), message]);
  const rules = ruleProblems(error);
  const problems = rules.length ? rules : error instanceof ApiError && fieldOfCode[error.code] ? [{ code: error.code, message: error.message, orgIds: [] }] : [];
  for (const problem of problems) {
    const named = (ids: readonly string[]) => problem.orgIds.some((id) => ids.includes(id));
    const where = (
      [
        ['mainRecipientIds', recipients.main],
        ['copyRecipientIds', recipients.copy],
        ['coIssuerIds', recipients.coIssuers],
      ] as const
    ).filter(([, ids]) => named(ids));
    for (const [name] of where) add(name, problem.message);
    const placed = where.length > 0;
    const field = fieldOfCode[problem.code] ?? (problem.code.startsWith('documents.upward') || problem.code === 'documents.kind_direction' ? 'mainRecipientIds' : undefined);
    if (!placed && field) add(field, problem.message);
  }
  if (error instanceof ApiError) {
    for (const f of error.fields) {
      const name = f.path.replace(/^body\./, '').split('.')[0] as DraftFieldName;
      if ((draftFieldNames as readonly string[]).includes(name)) add(name, f.message);
    }
  }
  return { fields, rules, orgIds: rules.flatMap((r) => r.orgIds) };
}
