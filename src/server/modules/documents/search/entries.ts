import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { SearchDocument } from '../../../platform/search/index.js';
import { bodyText } from '../send/body.js';
import { entryTags, type EntryParties } from './visibility.js';

/** The platform search scope of official documents (sent ones and paper ones received). */
export const searchScope = 'documents';

/** Entry key of a paper document (sent documents are keyed by their id). */
export const paperKey = (incomingId: string) => `incoming:${incomingId}`;

/** What a sent document's entry is made of. */
export interface SentFacts {
  readonly row: {
    readonly id: string;
    readonly org_id: string;
    readonly kind: string;
    readonly title: string;
    readonly doc_number: string | null;
    readonly body_html: string;
    readonly document_date: string | null;
    readonly created_at: string;
  };
  readonly parties: EntryParties;
  /** The issuer's name, shown with hits. */
  readonly orgName: string;
  /** The attachments' titles and text. */
  readonly attachmentsText: string;
}

const dateOf = (date: string | null, instant: string) => date ?? toBusinessDate(new Date(instant));

/**
 * A sent document's entry: its title; its 发文字号 and body text; its attachments' text; the date
 * (成文日期, else the day it was drafted), kind and issuer as fields; who may see it as tags.
 */
export function sentEntry(facts: SentFacts): SearchDocument {
  const { row } = facts;
  return {
    scope: searchScope,
    key: row.id,
    title: row.title,
    body: [row.doc_number, bodyText(row.body_html)].filter(Boolean).join('\n'),
    extra: facts.attachmentsText,
    fields: {
      date: dateOf(row.document_date, row.created_at),
      source: 'sent',
      kind: row.kind,
      orgId: row.org_id,
    },
    shown: { orgName: facts.orgName.slice(0, 1000) },
    visibility: entryTags(facts.parties),
  };
}

/** What a paper document's entry is made of. */
export interface PaperFacts {
  readonly row: {
    readonly id: string;
    readonly org_id: string;
    readonly kind: string | null;
    readonly title: string;
    readonly sender_name: string | null;
    readonly sender_number: string | null;
    readonly document_date: string | null;
    readonly received_at: string;
  };
  /** The receiving organisation. */
  readonly org: { readonly id: string; readonly path: string };
  /** The scan's text (its text layer), if any. */
  readonly scanText: string;
}

/** A paper document's entry: title, 来文机关 and 来文字号, the scan's text; visible to the receiving organisation. */
export function paperEntry(facts: PaperFacts): SearchDocument {
  const { row } = facts;
  return {
    scope: searchScope,
    key: paperKey(row.id),
    title: row.title,
    body: [row.sender_number, row.sender_name].filter(Boolean).join('\n'),
    extra: facts.scanText,
    fields: {
      date: dateOf(row.document_date, row.received_at),
      source: 'paper',
      orgId: row.org_id,
      ...(row.kind ? { kind: row.kind } : {}),
    },
    visibility: entryTags({ owners: [facts.org] }),
  };
}
