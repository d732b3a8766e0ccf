import { z } from 'zod';
import {
  guideElements,
  handlingKinds,
  materialForms,
  onlineDepths,
  serviceAudiences,
  serviceHandlingTypes,
  serviceItemKinds,
  serviceItemLevels,
  serviceItemStatuses,
  type GuideElement,
} from '../../../shared/services.js';
import { serviceItemPolicy } from './services.policy.js';

const keysOf = <T extends Record<string, string>>(labels: T) => Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);
const days = z.number().int('须为整数').min(0, '不能为负数').max(365, '不能超过365个工作日');

export const kindSchema = z.enum(keysOf(serviceItemKinds)).describe('事项类型');
export const levelSchema = z.enum(keysOf(serviceItemLevels)).describe('事项层级：主项/子项/业务办理项');
export const handlingKindSchema = z.enum(keysOf(handlingKinds)).describe('业务办理项类型');
export const statusSchema = z.enum(keysOf(serviceItemStatuses));
const elementSchema = z.enum(keysOf(guideElements));

export const materialSchema = z.object({
  name: text(200).min(1, '材料名称不能为空'),
  form: z.enum(keysOf(materialForms)),
  copies: z.number().int().min(0).max(99),
  required: z.boolean(),
  note: text(500).default(''),
});

export const stepSchema = z.object({
  name: text(50).min(1, '环节名称不能为空'),
  detail: text(1000).default(''),
});

/** What a clerk writes: the guide. Save takes a draft as it is; publishing checks it is complete. */
export const itemInputSchema = z.object({
  name: text(200).min(1, '事项名称不能为空'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z][0-9A-Z-]{6,38}[0-9A-Z]$/, '事项编码为8至40位大写字母、数字或连字符'),
  kind: kindSchema,
  level: levelSchema.default('main'),
  handlingKind: handlingKindSchema.nullable().default(null),
  parentId: z.string().min(1).max(64).nullable().default(null),
  competentDept: text(100).default(''),
  basis: text(4000).default(''),
  conditions: text(4000).default(''),
  materials: z.array(materialSchema).max(60, '申请材料不能超过60项').default([]),
  steps: z.array(stepSchema).max(20, '办理环节不能超过20个').default([]),
  legalDays: days.nullable().default(null).describe('法定时限（工作日）；法律未规定时为 null（仅公共服务）'),
  promisedDays: days.nullable().default(null).describe('承诺时限（工作日）；即办件为0'),
  handlingType: z.enum(keysOf(serviceHandlingTypes)).default('promised'),
  fee: text(500).default(''),
  place: text(500).default(''),
  phone: text(40).default(''),
  complaintPhone: text(40).default(''),
  audiences: z.array(z.enum(keysOf(serviceAudiences))).max(2).default([]),
  onlineDepth: z.enum(keysOf(onlineDepths)).default('offline'),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

export const itemCreateSchema = itemInputSchema.extend({ orgId: z.string().min(1).max(64).describe('实施机关') });
export type ItemCreate = z.infer<typeof itemCreateSchema>;

export const itemUpdateSchema = itemInputSchema.extend({ revision: z.number().int().min(1).describe('编辑开始时的版本号') });
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

export const itemSchema = itemInputSchema
  .extend({
    id: z.string(),
    orgId: z.string(),
    implementingOrg: z.string().describe('实施机关名称'),
    parentName: z.string().nullable(),
    status: statusSchema,
    withdrawReason: z.string().nullable(),
    publishedAt: z.string().nullable(),
    missing: z.array(elementSchema).describe('缺少或不合规的办事指南要素；为空时可发布'),
    revision: z.number().int(),
    childCount: z.number().int(),
    createdByName: z.string(),
    updatedByName: z.string(),
    updatedAt: z.string(),
    actions: z.array(z.enum(serviceItemPolicy.actions)),
  })
  .meta({ id: 'ServiceItem' });
export type ItemView = z.infer<typeof itemSchema> & { missing: GuideElement[] };

export const itemSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: kindSchema,
    level: levelSchema,
    handlingKind: handlingKindSchema.nullable(),
    parentId: z.string().nullable(),
    orgId: z.string(),
    implementingOrg: z.string(),
    status: statusSchema,
    handlingType: z.enum(keysOf(serviceHandlingTypes)),
    promisedDays: z.number().int().nullable(),
    onlineDepth: z.enum(keysOf(onlineDepths)),
    missing: z.array(elementSchema),
    updatedAt: z.string(),
  })
  .meta({ id: 'ServiceItemSummary' });

export const itemListQuerySchema = z.object({
  orgId: z.string().min(1).max(64),
  status: statusSchema.optional(),
  kind: kindSchema.optional(),
  parentsFor: levelSchema.optional().describe('只列可作该层级事项上级的事项：子项的上级为主项，业务办理项的上级为主项或子项'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;

export const itemListSchema = z
  .object({
    items: z.array(itemSummarySchema),
    total: z.number().int(),
    counts: z.record(z.string(), z.number().int()).describe('该机关各状态事项数'),
    actions: z.array(z.enum(serviceItemPolicy.actions)),
  })
  .meta({ id: 'ServiceItemList' });

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const withdrawBodySchema = z.object({ reason: text(500).min(2, '请写明撤回原因') });
