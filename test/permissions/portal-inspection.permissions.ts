import type { PermissionPart } from './permission-part.js';

/**
 * The portal's inspection routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (stored under `fx.portal.inspection`).
 */
export const portalInspectionPermissions: PermissionPart = {
  routes: {},
  publicRoutes: [],
  fixtures: async () => ({}),
};
