import { Alert, Button, Form } from 'antd';

export interface StepFormProps {
  pending: boolean;
  error: string | undefined;
  onCancel: () => void;
  submitLabel: string;
  children: React.ReactNode;
}

/** The end of every sign-in step form: the fields, the error, the submit button and the way back. */
export function StepForm({ pending, error, onCancel, children, submitLabel }: StepFormProps) {
  return (
    <>
      {children}
      {error && (
        <Form.Item>
          <Alert type="error" showIcon title={error} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>
          {submitLabel}
        </Button>
      </Form.Item>
      <Button type="link" block onClick={onCancel}>
        返回重新登录
      </Button>
    </>
  );
}
