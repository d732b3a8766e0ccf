import { inspectionFactory } from '../../src/server/modules/portal/inspection/inspection.testing.js';
import { partObject, type PermissionPart } from './permission-part.js';

const siteParam = (call: Parameters<typeof partObject>[0]) => ({ siteId: partObject(call, 'inspection', 'site').id });

/**
 * The portal's inspection routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (`fx.parts.inspection.site`: a site owned by each organisation).
 */
export const portalInspectionPermissions: PermissionPart = {
  routes: {
    // The overview lists only the sites the caller's grant covers (the other organisation's is never in it).
    'GET /api/v1/portal/inspection/sites': { allow: ['editor', 'reviewer', 'it_office'], scope: 'any' },
    'GET /api/v1/portal/inspection/sites/:siteId': { allow: ['editor', 'reviewer', 'it_office'], scope: 'org', params: siteParam },
    'POST /api/v1/portal/inspection/sites/:siteId/run': { allow: ['editor', 'it_office'], scope: 'org', params: siteParam },
  },
  publicRoutes: [],
  fixtures: async ({ database, orgs }) => {
    const at = new Date().toISOString();
    const site = async (target: 'own' | 'other') => ({
      id: await inspectionFactory.site(database.db, { orgId: orgs[target].id, code: `mxinsp${target}`, at }),
      name: `自查测试网站mxinsp${target}`,
    });
    return { site: { own: await site('own'), other: await site('other') } };
  },
  otherMarkers: (parts) => [String(parts.site?.other.name)],
};
