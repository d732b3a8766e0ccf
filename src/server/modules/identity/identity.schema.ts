import { z } from 'zod';
import { sessionActions } from './account.policy.js';
import { secondFactorMethods } from './security-policy.js';

export const signInBodySchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const navEntrySchema = z.object({ key: z.string(), label: z.string(), icon: z.string(), order: z.number() });

export const sessionInfoSchema = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), isDemo: z.boolean() }),
    org: z.object({
      id: z.string(),
      ref: z.string(),
      kind: z.string(),
      nameZh: z.string(),
      nameMn: z.string().nullable(),
      path: z.array(z.object({ id: z.string(), nameZh: z.string() })).describe('从根到本单位的上级路径'),
    }),
    roles: z.array(z.object({ role: z.string(), label: z.string(), orgId: z.string(), orgName: z.string(), scope: z.enum(['org', 'subtree']) })),
    nav: z.array(navEntrySchema),
    demo: z.boolean().describe('本部署是否为演示部署'),
  })
  .meta({ id: 'SessionInfo' });

export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const signInChallengeSchema = z
  .object({
    stage: z
      .enum(['second_factor', 'change_password', 'enrol_second_factor'])
      .describe('尚需完成的登录步骤：第二因子、修改初始或过期密码、绑定第二因子'),
    challengeId: z.string().describe('本步骤的一次性凭据，5 分钟内有效'),
    methods: z
      .array(z.enum(secondFactorMethods))
      .describe('stage 为 second_factor 时：用户可用的第二因子；为 enrol_second_factor 时：安全策略允许绑定的方式'),
    nonce: z
      .string()
      .optional()
      .describe('methods 含 sm2 时：待用证书私钥签名的一次性挑战值（256 位，base64url），随本步骤失效；签名内容见 POST /session/certificate'),
    username: z.string().optional().describe('methods 含 sm2 时：签名内容中的用户名'),
  })
  .meta({ id: 'SignInChallenge' });

/** A full session (with its cookie), or the next step of a staged sign-in (no cookie yet). */
export const signInResultSchema = z.union([sessionInfoSchema, signInChallengeSchema]).meta({ id: 'SignInResult' });

const code = z.string().trim().regex(/^\d{6}$/, '请输入 6 位动态口令');
const challengeId = z.string().min(1).max(128);

export const secondFactorBodySchema = z.object({ challengeId, code });
export const challengePasswordBodySchema = z.object({ challengeId, newPassword: z.string().min(1, '请输入新密码').max(256) });
export const challengeBodySchema = z.object({ challengeId });
export const totpCodeBodySchema = z.object({ code });

export const totpEnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32 密钥，供无法扫码时手工输入'),
    uri: z.string().describe('otpauth:// URI'),
    qrCode: z.string().describe('二维码，SVG data: URL'),
  })
  .meta({ id: 'TotpEnrolment' });

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const changePasswordResultSchema = z.object({ endedSessions: z.number().int().describe('结束的其他会话数') });

export const accountSessionSchema = z
  .object({
    id: z.string(),
    current: z.boolean().describe('是否为发出本请求的会话'),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    actions: z.array(z.enum(sessionActions)).describe('当前用户可对该会话执行的操作'),
  })
  .meta({ id: 'AccountSession' });

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });
