import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Flex, Input, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { roleLabel } from '../../shared/roles.js';
import { useEndUserSessions, useRevealPersonalData, useUsers, type AdminUser } from '../api/admin.js';
import { OrgPicker } from '../orgs/org-picker.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { CreateUserModal, EditUserModal } from './user-form-modal.js';
import { UserRolesDrawer } from './user-roles-drawer.js';

/** /workbench/users: the 系统管理员's accounts — find, create, edit, grant roles, end sessions. */
export function UsersPage() {
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const term = useDebounced(q.trim(), 300);
  const users = useUsers({ page, pageSize, ...(term ? { q: term } : {}), ...(orgId ? { orgId } : {}) });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser>();
  const [rolesOf, setRolesOf] = useState<string>();
  const endSessions = useEndUserSessions();
  const reveal = useRevealPersonalData();
  const { message, modal } = AntApp.useApp();

  const onReveal = (user: AdminUser) =>
    reveal.mutate(user.id, {
      onSuccess: (data) =>
        void modal.info({
          title: `${user.displayName} 的个人信息`,
          content: (
            <Space direction="vertical">
              <span>身份证号：{data.idNumber ?? '未填写'}</span>
              <span>手机号：{data.phone ?? '未填写'}</span>
              <Typography.Text type="secondary">本次查看已记入审计日志。</Typography.Text>
            </Space>
          ),
          okText: '关闭',
        }),
      onError: (error) => void message.error(error.message),
    });

  if (users.isError && users.error.status === 403) return <QueryError error={users.error} />;
  const rolesUser = users.data?.items.find((u) => u.id === rolesOf);

  const onEndSessions = (user: AdminUser) =>
    endSessions.mutate(user.id, {
      onSuccess: ({ endedSessions }) => void message.success(`已结束 ${user.displayName} 的 ${endedSessions} 个会话`),
      onError: (error) => void message.error(error.message),
    });

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>账号管理</Typography.Title>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
    >
      <title>账号管理 · 兴安政务平台</title>
      <Row gutter={[12, 12]} className="wb-filters">
        <Col xs={24} md={10}>
          <label htmlFor="user-search" className="wb-field-label">用户名、姓名、身份证号或手机号</label>
          <Input
            id="user-search"
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder="姓名中的文字，或完整的身份证号、手机号"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </Col>
        <Col xs={24} md={10}>
          <label htmlFor="user-org" className="wb-field-label">所在单位</label>
          <Flex gap={8}>
            <OrgPicker id="user-org" value={orgId} onChange={(id) => (setOrgId(id), setPage(1))} placeholder="全部单位" />
            {orgId && <Button onClick={() => (setOrgId(undefined), setPage(1))}>全部</Button>}
          </Flex>
        </Col>
      </Row>
      {users.isError && <QueryError error={users.error} />}
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个账号`,
          onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'displayName',
            render: (name: string, u) => (
              <Space size={4}>
                {name}
                {u.isDemo && <Tag>演示</Tag>}
              </Space>
            ),
          },
          { title: '用户名', dataIndex: 'username' },
          { title: '所在单位', dataIndex: 'orgName' },
          {
            title: '手机号',
            key: 'phone',
            render: (_v, u) =>
              u.phoneMasked || u.idNumberMasked ? (
                <Space size={4}>
                  {u.phoneMasked ?? '—'}
                  <Button type="link" size="small" onClick={() => onReveal(u)} aria-label={`查看 ${u.displayName} 的完整个人信息`}>
                    查看
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: '角色',
            key: 'roles',
            render: (_v, u) =>
              u.roles.length ? u.roles.map((r) => <Tag key={`${r.role}@${r.orgId}`} color="blue">{roleLabel(r.role)}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>,
          },
          {
            title: '状态',
            key: 'status',
            render: (_v, u) => (
              <Space size={4} wrap>
                {u.status === 'active' ? <Tag color="green">正常</Tag> : <Tag color="red">已停用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改初始密码</Tag>}
                {u.secondFactors.includes('totp') && <Tag color="geekblue">已绑定动态口令</Tag>}
                {u.secondFactors.includes('sm2') && <Tag color="geekblue">已绑定数字证书</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: formatDateTime },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_v, u) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(u)}>编辑</Button>
                <Button type="link" onClick={() => setRolesOf(u.id)}>角色</Button>
                <Popconfirm
                  title={`结束 ${u.displayName} 的全部会话？`}
                  description="该用户在所有设备上都须重新登录。"
                  okText="结束会话"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => onEndSessions(u)}
                >
                  <Button type="link" danger>结束会话</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(undefined)} />
      <UserRolesDrawer user={rolesUser} onClose={() => setRolesOf(undefined)} />
    </Card>
  );
}
