import { AppError } from '../../platform/errors/app-error.js';
import { isDivisionKind, type OrgKind } from '../../../shared/orgs.js';
import { isGeneralOffice, type Org, type OrgService } from '../orgs/index.js';

/** An organisation with its materialised path (what policies judge). */
export interface OrgNode extends Org {
  readonly path: string;
}

/** Whether the kind is an administrative division (a level of government), not a body or department. */
export const isDivision = (kind: OrgKind): boolean => isDivisionKind(kind);

/** The 办公室 that handles an organisation's papers (the orgs module's rule), re-exported for the documents area. */
export { isGeneralOffice };

/**
 * Keys asked for in one turn of the event loop, loaded by one query (as DataLoader does): the lookups a
 * request makes side by side (`Promise.all`, or several rows' scopes) cost one round trip together.
 */
class Batcher<V> {
  #pending: Map<string, { resolve: (v: V) => void; reject: (e: unknown) => void }[]> | undefined;
  readonly #load: (keys: string[]) => Promise<Map<string, V>>;
  readonly #missing: V;

  constructor(load: (keys: string[]) => Promise<Map<string, V>>, missing: V) {
    this.#load = load;
    this.#missing = missing;
  }

  get(key: string): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (!this.#pending) {
        const pending = (this.#pending = new Map());
        // After the promise jobs queued so far, like DataLoader: callers chained on resolved promises join.
        void Promise.resolve().then(() => process.nextTick(() => this.#flush(pending)));
      }
      const waiting = this.#pending.get(key) ?? [];
      waiting.push({ resolve, reject });
      this.#pending.set(key, waiting);
    });
  }

  #flush(pending: Map<string, { resolve: (v: V) => void; reject: (e: unknown) => void }[]>): void {
    this.#pending = undefined;
    this.#load([...pending.keys()]).then(
      (values) => {
        for (const [key, waiting] of pending) for (const w of waiting) w.resolve(values.has(key) ? values.get(key)! : this.#missing);
      },
      (error: unknown) => {
        for (const waiting of pending.values()) for (const w of waiting) w.reject(error);
      },
    );
  }
}

/**
 * The organisation registry as the documents module reads it, for one request: nodes with paths, an
 * organisation's 办公室 and the organisation an office serves (inbox scopes, the receiving side), and
 * 隶属关系 (who is whose superior, for the 行文 rules of the sending side). Lookups are memoised for the
 * life of the graph, and those asked for together are batched: one query for the nodes, one for the
 * children, whatever the number of ids. The registry is reached only through the orgs service.
 *
 * The superiors of an organisation are:
 * - a department or internal unit: its parent; a department of a leading body also answers to the
 *   department of the same short name one level up (业务主管部门, e.g. 科右中旗教育局 → 兴安盟教育局);
 * - a leading body (旗政府, 行署): the leading bodies of the division above its own;
 * - a division acting for itself (a town, a gacha): the leading bodies of the division above it.
 * A division without leading bodies in the registry (the region) stands for itself.
 */
export class OrgGraph {
  readonly #nodes = new Map<string, Promise<OrgNode | undefined>>();
  readonly #children = new Map<string, Promise<OrgNode[]>>();
  readonly #superiors = new Map<string, Promise<string[]>>();
  readonly #closures = new Map<string, Promise<Set<string>>>();
  readonly #nodeBatch: Batcher<OrgNode | undefined>;
  readonly #childBatch: Batcher<OrgNode[]>;
  #frozen = false;

  constructor(orgs: OrgService) {
    this.#nodeBatch = new Batcher(async (ids) => new Map((await orgs.withPaths(ids)).map((o) => [o.id, o])), undefined);
    this.#childBatch = new Batcher(async (parentIds) => {
      const byParent = new Map<string, OrgNode[]>(parentIds.map((id) => [id, []]));
      for (const child of await orgs.childrenWithPaths(parentIds)) {
        byParent.get(child.parentId!)?.push(child);
        // A child read here is a node too: an office found through its parent needs no second query.
        if (!this.#nodes.has(child.id)) this.#nodes.set(child.id, Promise.resolve(child));
      }
      return byParent;
    }, []);
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
    return this.#lookup(this.#nodes, id, () => this.#nodeBatch.get(id));
  }

  /** Several organisations by id (one query for those not loaded yet); the map lacks the ids that name none. */
  async nodes(ids: readonly string[]): Promise<Map<string, OrgNode>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.node(id)));
    return new Map(found.filter((n): n is OrgNode => n !== undefined).map((n) => [n.id, n]));
  }

  /** The children of an organisation, every kind, in tree order. */
  childrenOf(id: string): Promise<OrgNode[]> {
    return this.#lookup(this.#children, id, () => this.#childBatch.get(id));
  }

  /** The 办公室 that handles an organisation's papers, if it has one. */
  async officeOf(id: string): Promise<OrgNode | undefined> {
    return (await this.childrenOf(id)).find(isGeneralOffice);
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
    const bodies = (await this.childrenOf(division.id)).filter((c) => c.kind === 'leading_body');
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
        const bodies = (await this.childrenOf(above.id)).filter((c) => c.kind === 'leading_body');
        const departments = await Promise.all(bodies.map((body) => this.childrenOf(body.id)));
        for (const children of departments) {
          const peer = children.find((c) => c.kind === 'department' && c.shortName === node.shortName);
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
        const fresh = level.filter((s) => !all.has(s));
        for (const s of fresh) all.add(s);
        level = (await Promise.all(fresh.map((s) => this.superiors(s)))).flat();
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
      for (const superiors of await Promise.all(level.map((id) => this.superiors(id)))) for (const s of superiors) if (!seen.has(s)) next.add(s);
      if (next.has(upper) || next.size === 0) break;
      const candidates = [...next];
      for (const id of candidates) seen.add(id);
      const closures = await Promise.all(candidates.map((id) => this.closure(id)));
      const onTheWay = candidates.filter((_, i) => closures[i]!.has(upper));
      if (onTheWay.length === 0) return [];
      levels.push(onTheWay);
      level = onTheWay;
    }
    return levels;
  }
}
