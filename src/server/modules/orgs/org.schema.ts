import { z } from 'zod';
import { orgKinds } from '../../../shared/orgs.js';
import { orgActions } from './org.policy.js';

export const orgKindSchema = z.enum(orgKinds).describe('组织类型');

export const orgSchema = z
  .object({
    id: z.string(),
    ref: z.string().describe('稳定引用：区划代码或“上级引用.简写”'),
    parentId: z.string().nullable(),
    kind: orgKindSchema,
    code: z.string().nullable().describe('GB/T 2260 区划代码（6 位）或统计用区划代码（12 位）'),
    nameZh: z.string(),
    nameMn: z.string().nullable().describe('传统蒙古文名称'),
    nameLatin: z.string().nullable(),
    shortName: z.string().nullable(),
    docPrefixes: z.array(z.string()).describe('机关代字，第一个为默认'),
    creditCode: z.string().nullable().describe('统一社会信用代码'),
    depth: z.number().int(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'Org' });

export type Org = z.infer<typeof orgSchema>;

export const orgDetailSchema = orgSchema
  .extend({
    ancestors: z.array(orgSchema.pick({ id: true, ref: true, kind: true, nameZh: true, nameMn: true })),
    childCount: z.number().int(),
    actions: z.array(z.enum(orgActions)).describe('当前用户可对该组织执行的操作'),
  })
  .meta({ id: 'OrgDetail' });

export type OrgDetail = z.infer<typeof orgDetailSchema>;
/** An organisation's detail before the caller's actions are added. */
export type OrgDetailData = Omit<OrgDetail, 'actions'> & { path: string };

export interface OrgTreeNode extends Org {
  children: OrgTreeNode[];
}

export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = orgSchema
  .extend({ children: z.array(z.lazy(() => orgTreeNodeSchema)) })
  .meta({ id: 'OrgTreeNode' });

export const orgListQuerySchema = z.object({
  parentId: z.string().optional().describe('只列出该组织的直接下级'),
  kind: z
    .union([orgKindSchema, z.array(orgKindSchema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const orgListSchema = z
  .object({ items: z.array(orgSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'OrgList' });

export const orgSearchQuerySchema = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(50),
  kind: orgListQuerySchema.shape.kind,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const orgTreeQuerySchema = z.object({
  root: z.string().optional().describe('根组织的 id、引用或区划代码；默认为整棵树'),
  depth: z.coerce.number().int().min(0).max(10).default(10).describe('展开的层数'),
  kind: orgListQuerySchema.shape.kind.describe('只保留这些类型（及其上级）'),
});

export const orgKeyParamsSchema = z.object({
  key: z.string().min(1).max(64).describe('组织 id、引用或区划代码'),
});

export const importRowProblemSchema = z.object({ line: z.number().int(), message: z.string() });

export const importResultSchema = z
  .object({ created: z.number().int(), updated: z.number().int(), total: z.number().int() })
  .meta({ id: 'OrgImportResult' });
