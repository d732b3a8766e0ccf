import { z } from 'zod';
import { invalidReasons, mailboxKinds, messageStates, questionKinds, surveyKinds, surveyStates } from '../../../../shared/interaction.js';

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const mailboxSchema = z.enum(keysOf(mailboxKinds)).describe('信箱：leader 盟长信箱，consult 咨询，complaint 投诉建议');
export const messageStateSchema = z.enum(keysOf(messageStates)).describe('来信状态');
export const invalidReasonSchema = z.enum(keysOf(invalidReasons)).describe('无效原因');

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const siteQuerySchema = z.object({ siteId: z.string().min(1).max(64) });

const note = z.string().trim().max(500);
const reason = z.string().trim().min(1, '请填写理由').max(500);

export const messageEventSchema = z
  .object({ action: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })
  .meta({ id: 'PortalMessageEvent' });

export const messageSummarySchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    mailbox: mailboxSchema,
    trackingCode: z.string(),
    subject: z.string(),
    state: messageStateSchema,
    consent: z.boolean(),
    unit: z.object({ orgId: z.string(), name: z.string() }).nullable(),
    receivedAt: z.string(),
    dueOn: z.string().describe('答复期限（收信日起三个自然月）'),
    overdue: z.boolean(),
    answeredAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'PortalMessageSummary' });

/** The writer's full contact details (audited on each reveal). */
export const contactSchema = z.object({ phone: z.string(), email: z.string().nullable() }).meta({ id: 'PortalMessageContact' });

export const messageSchema = messageSummarySchema
  .extend({
    body: z.string(),
    writerName: z.string(),
    phoneMasked: z.string(),
    email: z.string().nullable(),
    invalidReason: invalidReasonSchema.nullable(),
    invalidNote: z.string().nullable(),
    answer: z.string().nullable(),
    answerOrgName: z.string().nullable(),
    draftedByName: z.string().nullable(),
    approvedByName: z.string().nullable(),
    events: z.array(messageEventSchema),
    actions: z.array(z.string()).describe('当前用户可执行的操作'),
  })
  .meta({ id: 'PortalMessage' });
export type MessageView = z.infer<typeof messageSchema>;

export const messageListQuerySchema = z.object({
  siteId: z.string().max(64).optional(),
  state: messageStateSchema.optional(),
  mailbox: mailboxSchema.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('只看超期未答复的来信'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const messageListSchema = z
  .object({ items: z.array(messageSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .meta({ id: 'PortalMessageList' });

export const triageBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), note: note.optional() }),
  z.object({ decision: z.literal('invalid'), reason: invalidReasonSchema, note: note.optional() }),
]);
export const routeBodySchema = z.object({ unitOrgId: z.string().min(1).max(64), note: note.optional() });
export const reasonBodySchema = z.object({ reason });
export const draftBodySchema = z.object({ answer: z.string().trim().min(1, '请填写答复内容').max(5000) });
export const approveBodySchema = z.object({ note: note.optional() });

export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  routingOrgId: z.string().meta({ description: '可转办的承办单位范围的根：网站主办单位；政府办公室主办的政府门户为该政府' }),
  pathPrefix: z.string(),
  actions: z.array(z.string()),
}).meta({ id: 'InteractionSite' });
export const siteListSchema = z.object({ items: z.array(siteSchema) });

export const statisticsSchema = z
  .object({
    siteId: z.string(),
    from: z.string().describe('统计起始日（近 12 个月）'),
    received: z.number(),
    answered: z.number(),
    answerRate: z.number().describe('答复率（0–1）'),
    averageDays: z.number().nullable().describe('平均答复天数'),
    overdue: z.number().describe('超期未答复'),
    months: z.array(z.object({ month: z.string(), received: z.number(), answered: z.number() })),
  })
  .meta({ id: 'InteractionStatistics' });
export type StatisticsView = z.infer<typeof statisticsSchema>;

export const questionSchema = z
  .object({
    kind: z.enum(keysOf(questionKinds)),
    title: z.string().trim().min(1).max(200),
    options: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    maxLength: z.number().int().min(1).max(2000).nullable().default(null),
    required: z.boolean().default(true),
  });

export const surveyBodySchema = z
  .object({
    siteId: z.string().min(1).max(64),
    kind: z.enum(keysOf(surveyKinds)),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    documentText: z.string().trim().max(50_000).nullable().default(null),
    documentUrl: z.string().trim().max(500).regex(/^(\/|https?:\/\/)/, '链接须以 / 或 http(s):// 开头').nullable().default(null),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    liveResults: z.boolean().default(false),
    questions: z.array(questionSchema).min(1).max(50),
  });
export type SurveyBody = z.infer<typeof surveyBodySchema>;
export const surveyUpdateSchema = surveyBodySchema.omit({ siteId: true, kind: true });

export const surveyQuestionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(keysOf(questionKinds)),
  title: z.string(),
  options: z.array(z.string()),
  maxLength: z.number().nullable(),
  required: z.boolean(),
});

export const surveySchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    kind: z.enum(keysOf(surveyKinds)),
    title: z.string(),
    description: z.string(),
    documentText: z.string().nullable(),
    documentUrl: z.string().nullable(),
    opensAt: z.string(),
    closesAt: z.string(),
    liveResults: z.boolean(),
    state: z.enum(keysOf(surveyStates)),
    open: z.boolean().describe('已发布且在征集时间内'),
    feedback: z.string().nullable(),
    rejectReason: z.string().nullable(),
    createdByName: z.string(),
    reviewedByName: z.string().nullable(),
    publishedAt: z.string().nullable(),
    questions: z.array(surveyQuestionViewSchema),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Survey' });
export type SurveyView = z.infer<typeof surveySchema>;
export const surveyListSchema = z.object({ items: z.array(surveySchema.omit({ questions: true })) });

export const surveyResultsSchema = z
  .object({
    surveyId: z.string(),
    responses: z.number(),
    questions: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(keysOf(questionKinds)),
        title: z.string(),
        respondents: z.number(),
        options: z.array(z.object({ label: z.string(), count: z.number(), percent: z.number() })),
        texts: z.array(z.object({ id: z.string(), text: z.string(), moderation: z.string() })),
      }),
    ),
  })
  .meta({ id: 'SurveyResults' });
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const feedbackBodySchema = z.object({ feedback: z.string().trim().min(1).max(10_000) });
export const moderateBodySchema = z.object({ approved: z.boolean() });
export const answerParamsSchema = z.object({ id: z.string().min(1).max(64), answerId: z.string().min(1).max(64) });
