import { z } from 'zod';
import type { DbOrTrx } from '../../db/database.js';
import type { AuditContext } from '../../platform/audit/index.js';
import type { AppContext } from '../../platform/module.js';
import { securitySettingsActions } from './account.policy.js';
import './identity.audit.js';
import { identityRepository as repo } from './identity.repository.js';

/** The second factors the platform knows: TOTP codes and the SM2 certificate challenge–response. */
export const secondFactorMethods = ['totp', 'sm2'] as const;
export type SecondFactorMethod = (typeof secondFactorMethods)[number];

/**
 * The security policy the 安全管理员 sets. Password rotation (`passwordMaxAgeDays`) is asked by
 * 等保 2.0 level 3 ("定期更换"); OWASP ASVS 4.0 (2.1.10) and NIST SP 800-63B advise against forced
 * rotation because it pushes users to predictable passwords. We follow 等保 by default (90 days) and
 * let the 安全管理员 set 0 to switch rotation off where the assessor accepts ASVS' position.
 */
export const securityPolicySchema = z
  .object({
    passwordMinLength: z.number().int().min(8).max(128).describe('密码最短长度'),
    passwordMinClasses: z.number().int().min(1).max(4).describe('至少包含的字符类别数（小写、大写、数字、符号）'),
    passwordMaxAgeDays: z.number().int().min(0).max(3650).describe('密码有效期（天），0 表示不强制更换'),
    lockoutThreshold: z.number().int().min(1).max(100).describe('连续失败多少次后锁定'),
    lockoutMinutes: z.number().int().min(1).max(1440).describe('锁定时长（分钟）'),
    sessionIdleMinutes: z.number().int().min(1).max(1440).describe('会话空闲超时（分钟）'),
    sessionAbsoluteHours: z.number().int().min(1).max(168).describe('会话绝对超时（小时）'),
    secondFactorRequired: z.boolean().describe('是否要求第二认证因子'),
    secondFactorMethods: z
      .array(z.enum(secondFactorMethods))
      .min(1, '至少选择一种第二认证因子')
      .refine((methods) => new Set(methods).size === methods.length, '认证方式不能重复')
      .describe('可接受的第二认证因子：totp 动态口令，sm2 数字证书（本平台签发的个人签名证书）。登录只询问、绑定只允许这些方式'),
  })
  .meta({ id: 'SecurityPolicy' });

export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

/** The policy as a PUT sets it: a client that omits the accepted methods keeps them as they are. */
export const securityPolicyUpdateSchema = securityPolicySchema
  .partial({ secondFactorMethods: true })
  .meta({ id: 'SecurityPolicyUpdate' });

export type SecurityPolicyUpdate = z.infer<typeof securityPolicyUpdateSchema>;

/** The policy as the API answers it: with what the caller may do to it. */
export const securityPolicyViewSchema = securityPolicySchema
  .extend({ actions: z.array(z.enum(securitySettingsActions)).describe('当前用户可执行的操作') })
  .meta({ id: 'SecurityPolicyView' });

/** Defaults: 等保 level 3 values; the second factor is required only on a production deployment. */
export function defaultSecurityPolicy(env: AppContext['config']['env']): SecurityPolicy {
  return {
    passwordMinLength: 12,
    passwordMinClasses: 3,
    passwordMaxAgeDays: 90,
    lockoutThreshold: 5,
    lockoutMinutes: 30,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    secondFactorRequired: env === 'production',
    secondFactorMethods: ['totp', 'sm2'],
  };
}

const characterClasses = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const;

/** The rules a new password breaks, as Chinese sentences; empty when it is acceptable. */
export function passwordProblems(policy: SecurityPolicy, password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.passwordMinLength) problems.push(`密码至少 ${policy.passwordMinLength} 位`);
  const classes = characterClasses.filter((c) => c.test(password)).length;
  if (classes < policy.passwordMinClasses) {
    problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

/** How long a policy read is trusted; a PUT on this node clears it at once, other nodes within this. */
const cacheMs = 5_000;

export function createSecurityPolicyService(ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'audit'>) {
  const { db, config, clock, audit } = ctx;
  const defaults = defaultSecurityPolicy(config.env);
  let cached: { policy: SecurityPolicy; at: number } | undefined;

  async function load(trx: DbOrTrx = db): Promise<SecurityPolicy> {
    const row = await repo.findPolicy(trx);
    if (!row) return defaults;
    const stored = securityPolicySchema.partial().safeParse(JSON.parse(row.settings));
    return { ...defaults, ...(stored.success ? stored.data : {}) };
  }

  return {
    /** The current policy, from a short in-process cache. */
    async get(): Promise<SecurityPolicy> {
      const now = performance.now();
      if (cached && now - cached.at < cacheMs) return cached.policy;
      const policy = await load();
      cached = { policy, at: now };
      return policy;
    },

    /** Saves the policy and audits what changed, in one transaction. */
    async set(update: SecurityPolicyUpdate, updatedBy: string, who: AuditContext = {}): Promise<SecurityPolicy> {
      await db.transaction().execute(async (trx) => {
        const before = await load(trx);
        const policy: SecurityPolicy = { ...before, ...update };
        await repo.savePolicy(trx, { settings: JSON.stringify(policy), updated_at: clock.now().toISOString(), updated_by: updatedBy });
        const changed = Object.fromEntries(
          Object.entries(policy).filter(([key, value]) => JSON.stringify(before[key as keyof SecurityPolicy]) !== JSON.stringify(value)),
        );
        await audit.append(trx, { ...who, action: 'security.policy_update', object: { type: 'security-policy', id: 'current' }, details: { changed } });
      });
      cached = undefined;
      return load();
    },
  };
}

export type SecurityPolicyService = ReturnType<typeof createSecurityPolicyService>;
