import { z } from 'zod';
import {
  applicantKinds,
  deliveryForms,
  refusalGrounds,
  replyKinds,
  requestActions,
  requestLimits,
  requestStatuses,
  unavailableReasons,
} from '../../../../shared/disclosure.js';
import { requestPolicy } from './disclosure.policy.js';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

export const applicantKindSchema = z.enum(keys(applicantKinds)).describe('申请人类型：自然人或法人/其他组织的五类');
export const deliveryFormSchema = z.enum(keys(deliveryForms)).describe('获取信息的方式：纸质/电子');
export const requestStatusSchema = z.enum(keys(requestStatuses));
export const replyKindSchema = z.enum(keys(replyKinds));
export const refusalGroundSchema = z.enum(keys(refusalGrounds));
export const unavailableReasonSchema = z.enum(keys(unavailableReasons));

/** What an applicant submits (依申请公开). Limits keep abuse out without a captcha. */
export const requestSubmitSchema = z.object({
  orgId: z.string().min(1).max(64).describe('受理机关'),
  applicantKind: applicantKindSchema,
  name: text(100).min(2, '请填写申请人姓名或名称'),
  idNumber: text(30).min(15, '请填写身份证号码或统一社会信用代码'),
  phone: text(20).min(11, '请填写联系电话'),
  address: text(200).optional(),
  email: z.union([z.literal(''), z.email('电子邮箱格式不正确').max(100)]).optional(),
  content: text(4000).min(5, '请描述所需政府信息（名称、文号或便于查询的特征）'),
  purpose: text(1000).min(2, '请说明用途'),
  form: deliveryFormSchema,
});
export type RequestSubmit = z.infer<typeof requestSubmitSchema>;

export const submittedSchema = z
  .object({
    trackingCode: z.string().describe('查询码：凭查询码和手机号后四位查询办理进度'),
    receivedOn: z.string(),
    deadline: z.string().describe('答复期限（自收到申请之日起20个工作日）'),
  })
  .meta({ id: 'DisclosureRequestReceipt' });

export const trackBodySchema = z.object({
  code: z.string().trim().toUpperCase().max(20),
  phoneLast4: z.string().trim().regex(/^\d{4}$/, '请填写手机号码后四位'),
});
export const correctionSubmitSchema = trackBodySchema.extend({ content: text(4000).min(5, '请填写补正后的申请内容') });

const eventSchema = z.object({ action: z.enum(keys(requestActions)), actorName: z.string(), note: z.string().nullable(), deadline: z.string().nullable(), at: z.string() });

export const trackedSchema = z
  .object({
    trackingCode: z.string(),
    orgName: z.string(),
    status: requestStatusSchema,
    statusLabel: z.string(),
    receivedOn: z.string(),
    deadline: z.string().nullable(),
    extensionDays: z.number().int(),
    extensionReason: z.string().nullable(),
    correctionNotice: z.string().nullable(),
    replyKind: replyKindSchema.nullable(),
    replyKindLabel: z.string().nullable(),
    repliedOn: z.string().nullable(),
    noticeAvailable: z.boolean(),
    history: z.array(z.object({ action: z.string(), label: z.string(), at: z.string(), note: z.string().nullable() })),
  })
  .meta({ id: 'DisclosureTracked' });
export type TrackedView = z.infer<typeof trackedSchema>;

export const requestSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    trackingCode: z.string(),
    applicantKind: applicantKindSchema,
    applicantName: z.string(),
    idNumberMasked: z.string(),
    phoneMasked: z.string(),
    addressMasked: z.string().nullable(),
    emailMasked: z.string().nullable(),
    content: z.string(),
    purpose: z.string(),
    form: deliveryFormSchema,
    status: requestStatusSchema,
    receivedOn: z.string(),
    clockStart: z.string(),
    deadline: z.string().nullable(),
    deadlineState: z.enum(['overdue', 'due_soon', 'in_time']).nullable().describe('逾期 / 即将到期（3个工作日内）/ 正常'),
    pausedDays: z.number().int(),
    extensionDays: z.number().int(),
    extensionReason: z.string().nullable(),
    correctionNotice: z.string().nullable(),
    correctionOn: z.string().nullable(),
    correctionLastDay: z.string().nullable(),
    correctedOn: z.string().nullable(),
    consultationParty: z.string().nullable(),
    consultationOn: z.string().nullable(),
    consultationEndedOn: z.string().nullable(),
    replyKind: replyKindSchema.nullable(),
    replyGround: z.string().nullable(),
    replyReason: z.string().nullable(),
    replyBasis: z.string().nullable(),
    replyLocation: z.string().nullable(),
    replyHolder: z.string().nullable(),
    replyText: z.string().nullable(),
    repliedOn: z.string().nullable(),
    noticeAvailable: z.boolean(),
    revision: z.number().int(),
    actions: z.array(z.enum(requestPolicy.actions)),
  })
  .meta({ id: 'DisclosureRequest' });
export type RequestView = z.infer<typeof requestSchema>;

export const requestDetailSchema = requestSchema
  .extend({
    history: z.array(eventSchema),
    reminders: z.array(z.object({ kind: z.string(), deadline: z.string(), message: z.string(), at: z.string() })),
  })
  .meta({ id: 'DisclosureRequestDetail' });

export const requestListQuerySchema = z.object({
  orgId: z.string().min(1).max(64),
  status: requestStatusSchema.optional(),
  due: z.enum(['overdue', 'soon', 'open']).optional().describe('overdue 逾期；soon 3个工作日内到期（含逾期）；open 全部未办结'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;
export const requestListSchema = z.object({ items: z.array(requestSchema), total: z.number().int(), today: z.string() }).meta({ id: 'DisclosureRequestList' });

const revision = z.number().int().min(0).optional().describe('读取时的 revision；不一致时拒绝（他人已处理）');
export const acceptBodySchema = z.object({ revision });
export const correctionBodySchema = z.object({ revision, notice: text(2000).min(5, '请写明需要补正的事项') });
export const consultBodySchema = z.object({ revision, party: text(200).min(2, '请写明第三方'), note: text(1000).optional() });
export const consultEndBodySchema = z.object({ revision, note: text(1000).optional() });
export const extendBodySchema = z.object({
  revision,
  days: z.number().int().min(1).max(60).describe(`延长的工作日数（不超过 ${requestLimits.maxExtensionDays}）`),
  reason: text(1000).min(2, '请写明延期理由'),
});
export const replyBodySchema = z.object({
  revision,
  kind: replyKindSchema,
  refusalGround: refusalGroundSchema.optional().describe('不予公开、部分公开的理由类别'),
  unavailableReason: unavailableReasonSchema.optional().describe('信息不存在的具体情形'),
  reason: text(2000).optional().describe('理由'),
  basis: text(500).optional().describe('法律依据'),
  location: text(500).optional().describe('已主动公开的获取途径（网址或场所）'),
  holder: text(200).optional().describe('负责公开该信息的机关及联系方式'),
  text: text(4000).optional().describe('答复正文补充说明'),
});
export type ReplyBody = z.infer<typeof replyBodySchema>;
