import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { siteKinds } from '../../shared/portal.js';
import { usePortalSites, type PortalSite } from '../api/portal.js';
import { QueryError } from '../shell/forbidden.js';
import { SiteFormModal } from './site-form.js';

/** 站点: the sites of the group the 信息化办公室 oversees; it adds sites and sets their particulars. */
export function SitesTab() {
  const sites = usePortalSites();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<PortalSite | 'new'>();
  const items = sites.data?.items ?? [];
  const nameOf = (id: string | null) => items.find((s) => s.id === id)?.nameZh ?? '—';

  return (
    <>
      {sites.data?.canCreate && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          新建网站
        </Button>
      )}
      {sites.isError && <QueryError error={sites.error} />}
      <Table<PortalSite>
        rowKey="id"
        size="middle"
        aria-label="网站列表"
        loading={sites.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '没有可管理的网站' }}
        columns={[
          { title: '网站名称', dataIndex: 'nameZh', render: (name: string, s) => <Space orientation="vertical" size={0}><span>{name}</span><Typography.Text type="secondary">{s.code}</Typography.Text></Space> },
          { title: '类型', dataIndex: 'kind', width: 110, render: (k: PortalSite['kind']) => siteKinds[k] },
          { title: '主办单位', dataIndex: 'orgName', width: 160 },
          { title: '上级网站', key: 'parent', width: 140, render: (_v, s) => nameOf(s.parentSiteId) },
          { title: '访问路径', dataIndex: 'pathPrefix', width: 100, render: (p: string) => p || '/（主门户）' },
          { title: '域名', dataIndex: 'hosts', width: 180, render: (hosts: string[]) => hosts.map((h) => <Tag key={h}>{h}</Tag>) },
          { title: '网站标识码', dataIndex: 'siteIdCode', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_v, s) =>
              s.actions.includes('update') && (
                <Button size="small" icon={<EditOutlined />} aria-label={`修改 ${s.nameZh}`} onClick={() => setEditing(s)}>
                  修改
                </Button>
              ),
          },
        ]}
      />
      {editing && (
        <SiteFormModal
          site={editing === 'new' ? undefined : editing}
          sites={items}
          onClose={() => setEditing(undefined)}
          onDone={(text) => {
            void message.success(text);
            setEditing(undefined);
          }}
        />
      )}
    </>
  );
}
