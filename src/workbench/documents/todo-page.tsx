import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../api/client.js';
import { DocumentList } from './document-list.js';
import { DocumentSearchBox } from './search-box.js';
import { TodoTable } from './todo-table.js';

const tabs = ['todo', 'drafts', 'sent'] as const;
type TabKey = (typeof tabs)[number];

/** /documents: 发文 — my to-do list across every step, my drafts, and the documents of my organisation. */
export function TodoPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab: TabKey = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'todo';
  const { data: session } = useSession();
  const drafts = session?.roles.some((r) => r.role === 'clerk' || r.role === 'staff');

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>发文</Typography.Title>}
      extra={
        <Space>
          <Link to="/documents/workflows"><SettingOutlined aria-hidden /> 流程设置</Link>
          {drafts && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/documents/new')}>
              拟稿
            </Button>
          )}
        </Space>
      }
    >
      <title>发文 · 兴安政务平台</title>
      <div style={{ maxWidth: 520, marginBottom: 8 }}>
        <DocumentSearchBox id="documents-fulltext" />
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'todo' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'todo', label: '待办', children: <TodoTable emptyText="没有待办的公文" /> },
          { key: 'drafts', label: '我的草稿', children: <DocumentList mine /> },
          { key: 'sent', label: '本单位发文', children: <DocumentList /> },
        ]}
      />
    </Card>
  );
}
