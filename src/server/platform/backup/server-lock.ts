import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** `<dataDir>/server.lock`: written by a running server, so restore can tell it must not proceed. */
export const serverLockFile = (dataDir: string) => path.join(dataDir, 'server.lock');

export interface ServerLock {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/**
 * Records that a server runs on this data directory; returns the release function (call it on
 * stop). A lock left by a crashed server is simply overwritten. Several servers may share a data
 * directory only on PostgreSQL; the last one's lock then stands for all of them.
 */
export function holdServerLock(dataDir: string): () => void {
  const file = serverLockFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock: ServerLock = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(lock)}\n`);
  return () => {
    const current = readServerLock(dataDir);
    if (current?.pid === lock.pid && current.host === lock.host) rmSync(file, { force: true });
  };
}

export function readServerLock(dataDir: string): ServerLock | undefined {
  const file = serverLockFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ServerLock;
  } catch {
    return { pid: 0, host: '?', startedAt: '?' };
  }
}

/**
 * The lock of a server that still runs, or undefined. A lock from this host whose process is gone
 * is stale; a lock from another host cannot be checked and counts as running.
 */
export function liveServerLock(dataDir: string): ServerLock | undefined {
  const lock = readServerLock(dataDir);
  if (!lock) return undefined;
  if (lock.host !== hostname()) return lock;
  if (lock.pid === process.pid) return undefined;
  try {
    process.kill(lock.pid, 0);
    return lock;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? lock : undefined;
  }
}
