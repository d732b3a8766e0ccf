import type { Org, OrgService } from '../../orgs/index.js';

/** An organisation with its materialised path (what policies judge). */
export interface OrgNode extends Org {
  readonly path: string;
}

/**
 * The 办公室 that handles an organisation's papers: an internal office child whose name ends in
 * 办公室 — the same rule the sending side uses for `issuer_office` steps.
 */
const isGeneralOffice = (org: Org) => org.kind === 'office' && org.nameZh.endsWith('办公室');

/**
 * Organisation lookups for one request, memoised: nodes with paths, an organisation's 办公室, and the
 * organisation an office serves. The receiving side reaches orgs only through the orgs service.
 */
export class OrgLookup {
  readonly #orgs: OrgService;
  readonly #nodes = new Map<string, Promise<OrgNode | undefined>>();
  readonly #offices = new Map<string, Promise<OrgNode | undefined>>();

  constructor(orgs: OrgService) {
    this.#orgs = orgs;
  }

  /** One organisation by id, or undefined. */
  node(id: string): Promise<OrgNode | undefined> {
    let node = this.#nodes.get(id);
    if (!node) {
      node = (async () => {
        const org = await this.#orgs.find(id);
        if (!org || org.id !== id) return undefined;
        return { ...org, path: (await this.#orgs.pathsOf([id])).get(id)! };
      })();
      this.#nodes.set(id, node);
    }
    return node;
  }

  /** Several organisations by id; ids that name none are missing from the map. */
  async nodes(ids: readonly string[]): Promise<Map<string, OrgNode>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.node(id)));
    return new Map(found.filter((n): n is OrgNode => n !== undefined).map((n) => [n.id, n]));
  }

  /** The organisation's 办公室, if it has one. */
  officeOf(id: string): Promise<OrgNode | undefined> {
    let office = this.#offices.get(id);
    if (!office) {
      office = (async () => {
        const children = await this.#orgs.list({ parentId: id, kinds: ['office'], page: 1, pageSize: 500 });
        const found = children.items.find(isGeneralOffice);
        return found ? this.node(found.id) : undefined;
      })();
      this.#offices.set(id, office);
    }
    return office;
  }

  /** The organisation an office handles papers for (its parent), when `id` is such an office. */
  async servedBy(id: string): Promise<OrgNode | undefined> {
    const node = await this.node(id);
    if (!node || !isGeneralOffice(node) || !node.parentId) return undefined;
    return this.node(node.parentId);
  }
}
