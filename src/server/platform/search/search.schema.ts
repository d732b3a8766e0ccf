import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { SearchErrorCode } from './search.errors.js';
import './search.errors.js';

/** `documents`, `portal:site-1`: a module's name, optionally `:` and a sub-collection. */
const scope = z.string().regex(/^[a-z][a-z0-9_-]{0,31}(:[A-Za-z0-9_.-]{1,64})?$/, '检索范围格式不正确');
/** An access tag: an org id, a role, `public`… Compared exactly. */
const tag = z.string().min(1).max(128);
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '字段名只能由字母、数字和下划线组成');
const fieldValue = z.string().min(1).max(128);
const isoDate = z.iso.date();

/** What a module indexes: one object (a document, an article, a service item). */
export const searchDocumentSchema = z.object({
  scope,
  /** The object's id within its scope; indexing the same scope and key again replaces the entry. */
  key: z.string().min(1).max(128),
  title: z.string().max(1000),
  body: z.string(),
  /** Attachments' text; indexed and shown in snippets with less weight than the body. */
  extra: z.string().optional(),
  /**
   * Returned with each hit. `date` (YYYY-MM-DD) is filterable by range; every other string (or
   * string array) value is filterable by equality; numbers, booleans and null are only returned.
   */
  fields: z
    .record(fieldName, z.union([fieldValue, z.array(fieldValue).max(50), z.number(), z.boolean(), z.null()]))
    .refine((f) => Object.keys(f).length <= 20, '字段不能超过 20 个')
    .refine((f) => !('from' in f) && !('to' in f), 'from 和 to 是日期筛选条件，不能用作字段名')
    .refine((f) => f.date === undefined || f.date === null || isoDate.safeParse(f.date).success, '日期须为 YYYY-MM-DD')
    .optional(),
  /**
   * Returned with each hit beside `fields` but never filtered on, so not indexed: what a hit shows
   * (its link, its site's or issuer's name). An entry's own value (a link) would otherwise be one
   * more index token per entry, held by that entry alone.
   */
  shown: z
    .record(fieldName, z.string().max(1000))
    .refine((f) => Object.keys(f).length <= 10, '展示字段不能超过 10 个')
    .optional(),
  /** Who may see it: a query sees the entry only if it passes one of these tags. */
  visibility: z.array(tag).min(1, '至少需要一个可见范围标签').max(200),
}).refine((doc) => !doc.shown || !doc.fields || Object.keys(doc.shown).every((name) => !(name in doc.fields!)), {
  message: '展示字段与筛选字段不能同名',
  path: ['shown'],
});

export type SearchDocument = z.input<typeof searchDocumentSchema>;
export type SearchFieldValue = string | readonly string[] | number | boolean | null;

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 32;
export const MAX_PAGE_SIZE = 100;
/**
 * Results beyond this many are not counted nor paged to (see `SearchResult.totalExact`): counting
 * further costs every large search more than everything else it does together.
 */
export const MAX_COUNTED = 1_000;

/** A search as a module asks it on behalf of its caller. */
export const searchQuerySchema = z.object({
  scopes: z.array(scope).min(1).max(100),
  text: z.string(),
  /** The caller's access tags; entries with none of them are invisible. */
  tags: z.array(tag).max(500),
  filters: z
    .object({ from: isoDate.optional(), to: isoDate.optional() })
    .catchall(z.union([fieldValue, z.array(fieldValue).min(1).max(100)]))
    .refine((f) => Object.keys(f).every((k) => fieldName.safeParse(k).success), '筛选字段名不正确')
    .refine((f) => Object.keys(f).length <= 20, '筛选条件不能超过 20 个')
    .optional(),
  /** 1-based. */
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  /** `relevance` (default) or newest `date` first. */
  sort: z.enum(['relevance', 'date']).default('relevance'),
});

export type SearchQuery = z.input<typeof searchQuerySchema>;
export type ParsedSearchQuery = z.output<typeof searchQuerySchema>;

/** Parses with `schema`, or throws `code` listing the offending fields in Chinese. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: SearchErrorCode): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(code, {
    fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
