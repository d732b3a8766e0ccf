import type { PermissionPart } from './permission-part.js';

/**
 * The portal's interaction routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (stored under `fx.portal.interaction`).
 */
export const portalInteractionPermissions: PermissionPart = {
  routes: {},
  publicRoutes: [],
  fixtures: async () => ({}),
};
