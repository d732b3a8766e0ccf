import type { AuditEvent } from '../api/audit.js';

/** Chinese names of the actions the platform records; an unknown action shows its code. */
const actionLabels: Record<string, string> = {
  'auth.sign_in': '登录成功',
  'auth.sign_in_failed': '登录失败',
  'auth.sign_out': '退出登录',
  'auth.denied': '拒绝访问',
  'account.password_change': '修改密码',
  'account.session_end': '结束本人会话',
  'account.totp_enrol': '开始绑定动态口令',
  'account.totp_confirm': '绑定动态口令',
  'account.certificate_enrol': '绑定数字证书',
  'account.certificate_remove': '解除绑定数字证书',
  'identity.user_create': '新建用户',
  'identity.user_update': '修改用户',
  'identity.role_grant': '授予角色',
  'identity.role_revoke': '撤销角色',
  'identity.sessions_end': '结束用户会话',
  'identity.personal_data_read': '查看个人信息',
  'security.policy_update': '修改安全策略',
  'pki.root_create': '创建根证书',
  'pki.issue': '签发证书',
  'pki.revoke': '吊销证书',
  'audit.export': '导出审计记录',
  'audit.verify': '校验审计日志',
  'audit.purge': '清理过期审计记录',
  'keys.rotate': '轮换密钥',
  'orgs.import': '导入组织机构',
};

export const actionLabel = (action: string): string | undefined => actionLabels[action];

export const outcomeLabels: Record<AuditEvent['outcome'], { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'orange' },
  denied: { label: '拒绝', color: 'red' },
};
