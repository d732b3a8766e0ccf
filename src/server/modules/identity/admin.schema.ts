import { z } from 'zod';
import { isValidIdNumber } from '../../../shared/identifiers.js';
import { roles, type Role } from '../../../shared/roles.js';
import { canonicalIdNumber, canonicalPhone, phonePattern } from './personal-data.js';
import { userActions } from './user.policy.js';

const roleSchema = z.enum(Object.keys(roles) as [Role, ...Role[]]).describe('角色');
const scopeSchema = z.enum(['org', 'subtree']).describe('org：仅本单位；subtree：本单位及下级');

export const adminUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    status: z.enum(['active', 'disabled']),
    isDemo: z.boolean(),
    mustChangePassword: z.boolean().describe('下次登录须修改密码'),
    secondFactors: z.array(z.enum(['totp', 'sm2'])).describe('已绑定的第二因子：totp 动态口令，sm2 数字证书'),
    idNumberMasked: z.string().nullable().describe('身份证号（脱敏）'),
    phoneMasked: z.string().nullable().describe('手机号（脱敏）'),
    roles: z.array(z.object({ role: z.string(), orgId: z.string(), orgName: z.string(), scope: scopeSchema })),
    createdAt: z.string(),
    actions: z.array(z.enum(userActions)).describe('当前管理员可对该账号执行的操作'),
  })
  .meta({ id: 'AdminUser' });

export const adminUserListSchema = z
  .object({ items: z.array(adminUserSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AdminUserList' });

export const adminUserListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().describe('用户名或姓名包含的文字；完整的身份证号或手机号按密文索引精确查找'),
  orgId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Personal data as entered (full-width digits and spaces allowed); stored SM4-encrypted. Empty clears. */
const idNumberSchema = z
  .string()
  .max(32)
  .refine((v) => v === '' || isValidIdNumber(canonicalIdNumber(v)), '身份证号不正确（18 位，末位校验码）')
  .nullable()
  .describe('公民身份号码（GB 11643），加密存储；空串或 null 清除');
const phoneSchema = z
  .string()
  .max(32)
  .refine((v) => v === '' || phonePattern.test(canonicalPhone(v)), '手机号应为 11 位数字，以 1 开头')
  .nullable()
  .describe('手机号，加密存储；空串或 null 清除');

export const createUserBodySchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, '用户名为 2–64 位小写字母、数字、点、下划线或连字符'),
  displayName: z.string().trim().min(1, '请输入姓名').max(64),
  orgId: z.string().min(1, '请选择单位').max(64).describe('单位 id、引用或区划代码'),
  password: z.string().min(1, '请输入初始密码').max(256).describe('初始密码，须符合安全策略；首次登录须修改'),
  idNumber: idNumberSchema.optional(),
  phone: phoneSchema.optional(),
});

export const updateUserBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    orgId: z.string().min(1).max(64).optional(),
    status: z.enum(['active', 'disabled']).optional().describe('停用即结束该用户的全部会话'),
    idNumber: idNumberSchema.optional(),
    phone: phoneSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), '至少修改一项');

export const grantRoleBodySchema = z.object({ role: roleSchema, orgId: z.string().min(1).max(64), scope: scopeSchema.default('org') });

export const revokeRoleQuerySchema = z.object({ role: z.string().min(1).max(32), orgId: z.string().min(1).max(64) });

export const endedSessionsSchema = z.object({ endedSessions: z.number().int() });

export const personalDataSchema = z
  .object({ idNumber: z.string().nullable(), phone: z.string().nullable() })
  .meta({ id: 'PersonalData', description: '完整的身份证号和手机号；每次查看记入审计日志' });
