import { LockOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Checkbox, Form, Input, Modal, Radio } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { isValidIdNumber } from '../../shared/identifiers.js';
import { useEffect } from 'react';
import { useCreateUser, useUpdateUser, type AdminUser, type CreateUserBody, type UpdateUserBody } from '../api/admin.js';
import { ApiError } from '../api/client.js';
import { OrgPicker } from '../orgs/org-picker.js';

/** Puts the server's field problems (e.g. the password policy's rules) under the matching inputs. */
function showFieldErrors<T extends object>(form: ReturnType<typeof Form.useForm<T>>[0], error: unknown, names: readonly string[]) {
  if (!(error instanceof ApiError)) return;
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    // Validation problems name the request part (`body.phone`); service problems name the field.
    const name = f.path.replace(/^body\./, '');
    if (names.includes(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  if (error.code === 'identity.username_taken') byField.set('username', [error.message]);
  form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
}

/** Full-width digits, spaces and dashes are accepted as typed; the server stores the canonical form. */
const canonical = (value: string) => value.normalize('NFKC').replace(/[\s-]+/g, '');
const idNumberRules: Rule[] = [
  { validator: async (_r, v?: string) => { if (v && !isValidIdNumber(canonical(v).toUpperCase())) throw new Error('身份证号不正确（18 位，末位校验码）'); } },
];
const phoneRules: Rule[] = [
  { validator: async (_r, v?: string) => { if (v && !/^1[3-9]\d{9}$/.test(canonical(v).replace(/^\+?86/, ''))) throw new Error('手机号应为 11 位数字，以 1 开头'); } },
];
const personalFieldNames = ['idNumber', 'phone'];

/** The personal-data inputs; `masked` shows what is stored (the full values are never sent to the form). */
function PersonalDataFields({ masked }: { masked?: { idNumber: string | null; phone: string | null } }) {
  return (
    <>
      <Form.Item
        label="身份证号"
        name="idNumber"
        rules={idNumberRules}
        extra={masked ? `现为 ${masked.idNumber ?? '（未填写）'}；留空不修改。加密存储` : '可选；加密存储，列表中脱敏显示'}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      {masked?.idNumber && (
        <Form.Item name="clearIdNumber" valuePropName="checked" style={{ marginTop: -12 }}>
          <Checkbox>清除身份证号</Checkbox>
        </Form.Item>
      )}
      <Form.Item
        label="手机号"
        name="phone"
        rules={phoneRules}
        extra={masked ? `现为 ${masked.phone ?? '（未填写）'}；留空不修改。加密存储` : '可选；加密存储，列表中脱敏显示'}
      >
        <Input autoComplete="off" inputMode="tel" maxLength={32} />
      </Form.Item>
      {masked?.phone && (
        <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
          <Checkbox>清除手机号</Checkbox>
        </Form.Item>
      )}
    </>
  );
}

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateUserBody>();
  const create = useCreateUser();
  const { message } = AntApp.useApp();

  const onFinish = (values: CreateUserBody) => {
    const body: CreateUserBody = {
      ...values,
      ...(values.idNumber ? {} : { idNumber: undefined }),
      ...(values.phone ? {} : { phone: undefined }),
    };
    create.mutate(body, {
      onSuccess: (user) => {
        void message.success(`已创建用户 ${user.displayName}（${user.username}），首次登录须修改初始密码`);
        form.resetFields();
        create.reset();
        onClose();
      },
      onError: (error) => showFieldErrors(form, error, ['username', 'displayName', 'orgId', 'password', ...personalFieldNames]),
    });
  };

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
        <PersonalDataFields />
        {create.error && <Alert type="error" showIcon title={create.error.message} />}
      </Form>
    </Modal>
  );
}

type EditValues = Required<Pick<UpdateUserBody, 'displayName' | 'orgId' | 'status'>> & {
  idNumber?: string;
  phone?: string;
  clearIdNumber?: boolean;
  clearPhone?: boolean;
};

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
      ...(values.clearIdNumber ? { idNumber: null } : values.idNumber ? { idNumber: values.idNumber } : {}),
      ...(values.clearPhone ? { phone: null } : values.phone ? { phone: values.phone } : {}),
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
        onError: (error) => showFieldErrors(form, error, ['displayName', 'orgId', 'status', ...personalFieldNames]),
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
        <PersonalDataFields masked={{ idNumber: user.idNumberMasked, phone: user.phoneMasked }} />
        {update.error && <Alert type="error" showIcon title={update.error.message} />}
      </Form>
    </Modal>
  );
}
