import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  DeliveryChannelName,
  DocumentKind,
  DocumentStatus,
  FlowAction,
  RecipientRole,
  Secrecy,
  SendStep,
  StepActorScope,
  Urgency,
} from '../../../shared/documents.js';

/**
 * An official document on the sending side (发文). The columns named in the documents plan
 * (`id`, `org_id`, `kind`, `title`, `doc_number`, `secrecy`, `urgency`, `status`, `signer_name`,
 * `issued_at`, `final_file_id`, `in_reply_to`, `created_at`, `updated_at`) are the seam the receiving
 * side reads; the others belong to sending.
 */
export interface DocumentTable {
  id: string;
  /** The issuing organisation (the lead issuer of a joint document). */
  org_id: string;
  /** 拟稿单位: the issuing organisation or one of its internal units. */
  drafting_org_id: string;
  kind: DocumentKind;
  title: string;
  /** 发文字号, e.g. `兴署发〔2026〕12号`; null until 编号登记. */
  doc_number: string | null;
  /** 机关代字 the number was taken under. */
  doc_prefix: string | null;
  doc_year: number | null;
  doc_serial: number | null;
  secrecy: Secrecy;
  /** 保密期限, e.g. `1年`; only with secrecy `secret`. */
  secrecy_term: string | null;
  urgency: Urgency;
  status: DocumentStatus;
  /** The step the document waits at; null once issued or cancelled. */
  current_step: SendStep | null;
  /** Bumped by every write: flow actions update only the revision they read (no double action). */
  revision: number;
  /** The current body, sanitised HTML (paragraphs and heading levels). */
  body_html: string;
  /** The number of the latest version in `document_versions` (0: no body saved yet). */
  body_version: number;
  /** 附注. */
  note: string | null;
  /** 签发人, set by 领导签发. */
  signer_name: string | null;
  signer_id: string | null;
  signed_at: string | null;
  /** 成文日期 `YYYY-MM-DD`: the day of sign-off. */
  document_date: string | null;
  drafted_by: string;
  drafted_by_name: string;
  sealed_at: string | null;
  /** 核发 time. */
  issued_at: string | null;
  /** The final (sealed) PDF in the file store. */
  final_file_id: string | null;
  /** A receipt id of the receiving side this document answers. */
  in_reply_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentCoIssuerTable {
  document_id: string;
  org_id: string;
  position: number;
}

export interface DocumentRecipientTable {
  document_id: string;
  org_id: string;
  role: RecipientRole;
  position: number;
}

export interface DocumentVersionTable {
  id: string;
  document_id: string;
  number: number;
  title: string;
  body_html: string;
  /** The step at which it was saved. */
  step: SendStep;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

export interface DocumentAttachmentTable {
  id: string;
  document_id: string;
  file_id: string;
  /** 附件名称 as listed in the 附件说明. */
  title: string;
  position: number;
  created_at: string;
  created_by: string;
}

export interface DocumentFlowEventTable {
  id: string;
  document_id: string;
  step: SendStep;
  action: FlowAction;
  /** The organisation the actor acted for (a 会签 names the co-issuer). */
  org_id: string | null;
  actor_id: string;
  actor_name: string;
  /** Opinion, or the reason of a return or cancellation. */
  opinion: string | null;
  /** Where a return sent the document. */
  to_step: SendStep | null;
  at: string;
}

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface DocumentTaskTable {
  id: string;
  document_id: string;
  step: SendStep;
  /** Whose role holders act: the issuer, the drafting unit, or a co-issuer. */
  org_id: string;
  role: string | null;
  /** A second organisation whose holders of `role` may act: the issuer's 办公室, or the issuer for a drafting unit. */
  alt_org_id: string | null;
  /** A task for one person (拟稿 goes back to the drafter). */
  user_id: string | null;
  status: TaskStatus;
  /** Deadline, a business date `YYYY-MM-DD`. */
  due_on: string | null;
  reminders: number;
  last_reminded_at: string | null;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
  completed_by_name: string | null;
  outcome: FlowAction | null;
}

export interface DocumentNumberCounterTable {
  prefix: string;
  year: number;
  last_serial: number;
}

export interface DocumentWorkflowSettingTable {
  org_id: string;
  step: SendStep;
  enabled: number;
  role: string;
  actor_scope: StepActorScope;
  deadline_days: number;
  updated_at: string;
  updated_by: string;
}

/** The seam: one row per recipient, written at 核发; a 'local' row is the recipient's inbox item. */
export interface DocumentDeliveryTable {
  id: string;
  document_id: string;
  org_id: string;
  role: RecipientRole;
  channel: DeliveryChannelName;
  delivered_at: string;
}

export type DocumentRow = Selectable<DocumentTable>;
export type NewDocumentRow = Insertable<DocumentTable>;
export type DocumentRowUpdate = Updateable<DocumentTable>;
export type DocumentRecipientRow = Selectable<DocumentRecipientTable>;
export type DocumentVersionRow = Selectable<DocumentVersionTable>;
export type DocumentAttachmentRow = Selectable<DocumentAttachmentTable>;
export type DocumentFlowEventRow = Selectable<DocumentFlowEventTable>;
export type DocumentTaskRow = Selectable<DocumentTaskTable>;
export type NewDocumentTaskRow = Insertable<DocumentTaskTable>;
export type DocumentWorkflowSettingRow = Selectable<DocumentWorkflowSettingTable>;
export type DocumentDeliveryRow = Selectable<DocumentDeliveryTable>;

declare module '../../db/schema.js' {
  interface Database {
    documents: DocumentTable;
    document_co_issuers: DocumentCoIssuerTable;
    document_recipients: DocumentRecipientTable;
    document_versions: DocumentVersionTable;
    document_attachments: DocumentAttachmentTable;
    document_flow_events: DocumentFlowEventTable;
    document_tasks: DocumentTaskTable;
    document_number_counters: DocumentNumberCounterTable;
    document_workflow_settings: DocumentWorkflowSettingTable;
    document_deliveries: DocumentDeliveryTable;
  }
}
