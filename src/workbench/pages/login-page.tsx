import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, useSession, type SignInBody } from '../api/client.js';
import { ChangePasswordStep, EnrolStep, SecondFactorStep } from '../account/sign-in-steps.js';
import { isChallenge, useSignInStep, type SignInChallenge, type SignInStep } from '../account/sign-in.js';

/** Where to return after signing in: only a path inside the workbench, never another site. */
function safeReturnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/**
 * /workbench/login: user name and password, then whatever the sign-in asks next (a TOTP code, a new
 * password, binding an authenticator); afterwards back to the page the user asked for.
 */
export function LoginPage() {
  const [form] = Form.useForm<SignInBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignInStep();
  const [challenge, setChallenge] = useState<SignInChallenge>();
  const [notice, setNotice] = useState<string>();
  const returnTo = safeReturnPath(params.get('from'));

  if (session.data) return <Navigate to={returnTo} replace />;

  const run = (step: SignInStep) =>
    signIn.mutate(step, {
      onSuccess: (result) => {
        setNotice(undefined);
        if (isChallenge(result)) setChallenge(result);
        else void navigate(returnTo, { replace: true });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'auth.challenge_expired') {
          setChallenge(undefined);
          setNotice(error.message);
          signIn.reset();
        } else if (error instanceof ApiError && error.fields.length && step.kind === 'password') {
          form.setFields(
            error.fields
              .filter((f) => f.path === 'username' || f.path === 'password')
              .map((f) => ({ name: f.path as keyof SignInBody, errors: [f.message] })),
          );
        }
      },
    });
  const onFinish = (body: SignInBody) => run({ kind: 'password', body });
  const cancel = () => {
    setChallenge(undefined);
    signIn.reset();
  };
  const stepProps = challenge && {
    challenge,
    pending: signIn.isPending,
    error: signIn.error?.message,
    onCancel: cancel,
  };

  return (
    <Flex align="center" justify="center" className="wb-login">
      <title>登录 · 兴安政务平台</title>
      <Card className="wb-login-card">
        <header className="wb-login-header">
          <Typography.Title level={1}>兴安政务平台</Typography.Title>
          <Typography.Text type="secondary">兴安盟电子政务工作台</Typography.Text>
        </header>
        {notice && <Alert type="warning" showIcon title={notice} className="wb-login-notice" />}
        {stepProps?.challenge.stage === 'second_factor' && (
          <SecondFactorStep {...stepProps} onSubmit={(code) => run({ kind: 'second_factor', challengeId: stepProps.challenge.challengeId, code })} />
        )}
        {stepProps?.challenge.stage === 'change_password' && (
          <ChangePasswordStep
            {...stepProps}
            onSubmit={(newPassword) => run({ kind: 'change_password', challengeId: stepProps.challenge.challengeId, newPassword })}
          />
        )}
        {stepProps?.challenge.stage === 'enrol_second_factor' && (
          <EnrolStep
            {...stepProps}
            onSubmit={(code) => run({ kind: 'enrol_second_factor', challengeId: stepProps.challenge.challengeId, code })}
          />
        )}
        <div hidden={Boolean(challenge)}>
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
        </div>
        <Typography.Paragraph type="secondary" className="wb-login-note">
          演示环境：演示账号见 README
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
