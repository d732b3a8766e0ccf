import { defineErrors } from '../../platform/errors/app-error.js';

export const identityErrors = defineErrors({
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  'auth.demo_refused': {
    status: 403,
    zh: '生产环境不允许使用演示账号登录',
    en: 'Demo accounts cannot sign in to a production deployment',
  },
  'auth.challenge_expired': {
    status: 401,
    zh: '登录步骤已超时或已使用，请重新输入用户名和密码',
    en: 'This sign-in step expired or was used; sign in again',
  },
  'identity.password_policy': { status: 422, zh: '新密码不符合安全策略', en: 'The new password does not meet the policy' },
  'identity.password_reused': { status: 422, zh: '新密码不能与当前密码相同', en: 'The new password equals the current one' },
  'identity.current_password_wrong': { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
  'identity.totp_not_enrolling': {
    status: 409,
    zh: '尚未开始绑定动态口令，请先获取二维码',
    en: 'No TOTP enrolment in progress',
  },
  'identity.totp_code_wrong': { status: 422, zh: '动态口令不正确', en: 'The one-time code is wrong' },
  'identity.user_not_found': { status: 404, zh: '未找到该用户', en: 'No such user' },
  'identity.username_taken': { status: 409, zh: '用户名已被使用', en: 'The user name is taken' },
  'identity.session_not_found': { status: 404, zh: '未找到该会话', en: 'No such session' },
  'identity.role_unknown': { status: 422, zh: '未知的角色', en: 'Unknown role' },
  'identity.role_conflict': {
    status: 409,
    zh: '三员分立：系统管理员、安全管理员、审计管理员角色互斥，且不能与业务角色兼任',
    en: 'Separation of duties: the three administrator roles exclude each other and every business role',
  },
  'identity.grant_not_found': { status: 404, zh: '该用户没有这项角色授权', en: 'No such role grant' },
  'identity.org_out_of_scope': { status: 403, zh: '该单位不在您的管理范围内', en: 'The organisation is outside your scope' },
});
