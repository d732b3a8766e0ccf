import { LockOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { useChangePassword } from '../api/account.js';
import { ApiError } from '../api/client.js';
import { repeatPasswordRules } from './password-rules.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Changing one's own password; the server checks the policy and ends the user's other sessions. */
export function ChangePasswordCard({ username }: { username: string }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { message } = AntApp.useApp();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: ({ endedSessions }) => {
          form.resetFields();
          void message.success(endedSessions ? `密码已修改，已结束您的其他 ${endedSessions} 个会话` : '密码已修改');
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          // The policy's broken rules come as field problems, in Chinese.
          const byField = new Map<keyof Values, string[]>();
          for (const f of error.fields) {
            const name = f.path as keyof Values;
            if (name === 'currentPassword' || name === 'newPassword') byField.set(name, [...(byField.get(name) ?? []), f.message]);
          }
          if (error.code === 'identity.current_password_wrong') byField.set('currentPassword', [error.message]);
          form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        },
      },
    );

  const problems = change.error?.fields.map((f) => f.message) ?? [];
  return (
    <Card title="修改密码" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">
        新密码须符合安全策略（默认至少 12 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不含用户名“{username}”）。修改后，您在其他设备上的会话将全部结束。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="changePassword" onFinish={onFinish} disabled={change.isPending}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="repeat"
          dependencies={['newPassword']}
          rules={repeatPasswordRules}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        {change.error && (
          <Form.Item>
            <Alert
              type="error"
              showIcon
              title={change.error.message}
              description={problems.length > 1 ? <ul className="wb-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul> : undefined}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
