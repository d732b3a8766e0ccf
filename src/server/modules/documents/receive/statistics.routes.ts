import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import type { StatisticsService } from './statistics.service.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式须为 YYYY-MM');
const orgRef = z.object({ orgId: z.string(), name: z.string() });
const bucket = z.object({ unit: orgRef.nullable().describe('发文为拟稿单位，收文为承办单位；null 表示未指定'), month: z.string(), count: z.number().int() });

const processing = {
  received: z.number().int(),
  completed: z.number().int(),
  averageProcessingDays: z.number().nullable().describe('收文从收到到办结的平均天数'),
  withDeadline: z.number().int(),
  overdue: z.number().int().describe('逾期办结或逾期未办结的件数'),
  overdueRate: z.number().nullable().describe('逾期率（0–1）'),
};

export const statisticsSchema = z
  .object({
    org: orgRef,
    from: z.string(),
    to: z.string(),
    months: z.array(z.string()),
    sent: z.array(bucket).describe('各单位每月核发的发文数'),
    received: z.array(bucket).describe('各承办单位每月的收文数'),
    totals: z.object({ sent: z.number().int(), ...processing }),
    monthly: z
      .array(z.object({ month: z.string(), sent: z.number().int().describe('当月核发的发文数'), ...processing }))
      .describe('每月一项（含没有数据的月份）：收文按收到的月份计，各月之和等于合计'),
  })
  .meta({ id: 'DocumentStatistics' });

/** 公文统计. */
export const statisticsRoutes: FastifyPluginAsyncZod<{ statistics: StatisticsService }> = async (app, { statistics }) => {
  app.get(
    '/documents/statistics',
    {
      schema: {
        tags: ['公文统计'],
        summary: '发文、收文统计：各单位每月数量、平均办理时长、逾期率',
        operationId: 'getDocumentStatistics',
        querystring: z.object({
          orgId: z.string().min(1).max(64),
          from: month.optional().describe('起始月份，默认为结束月份前 11 个月'),
          to: month.optional().describe('结束月份（含），默认为本月'),
        }),
        response: { 200: statisticsSchema, ...errorResponses },
      },
    },
    async (request) => statistics.ofOrg(requireActor(request), request.query),
  );
};
