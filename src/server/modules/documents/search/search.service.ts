import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { SearchHit } from '../../../platform/search/index.js';
import type { DocumentKind } from '../../../../shared/documents.js';
import type { IncomingStep } from '../../../../shared/documents-receiving.js';
import type { OrgService } from '../../orgs/index.js';
import { OrgLookup } from '../receive/org-lookup.js';
import { paperKey, searchScope } from './entries.js';
import { documentsSearchOver, teachOrgNames } from './document-index.js';
import type { DocumentSearchHit, DocumentSearchQuery, DocumentSearchResult } from './search.schema.js';
import { searchRepository as repo } from './search.repository.js';
import { actorTags, entryTags } from './visibility.js';

export interface DocumentSearchDeps {
  readonly db: Db;
  readonly orgs: OrgService;
}

/**
 * Full-text search over the official documents a person may see: sent documents of his organisation
 * (or drafting unit, or drafted by him), documents delivered to his organisation's inbox, and paper
 * documents it registered. The platform search filters by visibility tags (so counts exclude what he
 * may not see); each hit on the page is then checked again against the document as it now stands, with
 * the same tag rules (`visibility.ts`), and linked to what he may open: the sent document, his inbox
 * item, or both. A page costs a handful of queries, whatever its hits.
 */
export function createDocumentSearch(deps: DocumentSearchDeps) {
  const { db, orgs } = deps;
  const engine = documentsSearchOver(db);

  async function present(tags: ReadonlySet<string>, hits: readonly SearchHit[]): Promise<DocumentSearchHit[]> {
    const sentIds = hits.filter((h) => h.fields.source === 'sent').map((h) => h.key);
    const paperIds = hits.filter((h) => h.fields.source === 'paper').map((h) => h.key.slice(paperKey('').length));
    const [sent, coIssuers, papers, delivered] = await Promise.all([
      repo.sentRows(db, sentIds),
      repo.coIssuersOf(db, sentIds),
      repo.incomingRows(db, paperIds),
      // His inbox items: in his own organisations, or anywhere under a subtree grant (checked below).
      repo.incomingOfDocuments(db, sentIds, [...tags].some((t) => t.startsWith('t:')) ? null : [...tags].filter((t) => t.startsWith('o:')).map((t) => t.slice(2))),
    ]);
    const paths = await orgs.pathsOf([
      ...sent.flatMap((r) => [r.org_id, r.drafting_org_id]),
      ...coIssuers.map((c) => c.org_id),
      ...delivered.map((d) => d.org_id),
      ...papers.map((p) => p.org_id),
    ]);
    const at = (id: string) => {
      const path = paths.get(id);
      return path ? [{ id, path }] : [];
    };
    const sees = (entry: string[]) => entry.some((t) => tags.has(t));
    const inboxOf = (orgId: string) => sees(entryTags({ owners: at(orgId) }));

    const out: DocumentSearchHit[] = [];
    for (const hit of hits) {
      const base = {
        title: hit.title,
        titleHtml: hit.titleHtml,
        snippet: hit.snippet,
        date: typeof hit.fields.date === 'string' ? hit.fields.date : null,
      };
      if (hit.fields.source === 'paper') {
        const row = papers.find((p) => paperKey(p.id) === hit.key);
        if (!row || !inboxOf(row.org_id)) continue;
        out.push({ ...base, documentId: null, incomingId: row.id, source: 'paper', docNumber: row.sender_number, kind: row.kind as DocumentKind | null, orgName: row.sender_name ?? '', status: null, incomingStep: row.step as IncomingStep });
        continue;
      }
      const row = sent.find((r) => r.id === hit.key);
      if (!row) continue;
      const readable = sees(
        entryTags({
          owners: [row.org_id, ...coIssuers.filter((c) => c.document_id === row.id).map((c) => c.org_id)].flatMap(at),
          draftingUnit: at(row.drafting_org_id)[0],
          drafter: row.drafted_by,
        }),
      );
      const incoming = delivered.find((d) => d.document_id === row.id && inboxOf(d.org_id));
      if (!readable && !incoming) continue;
      out.push({
        ...base,
        documentId: readable ? row.id : null,
        incomingId: incoming?.id ?? null,
        source: 'sent',
        docNumber: row.doc_number,
        kind: row.kind,
        orgName: typeof hit.fields.orgName === 'string' ? hit.fields.orgName : '',
        status: readable ? row.status : null,
        incomingStep: (incoming?.step as IncomingStep | undefined) ?? null,
      });
    }
    return out;
  }

  return {
    /** Settles when the search's background statistics are in: benchmarks measure after it. */
    counted: (): Promise<void> => engine.counted(),

    async search(actor: Actor, query: DocumentSearchQuery): Promise<DocumentSearchResult> {
      const g = new OrgLookup(orgs);
      const tags = await actorTags(actor, async (id) => (await g.servedBy(id))?.id);
      await teachOrgNames(db);
      const filters = {
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      };
      const result = await engine.query(
        { scopes: [searchScope], text: query.q, tags, filters, page: query.page, pageSize: query.pageSize, sort: query.sort },
        db,
      );
      return {
        total: result.total,
        totalExact: result.totalExact,
        fallback: result.fallback,
        page: result.page,
        pageSize: result.pageSize,
        hits: await present(new Set(tags), result.hits),
      };
    },
  };
}

export type DocumentSearchService = ReturnType<typeof createDocumentSearch>;
