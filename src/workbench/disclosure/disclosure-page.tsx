import { Card, Empty, Skeleton, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useDisclosureSettings } from '../api/disclosure.js';
import { QueryError } from '../shell/forbidden.js';
import { CatalogueTab } from './catalogue-tab.js';
import { DisclosureOrgChoice, useDisclosureOrg } from './disclosure-org.js';
import { ReportsTab } from './reports-tab.js';
import { RequestsTab } from './requests-tab.js';
import { TextsTab } from './texts-tab.js';

/**
 * /disclosure: 信息公开 — the organisation's catalogue (目录), guide and rules (指南/制度), requests
 * (依申请公开) and annual reports (年度报告). Tabs follow the user's roles; the server decides again.
 */
export function DisclosurePage() {
  const org = useDisclosureOrg();
  const [params, setParams] = useSearchParams();
  const settings = useDisclosureSettings(org.orgId);
  const has = (...roles: string[]) => roles.some((r) => org.roles.has(r));
  const tabs = [
    ...(has('editor', 'reviewer', 'officer', 'it_office') && settings.data
      ? [
          { key: 'catalogue', label: '目录', children: <CatalogueTab settings={settings.data} /> },
          { key: 'texts', label: '指南 / 制度', children: <TextsTab settings={settings.data} /> },
        ]
      : []),
    ...(has('officer', 'it_office') && org.orgId ? [{ key: 'requests', label: '依申请公开', children: <RequestsTab orgId={org.orgId} /> }] : []),
    ...(has('editor', 'officer', 'it_office') && org.orgId ? [{ key: 'reports', label: '年度报告', children: <ReportsTab orgId={org.orgId} writes={has('editor', 'officer')} /> }] : []),
  ];
  const fallback = has('officer') && !has('editor') ? 'requests' : 'catalogue';
  const wanted = params.get('tab') ?? fallback;
  const tab = tabs.some((t) => t.key === wanted) ? wanted : tabs[0]?.key;

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>信息公开</Typography.Title>}
      extra={
        <Space wrap>
          <DisclosureOrgChoice org={org} label={settings.data?.orgName} />
          {settings.data && <Typography.Text type="secondary">机构代码 {settings.data.orgCode}</Typography.Text>}
        </Space>
      }
    >
      <title>信息公开 · 兴安政务平台</title>
      {!org.orgId ? (
        <Empty description="请选择机关" />
      ) : settings.error ? (
        <QueryError error={settings.error} />
      ) : settings.isLoading ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          destroyOnHidden
          items={tabs}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
        />
      )}
    </Card>
  );
}
