import { z } from 'zod';
import { columnCategories, portalLanguages, siteKinds } from '../../../../shared/portal.js';
import { siteActions } from './publishing.policy.js';

const id = z.string().min(1).max(64);
export const siteKindSchema = z.enum(Object.keys(siteKinds) as [keyof typeof siteKinds]).describe('网站类型');
export const columnCategorySchema = z.enum(Object.keys(columnCategories) as [keyof typeof columnCategories]).describe('栏目类型（检查指标分类）');
const languagesSchema = z
  .array(z.enum(portalLanguages))
  .min(1)
  .max(2)
  .refine((l) => l[0] === 'zh-CN' && new Set(l).size === l.length, '语言须以 zh-CN 开头且不重复')
  .describe('网站语言，中文在前');
const themeSchema = z
  .strictObject({
    accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, '主色须为 #RRGGBB').optional(),
    banner: z.string().trim().max(80).optional(),
  })
  .describe('主题设置：主色、横幅文字');

/** 网站标识码: ten digits (the first six a division code). */
export const siteIdCodeSchema = z.string().trim().regex(/^\d{10}$/, '网站标识码须为 10 位数字').refine((v) => !v.startsWith('000000'), '网站标识码前 6 位须为区划代码');
const hostSchema = z.string().trim().min(1).max(253).describe('域名，保存为小写');

const siteFields = {
  nameZh: z.string().trim().min(1).max(60),
  nameMn: z.string().trim().max(120).nullable(),
  kind: siteKindSchema,
  pathPrefix: z
    .string()
    .trim()
    .regex(/^(|\/[a-z0-9-]{1,40})$/, '访问路径须为空（主门户）或 /小写字母数字连字符')
    .describe("访问路径：主门户为 ''，部门栏目如 /fgw"),
  hosts: z.array(hostSchema).max(10).describe('独立域名'),
  siteIdCode: siteIdCodeSchema.nullable(),
  icpNumber: z.string().trim().regex(/^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/, 'ICP备案号格式如：蒙ICP备05003255号-1').nullable(),
  psbNumber: z.string().trim().regex(/^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/, '公安备案号格式如：蒙公网安备 15220102000001号').nullable(),
  languages: languagesSchema,
  theme: themeSchema,
  parentSiteId: id.nullable().describe('上级网站（部门栏目挂在主门户下）'),
  position: z.number().int().min(0).max(10_000),
};

export const createSiteSchema = z
  .object({
    code: z.string().trim().regex(/^[a-z][a-z0-9-]{1,30}$/, '网站代码须为小写字母开头的字母、数字、连字符'),
    orgId: id.describe('主办单位（组织机构 id）'),
    nameZh: siteFields.nameZh,
    nameMn: siteFields.nameMn.default(null),
    kind: siteFields.kind,
    pathPrefix: siteFields.pathPrefix,
    hosts: siteFields.hosts.default([]),
    siteIdCode: siteFields.siteIdCode.default(null),
    icpNumber: siteFields.icpNumber.default(null),
    psbNumber: siteFields.psbNumber.default(null),
    languages: siteFields.languages.default(['zh-CN', 'mn-Mong']),
    theme: siteFields.theme.default({}),
    parentSiteId: siteFields.parentSiteId.default(null),
    position: siteFields.position.default(0),
  })
  .meta({ id: 'CreatePortalSite' });
export type CreateSiteInput = z.infer<typeof createSiteSchema>;

export const updateSiteSchema = z.object(Object.fromEntries(Object.entries(siteFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof siteFields]: z.ZodOptional<(typeof siteFields)[K]>;
}).meta({ id: 'UpdatePortalSite' });
export type UpdateSiteInput = z.infer<typeof updateSiteSchema>;

export const siteSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    parentSiteId: z.string().nullable(),
    kind: siteKindSchema,
    nameZh: z.string(),
    nameMn: z.string().nullable(),
    pathPrefix: z.string(),
    hosts: z.array(z.string()),
    siteIdCode: z.string().nullable(),
    icpNumber: z.string().nullable(),
    psbNumber: z.string().nullable(),
    languages: z.array(z.enum(portalLanguages)),
    theme: z.object({ accent: z.string().optional(), banner: z.string().optional() }),
    position: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: z.array(z.enum(siteActions)).describe('当前用户可执行的操作'),
  })
  .meta({ id: 'PortalSite' });
export type SiteView = z.infer<typeof siteSchema>;

export const siteParamsSchema = z.object({ id });
export const siteListSchema = z.object({ items: z.array(siteSchema), canCreate: z.boolean().describe('当前用户能否新建网站') }).meta({ id: 'PortalSiteList' });

const slugSchema = z.string().trim().regex(/^[a-z0-9-]{1,40}$/, '英文标识只能是 1–40 个小写字母、数字或连字符');

export const createColumnSchema = z
  .object({
    parentId: id.nullable().default(null),
    slug: slugSchema,
    nameZh: z.string().trim().min(1).max(40),
    nameMn: z.string().trim().max(120).nullable().default(null),
    category: columnCategorySchema,
    description: z.string().trim().max(500).nullable().default(null),
  })
  .meta({ id: 'CreatePortalColumn' });
export type CreateColumnInput = z.infer<typeof createColumnSchema>;

export const updateColumnSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(40).optional(),
    nameMn: z.string().trim().max(120).nullable().optional(),
    category: columnCategorySchema.optional(),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .meta({ id: 'UpdatePortalColumn' });
export type UpdateColumnInput = z.infer<typeof updateColumnSchema>;

export const moveColumnSchema = z
  .object({
    parentId: id.nullable().describe('新的上级栏目；null 为顶级'),
    position: z.number().int().min(0).max(10_000).describe('在同级中的位置（从 0 起）'),
    slug: slugSchema.optional().describe('同时修改英文标识'),
  })
  .meta({ id: 'MovePortalColumn' });
export type MoveColumnInput = z.infer<typeof moveColumnSchema>;

export const columnSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    parentId: z.string().nullable(),
    slug: z.string(),
    path: z.string(),
    url: z.string().describe('公开访问路径'),
    nameZh: z.string(),
    nameMn: z.string().nullable(),
    category: columnCategorySchema,
    position: z.number().int(),
    description: z.string().nullable(),
  })
  .meta({ id: 'PortalColumn' });
export type ColumnView = z.infer<typeof columnSchema>;

export const columnTreeSchema = z
  .object({
    site: siteSchema,
    columns: z.array(columnSchema).describe('按树的先序排列'),
    canManage: z.boolean(),
  })
  .meta({ id: 'PortalColumnTree' });

export const columnMovedSchema = z
  .object({ column: columnSchema, redirects: z.array(z.object({ from: z.string(), to: z.string() })).describe('记录的旧地址跳转') })
  .meta({ id: 'PortalColumnMoved' });
