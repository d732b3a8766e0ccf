import { DownloadOutlined, FolderAddOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { archiveSources, retentionKeys, retentionPeriods, type ArchiveSource } from '../../shared/documents-receiving.js';
import { archiveExportUrl, useArchive, type ArchiveItem, type Retention } from '../api/archive.js';
import { ServedOrgSelect, useServedOrg } from '../inbox/served-org.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { ArchiveItemDrawer } from './archive-item-drawer.js';
import { FileModal } from './file-modal.js';
import { FondsModal } from './fonds-modal.js';

const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const years = Array.from({ length: 10 }, (_, i) => thisYear - i);

/** /workbench/archive: the archive browser — 件 by year, organisation and retention, with filing and the archival package. */
export function ArchivePage() {
  const served = useServedOrg();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState<number>();
  const [retention, setRetention] = useState<Retention>();
  const [source, setSource] = useState<ArchiveSource>();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [exportYear, setExportYear] = useState(thisYear);
  const [dialog, setDialog] = useState<'file' | 'fonds'>();
  const shown = params.get('item') ?? undefined;
  const show = (id: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('item', id);
      else next.delete('item');
      return next;
    });

  const archive = useArchive(
    served.orgId
      ? { orgId: served.orgId, page, pageSize, ...(year ? { year } : {}), ...(retention ? { retention } : {}), ...(source ? { source } : {}), ...(term ? { q: term } : {}) }
      : null,
  );

  if (served.inboxes.isError) return <QueryError error={served.inboxes.error} />;
  if (served.inboxes.isPending) return <Spin description="正在加载…" />;
  if (!served.orgId) return <Card><Empty description="您没有可查看的档案" /></Card>;
  const actions = archive.data?.actions ?? [];
  const reset = () => setPage(1);

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>归档</Typography.Title>}
      extra={
        <Space wrap>
          {actions.includes('file') && (
            <Button type="primary" icon={<FolderAddOutlined />} onClick={() => setDialog('file')}>
              归档文件
            </Button>
          )}
          {actions.includes('configure') && (
            <Button icon={<SettingOutlined />} onClick={() => setDialog('fonds')}>
              全宗设置
            </Button>
          )}
        </Space>
      }
    >
      <title>归档 · 兴安政务平台</title>
      <Row gutter={[12, 12]} className="wb-filters" align="bottom">
        <Col xs={24} lg={8}>
          <ServedOrgSelect items={served.items} current={served.current} onChange={(id) => (served.choose(id), reset())} />
        </Col>
        <Col xs={12} lg={3}>
          <label htmlFor="archive-year" className="wb-field-label">年度</label>
          <Select id="archive-year" style={{ width: '100%' }} allowClear placeholder="全部" value={year} onChange={(v) => (setYear(v), reset())} options={years.map((y) => ({ value: y, label: `${y}` }))} />
        </Col>
        <Col xs={12} lg={4}>
          <label htmlFor="archive-retention" className="wb-field-label">保管期限</label>
          <Select id="archive-retention" style={{ width: '100%' }} allowClear placeholder="全部" value={retention} onChange={(v) => (setRetention(v), reset())} options={retentionKeys.map((r) => ({ value: r, label: retentionPeriods[r].label }))} />
        </Col>
        <Col xs={12} lg={3}>
          <label htmlFor="archive-source" className="wb-field-label">来源</label>
          <Select id="archive-source" style={{ width: '100%' }} allowClear placeholder="全部" value={source} onChange={(v) => (setSource(v), reset())} options={(Object.keys(archiveSources) as ArchiveSource[]).map((s) => ({ value: s, label: archiveSources[s] }))} />
        </Col>
        <Col xs={24} lg={6}>
          <label htmlFor="archive-search" className="wb-field-label">题名、档号或文号</label>
          <Input id="archive-search" allowClear prefix={<SearchOutlined aria-hidden />} value={q} onChange={(e) => (setQ(e.target.value), reset())} />
        </Col>
      </Row>
      {actions.includes('export') && (
        <Space wrap className="wb-filters" aria-label="导出归档包">
          <label htmlFor="archive-export-year">导出年度</label>
          <Select id="archive-export-year" style={{ width: 110 }} value={exportYear} onChange={setExportYear} options={years.map((y) => ({ value: y, label: `${y}` }))} />
          <Button icon={<DownloadOutlined />} href={archiveExportUrl(served.orgId, exportYear)} download>
            导出归档包
          </Button>
          <Typography.Text type="secondary">原件、归档件、元数据 XML、签名验证、SM3 清单及平台签名（tar.gz）</Typography.Text>
        </Space>
      )}
      {archive.isError && <QueryError error={archive.error} />}
      <Table<ArchiveItem>
        rowKey="id"
        size="middle"
        loading={archive.isFetching}
        dataSource={archive.data?.items}
        scroll={{ x: 1500 }}
        locale={{ emptyText: '没有归档文件' }}
        pagination={{
          current: page,
          pageSize,
          total: archive.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 件`,
          onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
        }}
        columns={[
          { title: '档号', dataIndex: 'archivalCode', width: 230, render: (code: string) => <span className="wb-mono">{code}</span> },
          {
            title: '题名',
            dataIndex: 'title',
            render: (title: string, item) => (
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => show(item.id)}>
                {title}
              </Button>
            ),
          },
          { title: '文号', dataIndex: 'docNumber', width: 170, render: (n: string | null) => n ?? '—' },
          { title: '责任者', dataIndex: 'responsible', width: 180 },
          { title: '日期', dataIndex: 'documentDate', width: 110, render: (d: string | null) => d ?? '—' },
          { title: '页数', dataIndex: 'pages', width: 70 },
          { title: '保管期限', dataIndex: 'retention', width: 100, render: (r: Retention) => <Tag color={r === 'Y' ? 'gold' : 'default'}>{retentionPeriods[r].label}</Tag> },
          { title: '来源', dataIndex: 'source', width: 70, render: (s: ArchiveSource) => archiveSources[s] },
          { title: '归档', key: 'filed', width: 190, render: (_v, item) => `${item.filedByName} ${formatDateTime(item.filedAt)}` },
        ]}
      />
      <ArchiveItemDrawer id={shown} onClose={() => show(undefined)} />
      <FileModal open={dialog === 'file'} orgId={served.orgId} onClose={() => setDialog(undefined)} onFiled={(item) => show(item.id)} />
      <FondsModal open={dialog === 'fonds'} orgId={served.orgId} onClose={() => setDialog(undefined)} />
    </Card>
  );
}
