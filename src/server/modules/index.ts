import type { PlatformModule } from '../platform/module.js';
import { documentsModule } from './documents/index.js';
import { identityModule } from './identity/index.js';
import { orgsModule } from './orgs/index.js';
import { pkiModule } from './pki/index.js';
import { portalModule } from './portal/index.js';
import { servicesModule } from './services/index.js';

/** Every module, in seed order: a module's seed may use the modules listed before it. */
export const modules: readonly PlatformModule[] = [orgsModule, identityModule, portalModule, servicesModule, pkiModule, documentsModule];
