import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Vite from 'vite';
import { packageRoot, workbenchDist } from '../server/app.js';

/** Newest modification time under `dir`, skipping build output and dependencies. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the workbench with Vite when dist/workbench is missing or older than its sources. */
export async function ensureWorkbenchBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(workbenchDist, 'index.html');
  const sources = [path.join(packageRoot, 'src', 'workbench'), path.join(packageRoot, 'src', 'shared')];
  if (!existsSync(sources[0]!)) return;
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changedAt = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (builtAt >= changedAt) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    log(builtAt ? '工作台源码已更新，但未安装 Vite，继续使用旧的构建' : '未找到工作台构建，且未安装 Vite：工作台不可用');
    return;
  }
  log(builtAt ? '工作台源码已更新，正在重新构建…' : '首次启动，正在构建工作台…');
  // Always the production bundle, even when a test run asks (vitest sets NODE_ENV=test, which Vite
  // would pass on: React's development build, and antd ids that are all "test-id").
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: path.join(packageRoot, 'src', 'workbench', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
