import { Alert, App as AntApp, Button, Divider, Drawer, Form, List, Popconfirm, Radio, Select, Tag, Typography } from 'antd';
import { adminRoles, roleLabel, roles, type Role } from '../../shared/roles.js';
import { useGrantRole, useRevokeRole, type AdminUser, type GrantRoleBody } from '../api/admin.js';
import { OrgPicker } from '../orgs/org-picker.js';

const roleOptions = (Object.keys(roles) as Role[]).map((role) => ({
  value: role,
  label: (adminRoles as readonly string[]).includes(role) ? `${roles[role]}（三员）` : roles[role],
}));

/** A user's role grants: each holds in one organisation, or in it and everything below it. */
export function UserRolesDrawer({ user, onClose }: { user: AdminUser | undefined; onClose: () => void }) {
  const [form] = Form.useForm<GrantRoleBody>();
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const { message } = AntApp.useApp();

  const onGrant = (body: GrantRoleBody) =>
    user &&
    grant.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          void message.success(`已授予 ${roleLabel(body.role)}`);
          form.resetFields();
        },
      },
    );
  const onRevoke = (role: string, orgId: string) =>
    user &&
    revoke.mutate(
      { id: user.id, role, orgId },
      { onSuccess: () => void message.success(`已撤销 ${roleLabel(role)}`), onError: (e) => void message.error(e.message) },
    );

  return (
    <Drawer
      title={user ? `角色授权：${user.displayName}（${user.username}）` : '角色授权'}
      open={Boolean(user)}
      size={520}
      onClose={() => (grant.reset(), onClose())}
      destroyOnHidden
    >
      {user && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>已有角色</Typography.Title>
          <List
            bordered
            locale={{ emptyText: '暂无角色' }}
            dataSource={user.roles}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="revoke"
                    title={`撤销“${roleLabel(r.role)}”？`}
                    okText="撤销"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => onRevoke(r.role, r.orgId)}
                  >
                    <Button type="link" danger>撤销</Button>
                  </Popconfirm>,
                ]}
              >
                <span>
                  <Tag color="blue">{roleLabel(r.role)}</Tag>
                  {r.orgName}
                  {r.scope === 'subtree' && <Typography.Text type="secondary">（及下级）</Typography.Text>}
                </span>
              </List.Item>
            )}
          />
          <Divider />
          <Typography.Title level={3} style={{ fontSize: 16 }}>授予角色</Typography.Title>
          <Typography.Paragraph type="secondary">
            三员分立：系统管理员、安全管理员、审计管理员互斥，且不能与业务角色兼任。
          </Typography.Paragraph>
          <Form<GrantRoleBody>
            form={form}
            layout="vertical"
            name="grantRole"
            initialValues={{ orgId: user.orgId, scope: 'org' }}
            onFinish={onGrant}
            onValuesChange={() => grant.isError && grant.reset()}
          >
            <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={roleOptions} placeholder="选择角色" />
            </Form.Item>
            <Form.Item label="在哪个单位" name="orgId" rules={[{ required: true, message: '请选择单位' }]}>
              <OrgPicker initialLabel={user.orgName} />
            </Form.Item>
            <Form.Item label="范围" name="scope">
              <Radio.Group
                options={[
                  { value: 'org', label: '仅本单位' },
                  { value: 'subtree', label: '本单位及下级' },
                ]}
              />
            </Form.Item>
            {grant.error && (
              <Form.Item>
                <Alert type="error" showIcon title={grant.error.message} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={grant.isPending}>
              授予
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
