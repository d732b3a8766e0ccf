import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditContext, AuditLog } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore } from '../../../platform/files/index.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize, can, holdsRole } from '../../../platform/policy/index.js';
import type { OrgService } from '../../orgs/index.js';
import {
  columnIndicators,
  findingsIndicator,
  homeIndicator,
  messagesIndicator,
  pageSpeedIndicator,
  reachabilityIndicator,
  serviceGuidesIndicator,
  sitePaths,
} from './indicators.js';
import './inspection.audit.js';
import './inspection.errors.js';
import { inspectionPolicy } from './inspection.policy.js';
import { inspectionRepository as repo, type SiteRow } from './inspection.repository.js';
import { daysBefore, inspectionLimits, judgeColumns, monthsBefore } from './inspection.rules.js';
import {
  inspectionResultSchema,
  type InspectionResult,
  type OverviewView,
  type PageProbe,
  type SiteInspectionView,
} from './inspection.schema.js';
import type { PortalInspectionRunRow } from './inspection.table.js';
import type { LinkWorld } from './links.js';
import type { UnansweredMessagesSource } from './messages-source.js';
import { siteShowsItem, type ServiceDirectory } from '../services-directory.js';
import type { PageFetch } from './probe.js';
import { brokenLinks, fileChecker, missingAttachments, probePages } from './site-checks.js';

export interface InspectionDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly files: FileStore;
  /** Host names that are the deployment's own (its public URL's host), besides the sites' own hosts. */
  readonly sharedHosts: readonly string[];
  /** Interaction's unanswered messages; undefined until interaction provides them. */
  readonly messages: () => UnansweredMessagesSource | undefined;
  /** The service item catalogue; undefined when no services module is loaded. */
  readonly services: () => ServiceDirectory | undefined;
  /** Opens a public page in-process; undefined when the checks run outside the web application. */
  readonly fetch: () => PageFetch | undefined;
}

export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}

/** Runs older than this are dropped; the trend shows the last `trendLength`. */
const keepDays = 90;
const trendLength = 48;

type Summary = Pick<PortalInspectionRunRow, 'checked_at' | 'veto_count' | 'warning_count' | 'finding_count' | 'passed_count' | 'applicable_count'>;

function summaryOf(row: Summary) {
  const vetoCount = Number(row.veto_count);
  const warningCount = Number(row.warning_count);
  const applicable = Number(row.applicable_count);
  const passed = Number(row.passed_count);
  return {
    checkedAt: new Date(row.checked_at).toISOString(),
    verdict: vetoCount > 0 ? ('fail' as const) : warningCount > 0 ? ('warn' as const) : ('pass' as const),
    vetoCount,
    warningCount,
    findingCount: Number(row.finding_count),
    passedCount: passed,
    applicableCount: applicable,
    passRate: applicable === 0 ? 0 : Math.round((passed / applicable) * 1000) / 10,
  };
}

function countsOf(result: InspectionResult) {
  const { indicators } = result;
  const applicable = indicators.filter((i) => i.status !== 'not_applicable' && i.status !== 'unavailable');
  return {
    veto_count: indicators.filter((i) => i.status === 'fail').length,
    warning_count: indicators.filter((i) => i.status === 'warn').length,
    finding_count: indicators.reduce((n, i) => n + i.findings.length, 0),
    passed_count: applicable.filter((i) => i.status === 'pass').length,
    applicable_count: applicable.length,
  };
}

/**
 * Self-inspection (自查): computes the national inspection indicators of a site from the portal's
 * data, stores each run (the newest is the site's result, the rest its trend), and presents them to
 * the site's editors and reviewers and to the IT office over it.
 */
export function createInspectionService(deps: InspectionDeps) {
  const { db, clock, audit, orgs, files } = deps;

  async function linkWorld(sites: readonly SiteRow[]): Promise<LinkWorld> {
    return {
      sites,
      siteHosts: await repo.hosts(db),
      sharedHosts: new Set(deps.sharedHosts.map((h) => h.toLowerCase())),
      columns: await repo.columnPaths(
        db,
        sites.map((s) => s.id),
      ),
    };
  }

  /** Computes every indicator of one site at `now` (nothing stored). */
  async function evaluate(site: SiteRow, world: LinkWorld, now: Date): Promise<InspectionResult> {
    const fileExists = fileChecker(db, files);
    const source = deps.messages();
    const services = deps.services();
    const fetch = deps.fetch();
    const probes: PageProbe[] = fetch ? await probePages(db, site, world, fetch) : [];
    const since = daysBefore(now, inspectionLimits.reachabilityWindowDays).toISOString();
    const earlier = fetch ? (await repo.resultsSince(db, site.id, since)).flatMap((r) => inspectionResultSchema.parse(JSON.parse(r)).probes) : [];
    const links = await brokenLinks(db, site, world, fileExists);
    const attachments = await missingAttachments(db, site, world, fileExists);
    const messages = source ? await source(db, { siteId: site.id, olderThan: monthsBefore(now, inspectionLimits.messageAnswerMonths), now }) : undefined;
    return {
      indicators: [
        homeIndicator(site, await repo.lastPublished(db, site.id), now),
        ...columnIndicators(site, judgeColumns(await repo.columnActivity(db, site.id), now), now),
        messagesIndicator(site, messages),
        serviceGuidesIndicator(site, services && (await services.published()).filter((item) => siteShowsItem(site, item))),
        reachabilityIndicator(site, [...earlier, ...probes], fetch !== undefined),
        findingsIndicator('links', links.findings, links.checked),
        findingsIndicator('attachments', attachments.findings, attachments.checked),
        pageSpeedIndicator(site, probes, fetch !== undefined),
      ],
      probes,
    };
  }

  async function run(site: SiteRow, world: LinkWorld, trigger: 'schedule' | 'manual', acting?: Acting): Promise<string> {
    const now = clock.now();
    const result = await evaluate(site, world, now);
    const id = newId();
    const counts = countsOf(result);
    await db.transaction().execute(async (trx) => {
      await repo.insertRun(trx, {
        id,
        site_id: site.id,
        checked_at: now.toISOString(),
        trigger,
        triggered_by_name: acting?.actor.displayName ?? null,
        ...counts,
        result: JSON.stringify(result),
      });
      if (acting) {
        await audit.append(trx, {
          ...acting.who,
          action: 'portal.inspection_run',
          object: { type: 'portal-site', id: site.id },
          details: { siteId: site.id, runId: id, vetoCount: counts.veto_count, findingCount: counts.finding_count },
        });
      }
    });
    return id;
  }

  async function siteScope(siteId: string): Promise<{ site: SiteRow; orgPath: string; orgName: string }> {
    const site = await repo.site(db, siteId);
    const org = site && (await orgs.find(site.orgId));
    const orgPath = site && (await orgs.pathOf(site.orgId));
    if (!site || !org || !orgPath) throw new AppError('portal.inspection_site_not_found', { details: { siteId } });
    return { site, orgPath, orgName: org.nameZh };
  }

  const siteRef = (site: SiteRow, orgName: string) => ({
    id: site.id,
    code: site.code,
    nameZh: site.nameZh,
    kind: site.kind,
    orgId: site.orgId,
    orgName,
    url: sitePaths.home(site),
  });

  return {
    /** Inspects every site (the scheduled job) and drops runs older than 90 days. Returns how many sites. */
    async runAll(): Promise<number> {
      const sites = await repo.sites(db);
      const world = await linkWorld(sites);
      for (const site of sites) await run(site, world, 'schedule');
      await repo.pruneBefore(db, daysBefore(clock.now(), keepDays).toISOString());
      return sites.length;
    },

    /** Inspects one site without asking who (tests, the CLI). */
    async runSite(siteId: string): Promise<string> {
      const { site } = await siteScope(siteId);
      return run(site, await linkWorld(await repo.sites(db)), 'schedule');
    },

    /** Re-runs a site's inspection now, for its editor or the IT office over it. */
    async rerun(acting: Acting, siteId: string): Promise<SiteInspectionView> {
      const { site, orgPath } = await siteScope(siteId);
      authorize(acting.actor, inspectionPolicy, 'run', { orgPath });
      await run(site, await linkWorld(await repo.sites(db)), 'manual', acting);
      return this.view(acting.actor, siteId);
    },

    /** A site's latest result with its trend. */
    async view(actor: Actor, siteId: string): Promise<SiteInspectionView> {
      const { site, orgPath, orgName } = await siteScope(siteId);
      authorize(actor, inspectionPolicy, 'read', { orgPath });
      const [latest, trend] = await Promise.all([repo.latestRun(db, site.id), repo.trend(db, site.id, trendLength)]);
      return {
        site: siteRef(site, orgName),
        latest: latest
          ? {
              ...summaryOf(latest),
              trigger: latest.trigger,
              triggeredByName: latest.triggered_by_name,
              result: inspectionResultSchema.parse(JSON.parse(latest.result)),
            }
          : null,
        trend: trend.reverse().map(summaryOf),
        actions: allowedActions(actor, inspectionPolicy, { orgPath }),
      };
    },

    /**
     * The overview table: for the IT office every site whose organisation its grant covers, for an
     * editor or reviewer the sites of his organisations; each with its latest result.
     */
    async overview(actor: Actor): Promise<OverviewView> {
      if (!['editor', 'reviewer', 'it_office'].some((role) => holdsRole(actor, role))) throw new AppError('auth.forbidden');
      const sites = await repo.sites(db);
      const paths = await orgs.pathsOf(sites.map((s) => s.orgId));
      const visible = sites.filter((s) => {
        const orgPath = paths.get(s.orgId);
        return orgPath !== undefined && can(actor, inspectionPolicy, 'read', { orgPath });
      });
      const latest = await repo.latestRuns(
        db,
        visible.map((s) => s.id),
      );
      const items = [];
      for (const site of visible) {
        const org = await orgs.find(site.orgId);
        const row = latest.get(site.id);
        const orgPath = paths.get(site.orgId)!;
        const vetoes = row
          ? inspectionResultSchema
              .parse(JSON.parse(row.result))
              .indicators.filter((i) => i.status === 'fail')
              .map((i) => i.label)
          : [];
        items.push({ site: siteRef(site, org?.nameZh ?? ''), latest: row ? summaryOf(row) : null, vetoes, actions: allowedActions(actor, inspectionPolicy, { orgPath }) });
      }
      return { items };
    },
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
