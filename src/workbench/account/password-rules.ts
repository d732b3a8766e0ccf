import type { FormRule } from 'antd';

/** Rules for a "repeat the new password" field that must match the field named `newPassword`. */
export const repeatPasswordRules: FormRule[] = [
  { required: true, message: '请再次输入新密码' },
  ({ getFieldValue }) => ({
    validator: (_rule, value) =>
      !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  }),
];
