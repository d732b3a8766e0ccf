import type { AppContext, PlatformModule } from '../../platform/module.js';
import { onOrgsRenamed } from '../orgs/index.js';
import { provideServiceDirectory } from '../portal/index.js';
import { followOrgRenames } from './item.index.js';
import { createServiceDirectory } from './directory.js';
import { itemRoutes } from './item.routes.js';
import { createItemService } from './item.service.js';
import { seedServiceItems } from './seed/index.js';
import './services.table.js';

export { servicesErrors } from './services.errors.js';
export type * from './services.table.js';

/** The catalogue's service API, one per application. */
export function serviceItems(ctx: AppContext) {
  return createItemService(ctx);
}

/**
 * Online government services (政务服务). This first part is the item catalogue: each implementing
 * organisation's 政务服务事项 with its 办事指南, shown on the portal's 办事服务 pages. Online
 * applications, 好差评 and 电子监察 come next.
 */
export const servicesModule: PlatformModule = {
  name: 'services',
  // The portal shows, finds and inspects published items through its ServiceDirectory interface.
  hooks: (_app, ctx) => provideServiceDirectory(ctx, createServiceDirectory(ctx)),
  // An organisation's new name reaches its items' search entries and pages.
  connect: (ctx) => {
    onOrgsRenamed(ctx, followOrgRenames(ctx));
  },
  api: async (app, { ctx }) => {
    await app.register(itemRoutes, { items: createItemService(ctx) });
  },
  nav: [{ key: 'services', label: '政务服务事项', icon: 'SolutionOutlined', order: 48, roles: ['officer', 'it_office'] }],
  // Demo items on a development deployment seeded with the demo profile, like the portal's demo content.
  seed: async (ctx, options) => ({ lines: options.profile === 'demo' && ctx.config.env === 'development' ? await seedServiceItems(ctx) : [] }),
};
