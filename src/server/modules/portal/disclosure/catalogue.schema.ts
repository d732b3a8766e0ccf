import { z } from 'zod';
import { disclosureCategories, disclosureTextKinds, entryStatuses, entryValidities } from '../../../../shared/disclosure.js';
import { cataloguePolicy } from './disclosure.policy.js';

const date = z.iso.date().describe('日期 YYYY-MM-DD（北京时间）');
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

export const categorySchema = z.enum(Object.keys(disclosureCategories) as [keyof typeof disclosureCategories]).describe('主动公开类别（条例第二十条）');
export const validitySchema = z.enum(Object.keys(entryValidities) as [keyof typeof entryValidities]).describe('效力：有效/失效/废止');
export const entryStatusSchema = z.enum(Object.keys(entryStatuses) as [keyof typeof entryStatuses]);
export const textKindSchema = z.enum(Object.keys(disclosureTextKinds) as [keyof typeof disclosureTextKinds]).describe('guide 指南 / rules 制度');

export const orgParamsSchema = z.object({ orgId: z.string().min(1).max(64) });
export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const textParamsSchema = orgParamsSchema.extend({ kind: textKindSchema });

export const textVersionSchema = z
  .object({
    version: z.number().int(),
    bodyHtml: z.string(),
    updatedAt: z.string(),
    updatedByName: z.string(),
  })
  .meta({ id: 'DisclosureText' });

export const disclosureSettingsSchema = z
  .object({
    orgId: z.string(),
    orgName: z.string(),
    orgCode: z.string().describe('机构代码（索引号的第一段）'),
    orgCodeSource: z.enum(['credit_code', 'derived']).describe('取自统一社会信用代码，或由组织机构引用稳定派生'),
    guide: textVersionSchema.nullable(),
    rules: textVersionSchema.nullable(),
    counts: z.record(z.string(), z.number().int()).describe('各类别已发布条目数'),
    actions: z.array(z.enum(cataloguePolicy.actions)),
  })
  .meta({ id: 'DisclosureSettings' });

export const textBodySchema = z.object({ bodyHtml: z.string().max(200_000, '正文过长') });
export const textVersionsSchema = z.object({ items: z.array(textVersionSchema) }).meta({ id: 'DisclosureTextVersions' });

export const entrySchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    indexNumber: z.string().describe('索引号 机构代码/年-序号'),
    title: z.string(),
    category: categorySchema,
    summary: z.string(),
    docNumber: z.string().nullable(),
    publisher: z.string().describe('发布机构'),
    documentDate: z.string().describe('成文日期'),
    publishDate: z.string().nullable().describe('发布日期'),
    articleId: z.string().nullable(),
    fileId: z.string().nullable(),
    fileName: z.string().nullable(),
    validity: validitySchema,
    validityNote: z.string().nullable(),
    validityDate: z.string().nullable(),
    status: entryStatusSchema,
    /** Published more than 20 working days after 成文日期 (条例 第二十六条). */
    late: z.boolean().nullable().describe('发布日期晚于成文日期20个工作日以上（超期公开）；未发布为 null'),
    workingDaysToPublish: z.number().int().nullable(),
    createdByName: z.string(),
    updatedAt: z.string(),
    actions: z.array(z.enum(cataloguePolicy.actions)),
  })
  .meta({ id: 'DisclosureEntry' });
export type EntryView = z.infer<typeof entrySchema>;

export const entryListQuerySchema = z.object({
  orgId: z.string().min(1).max(64),
  status: entryStatusSchema.optional(),
  category: categorySchema.optional(),
  validity: validitySchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type EntryListQuery = z.infer<typeof entryListQuerySchema>;

export const entryListSchema = z.object({ items: z.array(entrySchema), total: z.number().int() }).meta({ id: 'DisclosureEntryList' });

const entryFields = {
  title: text(200).min(2, '标题至少 2 个字'),
  category: categorySchema,
  summary: text(2000).default(''),
  docNumber: text(60).nullable().optional(),
  publisher: text(100).min(2, '请填写发布机构').optional(),
  documentDate: date,
  articleId: z.string().max(64).nullable().optional(),
};

export const entryCreateSchema = z.object({ orgId: z.string().min(1).max(64), ...entryFields });
export type EntryCreate = z.infer<typeof entryCreateSchema>;

export const entryUpdateSchema = z.object(entryFields).partial();
export type EntryUpdate = z.infer<typeof entryUpdateSchema>;

export const withdrawBodySchema = z.object({ reason: text(500).min(2, '请写明撤回原因') });
export const validityBodySchema = z.object({
  validity: validitySchema,
  note: text(500).nullable().optional(),
  date: date.nullable().optional(),
});
export const fileQuerySchema = z.object({ name: z.string().trim().min(1).max(200) });
