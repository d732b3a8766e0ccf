import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { NavEntry } from '../../shared/nav.js';
import type { Config } from '../config.js';
import type { Db, Dialect } from '../db/database.js';
import type { Clock } from './clock.js';
import type { FastPath } from './http/fast-path.js';
import type { AuditLog } from './audit/index.js';
import type { JobHandler } from './jobs/index.js';
import type { PlatformKeys } from './keys.js';
import type { SealedColumn } from './sealed-data/index.js';

/** What every module receives at start-up. Modules keep no globals: everything comes from here. */
export interface AppContext {
  readonly config: Readonly<Config>;
  readonly db: Db;
  readonly dialect: Dialect;
  readonly clock: Clock;
  /** The platform's keys (from the key file, never the database). */
  readonly keys: PlatformKeys;
  /** Appends typed audit events in the caller's transaction. */
  readonly audit: AuditLog;
  /** The workbench menu, gathered from every module's `nav`. */
  readonly nav: readonly NavEntry[];
}

export type ModulePlugin = FastifyPluginAsync<{ ctx: AppContext }>;

export interface SeedOptions {
  /** `demo` also writes the published demo accounts and sample content. */
  readonly profile: 'demo' | 'none';
}

export interface SeedReport {
  readonly lines: string[];
}

/**
 * A module as the application composes it: one folder, one Fastify plugin per face.
 * Declared in the module's index.ts and listed once in modules/index.ts.
 */
export interface PlatformModule {
  readonly name: string;
  /**
   * Hands other modules what they declared: an interface (services giving the portal its
   * ServiceDirectory) or a listener (services re-indexing its items when organisations are renamed).
   * Runs once as the app is built, and in command-line tools whose changes other modules follow.
   */
  readonly connect?: (ctx: AppContext) => void;
  /** Runs once as the app is built: adds request hooks (identity filling `request.actor` before routing). */
  readonly hooks?: (app: FastifyInstance, ctx: AppContext) => void;
  /** JSON API, mounted under /api/v1. */
  readonly api?: ModulePlugin;
  /** Server-rendered pages, mounted at the root. */
  readonly pages?: ModulePlugin;
  /**
   * Answers some requests before Fastify sees them (see platform/http/fast-path.ts), e.g. cached
   * public pages. Made after `pages` is registered; unused by `app.inject`, which bypasses the server.
   */
  readonly fastPath?: (ctx: AppContext) => FastPath;
  /** Workbench menu entries. */
  readonly nav?: readonly NavEntry[];
  /** Background job handlers by queue name; queue names start with the module's name. */
  readonly jobs?: (ctx: AppContext) => Readonly<Record<string, JobHandler>>;
  /** Queues the module's recurring jobs when this node runs workers (idempotent: several nodes may call it). */
  readonly schedule?: (ctx: AppContext) => Promise<unknown>;
  /**
   * Columns the module keeps in SM4 envelopes (personal data, secrets), so that key rotation
   * (`hinggan keys reencrypt`) can move them to the current key and rewrite their blind indexes.
   */
  readonly sealedColumns?: readonly SealedColumn[];
  /** Writes the module's seed when the database is empty; must be idempotent. */
  readonly seed?: (ctx: AppContext, options: SeedOptions) => Promise<SeedReport | void>;
}
