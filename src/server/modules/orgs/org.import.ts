import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isDivisionCode, isValidCreditCode } from '../../../shared/identifiers.js';
import { orgKinds, type OrgKind } from '../../../shared/orgs.js';

/** The columns of an organisation CSV, in order. The README documents them. */
export const importColumns = [
  'ref',
  'parent_ref',
  'kind',
  'code',
  'name_zh',
  'name_mn',
  'name_latin',
  'short_name',
  'doc_prefixes',
  'credit_code',
] as const;

export interface ImportRow {
  readonly line: number;
  readonly ref: string;
  readonly parentRef: string | null;
  readonly kind: OrgKind;
  readonly code: string | null;
  readonly nameZh: string;
  readonly nameMn: string | null;
  readonly nameLatin: string | null;
  readonly shortName: string | null;
  readonly docPrefixes: string[];
  readonly creditCode: string | null;
}

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v.normalize('NFC')));

const rowSchema = z.object({
  ref: z
    .string()
    .trim()
    .min(1, 'ref 不能为空')
    .max(64, 'ref 不能超过 64 个字符')
    .regex(/^[A-Za-z0-9._-]+$/, 'ref 只能由字母、数字、点、下划线和连字符组成'),
  parent_ref: optional,
  kind: z.enum(orgKinds, { error: `kind 须为以下之一：${orgKinds.join('、')}` }),
  code: optional.refine((v) => v === null || isDivisionCode(v), 'code 须为 6 位或 12 位数字区划代码'),
  name_zh: z.string().trim().min(1, 'name_zh（中文名称）不能为空').max(100, 'name_zh 不能超过 100 个字符'),
  name_mn: optional,
  name_latin: optional,
  short_name: optional,
  doc_prefixes: z
    .string()
    .trim()
    .transform((v) => v.split(/[;；]/).map((p) => p.trim()).filter(Boolean)),
  credit_code: optional.refine(
    (v) => v === null || isValidCreditCode(v.toUpperCase()),
    'credit_code 不是有效的统一社会信用代码（GB 32100-2015 校验位不符）',
  ),
});

/**
 * Parses an organisation CSV. Every problem is reported with its line number; rows are returned
 * only when the whole file is valid in itself (references to orgs already stored are checked later).
 */
export function parseOrgCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = importColumns.filter((c) => !names.includes(c));
        if (missing.length) throw new HeaderError(`缺少列：${missing.join('、')}`);
        const unknown = names.filter((n) => !(importColumns as readonly string[]).includes(n));
        if (unknown.length) throw new HeaderError(`未知的列：${unknown.join('、')}`);
        return names;
      },
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
    }) as typeof records;
  } catch (error) {
    if (error instanceof HeaderError) return { rows: [], problems: [{ line: 1, message: error.message }] };
    const e = error as Error & { lines?: number };
    return { rows: [], problems: [{ line: e.lines ?? 1, message: `CSV 格式错误：${e.message}` }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 1, message: '文件中没有数据行' }] };

  const rows: ImportRow[] = [];
  const seenRefs = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const result = rowSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, message: issue.message });
      continue;
    }
    const r = result.data;
    const earlier = seenRefs.get(r.ref);
    if (earlier) {
      problems.push({ line, message: `ref ${r.ref} 与第 ${earlier} 行重复` });
      continue;
    }
    seenRefs.set(r.ref, line);
    if (r.code) {
      const codeLine = seenCodes.get(r.code);
      if (codeLine) problems.push({ line, message: `code ${r.code} 与第 ${codeLine} 行重复` });
      seenCodes.set(r.code, line);
    }
    if (r.parent_ref === r.ref) problems.push({ line, message: '上级不能是自己' });
    rows.push({
      line,
      ref: r.ref,
      parentRef: r.parent_ref,
      kind: r.kind,
      code: r.code,
      nameZh: r.name_zh.normalize('NFC'),
      nameMn: r.name_mn,
      nameLatin: r.name_latin,
      shortName: r.short_name,
      docPrefixes: r.doc_prefixes,
      creditCode: r.credit_code?.toUpperCase() ?? null,
    });
  }
  return { rows: problems.length ? [] : rows, problems };
}

class HeaderError extends Error {}
