/**
 * The receiving side reads the registry through the module's one organisation graph (`../org-graph.ts`),
 * under the name its code has always used.
 */
export { OrgGraph as OrgLookup, type OrgNode } from '../org-graph.js';
