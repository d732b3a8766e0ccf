/** The platform's roles. A user holds a role in an organisation, alone or with its subtree. */
export const roles = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  clerk: '文秘/机要',
  leader: '领导',
  officer: '窗口/审批人员',
  editor: '网站编辑',
  reviewer: '网站审核',
  data_steward: '数据管理员',
  it_office: '信息化监管',
  staff: '工作人员',
} as const;

export type Role = keyof typeof roles;

export const roleLabel = (role: string): string => (roles as Record<string, string>)[role] ?? role;

/**
 * The three separated administrators (三员分立). Each is exclusive: a holder of one holds no other
 * admin role and no business role.
 */
export const adminRoles = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];

export const isRole = (role: string): role is Role => Object.hasOwn(roles, role);

export const isAdminRole = (role: string): boolean => (adminRoles as readonly string[]).includes(role);
