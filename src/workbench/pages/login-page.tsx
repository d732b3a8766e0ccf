import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, useSession, useSignIn, type SignInBody } from '../api/client.js';

/** Where to return after signing in: only a path inside the workbench, never another site. */
function safeReturnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** /workbench/login: username and password; afterwards back to the page the user asked for. */
export function LoginPage() {
  const [form] = Form.useForm<SignInBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const returnTo = safeReturnPath(params.get('from'));

  if (session.data) return <Navigate to={returnTo} replace />;

  const onFinish = (values: SignInBody) =>
    signIn.mutate(values, {
      onSuccess: () => void navigate(returnTo, { replace: true }),
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length) {
          form.setFields(
            error.fields
              .filter((f) => f.path === 'username' || f.path === 'password')
              .map((f) => ({ name: f.path as keyof SignInBody, errors: [f.message] })),
          );
        }
      },
    });

  return (
    <Flex align="center" justify="center" className="wb-login">
      <title>登录 · 兴安政务平台</title>
      <Card className="wb-login-card">
        <header className="wb-login-header">
          <Typography.Title level={1}>兴安政务平台</Typography.Title>
          <Typography.Text type="secondary">兴安盟电子政务工作台</Typography.Text>
        </header>
        <Form<SignInBody>
          form={form}
          layout="vertical"
          name="signIn"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => signIn.isError && signIn.reset()}
          disabled={signIn.isPending}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={256} />
          </Form.Item>
          {signIn.error && (
            <Form.Item>
              <Alert type="error" showIcon title={signIn.error.message} />
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" className="wb-login-note">
          演示环境：演示账号见 README
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
