import { spawn } from 'node:child_process';
import { redactUrl } from '../../config.js';
import { AppError } from '../errors/app-error.js';

type Tool = 'pg_dump' | 'pg_restore';

const missingMessage = (tools: string) =>
  `找不到 PostgreSQL 客户端工具 ${tools}：请在本机安装与数据库服务器同一主版本（或更新）的 postgresql-client` +
  '（Debian/Ubuntu：apt-get install postgresql-client-15），并确保其在 PATH 中';

/**
 * A libpq keyword/value connection string for a DATABASE_URL, read the way the pg driver reads it
 * (`+` in the query is a space, so `?options=-c+search_path=x` works for both). The password is
 * returned apart, for PGPASSWORD, so it does not show in the process list.
 */
export function conninfoOf(databaseUrl: string): { conninfo: string; password: string | undefined } {
  const url = new URL(databaseUrl);
  const quote = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const parts: [string, string][] = [];
  if (url.hostname) parts.push(['host', decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1'))]);
  if (url.port) parts.push(['port', url.port]);
  if (url.username) parts.push(['user', decodeURIComponent(url.username)]);
  if (url.pathname.length > 1) parts.push(['dbname', decodeURIComponent(url.pathname.slice(1))]);
  for (const [key, value] of url.searchParams) {
    if (key === 'ssl') {
      if (value !== 'false' && value !== '0' && !url.searchParams.has('sslmode')) parts.push(['sslmode', 'require']);
    } else parts.push([key, value]);
  }
  return {
    conninfo: parts.map(([key, value]) => `${key}=${quote(value)}`).join(' '),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** Runs pg_dump or pg_restore against a database URL; stderr becomes the error message on failure. */
export async function runPgTool(tool: Tool, databaseUrl: string, args: readonly string[]): Promise<void> {
  const { conninfo, password } = conninfoOf(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const child = spawn(tool, [...args, '--dbname', conninfo], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 8000) stderr += chunk;
  });
  const outcome = await new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  if (outcome.error?.code === 'ENOENT') {
    throw new AppError('backup.tool_missing', { message: missingMessage(tool), details: { tool } });
  }
  if (outcome.error) throw outcome.error;
  if (outcome.code !== 0) {
    const code = tool === 'pg_dump' ? 'backup.failed' : 'backup.restore_failed';
    const text = stderr.trim().replaceAll(databaseUrl, redactUrl(databaseUrl));
    throw new AppError(code, { message: `${tool} 失败（退出码 ${outcome.code}）：${text}`, details: { tool, stderr: text } });
  }
}

/** Fails early, before anything is written, when the client tools are not installed. */
export async function requirePgTools(tools: readonly Tool[]): Promise<void> {
  const missing: Tool[] = [];
  for (const tool of tools) {
    const found = await new Promise<boolean>((resolve) => {
      const child = spawn(tool, ['--version'], { stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('close', (code) => resolve(code === 0));
    });
    if (!found) missing.push(tool);
  }
  if (missing.length) throw new AppError('backup.tool_missing', { message: missingMessage(missing.join('、')), details: { missing } });
}

/** A schema name quoted for pg_dump's -n pattern and for SQL. */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
