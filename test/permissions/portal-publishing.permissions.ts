import type { PermissionPart } from './permission-part.js';

/**
 * The portal's publishing routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (stored under `fx.portal.publishing`).
 */
export const portalPublishingPermissions: PermissionPart = {
  routes: {},
  publicRoutes: [],
  fixtures: async () => ({}),
};
