import { countyLevelKinds, type OrgKind } from '../../../shared/orgs.js';
import type { Org, OrgService } from '../orgs/index.js';

/** An organisation as the portal shows it: the Chinese name and, where the registry has it, the Mongolian. */
export interface PortalOrg {
  readonly id: string;
  readonly nameZh: string;
  readonly nameMn: string | null;
}

export interface DepartmentGroup {
  /** The leading body (盟委, 行署 …) the departments answer to. */
  readonly body: PortalOrg;
  readonly departments: readonly PortalOrg[];
}

export interface HomeData {
  readonly root: PortalOrg | undefined;
  readonly counties: readonly PortalOrg[];
  readonly departmentGroups: readonly DepartmentGroup[];
}

const toPortalOrg = (o: Org): PortalOrg => ({ id: o.id, nameZh: o.nameZh, nameMn: o.nameMn });

/**
 * What the home page lists, read from the organisation registry in one query: the county-level
 * divisions directly under the root, and the departments under the root's leading bodies, in
 * registry order. An empty registry gives empty lists, not an error.
 */
export async function loadHomeData(orgs: OrgService, rootCode: string): Promise<HomeData> {
  const root = await orgs.find(rootCode);
  if (!root) return { root: undefined, counties: [], departmentGroups: [] };
  const kinds: OrgKind[] = [...countyLevelKinds, 'leading_body', 'department'];
  const below = await orgs.descendants(root.id, kinds, 2);
  const counties = below.filter((o) => o.parentId === root.id && countyLevelKinds.includes(o.kind));
  const bodies = below.filter((o) => o.parentId === root.id && o.kind === 'leading_body');
  const departmentGroups = bodies
    .map((body) => ({
      body: toPortalOrg(body),
      departments: below.filter((o) => o.kind === 'department' && o.parentId === body.id).map(toPortalOrg),
    }))
    .filter((group) => group.departments.length > 0);
  return { root: toPortalOrg(root), counties: counties.map(toPortalOrg), departmentGroups };
}
