import type { Insertable, Selectable, Updateable } from 'kysely';
import type { InvalidReason, MailboxKind, MessageAction, MessageState, QuestionKind, SurveyKind, SurveyState } from '../../../../shared/interaction.js';

/** A citizen's message to a site's mailbox (信箱). Name, phone and email are SM4 envelopes. */
export interface PortalMessageTable {
  id: string;
  site_id: string;
  mailbox: MailboxKind;
  /** What the writer looks his message up by (with the last 4 digits of his phone). */
  tracking_code: string;
  subject: string;
  body: string;
  /** SM3 of the normalised body: duplicate detection without comparing texts. */
  body_hash: string;
  name_sealed: string;
  phone_sealed: string;
  /** Blind index of the phone: the per-phone limit and duplicates. */
  phone_index: string;
  email_sealed: string | null;
  /** 1 when the writer agreed to publication of the message and answer (never his personal data). */
  consent: number;
  state: MessageState;
  invalid_reason: InvalidReason | null;
  invalid_note: string | null;
  /** The unit the message was routed to (the site's organisation or below it). */
  unit_org_id: string | null;
  answer: string | null;
  answer_drafted_by: string | null;
  answer_drafted_by_name: string | null;
  /** The unit that answered, as shown to the public. */
  answer_org_name: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  answered_at: string | null;
  published_at: string | null;
  received_at: string;
  /** The receipt's business date (Asia/Shanghai). */
  received_on: string;
  /** The last business date to answer: received_on + 3 calendar months. */
  due_on: string;
  reminded_at: string | null;
  overdue_at: string | null;
  revision: number;
  updated_at: string;
}

export interface PortalMessageEventTable {
  id: string;
  message_id: string;
  action: MessageAction;
  actor_id: string | null;
  actor_name: string;
  org_id: string | null;
  note: string | null;
  at: string;
}

/** Stored hits for the abuse limits (per IP, per phone), so they hold across restarts and nodes. */
export interface PortalInteractionHitTable {
  id: string;
  /** What is limited, e.g. `message.ip`, `message.phone`, `survey:<id>`. */
  kind: string;
  /** Blind index of the IP address or phone number. */
  key: string;
  at: string;
}

export interface PortalSurveyTable {
  id: string;
  site_id: string;
  kind: SurveyKind;
  title: string;
  description: string;
  /** For a 意见征集: the document's text, or a link to the article. */
  document_text: string | null;
  document_url: string | null;
  opens_at: string;
  closes_at: string;
  /** 1 when results are shown while the survey is open. */
  live_results: number;
  state: SurveyState;
  /** The 反馈 summary the editor writes after it closes. */
  feedback: string | null;
  reject_reason: string | null;
  created_by: string;
  created_by_name: string;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  published_at: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface PortalSurveyQuestionTable {
  id: string;
  survey_id: string;
  position: number;
  kind: QuestionKind;
  title: string;
  /** JSON array of option labels (choice questions). */
  options: string;
  /** Free text: the longest answer. */
  max_length: number | null;
  required: number;
}

export interface PortalSurveyResponseTable {
  id: string;
  survey_id: string;
  at: string;
}

/** One answer: an option (choice) or a text (free text, listed publicly only once approved). */
export interface PortalSurveyAnswerTable {
  id: string;
  response_id: string;
  survey_id: string;
  question_id: string;
  option_index: number | null;
  text: string | null;
  /** Free text: `pending`, `approved`, `rejected`. */
  moderation: string | null;
}

export type PortalMessageRow = Selectable<PortalMessageTable>;
export type NewPortalMessageRow = Insertable<PortalMessageTable>;
export type PortalMessageUpdate = Updateable<PortalMessageTable>;
export type PortalMessageEventRow = Selectable<PortalMessageEventTable>;
export type PortalSurveyRow = Selectable<PortalSurveyTable>;
export type PortalSurveyQuestionRow = Selectable<PortalSurveyQuestionTable>;
export type PortalSurveyAnswerRow = Selectable<PortalSurveyAnswerTable>;

declare module '../../../db/schema.js' {
  interface Database {
    portal_messages: PortalMessageTable;
    portal_message_events: PortalMessageEventTable;
    portal_interaction_hits: PortalInteractionHitTable;
    portal_surveys: PortalSurveyTable;
    portal_survey_questions: PortalSurveyQuestionTable;
    portal_survey_responses: PortalSurveyResponseTable;
    portal_survey_answers: PortalSurveyAnswerTable;
  }
}
