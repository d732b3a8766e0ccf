import { z } from 'zod';
import { siteKinds } from '../../../../shared/portal.js';
import { inspectionActions } from './inspection.policy.js';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** The indicators, in the order the dashboard shows them. */
export const indicatorLabels = {
  home_updated: '首页更新',
  columns_stale: '栏目更新（动态要闻2周、通知公告/政策文件6个月）',
  columns_long_idle: '长期未更新栏目',
  columns_empty: '空白栏目',
  messages_answered: '留言办理（3个月内答复）',
  service_guides: '办事指南要素',
  reachability: '站点可访问性',
  links: '内部链接可用性',
  attachments: '附件可用性',
  page_speed: '页面打开速度（3秒）',
} as const;
export type IndicatorKey = keyof typeof indicatorLabels;

export const indicatorStatuses = {
  pass: '达标',
  warn: '需整改',
  fail: '单项否决',
  not_applicable: '不适用',
  unavailable: '暂无数据',
} as const;
export type IndicatorStatus = keyof typeof indicatorStatuses;

export const findingTargetSchema = z.object({
  type: z.enum(['site', 'column', 'article', 'attachment', 'link', 'page', 'message', 'service']),
  id: z.string().nullable(),
  name: z.string().describe('栏目名、文章标题、链接地址或页面'),
  url: z.string().nullable().describe('公开页面地址（站内路径）'),
});

export const findingSchema = z.object({
  indicator: z.enum(keys(indicatorLabels)),
  severity: z.enum(['veto', 'warning']).describe('veto 构成单项否决的问题；warning 需整改的问题'),
  problem: z.string().describe('发现的问题'),
  fix: z.string().describe('怎样整改'),
  target: findingTargetSchema,
  workbenchPath: z.string().nullable().describe('工作台中整改它的页面'),
});
export type Finding = z.infer<typeof findingSchema>;

export const indicatorSchema = z.object({
  key: z.enum(keys(indicatorLabels)),
  label: z.string(),
  veto: z.boolean().describe('true：单项否决指标'),
  status: z.enum(keys(indicatorStatuses)),
  value: z.number().nullable().describe('计数或数值（天数、条数、毫秒……）'),
  limit: z.string().describe('判定标准'),
  summary: z.string(),
  findings: z.array(findingSchema),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const pageProbeSchema = z.object({
  page: z.enum(['home', 'list', 'article']),
  url: z.string(),
  status: z.number().int().nullable().describe('HTTP 状态；null 表示未能取得'),
  ms: z.number().nullable(),
  ok: z.boolean(),
});
export type PageProbe = z.infer<typeof pageProbeSchema>;

export const inspectionResultSchema = z.object({
  indicators: z.array(indicatorSchema),
  probes: z.array(pageProbeSchema).describe('本次检查的页面探测结果'),
});
export type InspectionResult = z.infer<typeof inspectionResultSchema>;

const summaryFields = {
  checkedAt: z.string(),
  verdict: z.enum(['pass', 'warn', 'fail']).describe('fail 存在单项否决；warn 有需整改的问题；pass 全部达标'),
  vetoCount: z.number().int(),
  warningCount: z.number().int(),
  findingCount: z.number().int(),
  passedCount: z.number().int(),
  applicableCount: z.number().int(),
  passRate: z.number().describe('适用指标的达标率（0–100），不是国家检查的百分制得分'),
};

export const trendPointSchema = z.object(summaryFields);

export const siteRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  kind: z.enum(keys(siteKinds)),
  orgId: z.string(),
  orgName: z.string(),
  url: z.string().describe('站点首页路径'),
});

export const siteInspectionSchema = z
  .object({
    site: siteRefSchema,
    latest: z
      .object({ ...summaryFields, trigger: z.enum(['schedule', 'manual']), triggeredByName: z.string().nullable(), result: inspectionResultSchema })
      .nullable()
      .describe('最近一次检查；从未检查时为 null'),
    trend: z.array(trendPointSchema).describe('最近的检查（旧→新），用于趋势'),
    actions: z.array(z.enum(inspectionActions)),
  })
  .meta({ id: 'SiteInspection' });
export type SiteInspectionView = z.infer<typeof siteInspectionSchema>;

export const overviewRowSchema = z.object({
  site: siteRefSchema,
  latest: trendPointSchema.nullable(),
  vetoes: z.array(z.string()).describe('构成单项否决的指标名称'),
  actions: z.array(z.enum(inspectionActions)),
});

export const overviewSchema = z.object({ items: z.array(overviewRowSchema) }).meta({ id: 'InspectionOverview' });
export type OverviewView = z.infer<typeof overviewSchema>;

export const siteParamsSchema = z.object({ siteId: z.string().min(1).max(64) });
