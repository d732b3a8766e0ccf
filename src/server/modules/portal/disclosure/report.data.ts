import {
  applicantKindKeys,
  disclosureCategories,
  disclosureCategoryKeys,
  matrixColumns,
  outcomeRowOf,
  outcomeRows,
  reviewGroups,
  reviewOutcomes,
  type ApplicantKind,
  type MatrixRow,
  type ReplyKind,
} from '../../../../shared/disclosure.js';
import type { ReportData } from './report.schema.js';

const emptyRow = (): MatrixRow => Object.fromEntries(matrixColumns.map((c) => [c, 0])) as MatrixRow;
const add = (row: MatrixRow, kind: ApplicantKind) => {
  row[kind] += 1;
  row.total += 1;
};

export interface ReportRequest {
  readonly applicant_kind: ApplicantKind;
  readonly received_on: string;
  readonly replied_on: string | null;
  readonly reply_kind: ReplyKind | null;
  readonly reply_ground: string | null;
}

export interface ReportEntry {
  readonly category: string;
  readonly publish_date: string | null;
  readonly validity: string;
  readonly validity_date: string | null;
}

/**
 * The report's figures from the data (2021 template): 第二部分 from the catalogue, 第三部分 from the
 * requests — received this year (一), received earlier and open on 1 January (二), replied this year by
 * outcome row (三), open on 31 December (四). Each request lands in exactly one of 三 or 四, so the
 * generated matrix balances; hand edits may break that, and publishing then refuses.
 */
export function generateReportData(year: number, requests: readonly ReportRequest[], entries: readonly ReportEntry[], previous?: ReportData): ReportData {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const received = emptyRow();
  const carriedOver = emptyRow();
  const carriedForward = emptyRow();
  const outcomes = Object.fromEntries(outcomeRows.map((r) => [r.key, emptyRow()])) as ReportData['requests']['outcomes'];
  for (const r of requests) {
    if (r.received_on > end) continue;
    if (r.replied_on && r.replied_on < start) continue;
    add(r.received_on >= start ? received : carriedOver, r.applicant_kind);
    if (r.replied_on && r.replied_on <= end && r.reply_kind) {
      const key = outcomeRowOf({ kind: r.reply_kind, refusalGround: r.reply_ground, unavailableReason: r.reply_ground });
      const row = outcomes[key];
      if (row) add(row, r.applicant_kind);
      else add(outcomes['other.other'] ?? carriedForward, r.applicant_kind);
    } else {
      add(carriedForward, r.applicant_kind);
    }
  }
  const proactive = disclosureCategoryKeys.map((category) => {
    const mine = entries.filter((e) => e.category === category && e.publish_date && e.publish_date <= end);
    const ended = (e: ReportEntry) => e.validity !== 'valid' && e.validity_date !== null && e.validity_date <= end;
    return {
      category,
      label: disclosureCategories[category],
      issued: mine.filter((e) => e.publish_date! >= start).length,
      abolished: mine.filter((e) => ended(e) && e.validity_date! >= start).length,
      valid: mine.filter((e) => !ended(e)).length,
    };
  });
  const zeroReviews = Object.fromEntries(Object.keys(reviewGroups).map((g) => [g, Object.fromEntries(Object.keys(reviewOutcomes).map((o) => [o, 0]))])) as ReportData['reviews'];
  return {
    sections: previous?.sections ?? { overview: '', problems: '', other: '' },
    proactive,
    proactiveFigures: previous?.proactiveFigures ?? { licensing: 0, penalties: 0, enforcement: 0, feesTenThousandYuan: 0 },
    requests: { received, carriedOver, outcomes, carriedForward },
    reviews: previous?.reviews ?? zeroReviews,
  };
}

/** 三、（七）总计 per column: the sum of the outcome rows. */
export function outcomeTotals(data: ReportData): MatrixRow {
  const total = emptyRow();
  for (const row of Object.values(data.requests.outcomes)) for (const c of matrixColumns) total[c] += row[c];
  return total;
}

/**
 * The balance check: for every applicant kind and the total, 一 + 二 = 三（七）总计 + 四; each row's
 * 总计 equals the sum of its kinds; and the review/litigation totals equal their outcomes.
 */
export function checkBalance(data: ReportData) {
  const totals = outcomeTotals(data);
  const r = data.requests;
  const rowsConsistent = [r.received, r.carriedOver, r.carriedForward, ...Object.values(r.outcomes)].every(
    (row) => applicantKindKeys.reduce((sum, k) => sum + row[k], 0) === row.total,
  );
  const columns = matrixColumns.map((column) => {
    const incoming = r.received[column] + r.carriedOver[column];
    const outgoing = totals[column] + r.carriedForward[column];
    return { column, incoming, outgoing, outcomesTotal: totals[column], ok: incoming === outgoing };
  });
  const reviewsConsistent = Object.values(data.reviews).every((g) => g.upheld + g.corrected + g.other + g.pending === g.total);
  return { balanced: rowsConsistent && reviewsConsistent && columns.every((c) => c.ok), columns };
}
