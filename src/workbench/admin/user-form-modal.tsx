import { LockOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useCreateUser, useUpdateUser, type AdminUser, type CreateUserBody, type UpdateUserBody } from '../api/admin.js';
import { ApiError } from '../api/client.js';
import { OrgPicker } from '../orgs/org-picker.js';

/** Puts the server's field problems (e.g. the password policy's rules) under the matching inputs. */
function showFieldErrors<T extends object>(form: ReturnType<typeof Form.useForm<T>>[0], error: unknown, names: readonly string[]) {
  if (!(error instanceof ApiError)) return;
  const byField = new Map<string, string[]>();
  for (const f of error.fields) if (names.includes(f.path)) byField.set(f.path, [...(byField.get(f.path) ?? []), f.message]);
  if (error.code === 'identity.username_taken') byField.set('username', [error.message]);
  form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
}

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateUserBody>();
  const create = useCreateUser();
  const { message } = AntApp.useApp();

  const onFinish = (body: CreateUserBody) =>
    create.mutate(body, {
      onSuccess: (user) => {
        void message.success(`已创建用户 ${user.displayName}（${user.username}），首次登录须修改初始密码`);
        form.resetFields();
        create.reset();
        onClose();
      },
      onError: (error) => showFieldErrors(form, error, ['username', 'displayName', 'orgId', 'password']),
    });

  return (
    <Modal
      title="新建用户"
      open={open}
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => (create.reset(), onClose())}
      forceRender
    >
      <Form<CreateUserBody> form={form} layout="vertical" name="createUser" onFinish={onFinish} preserve={false}>
        <Form.Item
          label="用户名"
          name="username"
          extra="登录用，创建后不能修改"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/, message: '用户名为 2–64 位小写字母、数字、点、下划线或连字符' },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label="所在单位" name="orgId" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          extra="须符合安全策略；用户首次登录时必须修改"
          rules={[{ required: true, message: '请输入初始密码' }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        {create.error && <Alert type="error" showIcon title={create.error.message} />}
      </Form>
    </Modal>
  );
}

type EditValues = Required<UpdateUserBody>;

export function EditUserModal({ user, onClose }: { user: AdminUser | undefined; onClose: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateUser();
  const { message, modal } = AntApp.useApp();

  useEffect(() => {
    if (user) form.setFieldsValue({ displayName: user.displayName, orgId: user.orgId, status: user.status });
  }, [user, form]);

  if (!user) return null;

  const save = (values: EditValues) => {
    const body: UpdateUserBody = {
      ...(values.displayName !== user.displayName ? { displayName: values.displayName } : {}),
      ...(values.orgId !== user.orgId ? { orgId: values.orgId } : {}),
      ...(values.status !== user.status ? { status: values.status } : {}),
    };
    if (!Object.keys(body).length) return onClose();
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          void message.success('已保存');
          update.reset();
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, ['displayName', 'orgId', 'status']),
      },
    );
  };
  const onFinish = (values: EditValues) => {
    if (values.status === 'disabled' && user.status !== 'disabled') {
      modal.confirm({
        title: `停用 ${user.displayName}？`,
        content: '停用后该用户不能登录，其全部会话将立即结束。',
        okText: '停用',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => save(values),
      });
    } else save(values);
  };

  return (
    <Modal
      title={`编辑用户：${user.username}`}
      open
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={() => (update.reset(), onClose())}
      destroyOnHidden
    >
      <Form<EditValues> form={form} layout="vertical" name="editUser" onFinish={onFinish}>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label="所在单位" name="orgId" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgPicker initialLabel={user.orgName} />
        </Form.Item>
        <Form.Item label="状态" name="status" extra="停用即结束该用户的全部会话">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'active', label: '正常' },
              { value: 'disabled', label: '停用' },
            ]}
          />
        </Form.Item>
        {update.error && <Alert type="error" showIcon title={update.error.message} />}
      </Form>
    </Modal>
  );
}
