import type { DbOrTrx } from '../../../db/database.js';
import type { PortalSiteRow } from '../portal.table.js';
import '../disclosure/disclosure.table.js';
import '../interaction/interaction.table.js';

/** The reads of the demo disclosure and interaction seeds: what is there already (so a second run adds nothing). */
export const demoExtraRepository = {
  async site(db: DbOrTrx, code: string): Promise<PortalSiteRow | undefined> {
    return db.selectFrom('portal_sites').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async entryTitles(db: DbOrTrx, orgId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('disclosure_entries').select('title').where('org_id', '=', orgId).execute();
    return new Set(rows.map((r) => r.title));
  },

  async hasText(db: DbOrTrx, orgId: string, kind: 'guide' | 'rules'): Promise<boolean> {
    return !!(await db.selectFrom('disclosure_texts').select('id').where('org_id', '=', orgId).where('kind', '=', kind).executeTakeFirst());
  },

  async requestContents(db: DbOrTrx, orgId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('disclosure_requests').select('content').where('org_id', '=', orgId).execute();
    return new Set(rows.map((r) => r.content));
  },

  async requestByCode(db: DbOrTrx, trackingCode: string): Promise<{ id: string; revision: number }> {
    const row = await db.selectFrom('disclosure_requests').select(['id', 'revision']).where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
    return { id: row.id, revision: Number(row.revision) };
  },

  async messageSubjects(db: DbOrTrx, siteId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('portal_messages').select('subject').where('site_id', '=', siteId).execute();
    return new Set(rows.map((r) => r.subject));
  },

  async surveyTitles(db: DbOrTrx, siteId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('portal_surveys').select('title').where('site_id', '=', siteId).execute();
    return new Set(rows.map((r) => r.title));
  },
};
