import type { Db, DbOrTrx } from '../../../db/database.js';
import type { AuditContext, AuditLog } from '../../../platform/audit/index.js';
import type { Actor } from '../../../platform/actor.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { createFileStore, type FileStore } from '../../../platform/files/index.js';
import type { AppContext } from '../../../platform/module.js';
import type { PlatformKeys } from '../../../platform/keys.js';
import { searchOfDialect, type Search } from '../../../platform/search/index.js';
import { createOrgService, type OrgService } from '../../orgs/index.js';
import { portalEvents } from '../portal-events.js';

/** What the disclosure services need, made once per application from its context. */
export interface DisclosureDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly keys: PlatformKeys;
  readonly orgs: OrgService;
  readonly files: FileStore;
  readonly search: () => Search;
  /** Tells the public site which pages changed (after the transaction commits). */
  readonly siteChanged: (change: { siteId: string; paths?: readonly string[] }) => void;
}

/** Who acts and the audit context of the request. */
export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}

/** The platform search on the database's dialect (one engine per dialect and process). */
export const searchOf = (db: DbOrTrx): Search => searchOfDialect(db);

const depsByApp = new WeakMap<AppContext, DisclosureDeps>();

export function disclosureDeps(ctx: AppContext): DisclosureDeps {
  let deps = depsByApp.get(ctx);
  if (!deps) {
    deps = {
      db: ctx.db,
      clock: ctx.clock,
      audit: ctx.audit,
      keys: ctx.keys,
      orgs: createOrgService(ctx),
      files: createFileStore(ctx.config, ctx.clock),
      search: () => searchOf(ctx.db),
      siteChanged: (change) => portalEvents(ctx).siteChanged(change),
    };
    depsByApp.set(ctx, deps);
  }
  return deps;
}

/** Today in Hinggan (Asia/Shanghai). */
export const todayOf = (clock: Clock): string => toBusinessDate(clock.now());
