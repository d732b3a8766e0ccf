import { z } from 'zod';
import { roles, type Role } from '../../../shared/roles.js';
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
    secondFactor: z.boolean().describe('已绑定第二因子'),
    roles: z.array(z.object({ role: z.string(), orgId: z.string(), scope: scopeSchema })),
    createdAt: z.string(),
    actions: z.array(z.enum(userActions)).describe('当前管理员可对该账号执行的操作'),
  })
  .meta({ id: 'AdminUser' });

export const adminUserListSchema = z
  .object({ items: z.array(adminUserSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AdminUserList' });

export const adminUserListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().describe('用户名或姓名包含的文字'),
  orgId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const createUserBodySchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, '用户名为 2–64 位小写字母、数字、点、下划线或连字符'),
  displayName: z.string().trim().min(1, '请输入姓名').max(64),
  orgId: z.string().min(1, '请选择单位').max(64).describe('单位 id、引用或区划代码'),
  password: z.string().min(1, '请输入初始密码').max(256).describe('初始密码，须符合安全策略；首次登录须修改'),
});

export const updateUserBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    orgId: z.string().min(1).max(64).optional(),
    status: z.enum(['active', 'disabled']).optional().describe('停用即结束该用户的全部会话'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), '至少修改一项');

export const grantRoleBodySchema = z.object({ role: roleSchema, orgId: z.string().min(1).max(64), scope: scopeSchema.default('org') });

export const revokeRoleQuerySchema = z.object({ role: z.string().min(1).max(32), orgId: z.string().min(1).max(64) });

export const endedSessionsSchema = z.object({ endedSessions: z.number().int() });
