import type { PermissionPart } from './permission-part.js';
import { portalDisclosurePermissions } from './portal-disclosure.permissions.js';
import { portalInspectionPermissions } from './portal-inspection.permissions.js';
import { portalInteractionPermissions } from './portal-interaction.permissions.js';
import { portalPublishingPermissions } from './portal-publishing.permissions.js';
import { servicesPermissions } from './services.permissions.js';

/** The parts of the permission table kept in their own files, by name (`fx.parts[name]`). */
export const permissionParts: Readonly<Record<string, PermissionPart>> = {
  publishing: portalPublishingPermissions,
  disclosure: portalDisclosurePermissions,
  interaction: portalInteractionPermissions,
  inspection: portalInspectionPermissions,
  services: servicesPermissions,
};
