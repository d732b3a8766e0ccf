import type { Trx } from '../../db/database.js';
import type { AppContext } from '../../platform/module.js';

/** An organisation whose Chinese name an import changed. */
export interface RenamedOrg {
  readonly id: string;
  readonly path: string;
  readonly nameZh: string;
}

/**
 * What another module does when organisations are renamed: modules that keep a name in data of
 * their own (the service catalogue's search entries) bring it up to date in the import's
 * transaction, so the rename and its consequences commit together; `committed` runs after the
 * commit (dropping cached pages that show the old name).
 */
export interface OrgRenameListener {
  readonly inTransaction?: (trx: Trx, renamed: readonly RenamedOrg[]) => Promise<void>;
  readonly committed?: (renamed: readonly RenamedOrg[]) => Promise<void>;
}

/** Keyed by the database handle, as the portal's change feed: a context copied with another clock shares it. */
const listenersByDb = new WeakMap<object, Set<OrgRenameListener>>();

const listenersOf = (ctx: Pick<AppContext, 'db'>): Set<OrgRenameListener> => {
  let listeners = listenersByDb.get(ctx.db);
  if (!listeners) listenersByDb.set(ctx.db, (listeners = new Set()));
  return listeners;
};

/** Registers a module's listener (from its `connect`); returns its removal. */
export function onOrgsRenamed(ctx: Pick<AppContext, 'db'>, listener: OrgRenameListener): () => void {
  const listeners = listenersOf(ctx);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The import's side: each listener's work in its transaction, then what runs once it has committed. */
export const orgRenames = (ctx: Pick<AppContext, 'db'>) => ({
  async inTransaction(trx: Trx, renamed: readonly RenamedOrg[]): Promise<void> {
    if (!renamed.length) return;
    for (const listener of listenersOf(ctx)) await listener.inTransaction?.(trx, renamed);
  },
  async committed(renamed: readonly RenamedOrg[]): Promise<void> {
    if (!renamed.length) return;
    for (const listener of listenersOf(ctx)) await listener.committed?.(renamed);
  },
});
