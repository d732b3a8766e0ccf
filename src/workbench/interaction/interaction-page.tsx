import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useInteractionSites } from '../api/interaction.js';
import { MessageList } from './message-list.js';
import { SurveyList } from './survey-list.js';

// recharts loads only when the statistics tab is opened.
const StatsTab = lazy(async () => ({ default: (await import('./stats-tab.js')).StatsTab }));

/**
 * /interaction: 互动交流 — the 留言 inbox (every handler), and for the site organisation's staff the
 * statistics and the surveys and calls for opinions of their sites.
 */
export function InteractionPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const sites = useInteractionSites();
  const siteItems = sites.data?.items ?? [];
  const creates = siteItems.some((s) => s.actions.includes('createSurvey'));
  const tabs = [
    { key: 'messages', label: '留言办理', children: <MessageList sites={siteItems} /> },
    ...(siteItems.length
      ? [
          { key: 'stats', label: '统计', children: <Suspense fallback={<Spin description="正在加载…" />}><StatsTab sites={siteItems} /></Suspense> },
          { key: 'surveys', label: '调查征集', children: <SurveyList sites={siteItems} /> },
        ]
      : []),
  ];
  const tab = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'messages';

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>互动交流</Typography.Title>}
      extra={
        creates && tab === 'surveys' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/interaction/surveys/new')}>
            新建调查征集
          </Button>
        )
      }
    >
      <title>互动交流 · 兴安政务平台</title>
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} destroyOnHidden items={tabs} />
    </Card>
  );
}
