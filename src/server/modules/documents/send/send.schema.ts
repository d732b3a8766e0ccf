import { z } from 'zod';
import {
  deliveryChannels,
  documentKindKeys,
  documentStatuses,
  flowActions,
  recipientRoles,
  refusedSecrecyLevels,
  secrecyLevels,
  sendStepKeys,
  stepActorScopes,
  urgencyLevels,
} from '../../../../shared/documents.js';
import { documentActions, workflowPolicy } from '../documents.policy.js';

export const documentKindSchema = z.enum(documentKindKeys).describe('文种（15 种之一，见 src/shared/documents.ts）');
export const sendStepSchema = z.enum(sendStepKeys).describe('发文环节');
const orgIdSchema = z.string().min(1).max(64);
const orgIdList = (max: number) => z.array(orgIdSchema).max(max);

/** 密级 as asked for: 机密 and 绝密 are accepted here only to be refused with `documents.secrecy_too_high`. */
const secrecyInputSchema = z
  .enum([...secrecyLevels, ...refusedSecrecyLevels])
  .describe('密级：none 非密，secret 秘密；confidential（机密）与 top_secret（绝密）一律拒绝');

const editable = {
  title: z.string().trim().min(1).max(200).describe('标题'),
  kind: documentKindSchema,
  mainRecipientIds: orgIdList(5000).describe('主送机关 id（来自组织机构库）'),
  copyRecipientIds: orgIdList(5000).describe('抄送机关 id'),
  coIssuerIds: orgIdList(20).describe('联合发文机关 id（不含主办机关）；有联合发文机关时须经会签'),
  bodyHtml: z.string().max(500_000).describe('正文富文本；保存时清理为段落 <p> 与标题层级 <h1>–<h4>'),
  secrecy: secrecyInputSchema,
  secrecyTerm: z.string().trim().max(20).nullable().describe('保密期限，如“1年”；仅秘密件'),
  urgency: z.enum(urgencyLevels).describe('紧急程度：normal 普通，urgent 加急，very_urgent 特急'),
  note: z.string().trim().max(500).nullable().describe('附注'),
};

export const createDocumentSchema = z
  .object({
    orgId: orgIdSchema.describe('发文机关 id'),
    draftingOrgId: orgIdSchema.optional().describe('拟稿单位：发文机关或其内设机构；默认按拟稿人所在机构'),
    kind: editable.kind,
    title: editable.title,
    mainRecipientIds: editable.mainRecipientIds.default([]),
    copyRecipientIds: editable.copyRecipientIds.default([]),
    coIssuerIds: editable.coIssuerIds.default([]),
    bodyHtml: editable.bodyHtml.default(''),
    secrecy: editable.secrecy.default('none'),
    secrecyTerm: editable.secrecyTerm.optional(),
    urgency: editable.urgency.default('normal'),
    note: editable.note.optional(),
    inReplyTo: z.string().max(64).optional().describe('所答复的收文 id'),
  })
  .meta({ id: 'CreateDocument' });
export type CreateDocumentInput = z.infer<typeof createDocumentSchema>;

export const updateDocumentSchema = z
  .object({
    ...Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])),
    revision: z.number().int().min(0).optional().describe('读取时的 revision；给出时如公文已被他人修改则拒绝'),
  } as { [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]> } & { revision: z.ZodOptional<z.ZodNumber> })
  .meta({ id: 'UpdateDocument' });
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

const orgRefSchema = z.object({ orgId: z.string(), name: z.string() });

export const taskSchema = z
  .object({
    id: z.string(),
    step: sendStepSchema,
    orgId: z.string(),
    orgName: z.string(),
    role: z.string().nullable(),
    userId: z.string().nullable(),
    dueOn: z.string().nullable().describe('办理期限（工作日计算的日期）'),
    overdue: z.boolean(),
    reminders: z.number().int().describe('已催办次数'),
  })
  .meta({ id: 'DocumentTask' });

export const attachmentSchema = z
  .object({
    id: z.string(),
    fileId: z.string(),
    title: z.string().describe('附件名称（附件说明）'),
    position: z.number().int(),
    mediaType: z.string().describe('由文件内容识别的类型'),
    size: z.number().int(),
    fileName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'DocumentAttachment' });

export const documentSchema = z
  .object({
    id: z.string(),
    orgId: z.string().describe('发文机关'),
    orgName: z.string(),
    draftingOrgId: z.string(),
    draftingOrgName: z.string(),
    kind: documentKindSchema,
    title: z.string(),
    docNumber: z.string().nullable().describe('发文字号，编号登记后才有'),
    secrecy: z.enum(secrecyLevels),
    secrecyTerm: z.string().nullable(),
    urgency: z.enum(urgencyLevels),
    status: z.enum(documentStatuses),
    currentStep: sendStepSchema.nullable(),
    direction: z.enum(['up', 'down', 'parallel']).nullable().describe('按主送机关判断的行文方向；无主送时为 null'),
    mainRecipients: z.array(orgRefSchema),
    copyRecipients: z.array(orgRefSchema),
    coIssuers: z.array(orgRefSchema),
    bodyHtml: z.string(),
    bodyVersion: z.number().int(),
    note: z.string().nullable(),
    signerName: z.string().nullable().describe('签发人'),
    signedAt: z.string().nullable(),
    documentDate: z.string().nullable().describe('成文日期'),
    draftedBy: z.string(),
    draftedByName: z.string(),
    attachments: z.array(attachmentSchema),
    openTasks: z.array(taskSchema),
    sealedAt: z.string().nullable(),
    issuedAt: z.string().nullable(),
    finalFileId: z.string().nullable(),
    inReplyTo: z.string().nullable(),
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: z.array(z.enum(documentActions)).describe('当前用户可对该公文执行的操作'),
    returnTargets: z.array(sendStepSchema).describe('可退回到的环节（本流程中当前环节之前、已启用的环节，先后为序）；不能退回时为空'),
  })
  .meta({ id: 'Document' });
export type DocumentView = z.infer<typeof documentSchema>;

export const documentSummarySchema = documentSchema
  .pick({
    id: true,
    orgId: true,
    orgName: true,
    kind: true,
    title: true,
    docNumber: true,
    secrecy: true,
    urgency: true,
    status: true,
    currentStep: true,
    draftedByName: true,
    issuedAt: true,
    updatedAt: true,
    actions: true,
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const documentListQuerySchema = z.object({
  status: z.enum(documentStatuses).optional(),
  step: sendStepSchema.optional(),
  kind: documentKindSchema.optional(),
  orgId: z.string().max(64).optional().describe('只看该发文机关的公文'),
  q: z.string().trim().max(100).optional().describe('标题或发文字号中的文字'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度：发文字号的年份；未编号的按拟稿年份'),
  mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('true：只看本人拟稿的公文'),
  ...page,
});

export const documentListSchema = z
  .object({ items: z.array(documentSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'DocumentList' });

export const documentParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const attachmentParamsSchema = documentParamsSchema.extend({ attachmentId: z.string().min(1).max(64) });
export const versionParamsSchema = documentParamsSchema.extend({ number: z.coerce.number().int().min(1) });

export const attachmentUploadQuerySchema = z.object({
  name: z.string().trim().min(1).max(255).describe('原文件名'),
  title: z.string().trim().min(1).max(200).optional().describe('附件名称（附件说明中列出）；默认取文件名去掉扩展名'),
});

export const versionSummarySchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    step: sendStepSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    createdByName: z.string(),
  })
  .meta({ id: 'DocumentVersionSummary' });
export const versionSchema = versionSummarySchema.extend({ bodyHtml: z.string() }).meta({ id: 'DocumentVersion' });

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).describe('旧版本号'),
  to: z.coerce.number().int().min(1).describe('新版本号'),
});
export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    title: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
    body: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).describe('按词（中文按词语）比较的正文差异，段落以换行分隔'),
    inserted: z.number().int().describe('新增字数'),
    deleted: z.number().int().describe('删除字数'),
  })
  .meta({ id: 'DocumentDiff' });

export const flowEventSchema = z
  .object({
    id: z.string(),
    step: sendStepSchema,
    action: z.enum(Object.keys(flowActions) as [keyof typeof flowActions, ...(keyof typeof flowActions)[]]),
    orgId: z.string().nullable(),
    orgName: z.string().nullable(),
    actorId: z.string(),
    actorName: z.string(),
    opinion: z.string().nullable(),
    toStep: sendStepSchema.nullable(),
    at: z.string(),
  })
  .meta({ id: 'DocumentFlowEvent' });
export const flowSchema = z
  .object({
    events: z.array(flowEventSchema),
    deliveries: z.array(
      z.object({ orgId: z.string(), orgName: z.string(), role: z.enum(recipientRoles), channel: z.enum(deliveryChannels), deliveredAt: z.string() }),
    ),
  })
  .meta({ id: 'DocumentFlow' });

export const opinionSchema = z.object({ opinion: z.string().trim().max(2000).optional().describe('办理意见') });
export const countersignSchema = opinionSchema.extend({
  orgId: z.string().max(64).optional().describe('代表哪个联合发文机关会签；只能代表一个时可省略'),
});
export const registerSchema = z.object({ prefix: z.string().trim().min(1).max(20).optional().describe('机关代字；默认取发文机关的第一个') });
export const returnSchema = z.object({
  toStep: sendStepSchema.describe('退回到的环节（本流程中此前的环节）'),
  reason: z.string().trim().min(1).max(1000).describe('退回理由'),
});
export const cancelSchema = z.object({ reason: z.string().trim().min(1).max(1000).describe('撤销理由') });

export const todoQuerySchema = z.object({ step: sendStepSchema.optional(), ...page });
export const todoSchema = z
  .object({
    total: z.number().int(),
    overdue: z.number().int(),
    counts: z.array(z.object({ step: sendStepSchema, label: z.string(), total: z.number().int(), overdue: z.number().int() })),
    items: z.array(
      z.object({
        taskId: z.string(),
        step: sendStepSchema,
        orgId: z.string().describe('待办所属机关（会签时为联合发文机关）'),
        dueOn: z.string().nullable(),
        overdue: z.boolean(),
        reminders: z.number().int(),
        since: z.string(),
        document: documentSummarySchema.pick({ id: true, orgId: true, kind: true, title: true, docNumber: true, urgency: true, secrecy: true, status: true, draftedByName: true, updatedAt: true }),
      }),
    ),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'DocumentTodo' });

export const stepSettingSchema = z.object({
  step: sendStepSchema,
  enabled: z.boolean(),
  role: z.enum(['clerk', 'leader', 'staff']),
  actorScope: z.enum(stepActorScopes),
  deadlineDays: z.number().int().min(0).max(30).describe('办理时限（工作日），0 为不限'),
});
export const workflowSchema = z
  .object({
    orgId: z.string(),
    steps: z.array(stepSettingSchema.extend({ label: z.string(), optional: z.boolean(), customised: z.boolean() })),
    actions: z.array(z.enum(workflowPolicy.actions)),
  })
  .meta({ id: 'DocumentWorkflow' });
export const workflowUpdateSchema = z.object({ steps: z.array(stepSettingSchema).min(1).max(sendStepKeys.length) }).meta({ id: 'DocumentWorkflowUpdate' });
export const orgParamsSchema = z.object({ orgId: z.string().min(1).max(64) });
