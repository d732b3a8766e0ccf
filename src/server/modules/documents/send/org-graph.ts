/** The sending side reads the registry through the module's one organisation graph. */
export { OrgGraph, isDivision, type OrgNode } from '../org-graph.js';
