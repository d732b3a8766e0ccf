import { z } from 'zod';
import {
  inboxViews,
  incomingEventActions,
  incomingSources,
  incomingStepKeys,
  receiptKinds,
  reminderKinds,
  unitRoles,
} from '../../../../shared/documents-receiving.js';
import { documentKindKeys, recipientRoles, secrecyLevels, urgencyLevels } from '../../../../shared/documents.js';
import { inboxActions, incomingActions } from './receive.policy.js';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const incomingStepSchema = z.enum(incomingStepKeys).describe('收文环节：pending 待签收 … completed 已办结，returned 已退回');
const businessDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
const opinion = (label: string) => z.string().trim().min(1, `${label}不能为空`).max(2000);
const optionalText = z.string().trim().max(2000).optional();
const id = z.string().min(1).max(64);

export const orgRefSchema = z.object({ orgId: z.string(), name: z.string() });

export const inboxItemSchema = z
  .object({
    id: z.string().describe('收文 id（待签收时即分发记录 id，签收后不变）'),
    orgId: z.string().describe('收文机关'),
    step: incomingStepSchema,
    source: z.enum(keys(incomingSources)),
    title: z.string(),
    senderName: z.string().describe('来文机关'),
    senderNumber: z.string().nullable().describe('来文字号'),
    receiptNumber: z.string().nullable().describe('收文编号'),
    kind: z.string().nullable(),
    secrecy: z.string(),
    urgency: z.string(),
    recipientRole: z.enum(recipientRoles).nullable().describe('主送或抄送'),
    receivedAt: z.string(),
    deadline: z.string().nullable().describe('办理时限（工作日推算的日期）'),
    overdue: z.boolean(),
    assignedAs: z.enum(keys(unitRoles)).nullable().describe('列出的机关作为承办（lead）或协办（co）单位时'),
    actions: z.array(z.enum(incomingActions)),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxCountsSchema = z
  .object({
    pending: z.number().int(),
    signed: z.number().int(),
    registered: z.number().int(),
    reviewed: z.number().int(),
    proposed: z.number().int(),
    instructed: z.number().int(),
    handling: z.number().int(),
    overdue: z.number().int(),
    todo: z.number().int().describe('待办合计'),
  })
  .meta({ id: 'InboxCounts' });
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

export const inboxQuerySchema = z.object({
  orgId: z.string().optional().describe('收文机关；默认为当前用户所服务的第一个机关'),
  view: z.enum(inboxViews).default('todo').describe('todo 全部待办，overdue 逾期，all 全部，或某一环节'),
  q: z.string().trim().max(100).optional().describe('按标题查找'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const inboxSchema = z
  .object({
    org: orgRefSchema,
    items: z.array(inboxItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: inboxCountsSchema,
    actions: z.array(z.enum(inboxActions)).describe('对该收文箱可执行的操作（如登记纸质来文）'),
  })
  .meta({ id: 'Inbox' });

export const inboxSummarySchema = z
  .object({ org: orgRefSchema, counts: inboxCountsSchema, actions: z.array(z.enum(inboxActions)) })
  .meta({ id: 'InboxSummary' });
export const inboxesSchema = z.object({ items: z.array(inboxSummarySchema) }).meta({ id: 'Inboxes' });

export const incomingEventSchema = z
  .object({
    action: z.enum(keys(incomingEventActions)),
    orgId: z.string().nullable(),
    actorName: z.string(),
    opinion: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .meta({ id: 'IncomingEvent' });

export const circulationEntrySchema = z
  .object({ userId: z.string(), userName: z.string(), sentByName: z.string(), sentAt: z.string(), readAt: z.string().nullable(), comment: z.string().nullable() })
  .meta({ id: 'CirculationEntry' });

export const reminderSchema = z
  .object({ kind: z.enum(keys(reminderKinds)), deadline: z.string(), sequence: z.number().int(), message: z.string(), byName: z.string().nullable(), at: z.string() })
  .meta({ id: 'IncomingReminder' });

const documentRefSchema = z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable(), issuedAt: z.string().nullable() });

export const incomingSchema = inboxItemSchema
  .extend({
    orgName: z.string(),
    senderOrgId: z.string().nullable(),
    documentId: z.string().nullable().describe('电子来文的公文 id'),
    documentDate: z.string().nullable().describe('成文日期'),
    pages: z.number().int().nullable(),
    hasFile: z.boolean().describe('是否有正式版 PDF 或扫描件（GET …/file 下载）'),
    signedAt: z.string().nullable(),
    signedByName: z.string().nullable(),
    registeredAt: z.string().nullable(),
    proposal: z.string().nullable().describe('拟办意见'),
    instruction: z.string().nullable().describe('批办意见'),
    instructedAt: z.string().nullable(),
    instructedByName: z.string().nullable(),
    leadUnit: orgRefSchema.nullable().describe('承办单位'),
    coUnits: z.array(orgRefSchema).describe('协办单位'),
    completedAt: z.string().nullable(),
    completedByName: z.string().nullable(),
    result: z.string().nullable().describe('办理结果'),
    replyDocument: documentRefSchema.nullable().describe('办结时关联的复文'),
    replies: z.array(documentRefSchema).describe('答复本收文的发文（documents.inReplyTo 指向本收文）'),
    returnedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    reminderCount: z.number().int(),
    lastRemindedAt: z.string().nullable(),
    events: z.array(incomingEventSchema).describe('处理记录：每一环节的办理人、时间和意见'),
    circulation: z.array(circulationEntrySchema).describe('传阅情况'),
    reminders: z.array(reminderSchema).describe('催办记录'),
    archive: z.object({ id: z.string(), archivalCode: z.string() }).nullable().describe('已归档时的档号'),
  })
  .meta({ id: 'IncomingDocument' });
export type IncomingView = z.infer<typeof incomingSchema>;

export const idParamsSchema = z.object({ id });

export const reviewBodySchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), opinion: optionalText }),
    z.object({ decision: z.literal('return'), reason: opinion('退回理由') }),
  ])
  .meta({ id: 'IncomingReview' });

export const proposeBodySchema = z
  .object({
    opinion: opinion('拟办意见'),
    leadOrgId: id.optional().describe('建议的承办单位'),
  })
  .meta({ id: 'IncomingProposal' });

export const instructBodySchema = z
  .object({
    instruction: opinion('批办意见'),
    leadOrgId: id.optional().describe('承办单位（收文机关本身或其下属单位）；不填为阅件，无需承办'),
    coOrgIds: z.array(id).max(20).default([]).describe('协办单位'),
    workingDays: z.number().int().min(1).max(60).optional().describe('办理时限（工作日，按法定节假日与调休推算）；有承办单位时必填'),
  })
  .meta({ id: 'IncomingInstruction' });

export const handleBodySchema = z.object({ opinion: opinion('办理情况') }).meta({ id: 'IncomingHandling' });

export const circulateBodySchema = z
  .object({ userIds: z.array(id).min(1).max(50), note: optionalText })
  .meta({ id: 'IncomingCirculation' });

export const readBodySchema = z.object({ comment: optionalText.describe('阅批意见') }).meta({ id: 'IncomingRead' });

export const remindBodySchema = z.object({ message: optionalText }).meta({ id: 'IncomingRemind' });

export const completeBodySchema = z
  .object({
    result: opinion('办理结果'),
    replyDocumentId: id.optional().describe('复文（答复本收文的已核发公文）；不填时自动关联已核发的复文'),
  })
  .meta({ id: 'IncomingCompletion' });

export const readersSchema = z
  .object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) })) })
  .meta({ id: 'CirculationReaders' });

export const paperBodySchema = z
  .object({
    orgId: id.describe('收文机关'),
    scanFileId: id.describe('POST /documents/incoming/scans 返回的扫描件 id'),
    senderName: z.string().trim().min(1).max(200).describe('来文机关'),
    senderNumber: z.string().trim().max(100).optional().describe('来文字号'),
    title: z.string().trim().min(1).max(500),
    documentDate: businessDate.describe('成文日期'),
    pages: z.number().int().min(1).max(10_000).optional().describe('页数；PDF 扫描件按文件计算'),
    kind: z.enum(documentKindKeys).optional(),
    secrecy: z.enum(secrecyLevels).default('none'),
    urgency: z.enum(urgencyLevels).default('normal'),
  })
  .meta({ id: 'PaperIncoming' });
export type PaperBody = z.infer<typeof paperBodySchema>;

export const scanSchema = z
  .object({ fileId: z.string(), mediaType: z.string(), size: z.number().int(), pages: z.number().int().nullable() })
  .meta({ id: 'IncomingScan' });

export const readingListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const readingListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        orgId: z.string(),
        title: z.string(),
        senderName: z.string(),
        senderNumber: z.string().nullable(),
        receiptNumber: z.string().nullable(),
        urgency: z.string(),
        step: incomingStepSchema,
        sentAt: z.string(),
        sentByName: z.string(),
        readAt: z.string().nullable(),
        actions: z.array(z.enum(incomingActions)),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ReadingList' });

export const supervisionQuerySchema = z.object({
  orgId: z.string().optional(),
  withinDays: z.coerce.number().int().min(0).max(30).default(3).describe('列出逾期及此后若干工作日内到期的收文'),
});

export const supervisionSchema = z
  .object({
    org: orgRefSchema,
    today: z.string(),
    items: z.array(inboxItemSchema.extend({ leadUnit: orgRefSchema.nullable(), workingDaysLeft: z.number().int(), reminderCount: z.number().int(), lastRemindedAt: z.string().nullable() })),
  })
  .meta({ id: 'SupervisionBoard' });

export const receiptSchema = z
  .object({
    deliveryId: z.string(),
    org: orgRefSchema,
    role: z.enum(recipientRoles),
    channel: z.string(),
    deliveredAt: z.string(),
    status: z.enum(['delivered', ...keys(receiptKinds)]).describe('delivered 已送达未签收，signed 已签收，returned 已退回，completed 已办结'),
    receipts: z.array(z.object({ kind: z.enum(keys(receiptKinds)), actorName: z.string(), reason: z.string().nullable(), replyDocumentId: z.string().nullable(), at: z.string() })),
  })
  .meta({ id: 'DeliveryReceipt' });
export const receiptsSchema = z.object({ documentId: z.string(), items: z.array(receiptSchema) }).meta({ id: 'DeliveryReceipts' });
export type DeliveryReceiptView = z.infer<typeof receiptSchema>;
