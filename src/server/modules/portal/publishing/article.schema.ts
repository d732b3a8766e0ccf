import { z } from 'zod';
import { articleActions, articleStatuses, articleValidities, portalLanguages } from '../../../../shared/portal.js';
import { articleActionKeys } from './publishing.policy.js';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const statusSchema = z.enum(Object.keys(articleStatuses) as [keyof typeof articleStatuses]).describe('状态');
const validitySchema = z.enum(Object.keys(articleValidities) as [keyof typeof articleValidities]).describe('效力');

const editable = {
  columnId: id.describe('栏目（同一网站内）'),
  title: text(200).describe('标题（纯文本）'),
  subtitle: text(200).nullable(),
  source: text(100).nullable().describe('来源（ContentSource）'),
  author: text(60).nullable(),
  summary: text(1000).nullable(),
  bodyHtml: text(1_000_000).describe('正文富文本；保存时清理（段落、标题、列表、表格、链接、本站图片）'),
  tags: z.array(text(30)).max(20),
  translationOf: id.nullable().describe('蒙古文版本所对应的中文原文'),
  interpretsId: id.nullable().describe('解读所对应的政策文件'),
};

export const createArticleSchema = z
  .object({
    columnId: editable.columnId,
    lang: z.enum(portalLanguages).default('zh-CN'),
    title: editable.title,
    subtitle: editable.subtitle.default(null),
    source: editable.source.default(null),
    author: editable.author.default(null),
    summary: editable.summary.default(null),
    bodyHtml: editable.bodyHtml.default(''),
    tags: editable.tags.default([]),
    translationOf: editable.translationOf.default(null),
    interpretsId: editable.interpretsId.default(null),
  })
  .meta({ id: 'CreatePortalArticle' });
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

export const updateArticleSchema = z
  .object({
    revision: z.number().int().min(0).describe('读取时的 revision；已变化则 409'),
    ...(Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]> }),
    lang: z.enum(portalLanguages).optional(),
    removeCover: z.boolean().optional().describe('去掉封面图片'),
  })
  .meta({ id: 'UpdatePortalArticle' });
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

export const revisionSchema = z.object({ revision: z.number().int().min(0) }).meta({ id: 'PortalArticleRevision' });
export const approveSchema = z
  .object({
    revision: z.number().int().min(0),
    publish: z.enum(['now', 'at']).describe('now 立即发布；at 定时发布'),
    publishAt: z.iso.datetime({ offset: true }).optional().describe('定时发布时间（不得早于当前时间）'),
  })
  .meta({ id: 'ApprovePortalArticle' });
export type ApproveInput = z.infer<typeof approveSchema>;
export const reasonSchema = z.object({ revision: z.number().int().min(0), reason: text(1000).describe('原因（必填）') }).meta({ id: 'PortalArticleReason' });
export const validityInputSchema = z
  .object({
    revision: z.number().int().min(0),
    validity: validitySchema,
    note: text(500).nullable().default(null).describe('说明，如“已被某文件废止”'),
    validityOn: z.iso.date().nullable().default(null).describe('失效或废止的日期'),
  })
  .meta({ id: 'PortalArticleValidity' });
export type ValidityInput = z.infer<typeof validityInputSchema>;

export const articleParamsSchema = z.object({ id });
export const attachmentParamsSchema = z.object({ id, attachmentId: id });
export const versionParamsSchema = z.object({ id, number: z.coerce.number().int().min(1) });
export const fileParamsSchema = z.object({ fileId: id });
export const uploadQuerySchema = z.object({ name: z.string().min(1).max(200).default('file'), title: z.string().max(200).optional() });
export const diffQuerySchema = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const articleListQuerySchema = z.object({
  view: z.enum(['mine', 'review', 'published', 'all']).default('all').describe('mine 我的草稿；review 待我审核；published 已发布；all 全部'),
  siteId: id.optional(),
  columnId: id.optional(),
  status: statusSchema.optional(),
  q: z.string().trim().max(100).optional().describe('标题包含'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

const fileSchema = z.object({ fileId: z.string(), url: z.string(), mediaType: z.string(), size: z.number().int() });

export const articleSummarySchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    columnId: z.string(),
    columnName: z.string(),
    serial: z.number().int(),
    lang: z.enum(portalLanguages),
    title: z.string(),
    status: statusSchema,
    validity: validitySchema,
    createdByName: z.string(),
    publishAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
    url: z.string().describe('公开访问路径'),
    version: z.number().int(),
    revision: z.number().int(),
  })
  .meta({ id: 'PortalArticleSummary' });

export const articleListSchema = z
  .object({ items: z.array(articleSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'PortalArticleList' });

export const articleSchema = articleSummarySchema
  .extend({
    translationOf: z.string().nullable(),
    interpretsId: z.string().nullable(),
    subtitle: z.string().nullable(),
    source: z.string().nullable(),
    author: z.string().nullable(),
    summary: z.string().nullable(),
    bodyHtml: z.string(),
    tags: z.array(z.string()),
    cover: fileSchema.nullable(),
    attachments: z.array(fileSchema.extend({ id: z.string(), title: z.string() })),
    validityNote: z.string().nullable(),
    validityOn: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawReason: z.string().nullable(),
    rejectReason: z.string().nullable(),
    createdBy: z.string(),
    reviewedByName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    events: z.array(
      z.object({
        action: z.enum(Object.keys(articleActions) as [keyof typeof articleActions]),
        actorName: z.string(),
        reason: z.string().nullable(),
        version: z.number().int(),
        at: z.string(),
      }),
    ),
    actions: z.array(z.enum(articleActionKeys)).describe('当前用户可执行的操作'),
  })
  .meta({ id: 'PortalArticle' });
export type ArticleView = z.infer<typeof articleSchema>;

export const versionSummarySchema = z.object({ number: z.number().int(), title: z.string(), createdByName: z.string(), createdAt: z.string() }).meta({ id: 'PortalArticleVersionSummary' });
export const versionSchema = versionSummarySchema
  .extend({ subtitle: z.string().nullable(), bodyHtml: z.string(), fields: z.record(z.string(), z.unknown()) })
  .meta({ id: 'PortalArticleVersion' });
export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    parts: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).describe('其他字段的变化'),
  })
  .meta({ id: 'PortalArticleDiff' });
