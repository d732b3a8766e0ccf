import { z } from 'zod';
import { matrixColumns, outcomeRows, reportSections, reportStatuses, reviewGroups, reviewOutcomes } from '../../../../shared/disclosure.js';
import { reportPolicy } from './disclosure.policy.js';

const count = z.number().int().min(0).max(10_000_000);
const matrixRowSchema = z.object(Object.fromEntries(matrixColumns.map((c) => [c, count])) as Record<(typeof matrixColumns)[number], typeof count>);

/** 第二部分: per category, 本年新制发 / 本年废止 / 现行有效 catalogue entries. */
const proactiveRowSchema = z.object({ category: z.string(), label: z.string(), issued: count, abolished: count, valid: count });

export const reportDataSchema = z
  .object({
    sections: z.object(Object.fromEntries(Object.keys(reportSections).map((k) => [k, z.string().max(20_000)])) as Record<keyof typeof reportSections, z.ZodString>),
    proactive: z.array(proactiveRowSchema),
    /** The template's hand-entered figures of 第二部分 (decisions and fees are not catalogue entries). */
    proactiveFigures: z.object({ licensing: count, penalties: count, enforcement: count, feesTenThousandYuan: z.number().min(0).max(1e9) }),
    requests: z.object({
      received: matrixRowSchema.describe('一、本年新收政府信息公开申请数量'),
      carriedOver: matrixRowSchema.describe('二、上年结转政府信息公开申请数量'),
      outcomes: z.object(Object.fromEntries(outcomeRows.map((r) => [r.key, matrixRowSchema])) as Record<(typeof outcomeRows)[number]['key'], typeof matrixRowSchema>),
      carriedForward: matrixRowSchema.describe('四、结转下年度继续办理'),
    }),
    reviews: z.object(
      Object.fromEntries(Object.keys(reviewGroups).map((g) => [g, z.object(Object.fromEntries(Object.keys(reviewOutcomes).map((o) => [o, count])) as Record<keyof typeof reviewOutcomes, typeof count>)])) as Record<
        keyof typeof reviewGroups,
        z.ZodObject<Record<keyof typeof reviewOutcomes, typeof count>>
      >,
    ),
  })
  .meta({ id: 'DisclosureReportData' });
export type ReportData = z.infer<typeof reportDataSchema>;

export const balanceSchema = z
  .object({
    balanced: z.boolean(),
    /** Per column: 一 + 二, 三（七）总计 + 四, and whether the outcome total equals the sum of its rows. */
    columns: z.array(z.object({ column: z.string(), incoming: z.number().int(), outgoing: z.number().int(), outcomesTotal: z.number().int(), ok: z.boolean() })),
  })
  .meta({ id: 'DisclosureReportBalance' });

export const reportSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    status: z.enum(Object.keys(reportStatuses) as [keyof typeof reportStatuses]),
    data: reportDataSchema,
    balance: balanceSchema,
    updatedAt: z.string(),
    updatedByName: z.string(),
    publishedAt: z.string().nullable(),
    actions: z.array(z.enum(reportPolicy.actions)),
  })
  .meta({ id: 'DisclosureReport' });
export type ReportView = z.infer<typeof reportSchema>;

export const reportListSchema = z
  .object({ items: z.array(reportSchema.omit({ data: true })) })
  .meta({ id: 'DisclosureReportList' });

export const reportListQuerySchema = z.object({ orgId: z.string().min(1).max(64) });
export const reportGenerateSchema = z.object({ orgId: z.string().min(1).max(64), year: z.number().int().min(2008).max(2100) });
export const reportUpdateSchema = z.object({ data: reportDataSchema });
