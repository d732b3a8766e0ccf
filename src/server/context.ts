import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { createAuditLog } from './platform/audit/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { loadPlatformKeys, type PlatformKeys } from './platform/keys.js';
import type { AppContext } from './platform/module.js';
import type { NavEntry } from '../shared/nav.js';

export interface ContextOptions {
  readonly config: Readonly<Config>;
  readonly database: DatabaseHandle;
  readonly clock?: Clock;
  /** Defaults to the key file the configuration names. */
  readonly keys?: PlatformKeys;
  readonly nav?: readonly NavEntry[];
}

/** The one place an AppContext is made: the app, the seeds and the CLI share it. */
export function createAppContext(options: ContextOptions): AppContext {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const keys = options.keys ?? loadPlatformKeys(config);
  return {
    config,
    db: database.db,
    dialect: database.dialect,
    clock,
    keys,
    audit: createAuditLog({ signing: keys.signing, clock, checkpointEvery: config.auditCheckpointEvery }),
    nav: options.nav ?? [],
  };
}
