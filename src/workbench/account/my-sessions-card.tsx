import { Button, Card, Popconfirm, Table, Tag, Tooltip, App as AntApp } from 'antd';
import { useEndMySession, useMySessions, type AccountSession } from '../api/account.js';
import { describeUserAgent, formatDateTime } from '../shell/format.js';
import { QueryError } from '../shell/forbidden.js';

/** The user's own sessions on every device; any but the current one can be ended here. */
export function MySessionsCard() {
  const sessions = useMySessions();
  const end = useEndMySession();
  const { message } = AntApp.useApp();

  const onEnd = (id: string) =>
    end.mutate(id, {
      onSuccess: () => void message.success('已结束该会话'),
      onError: (error) => void message.error(error.message),
    });

  return (
    <Card title="我的会话" extra={<Button onClick={() => void sessions.refetch()}>刷新</Button>}>
      {sessions.isError ? (
        <QueryError error={sessions.error} />
      ) : (
        <Table<AccountSession>
          rowKey="id"
          size="middle"
          loading={sessions.isPending}
          dataSource={sessions.data}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: '设备',
              key: 'device',
              render: (_v, s) => (
                <Tooltip title={s.userAgent ?? undefined}>
                  <span>{describeUserAgent(s.userAgent)}</span>
                  {s.current && <Tag color="green" style={{ marginLeft: 8 }}>当前会话</Tag>}
                </Tooltip>
              ),
            },
            { title: 'IP 地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            { title: '登录时间', dataIndex: 'createdAt', render: formatDateTime },
            { title: '最近活动', dataIndex: 'lastSeenAt', render: formatDateTime },
            { title: '最迟到期', dataIndex: 'expiresAt', render: formatDateTime },
            {
              title: '操作',
              key: 'actions',
              render: (_v, s) =>
                s.current ? (
                  <Tooltip title="请使用右上角的“退出”结束当前会话">
                    <Button type="link" disabled>结束</Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title="结束该会话？"
                    description="该设备将需要重新登录。"
                    okText="结束"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => onEnd(s.id)}
                  >
                    <Button type="link" danger loading={end.isPending && end.variables === s.id}>
                      结束
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
