import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../api/client.js';
import { ArticleList } from './article-list.js';
import { ColumnsTab } from './columns-tab.js';
import { SitesTab } from './sites-tab.js';

const articleTabs = [
  { key: 'mine', label: '我的草稿' },
  { key: 'review', label: '待审核' },
  { key: 'published', label: '已发布' },
  { key: 'all', label: '全部' },
] as const;

/**
 * /portal: 网站管理 — articles (my drafts, waiting for review, published, all), the column tree of a
 * site (editors keep it) and, for the 信息化办公室, the sites themselves.
 */
export function PortalPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const roles = new Set(session?.roles.map((r) => r.role));
  const writes = roles.has('editor');
  const reads = writes || roles.has('reviewer');
  const tabs = [
    ...(reads ? articleTabs.map((t) => ({ key: t.key, label: t.label, children: <ArticleList view={t.key} /> })) : []),
    ...(reads ? [{ key: 'columns', label: '栏目', children: <ColumnsTab /> }] : []),
    ...(roles.has('it_office') ? [{ key: 'sites', label: '站点', children: <SitesTab /> }] : []),
  ];
  const fallback = tabs.find((t) => t.key === (roles.has('reviewer') && !writes ? 'review' : 'mine'))?.key ?? tabs[0]?.key;
  const tab = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : fallback;

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>网站管理</Typography.Title>}
      extra={
        writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/portal/articles/new')}>
            写文章
          </Button>
        )
      }
    >
      <title>网站管理 · 兴安政务平台</title>
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} destroyOnHidden items={tabs} />
    </Card>
  );
}
