import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import './platform/http/zod-locale.js';

/**
 * Every setting the platform reads, with its environment variable. The same keys (camelCase) may be
 * given in a JSON file named by HINGGAN_CONFIG_FILE; the environment wins over the file.
 * The README's configuration table is this list.
 */
export const settings = {
  env: { variable: 'HINGGAN_ENV', description: '运行环境：development（默认）、production 或 test' },
  databaseUrl: { variable: 'DATABASE_URL', description: 'PostgreSQL 连接串；不设置时使用内嵌 SQLite' },
  dataDir: { variable: 'HINGGAN_DATA_DIR', description: '数据目录（SQLite 文件、文件库），默认 ./data' },
  host: { variable: 'HINGGAN_HOST', description: '监听地址，默认 127.0.0.1' },
  port: { variable: 'HINGGAN_PORT', description: '监听端口，默认 3000；0 表示任选空闲端口' },
  publicUrl: { variable: 'HINGGAN_PUBLIC_URL', description: '对外访问地址，用于打印和生成链接' },
  logLevel: { variable: 'HINGGAN_LOG_LEVEL', description: '日志级别：fatal、error、warn、info（默认）、debug、trace、silent' },
  bodyLimitKb: { variable: 'HINGGAN_BODY_LIMIT_KB', description: 'JSON 请求体上限（KB），默认 1024' },
  uploadLimitMb: { variable: 'HINGGAN_UPLOAD_LIMIT_MB', description: '单个上传文件上限（MB），默认 50' },
  seed: { variable: 'HINGGAN_SEED', description: '首次启动时写入的种子：demo（默认，含演示账号）或 none' },
  workers: { variable: 'HINGGAN_WORKERS', description: '进程内后台任务的并发数，默认 2；0 表示不运行任务' },
  keyFile: {
    variable: 'HINGGAN_KEY_FILE',
    description: '平台密钥文件（SM2 签名密钥、SM4 数据密钥）；默认 <数据目录>/keys/platform-keys.json，开发环境首次启动时生成，生产环境必须提供',
  },
  configFile: { variable: 'HINGGAN_CONFIG_FILE', description: '可选的 JSON 配置文件路径（键名同本表左列）' },
  backupDir: { variable: 'HINGGAN_BACKUP_DIR', description: '备份目录，默认 <数据目录>/backups' },
  backupKeep: { variable: 'HINGGAN_BACKUP_KEEP', description: '保留的备份份数（本地和异地各自保留），默认 7' },
  backupOffsiteDir: { variable: 'HINGGAN_BACKUP_OFFSITE_DIR', description: '异地备份目录（另一块盘或挂载的异地存储）；每份备份复制到此并校验' },
  backupEveryHours: { variable: 'HINGGAN_BACKUP_EVERY_HOURS', description: '定时备份间隔（小时），默认 24；0 表示不定时备份' },
  auditRetentionDays: { variable: 'HINGGAN_AUDIT_RETENTION_DAYS', description: '审计日志保留天数，默认 180，不得少于 180' },
  auditCheckpointEvery: { variable: 'HINGGAN_AUDIT_CHECKPOINT_EVERY', description: '每多少条审计记录签一个 SM2 检查点，默认 1000（另外至少每小时一个）' },
  rateLimitSignIn: { variable: 'HINGGAN_RATE_LIMIT_SIGN_IN', description: '每个客户端地址每分钟最多的登录请求数，默认 60' },
  auditSinkFile: { variable: 'HINGGAN_AUDIT_SINK_FILE', description: '可选：审计记录另存的 JSON Lines 文件（宜在另一磁盘或挂载的远程存储上）' },
  auditSinkSyslog: { variable: 'HINGGAN_AUDIT_SINK_SYSLOG', description: '可选：审计记录发往的远程 syslog（RFC 5424），tcp://主机:端口 或 udp://主机:端口' },
} as const;

export type SettingName = keyof typeof settings;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const configSchema = z
  .object({
    env: z.enum(['development', 'production', 'test']).default('development'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, '须以 postgres:// 或 postgresql:// 开头')
      .optional(),
    dataDir: z.string().min(1).default('./data'),
    host: z.string().min(1).default('127.0.0.1'),
    port: port.default(3000),
    publicUrl: z.url().optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    bodyLimitKb: positiveInt.default(1024),
    uploadLimitMb: positiveInt.default(50),
    seed: z.enum(['demo', 'none']).default('demo'),
    workers: z.coerce.number().int().min(0).max(32).default(2),
    keyFile: z.string().min(1).optional(),
    configFile: z.string().optional(),
    backupDir: z.string().min(1).optional(),
    backupKeep: positiveInt.default(7),
    backupOffsiteDir: z.string().min(1).optional(),
    backupEveryHours: z.coerce.number().int().min(0).max(8760).default(24),
    auditRetentionDays: z.coerce.number().int().min(180, '不得少于 180 天').default(180),
    auditCheckpointEvery: positiveInt.default(1000),
    rateLimitSignIn: positiveInt.default(60),
    auditSinkFile: z.string().min(1).optional(),
    auditSinkSyslog: z
      .string()
      .regex(/^(tcp|udp):\/\/(\[[0-9a-fA-F:.]+\]|[^:/\s]+):\d{1,5}$/, '须为 tcp://主机:端口 或 udp://主机:端口')
      .optional(),
  })
  .strict();

type ParsedConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<ParsedConfig, 'dataDir' | 'keyFile'> {
  /** Absolute path of the data directory. */
  readonly dataDir: string;
  /** Absolute path of the platform key file. */
  readonly keyFile: string;
  readonly dialect: 'sqlite' | 'postgres';
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const byVariable = new Map<string, SettingName>(
  Object.entries(settings).map(([name, s]) => [s.variable, name as SettingName]),
);

/**
 * Reads the configuration once from the environment (and the optional JSON file) into a frozen object.
 * Unknown HINGGAN_* variables, unknown file keys and invalid values throw a ConfigError naming the setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Readonly<Config> {
  const fromEnv: Record<string, string> = {};
  for (const [variable, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const name = byVariable.get(variable);
    if (name) fromEnv[name] = value;
    else if (variable.startsWith('HINGGAN_')) {
      throw new ConfigError(`未知的配置项 ${variable}（可用：${[...byVariable.keys()].join('、')}）`);
    }
  }

  let fromFile: Record<string, unknown> = {};
  if (fromEnv.configFile) {
    const file = path.resolve(cwd, fromEnv.configFile);
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`无法读取配置文件 HINGGAN_CONFIG_FILE=${file}：${(error as Error).message}`);
    }
    if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
      throw new ConfigError(`配置文件 ${file} 须是一个 JSON 对象`);
    }
  }

  const result = configSchema.safeParse({ ...fromFile, ...fromEnv });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      if (issue.code === 'unrecognized_keys') {
        return `未知的配置项 ${issue.keys.join('、')}`;
      }
      const variable = settings[key as SettingName]?.variable ?? key;
      return `配置项 ${variable} 无效：${issue.message}`;
    });
    throw new ConfigError(problems.join('；'));
  }

  const parsed = result.data;
  return Object.freeze({
    ...parsed,
    dataDir: path.resolve(cwd, parsed.dataDir),
    keyFile: parsed.keyFile
      ? path.resolve(cwd, parsed.keyFile)
      : path.join(path.resolve(cwd, parsed.dataDir), 'keys', 'platform-keys.json'),
    dialect: parsed.databaseUrl ? 'postgres' : 'sqlite',
  });
}

/** Database URL with the password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
