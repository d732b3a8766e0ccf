import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { onlineDepths, serviceItemKinds, serviceItemStatuses, type ServiceItemKind, type ServiceItemStatus } from '../../shared/services.js';
import { useServiceItems, type ServiceItemSummary } from '../api/services.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDate } from '../shell/format.js';
import { ItemEditor } from './item-editor.js';
import { GuideTag, handlingText, ItemStatusTag, kindOptions, LevelTag } from './labels.js';
import { ServicesOrgChoice, useServicesOrg } from './services-org.js';

type StatusChoice = ServiceItemStatus | 'all';

/**
 * /services: 政务服务事项 — an implementing organisation's items and their 办事指南. `?org=` opens an
 * organisation and `?item=` an item's editor (the self-inspection's findings link to both).
 */
export function ServicesPage() {
  const org = useServicesOrg();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<StatusChoice>('all');
  const [kind, setKind] = useState<ServiceItemKind>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const term = useDebounced(q.trim(), 300);
  const list = useServiceItems({
    orgId: org.orgId ?? '',
    page,
    pageSize,
    ...(status !== 'all' ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(term ? { q: term } : {}),
  });
  const itemId = params.get('item') ?? undefined;
  const writes = list.data?.actions.includes('edit') ?? false;
  const orgName = org.choices.find((c) => c.value === org.orgId)?.label ?? list.data?.items[0]?.implementingOrg;
  const counts = list.data?.counts ?? {};
  const all = Object.values(counts).reduce((sum, n) => sum + n, 0);

  const openItem = (id: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('item', id);
      else next.delete('item');
      if (org.orgId) next.set('org', org.orgId);
      return next;
    });
  const itemHref = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('item', id);
    if (org.orgId) next.set('org', org.orgId);
    return { search: `?${next.toString()}` };
  };
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>政务服务事项</Typography.Title>}
      extra={<ServicesOrgChoice org={org} label={orgName} />}
    >
      <title>政务服务事项 · 兴安政务平台</title>
      {!org.orgId ? (
        <Empty description="请选择实施机关" />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="bottom">
            <Col xs={24} lg={10}>
              <Segmented<StatusChoice>
                aria-label="按状态筛选"
                value={status}
                onChange={filter(setStatus)}
                options={[
                  { value: 'all', label: `全部 ${all}` },
                  ...(Object.keys(serviceItemStatuses) as ServiceItemStatus[]).map((s) => ({ value: s, label: `${serviceItemStatuses[s]} ${counts[s] ?? 0}` })),
                ]}
              />
            </Col>
            <Col xs={24} md={8} lg={5}>
              <label htmlFor="services-q" className="wb-field-label">名称或编码</label>
              <Input id="services-q" allowClear prefix={<SearchOutlined aria-hidden />} value={q} onChange={(e) => filter(setQ)(e.target.value)} placeholder="事项名称、编码包含的文字" />
            </Col>
            <Col xs={24} md={8} lg={5}>
              <label htmlFor="services-kind" className="wb-field-label">事项类型</label>
              <Select id="services-kind" allowClear style={{ width: '100%' }} placeholder="全部类型" value={kind} onChange={filter(setKind)} options={kindOptions} />
            </Col>
            <Col xs={24} md={8} lg={4} style={{ textAlign: 'right' }}>
              {writes && (
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => (openItem(undefined), setCreating(true))}>
                  新建事项
                </Button>
              )}
            </Col>
          </Row>
          {list.error ? (
            <QueryError error={list.error} />
          ) : (
            <Table<ServiceItemSummary>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: all ? '没有符合条件的事项' : '该机关还没有政务服务事项' }}
              scroll={{ x: 1200 }}
              pagination={{
                current: page,
                pageSize,
                total: list.data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (t) => `共 ${t} 项`,
                onChange: (p, s) => (setPage(s === pageSize ? p : 1), setPageSize(s)),
              }}
              columns={[
                { title: '事项编码', dataIndex: 'code', width: 230, render: (code: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{code}</Typography.Text> },
                {
                  title: '事项名称',
                  dataIndex: 'name',
                  render: (_: unknown, i) => (
                    <Space size={4} wrap>
                      <Link to={itemHref(i.id)}>{i.name}</Link>
                      <LevelTag level={i.level} handlingKind={i.handlingKind} />
                    </Space>
                  ),
                },
                { title: '事项类型', dataIndex: 'kind', width: 110, render: (k: ServiceItemKind) => serviceItemKinds[k] },
                { title: '办件类型', key: 'handling', width: 150, render: (_: unknown, i) => handlingText(i.handlingType, i.promisedDays) },
                { title: '网上办理深度', dataIndex: 'onlineDepth', width: 110, render: (d: ServiceItemSummary['onlineDepth']) => onlineDepths[d] },
                { title: '状态', dataIndex: 'status', width: 90, render: (s: ServiceItemStatus) => <ItemStatusTag status={s} /> },
                { title: '指南要素', dataIndex: 'missing', width: 100, render: (_: unknown, i) => <GuideTag missing={i.missing} /> },
                { title: '更新日期', dataIndex: 'updatedAt', width: 110, render: (d: string) => formatDate(d) },
              ]}
            />
          )}
        </>
      )}
      {org.orgId && (itemId || (creating && writes)) && (
        <ItemEditor
          orgId={org.orgId}
          itemId={itemId}
          canCreate={writes}
          orgName={orgName}
          onClose={() => (setCreating(false), openItem(undefined))}
          onCreated={(id) => (setCreating(false), openItem(id))}
        />
      )}
    </Card>
  );
}
