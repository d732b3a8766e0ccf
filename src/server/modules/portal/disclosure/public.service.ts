import { disclosureCategoryKeys, type DisclosureCategory, type EntryValidity } from '../../../../shared/disclosure.js';
import { toEntryView } from './catalogue.service.js';
import type { EntryView } from './catalogue.schema.js';
import type { DisclosureDeps } from './disclosure.deps.js';
import { disclosureRepository as repo } from './disclosure.repository.js';
import { toReportView } from './report.service.js';
import type { ReportView } from './report.schema.js';

/** What the public disclosure pages read: only published entries and reports, the current guide and rules. */
export function createPublicDisclosure(deps: DisclosureDeps) {
  const { db, orgs } = deps;
  return {
    async overview(orgId: string) {
      const [org, guide, rules, counts, reports] = await Promise.all([
        orgs.find(orgId),
        repo.latestText(db, orgId, 'guide'),
        repo.latestText(db, orgId, 'rules'),
        repo.publishedCounts(db, orgId),
        repo.listReports(db, orgId, true),
      ]);
      return {
        orgName: org?.nameZh ?? '',
        guideHtml: guide?.body_html ?? null,
        rulesHtml: rules?.body_html ?? null,
        categories: disclosureCategoryKeys.map((category) => ({ category, count: counts.get(category) ?? 0 })),
        reports: reports.map((r) => ({ year: Number(r.year), publishedAt: r.published_at })),
      };
    },

    async catalogue(orgId: string, filter: { category?: DisclosureCategory | undefined; validity?: EntryValidity | undefined; q?: string | undefined; page: number; pageSize: number }) {
      const { items, total } = await repo.listEntries(db, { orgId, status: 'published', category: filter.category, validity: filter.validity, q: filter.q }, filter.page, filter.pageSize);
      return { items: items.map((r) => toEntryView(r, [])), total };
    },

    async entry(orgId: string, id: string): Promise<EntryView | undefined> {
      const row = await repo.findEntry(db, id);
      return row && row.org_id === orgId && row.status === 'published' ? toEntryView(row, []) : undefined;
    },

    async report(orgId: string, year: number): Promise<ReportView | undefined> {
      const row = await repo.findReportOf(db, orgId, year);
      if (!row || row.status !== 'published') return undefined;
      return toReportView(row, (await orgs.find(orgId))?.nameZh ?? '', []);
    },

    fileOf: (fileId: string) => deps.files.get(db, fileId),
  };
}

export type PublicDisclosure = ReturnType<typeof createPublicDisclosure>;
