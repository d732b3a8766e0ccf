import type { PermissionPart } from './permission-part.js';

/**
 * The portal's disclosure routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (stored under `fx.portal.disclosure`).
 */
export const portalDisclosurePermissions: PermissionPart = {
  routes: {},
  publicRoutes: [],
  fixtures: async () => ({}),
};
