import { Tag } from 'antd';
import { articleStatuses, articleValidities, columnCategories, siteKinds, type ArticleStatus, type ArticleValidity, type ColumnCategory, type SiteKind } from '../../shared/portal.js';

const statusColours: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  rejected: 'error',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
};

export const ArticleStatusTag = ({ status }: { status: ArticleStatus }) => <Tag color={statusColours[status]}>{articleStatuses[status]}</Tag>;

/** 效力, shown only when a policy is no longer in force. */
export const ValidityTag = ({ validity }: { validity: ArticleValidity }) =>
  validity === 'valid' ? null : <Tag color={validity === 'abolished' ? 'red' : 'orange'}>{articleValidities[validity]}</Tag>;

export const statusOptions = (Object.keys(articleStatuses) as ArticleStatus[]).map((s) => ({ value: s, label: articleStatuses[s] }));
export const categoryOptions = (Object.keys(columnCategories) as ColumnCategory[]).map((c) => ({ value: c, label: columnCategories[c] }));
export const siteKindOptions = (Object.keys(siteKinds) as SiteKind[]).map((k) => ({ value: k, label: siteKinds[k] }));
export const languageLabels = { 'zh-CN': '中文', 'mn-Mong': '蒙古文' } as const;
