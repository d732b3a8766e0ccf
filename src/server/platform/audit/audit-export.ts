import type { DbOrTrx } from '../../db/database.js';
import { auditRepository, type AuditSearch } from './audit.repository.js';
import type { AuditEventRow } from './audit.table.js';
import { shippedForm } from './sinks.js';

export type AuditExportFormat = 'jsonl' | 'csv';

const csvColumns = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'org_id',
  'ip',
  'action',
  'object_type',
  'object_id',
  'outcome',
  'request_id',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditEventRow)[];

/** A CSV cell; a leading = + - @ is defused so a spreadsheet shows text rather than running a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The events matching the filter, newest first, as JSON lines or CSV (with a header and a UTF-8 BOM
 * so spreadsheet programs read the Chinese correctly). Yields one chunk per page of 1000.
 */
export async function* exportAuditEvents(db: DbOrTrx, filter: AuditSearch, format: AuditExportFormat): AsyncGenerator<string> {
  if (format === 'csv') yield `\uFEFF${csvColumns.join(',')}\r\n`;
  let beforeSeq = filter.beforeSeq;
  for (;;) {
    const page = await auditRepository.search(db, { ...filter, limit: 1000, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
    if (page.events.length) {
      yield page.events
        .map((e) =>
          format === 'csv' ? `${csvColumns.map((c) => csvCell(c === 'seq' ? Number(e.seq) : e[c])).join(',')}\r\n` : `${JSON.stringify(shippedForm(e))}\n`,
        )
        .join('');
    }
    if (page.nextBeforeSeq === undefined) return;
    beforeSeq = page.nextBeforeSeq;
  }
}
