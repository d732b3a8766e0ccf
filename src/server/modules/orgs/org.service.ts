import type { DbOrTrx } from '../../db/database.js';
import type { AuditContext, AuditLog } from '../../platform/audit/index.js';
import { AppError, defineErrors } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import type { OrgKind } from '../../../shared/orgs.js';
import type { ImportProblem, ImportRow } from './org.import.js';
import { orgRepository as repo } from './org.repository.js';
import { orgRenames, type RenamedOrg } from './org-renames.js';
import type { Org, OrgDetailData, OrgTreeNode } from './org.schema.js';
import type { NewOrgRow, OrgRow } from './org.table.js';

export const orgErrors = defineErrors({
  'orgs.not_found': { status: 404, zh: '未找到该组织机构', en: 'No such organisation' },
  'orgs.import_out_of_scope': {
    status: 403,
    zh: '导入文件中有组织不在您的管理范围内，未导入任何数据',
    en: 'Some organisations in the file are outside your scope; nothing was imported',
  },
  'orgs.import_invalid': {
    status: 422,
    zh: '导入文件有错误，未导入任何数据',
    en: 'The import file has errors; nothing was imported',
  },
});

export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    ref: row.ref,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    nameZh: row.name_zh,
    nameMn: row.name_mn,
    nameLatin: row.name_latin,
    shortName: row.short_name,
    docPrefixes: JSON.parse(row.doc_prefixes) as string[],
    creditCode: row.credit_code,
    depth: row.depth,
    sortOrder: row.sort_order,
  };
}

/** Finds an org by id, ref or division code. */
async function findByKey(db: DbOrTrx, key: string): Promise<OrgRow | undefined> {
  return (
    (await repo.findById(db, key)) ??
    (await repo.findByRef(db, key)) ??
    (/^\d{6}$/.test(key) || /^\d{12}$/.test(key) ? await repo.findByCode(db, key) : undefined)
  );
}

/** Who imports, for the audit event written in the import's transaction. */
export interface ImportAudit {
  readonly log: AuditLog;
  readonly context: AuditContext;
}

declare module '../../platform/audit/index.js' {
  interface AuditEvents {
    'orgs.import': { created: number; updated: number; total: number; refs: string[] };
  }
}

export interface ImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly total: number;
}

/** The organisation registry's service API; other modules reach orgs only through this. */
export function createOrgService(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = ctx;

  async function get(key: string, trx: DbOrTrx = db): Promise<Org> {
    const row = await findByKey(trx, key);
    if (!row) throw new AppError('orgs.not_found', { details: { key } });
    return toOrg(row);
  }

  return {
    get,

    async find(key: string): Promise<Org | undefined> {
      const row = await findByKey(db, key);
      return row && toOrg(row);
    },

    /** The organisation with its ancestors (root first), child count and materialised path. */
    async detail(key: string): Promise<OrgDetailData> {
      const row = await findByKey(db, key);
      if (!row) throw new AppError('orgs.not_found', { details: { key } });
      const ancestorIds = row.path.split('/').filter((id) => id && id !== row.id);
      const [ancestors, childCount] = await Promise.all([
        repo.findByIds(db, ancestorIds),
        repo.countChildren(db, row.id),
      ]);
      ancestors.sort((a, b) => a.depth - b.depth);
      return {
        ...toOrg(row),
        ancestors: ancestors.map((a) => ({ id: a.id, ref: a.ref, kind: a.kind, nameZh: a.name_zh, nameMn: a.name_mn })),
        childCount,
        path: row.path,
      };
    },

    /** Materialised paths (`/root/…/id/`) by org id, for policies that judge org scope. */
    async pathsOf(ids: readonly string[], trx: DbOrTrx = db): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      const rows = unique.length ? await repo.findByIds(trx, unique) : [];
      return new Map(rows.map((r) => [r.id, r.path]));
    },

    /**
     * Organisations by id with their materialised paths, in one query: for callers that walk the
     * registry (documents' 行文 rules and inbox scopes) and batch their lookups. Unknown ids are absent.
     */
    async withPaths(ids: readonly string[], trx: DbOrTrx = db): Promise<(Org & { path: string })[]> {
      const unique = [...new Set(ids)];
      return (await repo.findByIds(trx, unique)).map((row) => ({ ...toOrg(row), path: row.path }));
    },

    /** The children of several organisations (all kinds) with their paths, in tree order, in one query. */
    async childrenWithPaths(parentIds: readonly string[], trx: DbOrTrx = db): Promise<(Org & { path: string })[]> {
      return (await repo.findByParents(trx, [...new Set(parentIds)])).map((row) => ({ ...toOrg(row), path: row.path }));
    },

    /** Every organisation's path by ref (one query): to judge an import's rows. */
    async pathsByRef(): Promise<Map<string, string>> {
      return new Map((await repo.findAllRefs(db)).map((o) => [o.ref, o.path]));
    },

    /** The path of one organisation by id, ref or code; undefined when there is none. */
    async pathOf(key: string, trx: DbOrTrx = db): Promise<string | undefined> {
      return (await findByKey(trx, key))?.path;
    },

    /**
     * Every organisation id the grants reach (each grant's org, and with `subtree` all below it):
     * lets a repository restrict a list to an actor's scope in SQL.
     */
    async idsCovered(grants: readonly { orgId: string; scope: 'org' | 'subtree' }[]): Promise<string[]> {
      const ids = new Set<string>();
      for (const grant of grants) {
        const row = await repo.findById(db, grant.orgId);
        if (!row) continue;
        if (grant.scope === 'org') ids.add(row.id);
        else for (const r of await repo.subtree(db, row.path, row.depth + 64)) ids.add(r.id);
      }
      return [...ids];
    },

    /**
     * What grants cover, for filtering lists: `all` when a subtree grant covers the whole deployment
     * — its organisation's ancestors lead to it alone (Hinggan's league under the region) — else the
     * covered ids.
     */
    async scopeOf(grants: readonly { orgId: string; scope: 'org' | 'subtree' }[]): Promise<string[] | 'all'> {
      for (const grant of grants) {
        if (grant.scope !== 'subtree') continue;
        let row = await repo.findById(db, grant.orgId);
        while (row?.parent_id && (await repo.countChildren(db, row.parent_id)) === 1) row = await repo.findById(db, row.parent_id);
        if (row && row.parent_id === null) return 'all';
      }
      return this.idsCovered(grants);
    },

    async list(filter: { parentId?: string; kinds?: OrgKind[]; page: number; pageSize: number }) {
      const { rows, total } = await repo.list(
        db,
        { parentId: filter.parentId, kinds: filter.kinds },
        { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize },
      );
      return { items: rows.map(toOrg), total, page: filter.page, pageSize: filter.pageSize };
    },

    async search(q: string, kinds: OrgKind[] | undefined, limit: number): Promise<Org[]> {
      return (await repo.search(db, q.normalize('NFC'), kinds, limit)).map(toOrg);
    },

    /**
     * The tree under `rootKey` (or every root), `depth` levels deep. With `kinds`, only orgs of those
     * kinds are kept, together with the ancestors that connect them.
     */
    async tree(options: { rootKey?: string; depth: number; kinds?: OrgKind[] }): Promise<OrgTreeNode[]> {
      const roots = options.rootKey ? [await findByKey(db, options.rootKey)] : await repo.roots(db);
      const result: OrgTreeNode[] = [];
      for (const root of roots) {
        if (!root) throw new AppError('orgs.not_found', { details: { key: options.rootKey } });
        const rows = await repo.subtree(db, root.path, root.depth + options.depth);
        const nodes = new Map(rows.map((r) => [r.id, { ...toOrg(r), children: [] as OrgTreeNode[] }]));
        for (const node of nodes.values()) {
          if (node.id !== root.id && node.parentId) nodes.get(node.parentId)?.children.push(node);
        }
        const top = nodes.get(root.id)!;
        result.push(options.kinds?.length ? prune(top, new Set(options.kinds))! : top);
      }
      return result.filter(Boolean);
    },

    /** Orgs of the given kinds directly or indirectly under `key`, in tree order. */
    async descendants(key: string, kinds: readonly OrgKind[], maxLevels = 10): Promise<Org[]> {
      const root = await get(key);
      const rootRow = (await repo.findById(db, root.id))!;
      const rows = await repo.subtree(db, rootRow.path, rootRow.depth + maxLevels);
      return rows.filter((r) => r.id !== root.id && kinds.includes(r.kind)).map(toOrg);
    },

    countByKind: () => repo.countByKind(db),
    count: () => repo.count(db),

    /**
     * Loads parsed rows in one transaction: new refs are inserted, known refs updated in place.
     * Any problem (unknown parent, a code or credit code used by another org, a move) aborts the whole
     * import and is reported with its line number.
     */
    async importRows(rows: readonly ImportRow[], audit?: ImportAudit): Promise<ImportOutcome> {
      const renamed: RenamedOrg[] = [];
      const outcome = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const existing = await repo.findAllRefs(trx);
        const byRef = new Map(existing.map((o) => [o.ref, o]));
        const codeOwner = new Map(existing.filter((o) => o.code).map((o) => [o.code!, o.ref]));
        const creditOwner = new Map(existing.filter((o) => o.credit_code).map((o) => [o.credit_code!, o.ref]));
        const problems: ImportProblem[] = [];
        const inserts: NewOrgRow[] = [];
        const updates: { id: string; row: Partial<NewOrgRow> }[] = [];
        const placed = new Map<string, { id: string; path: string; depth: number; parentRef: string | null }>();
        for (const o of existing) placed.set(o.ref, { id: o.id, path: o.path, depth: o.depth, parentRef: null });

        for (const row of rows) {
          const parent = row.parentRef ? placed.get(row.parentRef) : undefined;
          if (row.parentRef && !parent) {
            problems.push({ line: row.line, message: `上级 ${row.parentRef} 未找到（须在前面的行中或已在系统中）` });
            continue;
          }
          if (row.code && codeOwner.has(row.code) && codeOwner.get(row.code) !== row.ref) {
            problems.push({ line: row.line, message: `code ${row.code} 已被 ${codeOwner.get(row.code)} 使用` });
            continue;
          }
          if (row.creditCode && creditOwner.has(row.creditCode) && creditOwner.get(row.creditCode) !== row.ref) {
            problems.push({ line: row.line, message: `统一社会信用代码 ${row.creditCode} 已被 ${creditOwner.get(row.creditCode)} 使用` });
            continue;
          }
          const fields = {
            kind: row.kind,
            code: row.code,
            name_zh: row.nameZh,
            name_mn: row.nameMn,
            name_latin: row.nameLatin,
            short_name: row.shortName,
            doc_prefixes: JSON.stringify(row.docPrefixes),
            credit_code: row.creditCode,
            sort_order: row.line,
            updated_at: now,
          };
          if (row.code) codeOwner.set(row.code, row.ref);
          if (row.creditCode) creditOwner.set(row.creditCode, row.ref);
          const known = byRef.get(row.ref);
          if (known) {
            const currentParent = known.path.split('/').filter(Boolean).at(-2) ?? null;
            if ((parent?.id ?? null) !== currentParent) {
              problems.push({ line: row.line, message: `${row.ref} 已存在且上级不同；移动组织请在组织管理中操作` });
              continue;
            }
            updates.push({ id: known.id, row: fields });
            if (known.name_zh !== row.nameZh) renamed.push({ id: known.id, path: known.path, nameZh: row.nameZh });
            continue;
          }
          const id = newId();
          const path = `${parent?.path ?? '/'}${id}/`;
          const depth = parent ? parent.depth + 1 : 0;
          placed.set(row.ref, { id, path, depth, parentRef: row.parentRef });
          inserts.push({ id, ref: row.ref, parent_id: parent?.id ?? null, path, depth, created_at: now, ...fields });
        }

        if (problems.length) {
          throw new AppError('orgs.import_invalid', { details: { problems } });
        }
        await repo.insertMany(trx, inserts);
        for (const { id, row } of updates) await repo.update(trx, id, row);
        // Modules that keep a name (the service catalogue's search entries) follow in this transaction.
        await orgRenames(ctx).inTransaction(trx, renamed);
        const outcome = { created: inserts.length, updated: updates.length, total: rows.length };
        await audit?.log.append(trx, {
          ...audit.context,
          action: 'orgs.import',
          object: { type: 'orgs', id: 'import' },
          details: { ...outcome, refs: rows.slice(0, 20).map((r) => r.ref) },
        });
        return outcome;
      });
      await orgRenames(ctx).committed(renamed);
      return outcome;
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;

function prune(node: OrgTreeNode, kinds: Set<OrgKind>): OrgTreeNode | undefined {
  const children = node.children.map((c) => prune(c, kinds)).filter((c): c is OrgTreeNode => c !== undefined);
  if (!kinds.has(node.kind) && children.length === 0 && node.depth > 0) return undefined;
  return { ...node, children };
}
