/** Contracts of the portal site group shared by the server and the workbench. */

/** 网站类型: the league's main portal (门户), a department's site or section, a banner/county portal, a topic site. */
export const siteKinds = {
  portal: '门户网站',
  department: '部门网站',
  county: '旗县市门户',
  topic: '专题网站',
} as const;
export type SiteKind = keyof typeof siteKinds;

/**
 * 栏目类型, as the national inspection indicators (检查指标 2019) group columns: the freshness rule of a
 * column follows from it (news idle 2 weeks, notices/policies idle 6 months).
 */
export const columnCategories = {
  news: '动态要闻',
  notice: '通知公告/政策文件',
  disclosure: '信息公开',
  service: '办事服务',
  interaction: '互动交流',
  topic: '专题专栏',
} as const;
export type ColumnCategory = keyof typeof columnCategories;

/** The languages of the portal: Chinese and traditional Mongolian. */
export const portalLanguages = ['zh-CN', 'mn-Mong'] as const;
export type PortalLanguage = (typeof portalLanguages)[number];

/**
 * An article's state. draft → submitted → (rejected → submitted …) → scheduled | published → withdrawn.
 * A scheduled article becomes published when its time comes.
 */
export const articleStatuses = {
  draft: '草稿',
  submitted: '待审核',
  rejected: '已退回',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤稿',
} as const;
export type ArticleStatus = keyof typeof articleStatuses;

/** 效力 of a policy document: marked on the original page when it expires or is abolished. */
export const articleValidities = {
  valid: '有效',
  expired: '失效',
  abolished: '废止',
} as const;
export type ArticleValidity = keyof typeof articleValidities;

/** What happened to an article, in its history. */
export const articleActions = {
  create: '创建',
  edit: '修改',
  submit: '送审',
  approve: '审核通过',
  reject: '退回',
  schedule: '定时发布',
  publish: '发布',
  withdraw: '撤稿',
  validity: '标注效力',
} as const;
export type ArticleAction = keyof typeof articleActions;
