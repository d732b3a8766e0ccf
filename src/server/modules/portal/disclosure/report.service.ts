import { isUniqueViolation } from '../../../db/unique-violation.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize } from '../../../platform/policy/index.js';
import type { Acting, DisclosureDeps } from './disclosure.deps.js';
import { reportPolicy, type DisclosureScope } from './disclosure.policy.js';
import { disclosureRepository as repo } from './disclosure.repository.js';
import type { DisclosureReportRow } from './disclosure.table.js';
import { checkBalance, generateReportData } from './report.data.js';
import { reportDataSchema, type ReportData, type ReportView } from './report.schema.js';
import './disclosure.audit.js';
import './disclosure.errors.js';

export function toReportView(row: DisclosureReportRow, orgName: string, actions: ReportView['actions']): ReportView {
  const data = reportDataSchema.parse(JSON.parse(row.data));
  return {
    id: row.id,
    orgId: row.org_id,
    orgName,
    year: Number(row.year),
    status: row.status,
    data,
    balance: checkBalance(data),
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedByName: row.updated_by_name,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    actions,
  };
}

/**
 * Annual reports (2021 template): generated for an organisation and year from the catalogue and the
 * requests, edited by hand (text sections, 第四部分, figures that are not in the data), and published
 * only when the request matrix balances.
 */
export function createReportService(deps: DisclosureDeps) {
  const { db, clock, audit, orgs } = deps;

  async function scopeOf(orgId: string): Promise<{ scope: DisclosureScope; name: string }> {
    const org = await orgs.find(orgId);
    const path = org && (await orgs.pathOf(org.id));
    if (!org || !path) throw new AppError('disclosure.org_not_found');
    return { scope: { path }, name: org.nameZh };
  }

  async function load(id: string) {
    const row = await repo.findReport(db, id);
    if (!row) throw new AppError('disclosure.report_not_found');
    const org = await scopeOf(row.org_id).catch(() => {
      throw new AppError('disclosure.report_not_found');
    });
    return { row, ...org };
  }

  return {
    async list(actor: Actor, orgId: string) {
      const org = await scopeOf(orgId);
      authorize(actor, reportPolicy, 'read', org.scope);
      const actions = allowedActions(actor, reportPolicy, org.scope);
      return { items: (await repo.listReports(db, orgId)).map((r) => { const { data: _data, ...rest } = toReportView(r, org.name, actions); return rest; }) };
    },

    async get(actor: Actor, id: string): Promise<ReportView> {
      const { row, scope, name } = await load(id);
      authorize(actor, reportPolicy, 'read', scope);
      return toReportView(row, name, allowedActions(actor, reportPolicy, scope));
    },

    /** Generates (or regenerates, keeping hand-written parts) the draft report of a year from the data. */
    async generate(acting: Acting, orgId: string, year: number): Promise<ReportView> {
      const org = await scopeOf(orgId);
      authorize(acting.actor, reportPolicy, 'edit', org.scope);
      const existing = await repo.findReportOf(db, orgId, year);
      if (existing?.status === 'published') throw new AppError('disclosure.report_published');
      const [requests, entries] = await Promise.all([repo.reportRequests(db, orgId, `${year}-01-01`, `${year}-12-31`), repo.reportEntries(db, orgId, `${year}-12-31`)]);
      const previous = existing ? reportDataSchema.parse(JSON.parse(existing.data)) : undefined;
      const data = generateReportData(year, requests, entries, previous);
      const at = clock.now().toISOString();
      const id = existing?.id ?? newId();
      await db
        .transaction()
        .execute(async (trx) => {
          if (existing) await repo.updateReport(trx, id, { data: JSON.stringify(data), updated_at: at, updated_by_name: acting.actor.displayName });
          else await repo.insertReport(trx, { id, org_id: orgId, year, status: 'draft', data: JSON.stringify(data), updated_by_name: acting.actor.displayName, created_at: at, updated_at: at, published_at: null });
          await audit.append(trx, { ...acting.who, action: 'disclosure.report_save', object: { type: 'disclosure-report', id }, details: { orgId, year, generated: true } });
        })
        .catch((error: unknown) => {
          // Two people generated the same year's report at once: the other one's draft stands.
          throw isUniqueViolation(error) ? new AppError('disclosure.report_changed_concurrently') : error;
        });
      return this.get(acting.actor, id);
    },

    async update(acting: Acting, id: string, data: ReportData): Promise<ReportView> {
      const { row, scope } = await load(id);
      authorize(acting.actor, reportPolicy, 'edit', scope);
      if (row.status === 'published') throw new AppError('disclosure.report_published');
      await db.transaction().execute(async (trx) => {
        await repo.updateReport(trx, id, { data: JSON.stringify(data), updated_at: clock.now().toISOString(), updated_by_name: acting.actor.displayName });
        await audit.append(trx, { ...acting.who, action: 'disclosure.report_save', object: { type: 'disclosure-report', id }, details: { orgId: row.org_id, year: Number(row.year), generated: false } });
      });
      return this.get(acting.actor, id);
    },

    /** Publishes the report on the disclosure platform; refused unless 一+二 = 三+四 in every column. */
    async publish(acting: Acting, id: string): Promise<ReportView> {
      const { row, scope } = await load(id);
      authorize(acting.actor, reportPolicy, 'publish', scope);
      if (row.status === 'published') throw new AppError('disclosure.report_published');
      const balance = checkBalance(reportDataSchema.parse(JSON.parse(row.data)));
      if (!balance.balanced) throw new AppError('disclosure.report_unbalanced', { details: { columns: balance.columns.filter((c) => !c.ok) } });
      await db.transaction().execute(async (trx) => {
        const at = clock.now().toISOString();
        await repo.updateReport(trx, id, { status: 'published', published_at: at, updated_at: at, updated_by_name: acting.actor.displayName });
        await audit.append(trx, { ...acting.who, action: 'disclosure.report_publish', object: { type: 'disclosure-report', id }, details: { orgId: row.org_id, year: Number(row.year) } });
      });
      for (const site of await repo.sitesOfOrg(db, row.org_id)) deps.siteChanged({ siteId: site.id, paths: [`${site.path_prefix}/disclosure/`, `${site.path_prefix}/disclosure/reports/${Number(row.year)}`] });
      return this.get(acting.actor, id);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
