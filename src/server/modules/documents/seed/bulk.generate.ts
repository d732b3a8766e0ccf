import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { addWorkingDays } from '../../../platform/calendar/index.js';
import { newId } from '../../../platform/ids.js';
import type { SearchDocument } from '../../../platform/search/index.js';
import { documentKinds, statusAtStep, type DocumentStatus, type SendStep } from '../../../../shared/documents.js';
import { receiptNumber, type IncomingStep } from '../../../../shared/documents-receiving.js';
import { sentEntry } from '../search/entries.js';
import { formatDocNumber } from '../send/index.js';
import { kindMix, pick, pickWeighted, places, seeded, sentences, topics, verbs } from './bulk.text.js';

/** An organisation as the generator needs it. */
export interface BulkOrg {
  readonly id: string;
  readonly path: string;
  readonly nameZh: string;
  readonly shortName: string | null;
  readonly docPrefixes: readonly string[];
  /** Its 办公室, which handles its papers (clerk steps may be done there). */
  readonly officeId: string | null;
  /** Departments and internal offices under it: the units a 批办 names (承办, 协办). */
  readonly unitIds: readonly string[];
}

export interface BulkRows {
  documents: Insertable<Database['documents']>[];
  versions: Insertable<Database['document_versions']>[];
  recipients: Insertable<Database['document_recipients']>[];
  tasks: Insertable<Database['document_tasks']>[];
  deliveries: Insertable<Database['document_deliveries']>[];
  /** Inbox items past 待签收 (the delivery trigger writes them at 待签收; these replace them). */
  incoming: Insertable<Database['incoming_documents']>[];
  units: Insertable<Database['incoming_units']>[];
  entries: SearchDocument[];
}

const DAY = 86_400_000;
const steps: readonly SendStep[] = ['draft', 'department_review', 'office_review', 'sign_off', 'recheck', 'register', 'seal', 'issue'];
const leaderSteps: ReadonlySet<SendStep> = new Set(['department_review', 'sign_off']);

/** The business date of an instant in Asia/Shanghai (UTC+8 all year): arithmetic, as a million rows need. */
const businessDate = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

const deadlines = new Map<string, string>();
/** `n` working days after a date on the official calendar (weekdays beyond its years); memoised. */
function workingDaysAfter(date: string, n: number): string {
  const key = `${date}+${n}`;
  let due = deadlines.get(key);
  if (!due) {
    try {
      due = addWorkingDays(date, n);
    } catch {
      due = new Date(Date.parse(`${date}T00:00:00Z`) + Math.ceil((n * 7) / 5) * DAY).toISOString().slice(0, 10);
    }
    deadlines.set(key, due);
  }
  return due;
}

/**
 * Generates bulk official documents spread over organisations, years and states, as batches of rows
 * ready for multi-row inserts: issued documents with their deliveries and inbox items at every
 * receiving step (mostly 办结 in past years), and documents still in flow with their open task.
 * 发文字号 and 收文编号 continue the counters given, so they stay consecutive and unique.
 */
export class BulkGenerator {
  readonly #random: () => number;
  readonly #now: number;
  readonly #firstYear: number;
  readonly #issuers: readonly BulkOrg[];
  readonly #recipients: readonly BulkOrg[];
  readonly #hot: BulkOrg | undefined;
  readonly #docSerials: Map<string, number>;
  readonly #receiptSerials: Map<string, number>;
  /** Counter keys moved since `takeCounters`. */
  readonly #moved = { doc: new Set<string>(), receipt: new Set<string>() };
  /** How many documents the run writes, and how many are written: documents come oldest first. */
  readonly #count: number;
  #written = 0;

  constructor(options: {
    orgs: readonly BulkOrg[];
    /** The busiest organisation (行署): more documents, and one in ten goes to it. */
    hotOrgId?: string;
    now: Date;
    years: number;
    seed: number;
    /** How many documents the run will generate (their dates are spread over the years in order). */
    count: number;
    docSerials: Map<string, number>;
    receiptSerials: Map<string, number>;
  }) {
    this.#random = seeded(options.seed);
    this.#now = options.now.getTime();
    this.#firstYear = options.now.getUTCFullYear() - options.years + 1;
    this.#issuers = options.orgs.filter((o) => o.docPrefixes.length > 0);
    if (this.#issuers.length < 2) throw new Error('批量公文需要至少两个有机关代字的组织机构（请先写入组织机构）');
    this.#recipients = this.#issuers;
    this.#hot = this.#issuers.find((o) => o.id === options.hotOrgId);
    this.#docSerials = options.docSerials;
    this.#receiptSerials = options.receiptSerials;
    this.#count = Math.max(1, options.count);
  }

  /**
   * The counters moved since the last call, as they now stand: `prefix|year` → last 发文 serial,
   * `org|year` → last 收文 serial.
   */
  takeCounters(): { docSerials: Map<string, number>; receiptSerials: Map<string, number> } {
    const docSerials = new Map([...this.#moved.doc].map((k) => [k, this.#docSerials.get(k)!]));
    const receiptSerials = new Map([...this.#moved.receipt].map((k) => [k, this.#receiptSerials.get(k)!]));
    this.#moved.doc.clear();
    this.#moved.receipt.clear();
    return { docSerials, receiptSerials };
  }

  batch(size: number): BulkRows {
    const rows: BulkRows = { documents: [], versions: [], recipients: [], tasks: [], deliveries: [], incoming: [], units: [], entries: [] };
    for (let i = 0; i < size; i += 1) this.#document(rows);
    return rows;
  }

  #next(kind: 'doc' | 'receipt', key: string): number {
    const map = kind === 'doc' ? this.#docSerials : this.#receiptSerials;
    const serial = (map.get(key) ?? 0) + 1;
    map.set(key, serial);
    this.#moved[kind].add(key);
    return serial;
  }

  /**
   * A day in the covered years, later years busier; never after now. Documents come in the order an
   * office writes them, oldest first (within a few days), so the tables and the search index are in
   * date order as a live deployment's are.
   */
  #created(): number {
    // The next quantile of the run, jittered inside its share: sqrt skews towards recent days (a
    // growing number of documents year by year).
    const r = Math.min(1, (this.#written + this.#random()) / this.#count);
    this.#written += 1;
    const span = this.#now - Date.UTC(this.#firstYear, 0, 2);
    return this.#now - span * (1 - Math.sqrt(r)) - 3 * DAY * this.#random();
  }

  #status(ageDays: number): { status: DocumentStatus; step: SendStep | null } {
    const r = this.#random();
    if (ageDays < 30) {
      if (r < 0.02) return { status: 'cancelled', step: null };
      if (r < 0.5) {
        const step = steps[Math.floor(this.#random() * (steps.length - 1))]!;
        return { status: statusAtStep[step], step };
      }
      return { status: 'issued', step: null };
    }
    return r < 0.015 ? { status: 'cancelled', step: null } : { status: 'issued', step: null };
  }

  #incomingStep(ageDays: number): IncomingStep {
    const r = this.#random();
    if (ageDays < 3) return r < 0.5 ? 'pending' : r < 0.7 ? 'signed' : r < 0.9 ? 'registered' : 'reviewed';
    if (ageDays < 30) {
      const mix: IncomingStep[] = ['pending', 'signed', 'registered', 'reviewed', 'proposed', 'instructed', 'instructed', 'handling', 'handling', 'completed', 'completed'];
      return mix[Math.floor(r * mix.length)]!;
    }
    // Offices clear their inboxes: a few items of the last quarter are still being handled (overdue),
    // older ones are all finished or were returned.
    if (ageDays < 90) return r < 0.9 ? 'completed' : r < 0.94 ? 'instructed' : r < 0.98 ? 'handling' : 'returned';
    return r < 0.985 ? 'completed' : 'returned';
  }

  #document(rows: BulkRows): void {
    const random = this.#random;
    const issuer = this.#hot && random() < 0.06 ? this.#hot : pick(random, this.#issuers);
    const createdMs = this.#created();
    const ageDays = (this.#now - createdMs) / DAY;
    const { status, step } = this.#status(ageDays);
    const kind = pickWeighted(random, kindMix);
    const place = pick(random, places, 1.4);
    const topic = pick(random, topics, 1.6);
    const title = `${issuer.nameZh}关于${pick(random, verbs)}${place}${topic}${kind.ending}`;
    const body = [`为${pick(random, verbs)}${place}${topic}工作，现将有关事项${documentKinds[kind.kind].label === '函' ? '函告' : '通知'}如下。`];
    for (let k = 0, n = 2 + Math.floor(random() * 3); k < n; k += 1) body.push(pick(random, sentences));
    const bodyHtml = body.map((p) => `<p>${p}</p>`).join('\n');
    const created = new Date(createdMs).toISOString();
    const issuedMs = Math.min(this.#now, createdMs + (1 + random() * 4) * DAY);
    const issued = status === 'issued' ? new Date(issuedMs).toISOString() : null;
    const signed = status === 'issued' || status === 'signed';
    const documentDate = signed ? businessDate(Math.min(this.#now, createdMs + DAY)) : null;
    const numbered = status === 'issued' || step === 'seal' || step === 'issue';
    const year = Number((documentDate ?? businessDate(createdMs)).slice(0, 4));
    const prefix = issuer.docPrefixes[0]!;
    const serial = numbered ? this.#next('doc', `${prefix}|${year}`) : null;
    const docNumber = serial ? formatDocNumber(prefix, year, serial) : null;
    const id = newId();
    const drafter = `bulk.${issuer.id}`;
    const updated = issued ?? created;
    rows.documents.push({
      id,
      org_id: issuer.id,
      drafting_org_id: issuer.id,
      kind: kind.kind,
      title,
      doc_number: docNumber,
      doc_prefix: serial ? prefix : null,
      doc_year: serial ? year : null,
      doc_serial: serial,
      secrecy: 'none',
      secrecy_term: null,
      urgency: random() < 0.1 ? 'urgent' : 'normal',
      status,
      current_step: step,
      revision: 1,
      body_html: bodyHtml,
      body_version: 1,
      note: null,
      signer_name: signed ? `${issuer.shortName ?? issuer.nameZh}负责人` : null,
      signer_id: null,
      signed_at: signed ? new Date(Math.min(this.#now, createdMs + DAY)).toISOString() : null,
      document_date: documentDate,
      drafted_by: drafter,
      drafted_by_name: `${issuer.shortName ?? issuer.nameZh}文秘`,
      sealed_at: status === 'issued' ? issued : step === 'issue' ? created : null,
      issued_at: issued,
      final_file_id: null,
      in_reply_to: null,
      created_at: created,
      updated_at: updated,
    });
    rows.versions.push({ id: newId(), document_id: id, number: 1, title, body_html: bodyHtml, step: 'draft', created_at: created, created_by: drafter, created_by_name: `${issuer.shortName ?? issuer.nameZh}文秘` });

    const recipients = this.#recipientsFor(issuer);
    recipients.forEach((org, position) => rows.recipients.push({ document_id: id, org_id: org.id, role: position === 0 || random() < 0.7 ? 'main' : 'copy', position }));

    if (step) {
      const dueOn = step === 'draft' ? null : workingDaysAfter(businessDate(createdMs), 2);
      const base = { id: newId(), document_id: id, step, status: 'open' as const, due_on: dueOn, reminders: 0, created_at: created };
      if (step === 'draft') rows.tasks.push({ ...base, org_id: issuer.id, alt_org_id: null, role: null, user_id: drafter });
      else rows.tasks.push({ ...base, org_id: issuer.id, alt_org_id: leaderSteps.has(step) ? null : issuer.officeId, role: leaderSteps.has(step) ? 'leader' : 'clerk', user_id: null });
    }

    if (issued) {
      const recipientRows = rows.recipients.filter((r) => r.document_id === id);
      for (const [k, org] of recipients.entries()) {
        const deliveryId = newId();
        rows.deliveries.push({ id: deliveryId, document_id: id, org_id: org.id, role: recipientRows[k]!.role, channel: 'local', delivered_at: issued });
        this.#incoming(rows, { deliveryId, documentId: id, org, issuer, title, kind: kind.kind, docNumber, documentDate, role: recipientRows[k]!.role, issuedMs });
      }
    }
    rows.entries.push(
      sentEntry({
        row: { id, org_id: issuer.id, kind: kind.kind, title, doc_number: docNumber, body_html: bodyHtml, document_date: documentDate, created_at: created },
        parties: {
          owners: [issuer],
          office: issuer.officeId ? { id: issuer.officeId } : undefined,
          draftingUnit: issuer,
          drafter,
          recipients: issued ? recipients : [],
        },
        orgName: issuer.nameZh,
        attachmentsText: '',
      }),
    );
  }

  #recipientsFor(issuer: BulkOrg): BulkOrg[] {
    const random = this.#random;
    const chosen = new Map<string, BulkOrg>();
    if (this.#hot && this.#hot.id !== issuer.id && random() < 0.1) chosen.set(this.#hot.id, this.#hot);
    const count = 1 + Math.floor(random() ** 2 * 8);
    for (let tries = 0; chosen.size < count && tries < count * 4; tries += 1) {
      const org = pick(random, this.#recipients);
      if (org.id !== issuer.id) chosen.set(org.id, org);
    }
    return [...chosen.values()];
  }

  #incoming(
    rows: BulkRows,
    d: { deliveryId: string; documentId: string; org: BulkOrg; issuer: BulkOrg; title: string; kind: string; docNumber: string | null; documentDate: string | null; role: 'main' | 'copy'; issuedMs: number },
  ): void {
    const ageDays = (this.#now - d.issuedMs) / DAY;
    const step = this.#incomingStep(ageDays);
    if (step === 'pending') return; // the delivery trigger's row is the item
    const at = (days: number) => new Date(Math.min(this.#now, d.issuedMs + days * DAY)).toISOString();
    const signedAt = at(0.2);
    const registered = step !== 'signed';
    const year = Number(businessDate(Date.parse(signedAt)).slice(0, 4));
    const serial = registered ? this.#next('receipt', `${d.org.id}|${year}`) : null;
    const instructed = step === 'instructed' || step === 'handling' || step === 'completed';
    const instructedAt = instructed ? at(1.5) : null;
    // 承办 by one of its units (or itself when it has none), 协办 by another one in a quarter of them.
    const lead = instructed ? (d.org.unitIds.length ? pick(this.#random, d.org.unitIds) : d.org.id) : null;
    const co = instructed && d.org.unitIds.length > 1 && this.#random() < 0.25 ? pick(this.#random, d.org.unitIds.filter((u) => u !== lead)) : null;
    const deadline = instructed ? workingDaysAfter(businessDate(Date.parse(instructedAt!)), 10) : null;
    rows.incoming.push({
      id: d.deliveryId,
      org_id: d.org.id,
      source: 'delivery',
      delivery_id: d.deliveryId,
      document_id: d.documentId,
      sender_org_id: d.issuer.id,
      sender_name: d.issuer.nameZh,
      sender_number: d.docNumber,
      title: d.title,
      kind: d.kind,
      secrecy: 'none',
      urgency: 'normal',
      recipient_role: d.role,
      document_date: d.documentDate,
      pages: null,
      file_id: null,
      step,
      revision: 3,
      received_at: new Date(d.issuedMs).toISOString(),
      signed_at: signedAt,
      signed_by: null,
      signed_by_name: `${d.org.shortName ?? d.org.nameZh}文秘`,
      receipt_year: serial ? year : null,
      receipt_serial: serial,
      receipt_number: serial ? receiptNumber(year, serial) : null,
      registered_at: registered ? at(0.3) : null,
      proposal: null,
      instruction: instructed ? '请按文件要求认真抓好落实。' : null,
      instructed_at: instructedAt,
      instructed_by_name: instructed ? `${d.org.shortName ?? d.org.nameZh}负责人` : null,
      lead_org_id: lead,
      deadline,
      completed_at: step === 'completed' ? at(8) : null,
      completed_by_name: step === 'completed' ? `${d.org.shortName ?? d.org.nameZh}文秘` : null,
      result: step === 'completed' ? '已按要求办理完毕。' : null,
      reply_document_id: null,
      returned_at: step === 'returned' ? at(0.5) : null,
      return_reason: step === 'returned' ? '非本单位职责范围，退回来文机关。' : null,
      reminders: 0,
      last_reminded_at: null,
      created_at: new Date(d.issuedMs).toISOString(),
      updated_at: at(step === 'completed' ? 8 : 1.5),
    });
    const copied = { step, received_at: new Date(d.issuedMs).toISOString() };
    if (lead) rows.units.push({ incoming_id: d.deliveryId, org_id: lead, role: 'lead', position: 0, ...copied });
    if (co) rows.units.push({ incoming_id: d.deliveryId, org_id: co, role: 'co', position: 1, ...copied });
  }
}
