import type { AppContext, PlatformModule } from '../platform/module.js';
import { documentsModule } from './documents/index.js';
import { identityModule } from './identity/index.js';
import { orgsModule } from './orgs/index.js';
import { pkiModule } from './pki/index.js';
import { portalModule } from './portal/index.js';
import { servicesModule } from './services/index.js';

/** Every module, in seed order: a module's seed may use the modules listed before it. */
export const modules: readonly PlatformModule[] = [orgsModule, identityModule, portalModule, servicesModule, pkiModule, documentsModule];

const connected = new WeakMap<object, Set<string>>();

/**
 * Runs each module's `connect` once per database handle (an app built twice over one database, as
 * tests do, registers its listeners once).
 */
export function connectModules(list: readonly PlatformModule[], ctx: AppContext): void {
  let done = connected.get(ctx.db);
  if (!done) connected.set(ctx.db, (done = new Set()));
  for (const module of list) {
    if (!module.connect || done.has(module.name)) continue;
    done.add(module.name);
    module.connect(ctx);
  }
}
