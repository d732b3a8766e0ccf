import { AppError } from '../../../platform/errors/app-error.js';
import type { OrgKind } from '../../../../shared/orgs.js';
import type { Org, OrgService } from '../../orgs/index.js';

/** An organisation as the 行文 rules see it. */
export interface OrgNode extends Org {
  readonly path: string;
}

/** Kinds that are administrative divisions (a level of government), not bodies or departments. */
const divisionKinds: ReadonlySet<OrgKind> = new Set([
  'region',
  'league',
  'city',
  'banner',
  'county',
  'district',
  'subdistrict',
  'town',
  'sumu',
  'township',
  'gacha',
  'village',
  'community',
]);

export const isDivision = (kind: OrgKind): boolean => divisionKinds.has(kind);

/** An office child of an organisation that handles its papers: its `办公室`. */
const isGeneralOffice = (org: Org) => org.kind === 'office' && org.nameZh.endsWith('办公室');

/**
 * The organisation registry read as 隶属关系 (who is whose superior), for the 行文 rules. Lookups are
 * memoised for the life of one graph (one request). The superiors of an organisation are:
 * - a department or internal unit: its parent; a department of a leading body also answers to the
 *   department of the same short name one level up (业务主管部门, e.g. 科右中旗教育局 → 兴安盟教育局);
 * - a leading body (旗政府, 行署): the leading bodies of the division above its own;
 * - a division acting for itself (a town, a gacha): the leading bodies of the division above it.
 * A division without leading bodies in the registry (the region) stands for itself.
 */
export class OrgGraph {
  readonly #orgs: OrgService;
  readonly #nodes = new Map<string, Promise<OrgNode | undefined>>();
  readonly #children = new Map<string, Promise<OrgNode[]>>();
  readonly #superiors = new Map<string, Promise<string[]>>();
  readonly #closures = new Map<string, Promise<Set<string>>>();
  #frozen = false;

  constructor(orgs: OrgService) {
    this.#orgs = orgs;
  }

  /**
   * Stops further lookups: a graph used inside a transaction must not query through the registry's own
   * connection (SQLite has one, held by the transaction). Asking for an organisation not loaded before
   * means the document changed meanwhile.
   */
  freeze(): this {
    this.#frozen = true;
    return this;
  }

  #lookup<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
    let value = cache.get(id);
    if (!value) {
      if (this.#frozen) throw new AppError('documents.changed_concurrently', { details: { orgId: id } });
      value = load();
      cache.set(id, value);
    }
    return value;
  }

  /** One organisation, or undefined when there is no such id. */
  node(id: string): Promise<OrgNode | undefined> {
    return this.#lookup(this.#nodes, id, () => this.#loadNode(id));
  }

  async #loadNode(id: string): Promise<OrgNode | undefined> {
    const org = await this.#orgs.find(id);
    if (!org || org.id !== id) return undefined;
    const path = (await this.#orgs.pathsOf([id])).get(id)!;
    return { ...org, path };
  }

  /** Several organisations by id; the map lacks the ids that name none. Paths come in one query. */
  async nodes(ids: readonly string[]): Promise<Map<string, OrgNode>> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.#nodes.has(id));
    if (missing.length > 1 && !this.#frozen) {
      const paths = await this.#orgs.pathsOf(missing);
      for (const id of missing) {
        const path = paths.get(id);
        if (this.#nodes.has(id)) continue;
        this.#nodes.set(id, path === undefined ? Promise.resolve(undefined) : this.#orgs.find(id).then((org) => (org ? { ...org, path } : undefined)));
      }
    }
    const found = await Promise.all(unique.map((id) => this.node(id)));
    return new Map(found.filter((n): n is OrgNode => n !== undefined).map((n) => [n.id, n]));
  }

  #childrenOf(id: string): Promise<OrgNode[]> {
    return this.#lookup(this.#children, id, async () => {
      const page = await this.#orgs.list({ parentId: id, page: 1, pageSize: 10_000 });
      const paths = await this.#orgs.pathsOf(page.items.map((o) => o.id));
      return page.items.map((o) => ({ ...o, path: paths.get(o.id)! }));
    });
  }

  /** The 办公室 that handles an organisation's papers, if it has one. */
  async officeOf(id: string): Promise<OrgNode | undefined> {
    return (await this.#childrenOf(id)).find(isGeneralOffice);
  }

  /** The organisation an office handles papers for (its parent), when `id` is such an office. */
  async servedBy(id: string): Promise<OrgNode | undefined> {
    const node = await this.node(id);
    if (!node || !isGeneralOffice(node) || !node.parentId) return undefined;
    return this.node(node.parentId);
  }

  /** The division an organisation belongs to: itself, or its nearest division ancestor. */
  async divisionOf(id: string): Promise<OrgNode | undefined> {
    const node = await this.node(id);
    if (!node) return undefined;
    if (isDivision(node.kind)) return node;
    const ancestors = node.path.split('/').filter(Boolean).slice(0, -1).reverse();
    for (const ancestorId of ancestors) {
      const ancestor = await this.node(ancestorId);
      if (ancestor && isDivision(ancestor.kind)) return ancestor;
    }
    return undefined;
  }

  /** The leading bodies that act for a division, or the division itself when it has none. */
  async #bodiesOrSelf(division: OrgNode): Promise<string[]> {
    const bodies = (await this.#childrenOf(division.id)).filter((c) => c.kind === 'leading_body');
    return bodies.length ? bodies.map((b) => b.id) : [division.id];
  }

  async #parentDivision(division: OrgNode): Promise<OrgNode | undefined> {
    return division.parentId ? this.divisionOf(division.parentId) : undefined;
  }

  /** The organisations directly above one (see the class comment). */
  superiors(id: string): Promise<string[]> {
    return this.#lookup(this.#superiors, id, () => this.#computeSuperiors(id));
  }

  async #computeSuperiors(id: string): Promise<string[]> {
    const node = await this.node(id);
    if (!node?.parentId) return [];
    const parent = await this.node(node.parentId);
    if (!parent) return [];
    if (node.kind === 'leading_body' || isDivision(node.kind)) {
      const own = node.kind === 'leading_body' ? parent : node;
      const above = await this.#parentDivision(own);
      return above ? this.#bodiesOrSelf(above) : [];
    }
    if (isDivision(parent.kind)) return this.#bodiesOrSelf(parent);
    const result = [parent.id];
    if (parent.kind === 'leading_body' && node.kind === 'department' && node.shortName) {
      const division = await this.divisionOf(parent.id);
      const above = division && (await this.#parentDivision(division));
      if (above) {
        for (const body of (await this.#childrenOf(above.id)).filter((c) => c.kind === 'leading_body')) {
          const peer = (await this.#childrenOf(body.id)).find((c) => c.kind === 'department' && c.shortName === node.shortName);
          if (peer) result.push(peer.id);
        }
      }
    }
    return result;
  }

  /** Every organisation above one, at any distance. */
  closure(id: string): Promise<Set<string>> {
    return this.#lookup(this.#closures, id, async () => {
      const all = new Set<string>();
      let level = await this.superiors(id);
      while (level.length) {
        const next: string[] = [];
        for (const s of level) {
          if (all.has(s)) continue;
          all.add(s);
          next.push(...(await this.superiors(s)));
        }
        level = next;
      }
      return all;
    });
  }

  /** 行文方向 from `from` to `to`: to a superior (up), to a subordinate (down), or no 隶属 relation. */
  async direction(from: string, to: string): Promise<'up' | 'down' | 'parallel'> {
    if ((await this.closure(from)).has(to)) return 'up';
    if ((await this.closure(to)).has(from)) return 'down';
    return 'parallel';
  }

  /**
   * The levels a document from `lower` to `upper` (or back) jumps over: for each level between them,
   * the organisations on the way, any one of which must receive a copy. Empty when they are adjacent
   * or unrelated.
   */
  async skippedLevels(lower: string, upper: string): Promise<string[][]> {
    const levels: string[][] = [];
    let level = [lower];
    const seen = new Set(level);
    for (let distance = 0; distance < 16; distance++) {
      const next = new Set<string>();
      for (const id of level) for (const s of await this.superiors(id)) if (!seen.has(s)) next.add(s);
      if (next.has(upper) || next.size === 0) break;
      const onTheWay: string[] = [];
      for (const id of next) {
        seen.add(id);
        if ((await this.closure(id)).has(upper)) onTheWay.push(id);
      }
      if (onTheWay.length === 0) return [];
      levels.push(onTheWay);
      level = onTheWay;
    }
    return levels;
  }
}
