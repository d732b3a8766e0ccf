import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  ApplicantKind,
  DeliveryForm,
  DisclosureCategory,
  DisclosureTextKind,
  EntryStatus,
  EntryValidity,
  ReplyKind,
  ReportStatus,
  RequestAction,
  RequestStatus,
} from '../../../../shared/disclosure.js';

/** An organisation's 机构代码 for index numbers, fixed at its first catalogue entry. */
export interface DisclosureOrgTable {
  org_id: string;
  /** 9 characters: the 组织机构代码 inside the 统一社会信用代码, or a stable code derived from the org's ref. */
  org_code: string;
  created_at: string;
}

/** One version of an organisation's 指南 or 制度 (the current one is the highest version). */
export interface DisclosureTextTable {
  id: string;
  org_id: string;
  kind: DisclosureTextKind;
  version: number;
  /** Sanitised HTML. */
  body_html: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

/** The last index-number serial given out per organisation and year. */
export interface DisclosureIndexCounterTable {
  org_id: string;
  year: number;
  last_serial: number;
}

/** A catalogue entry (政府信息公开目录). */
export interface DisclosureEntryTable {
  id: string;
  org_id: string;
  /** 机构代码/年-序号. */
  index_number: string;
  year: number;
  serial: number;
  title: string;
  category: DisclosureCategory;
  summary: string;
  /** 文号, when the information is a document. */
  doc_number: string | null;
  /** 发布机构. */
  publisher: string;
  /** 成文日期 (business date). */
  document_date: string;
  /** 发布日期 (business date), set when published. */
  publish_date: string | null;
  article_id: string | null;
  file_id: string | null;
  file_name: string | null;
  validity: EntryValidity;
  validity_note: string | null;
  /** From when the entry is 失效/废止 (business date). */
  validity_date: string | null;
  status: EntryStatus;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** An online request (依申请公开). Personal data are SM4 envelopes (see request.personal.ts). */
export interface DisclosureRequestTable {
  id: string;
  org_id: string;
  tracking_code: string;
  applicant_kind: ApplicantKind;
  applicant_name: string;
  id_number_sealed: string;
  id_number_index: string;
  phone_sealed: string;
  phone_index: string;
  address_sealed: string | null;
  email_sealed: string | null;
  content: string;
  purpose: string;
  form: DeliveryForm;
  status: RequestStatus;
  /** The day the platform received it (business date). */
  received_on: string;
  /** Where the 20 working days count from: receipt, or the corrected submission. */
  clock_start: string;
  /** Working days of third-party consultation, not counted. */
  paused_days: number;
  extension_days: number;
  extension_reason: string | null;
  /** clock_start + 20 + extension + paused working days; null while the clock stops (补正, 征求意见). */
  deadline: string | null;
  correction_notice: string | null;
  correction_on: string | null;
  corrected_on: string | null;
  consultation_party: string | null;
  consultation_on: string | null;
  consultation_ended_on: string | null;
  reply_kind: ReplyKind | null;
  /** 不予公开 ground or 无法提供 reason (the report's sub-rows). */
  reply_ground: string | null;
  reply_reason: string | null;
  reply_basis: string | null;
  reply_location: string | null;
  reply_holder: string | null;
  reply_text: string | null;
  /** The 告知书 (PDF). */
  reply_file_id: string | null;
  replied_on: string | null;
  revision: number;
  received_at: string;
  updated_at: string;
}

export interface DisclosureRequestEventTable {
  id: string;
  request_id: string;
  action: RequestAction;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  /** The deadline after the event (null while the clock stops). */
  deadline: string | null;
  at: string;
}

export interface DisclosureRequestReminderTable {
  id: string;
  request_id: string;
  kind: 'due_soon' | 'overdue';
  deadline: string;
  message: string;
  at: string;
}

/** An annual report (2021 template); `data` is the JSON of `ReportData`. */
export interface DisclosureReportTable {
  id: string;
  org_id: string;
  year: number;
  status: ReportStatus;
  data: string;
  updated_by_name: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export type DisclosureEntryRow = Selectable<DisclosureEntryTable>;
export type NewDisclosureEntryRow = Insertable<DisclosureEntryTable>;
export type DisclosureEntryUpdate = Updateable<DisclosureEntryTable>;
export type DisclosureTextRow = Selectable<DisclosureTextTable>;
export type DisclosureRequestRow = Selectable<DisclosureRequestTable>;
export type NewDisclosureRequestRow = Insertable<DisclosureRequestTable>;
export type DisclosureRequestUpdate = Updateable<DisclosureRequestTable>;
export type DisclosureRequestEventRow = Selectable<DisclosureRequestEventTable>;
export type DisclosureReportRow = Selectable<DisclosureReportTable>;

declare module '../../../db/schema.js' {
  interface Database {
    disclosure_orgs: DisclosureOrgTable;
    disclosure_texts: DisclosureTextTable;
    disclosure_index_counters: DisclosureIndexCounterTable;
    disclosure_entries: DisclosureEntryTable;
    disclosure_requests: DisclosureRequestTable;
    disclosure_request_events: DisclosureRequestEventTable;
    disclosure_request_reminders: DisclosureRequestReminderTable;
    disclosure_reports: DisclosureReportTable;
  }
}
