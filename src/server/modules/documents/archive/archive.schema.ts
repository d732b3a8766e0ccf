import { z } from 'zod';
import { archiveSources, retentionKeys } from '../../../../shared/documents-receiving.js';
import { secrecyLevels, urgencyLevels } from '../../../../shared/documents.js';
import { documentVerdictSchema } from '../seal/index.js';
import { archiveActions, archiveItemActions } from './archive.policy.js';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const retentionSchema = z.enum(retentionKeys).describe('保管期限：Y 永久，D30 定期30年，D10 定期10年');
const code = (label: string, max: number) =>
  z.string().trim().toUpperCase().regex(new RegExp(`^[A-Z0-9]{1,${max}}$`), `${label}须为 1–${max} 位大写字母或数字`);

export const processEventSchema = z.object({
  action: z.string(),
  label: z.string().describe('业务行为：签发、登记、批办……'),
  step: z.string().nullable().describe('发文环节'),
  actor: z.string(),
  org: z.string().nullable(),
  at: z.string(),
  opinion: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const archiveFileFactsSchema = z.object({
  role: z.enum(['original', 'archival']).describe('original 原件（签章原文或扫描件，未改动）；archival 加盖归档章的归档件'),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sm3: z.string().describe('SM3 杂凑值（十六进制）'),
});

/** A 件's metadata: stored with it, exported as XML with DA/T 46 element names. */
export const archiveMetadataSchema = z
  .object({
    aggregationLevel: z.literal('件'),
    fonds: z.object({ code: z.string(), name: z.string() }),
    archivalCode: z.string(),
    category: z.string(),
    year: z.number().int(),
    retention: retentionSchema,
    unit: z.object({ code: z.string(), name: z.string() }),
    itemNumber: z.number().int(),
    source: z.enum(keys(archiveSources)),
    description: z.object({
      title: z.string(),
      docNumber: z.string().nullable(),
      responsible: z.string().describe('责任者'),
      date: z.string().nullable(),
      kind: z.string().nullable(),
      secrecy: z.enum(secrecyLevels),
      urgency: z.enum(urgencyLevels),
      mainRecipients: z.array(z.string()),
      copyRecipients: z.array(z.string()),
      receiptNumber: z.string().nullable(),
    }),
    form: z.object({ pages: z.number().int(), language: z.string(), files: z.array(archiveFileFactsSchema) }),
    signatures: documentVerdictSchema.nullable().describe('归档时对原件电子印章的验证结论'),
    process: z.array(processEventSchema).describe('办理过程：每一环节的办理人、时间和意见'),
    filing: z.object({ by: z.string(), at: z.string() }),
  })
  .meta({ id: 'ArchiveMetadata' });

export const fondsSchema = z
  .object({
    orgId: z.string(),
    orgName: z.string(),
    configured: z.boolean().describe('false：尚未设置，首次归档时自动分配全宗号（Q 加四位序号）'),
    fondsCode: z.string().nullable().describe('全宗号'),
    fondsName: z.string(),
    unitCode: z.string().describe('默认机构（问题）代码'),
    unitName: z.string().describe('默认机构（问题）名称，印在归档章上'),
    itemCount: z.number().int(),
    updatedAt: z.string().nullable(),
    actions: z.array(z.enum(archiveActions)),
  })
  .meta({ id: 'ArchiveFonds' });
export type FondsView = z.infer<typeof fondsSchema>;

export const fondsQuerySchema = z.object({ orgId: z.string().min(1).max(64) });

export const fondsBodySchema = z
  .object({
    orgId: z.string().min(1).max(64),
    fondsCode: code('全宗号', 8).optional().describe('全宗号（档案馆给定）；不填则保留现有的，尚未设置时自动分配'),
    fondsName: z.string().trim().min(1).max(200).optional().describe('全宗名称；默认为单位全称'),
    unitCode: code('机构（问题）代码', 6).default('BGS'),
    unitName: z.string().trim().min(1).max(20).default('办公室'),
  })
  .meta({ id: 'ArchiveFondsUpdate' });

const fileCommon = {
  retention: retentionSchema,
  unitCode: code('机构（问题）代码', 6).optional().describe('默认取全宗设置'),
  unitName: z.string().trim().min(1).max(20).optional(),
};

export const fileBodySchema = z
  .discriminatedUnion('source', [
    z.object({ source: z.literal('received'), incomingId: z.string().min(1).max(64), ...fileCommon }),
    z.object({ source: z.literal('sent'), documentId: z.string().min(1).max(64), ...fileCommon }),
  ])
  .meta({ id: 'ArchiveFiling' });
export type FileBody = z.infer<typeof fileBodySchema>;

export const archiveItemSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    archivalCode: z.string().describe('档号：全宗号-门类代码·年度-保管期限-机构（问题）代码-件号'),
    fondsCode: z.string(),
    category: z.string(),
    year: z.number().int(),
    retention: retentionSchema,
    unitCode: z.string(),
    unitName: z.string(),
    itemNumber: z.number().int(),
    source: z.enum(keys(archiveSources)),
    documentId: z.string().nullable(),
    incomingId: z.string().nullable(),
    title: z.string(),
    docNumber: z.string().nullable(),
    responsible: z.string(),
    documentDate: z.string().nullable(),
    pages: z.number().int(),
    secrecy: z.string(),
    filedAt: z.string(),
    filedByName: z.string(),
    actions: z.array(z.enum(archiveItemActions)),
  })
  .meta({ id: 'ArchiveItem' });
export type ArchiveItemView = z.infer<typeof archiveItemSchema>;

export const archiveItemDetailSchema = archiveItemSchema
  .extend({ originalSm3: z.string(), metadata: archiveMetadataSchema })
  .meta({ id: 'ArchiveItemDetail' });

export const archiveListQuerySchema = z.object({
  orgId: z.string().min(1).max(64),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  retention: retentionSchema.optional(),
  source: z.enum(keys(archiveSources)).optional(),
  q: z.string().trim().max(100).optional().describe('按题名、档号或文号查找'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const archiveListSchema = z
  .object({
    items: z.array(archiveItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    actions: z.array(z.enum(archiveActions)).describe('对该单位档案可执行的操作'),
  })
  .meta({ id: 'ArchiveList' });

export const archiveFileQuerySchema = z.object({ copy: z.enum(['archival', 'original']).default('archival').describe('archival 加盖归档章的归档件；original 未改动的原件') });

export const exportQuerySchema = z.object({
  orgId: z.string().min(1).max(64),
  year: z.coerce.number().int().min(1949).max(2200),
});
