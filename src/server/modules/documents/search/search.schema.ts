import { z } from 'zod';
import { documentKindKeys, documentStatuses } from '../../../../shared/documents.js';
import { incomingStepKeys } from '../../../../shared/documents-receiving.js';

const businessDate = z.iso.date('须为 YYYY-MM-DD 日期');

export const documentSearchQuerySchema = z.object({
  q: z.string().trim().min(1, '请输入要检索的词').max(200).describe('检索词：标题、发文字号、正文或附件中的词（中文分词）'),
  kind: z.enum(documentKindKeys).optional().describe('只查某一文种'),
  from: businessDate.optional().describe('成文日期起（含）'),
  to: businessDate.optional().describe('成文日期止（含）'),
  sort: z.enum(['relevance', 'date']).default('relevance').describe('relevance：标题命中在前；date：新的在前'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type DocumentSearchQuery = z.infer<typeof documentSearchQuerySchema>;

export const documentSearchHitSchema = z
  .object({
    documentId: z.string().nullable().describe('发文 id：调用者可查看发文时给出（GET /documents/{id}）'),
    incomingId: z.string().nullable().describe('调用者所在机关收文箱中的这份文件（GET /documents/incoming/{id}）'),
    source: z.enum(['sent', 'paper']).describe('sent：平台内发文；paper：登记的纸质来文'),
    title: z.string(),
    titleHtml: z.string().describe('标题，已转义，命中词以 <mark> 标出'),
    snippet: z.string().describe('正文（或附件）中命中的片段，已转义，命中词以 <mark> 标出'),
    docNumber: z.string().nullable().describe('发文字号或来文字号'),
    kind: z.enum(documentKindKeys).nullable(),
    orgName: z.string().describe('发文机关或来文机关'),
    date: z.string().nullable().describe('成文日期'),
    status: z.enum(documentStatuses).nullable().describe('发文状态（调用者可查看发文时）'),
    incomingStep: z.enum(incomingStepKeys).nullable().describe('收文所处环节（有收文时）'),
  })
  .meta({ id: 'DocumentSearchHit' });

export const documentSearchResultSchema = z
  .object({
    total: z.number().int().describe('调用者可见的命中数（超过上限时为上限）'),
    totalExact: z.boolean(),
    fallback: z.boolean().describe('分词未命中时按子串匹配的结果'),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(documentSearchHitSchema),
  })
  .meta({ id: 'DocumentSearchResult' });
export type DocumentSearchResult = z.infer<typeof documentSearchResultSchema>;
export type DocumentSearchHit = z.infer<typeof documentSearchHitSchema>;
