import { columnCategories } from '../../../../shared/portal.js';
import { guideElements, missingGuideElements } from '../../../../shared/services.js';
import { serviceItemPath, type PublicServiceItem } from '../services-directory.js';
import type { SiteRow } from './inspection.repository.js';
import { idleDays, inspectionLimits as L, unreachableShare, type ColumnActivity, type ColumnJudgement } from './inspection.rules.js';
import { indicatorLabels, type Finding, type Indicator, type IndicatorKey, type IndicatorStatus, type PageProbe } from './inspection.schema.js';
import type { UnansweredMessages } from './messages-source.js';
import { workbenchLinks as wb } from './workbench-links.js';

/** Public paths of a site's pages. */
export const sitePaths = {
  home: (site: SiteRow) => `${site.pathPrefix}/`,
  column: (site: SiteRow, path: string) => `${site.pathPrefix}/${path}/`,
  article: (site: SiteRow, columnPath: string, serial: number) => `${site.pathPrefix}/${columnPath}/${serial}.html`,
};

const vetoKeys: ReadonlySet<IndicatorKey> = new Set(['home_updated', 'columns_stale', 'columns_long_idle', 'columns_empty', 'messages_answered', 'service_guides', 'reachability']);

function indicator(key: IndicatorKey, status: IndicatorStatus, value: number | null, limit: string, summary: string, findings: Finding[] = []): Indicator {
  return { key, label: indicatorLabels[key], veto: vetoKeys.has(key), status, value, limit, summary, findings };
}

const idleText = (last: string | null, now: Date) => {
  const days = idleDays(last, now);
  return days === null ? '没有带发布时间的信息' : `已 ${days} 天未更新`;
};

export function homeIndicator(site: SiteRow, last: string | null, now: Date): Indicator {
  const days = idleDays(last, now);
  const stale = days === null || days >= L.homeIdleDays;
  const findings: Finding[] = stale
    ? [
        {
          indicator: 'home_updated',
          severity: 'veto',
          problem: `首页${idleText(last, now)}（超过 2 周未更新构成单项否决）`,
          fix: '在首页展示的栏目（动态要闻等）发布新信息',
          target: { type: 'site', id: site.id, name: site.nameZh, url: sitePaths.home(site) },
          workbenchPath: wb.newArticle(site.id),
        },
      ]
    : [];
  return indicator('home_updated', stale ? 'fail' : 'pass', days, '2 周内有更新', stale ? findings[0]!.problem : `最近一次更新在 ${days} 天前`, findings);
}

function columnFinding(site: SiteRow, key: IndicatorKey, column: ColumnActivity, severity: Finding['severity'], problem: string, fix: string): Finding {
  return {
    indicator: key,
    severity,
    problem: `栏目“${column.nameZh}”（${columnCategories[column.category]}）${problem}`,
    fix,
    target: { type: 'column', id: column.id, name: column.nameZh, url: sitePaths.column(site, column.path) },
    workbenchPath: key === 'columns_empty' || key === 'columns_stale' ? wb.newArticle(site.id, column.id) : wb.columns(site.id, column.id),
  };
}

/** The three column rules, each a veto at its count and a warning below it. */
export function columnIndicators(site: SiteRow, judged: ColumnJudgement, now: Date): Indicator[] {
  const count = (key: IndicatorKey, columns: ColumnActivity[], veto: number, limit: string, problem: (c: ColumnActivity) => string, fix: string) => {
    const failed = columns.length >= veto;
    const findings = columns.map((c) => columnFinding(site, key, c, failed ? 'veto' : 'warning', problem(c), fix));
    const status: IndicatorStatus = failed ? 'fail' : columns.length > 0 ? 'warn' : 'pass';
    const summary = columns.length === 0 ? `已检查 ${judged.judged} 个栏目，均达标` : `${columns.length} 个栏目（${veto} 个及以上构成单项否决）`;
    return indicator(key, status, columns.length, limit, summary, findings);
  };
  return [
    count(
      'columns_stale',
      judged.stale,
      L.staleColumnsVeto,
      '动态要闻类 2 周、通知公告/政策文件类 6 个月内有更新；未更新栏目合计少于 5 个',
      (c) => `${idleText(c.lastPublishedAt, now)}（${c.category === 'news' ? '应 2 周内更新' : '应 6 个月内更新'}）`,
      '发布新信息；栏目已不需要的，合并或撤销该栏目',
    ),
    count(
      'columns_long_idle',
      judged.longIdle,
      L.longIdleColumnsVeto,
      '有内容的栏目 1 年内有更新；长期未更新栏目少于 10 个',
      (c) => `${idleText(c.lastPublishedAt, now)}（超过 1 年）`,
      '更新该栏目，或将其归档、撤销',
    ),
    count('columns_empty', judged.empty, L.emptyColumnsVeto, '没有空白栏目；空白栏目少于 5 个', () => '没有任何已发布的信息', '发布内容，或删除该空白栏目'),
  ];
}

export function messagesIndicator(site: SiteRow, answer: UnansweredMessages | undefined): Indicator {
  const limit = '一年内收到的有效留言 3 个月内全部答复';
  if (!answer) return indicator('messages_answered', 'unavailable', null, limit, '互动交流模块尚未提供留言办理数据，本项暂不判定（不视为达标）');
  const findings: Finding[] = (answer.ids.length > 0 ? answer.ids : answer.count > 0 ? [null] : []).map((id) => ({
    indicator: 'messages_answered',
    severity: 'veto',
    problem: id ? '有效留言超过 3 个月未答复' : `${answer.count} 条有效留言超过 3 个月未答复`,
    fix: '尽快办理并答复该留言',
    target: { type: 'message', id, name: id ? `留言 ${id}` : `${site.nameZh}的留言`, url: null },
    workbenchPath: wb.messages(),
  }));
  return indicator(
    'messages_answered',
    answer.count > 0 ? 'fail' : 'pass',
    answer.count,
    limit,
    answer.count > 0 ? `${answer.count} 条有效留言超过 3 个月未答复（单项否决）` : '没有超过 3 个月未答复的有效留言',
    findings,
  );
}

/**
 * 办事服务 and 办事指南 (检查指标: 办事服务缺失 or 办事指南要素缺失 is a veto). A government portal (the
 * main portal, a banner/county portal) must offer service items; a department's or topic site offers
 * those of its organisation when it has any. Every item the site shows must carry every guide element.
 */
export function serviceGuidesIndicator(site: SiteRow, items: readonly PublicServiceItem[] | undefined): Indicator {
  const limit = '提供办事服务，且每个事项的办事指南要素齐全';
  if (!items) return indicator('service_guides', 'not_applicable', null, limit, '本平台未启用政务服务事项目录；不视为达标');
  const mustOffer = site.kind === 'portal' || site.kind === 'county';
  if (items.length === 0) {
    if (!mustOffer) return indicator('service_guides', 'not_applicable', 0, limit, '本站所属机关没有已发布的政务服务事项');
    const finding: Finding = {
      indicator: 'service_guides',
      severity: 'veto',
      problem: '网站没有提供任何政务服务事项（办事服务缺失构成单项否决）',
      fix: '由各实施机关在“政务服务事项”中发布事项及其办事指南',
      target: { type: 'site', id: site.id, name: site.nameZh, url: `${site.pathPrefix}/services/` },
      workbenchPath: wb.serviceItems(site.orgId),
    };
    return indicator('service_guides', 'fail', 0, limit, finding.problem, [finding]);
  }
  const findings: Finding[] = items.flatMap((item) => {
    const missing = missingGuideElements(item);
    if (missing.length === 0) return [];
    return [
      {
        indicator: 'service_guides',
        severity: 'veto' as const,
        problem: `事项“${item.name}”（${item.implementingOrg}）的办事指南缺少或不合规：${missing.map((m) => guideElements[m]).join('、')}`,
        fix: '补全办事指南要素；补全前不应对外提供该指南',
        target: { type: 'service' as const, id: item.id, name: item.name, url: serviceItemPath(site.pathPrefix, item.code) },
        workbenchPath: wb.serviceItem(item.orgId, item.id),
      },
    ];
  });
  return indicator(
    'service_guides',
    findings.length ? 'fail' : 'pass',
    findings.length,
    limit,
    findings.length ? `${findings.length} 个事项的办事指南要素不全（单项否决）` : `${items.length} 个事项的办事指南要素齐全`,
    findings,
  );
}

/** The unreachable-visit rule over this run's probes and those of the past week's runs. */
export function reachabilityIndicator(site: SiteRow, visits: readonly PageProbe[], measured: boolean): Indicator {
  const limit = '一周内监测访问中超过 15 秒未响应或打不开的不足 5%';
  if (!measured || visits.length === 0) return indicator('reachability', 'unavailable', null, limit, '本次未能探测页面（检查不在网站进程内运行）');
  const share = unreachableShare(visits);
  const bad = visits.filter((v) => !v.ok || v.ms === null || v.ms >= L.unreachableMs);
  const failed = share >= L.unreachableShare;
  const percent = Math.round(share * 1000) / 10;
  const findings: Finding[] = bad.length
    ? [
        {
          indicator: 'reachability',
          severity: failed ? 'veto' : 'warning',
          problem: `一周内 ${visits.length} 次探测中 ${bad.length} 次打不开或超过 15 秒（${percent}%）`,
          fix: '检查站点服务和页面错误，确保页面可以打开',
          target: { type: 'site', id: site.id, name: site.nameZh, url: sitePaths.home(site) },
          workbenchPath: null,
        },
      ]
    : [];
  return indicator('reachability', failed ? 'fail' : bad.length ? 'warn' : 'pass', percent, limit, `一周内 ${visits.length} 次探测，失败或超时 ${percent}%`, findings);
}

export function findingsIndicator(key: 'links' | 'attachments', findings: Finding[], checked: number): Indicator {
  const what = key === 'links' ? '站内链接' : '附件';
  return indicator(
    key,
    findings.length ? 'warn' : 'pass',
    findings.length,
    `已发布信息中的${what}均可访问`,
    findings.length ? `${findings.length} 处${what}不可用（共检查 ${checked} 处）` : `共检查 ${checked} 处${what}，均可用`,
    findings,
  );
}

const pageNames = { home: '首页', list: '栏目列表页', article: '文章页' } as const;

export function pageSpeedIndicator(site: SiteRow, probes: readonly PageProbe[], measured: boolean): Indicator {
  const limit = '页面 3 秒内打开';
  if (!measured) return indicator('page_speed', 'unavailable', null, limit, '本次未能探测页面（检查不在网站进程内运行）');
  const findings: Finding[] = probes
    .filter((p) => !p.ok || (p.ms ?? Infinity) >= L.pageLimitMs)
    .map((p) => ({
      indicator: 'page_speed',
      severity: 'warning',
      problem: p.ok ? `${pageNames[p.page]}打开用时 ${((p.ms ?? 0) / 1000).toFixed(1)} 秒，超过 3 秒` : `${pageNames[p.page]}打不开（HTTP ${p.status ?? '无响应'}）`,
      fix: p.ok ? '精简页面内容和图片，检查缓存是否生效' : '检查该页面为何出错',
      target: { type: 'page', id: null, name: pageNames[p.page], url: p.url },
      workbenchPath: null,
    }));
  const slowest = probes.reduce((max, p) => Math.max(max, p.ms ?? 0), 0);
  const summary = probes.length === 0 ? '站点没有可探测的页面' : findings.length ? `${findings.length} 个页面打不开或超过 3 秒` : `${probes.length} 个页面均在 3 秒内打开（最慢 ${slowest} 毫秒）`;
  return indicator('page_speed', findings.length ? 'warn' : 'pass', probes.length ? slowest : null, limit, summary, findings);
}
