import { FileAddOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Input, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { InboxView } from '../../shared/documents-receiving.js';
import { useInbox, useReadingList, type InboxCounts } from '../api/inbox.js';
import { DocumentSearchBox } from '../documents/search-box.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { InboxTable, ReadingTable } from './inbox-table.js';
import { PaperModal } from './paper-modal.js';
import { ServedOrgSelect, useServedOrg } from './served-org.js';

type Tab = InboxView | 'reading';

/** The tabs, named by what each step waits for; counts come from the server. */
const tabs: readonly { key: Tab; label: string; count?: (c: InboxCounts) => number }[] = [
  { key: 'todo', label: '全部待办', count: (c) => c.todo },
  { key: 'pending', label: '待签收', count: (c) => c.pending },
  { key: 'signed', label: '待登记', count: (c) => c.signed },
  { key: 'registered', label: '初审', count: (c) => c.registered },
  { key: 'reviewed', label: '拟办', count: (c) => c.reviewed },
  { key: 'proposed', label: '批办', count: (c) => c.proposed },
  { key: 'instructed', label: '承办', count: (c) => c.instructed },
  { key: 'handling', label: '承办中', count: (c) => c.handling },
  { key: 'reading', label: '传阅' },
  { key: 'completed', label: '办结' },
  { key: 'overdue', label: '逾期', count: (c) => c.overdue },
  { key: 'returned', label: '已退回' },
  { key: 'all', label: '全部' },
];

const isTab = (v: string | null): v is Tab => tabs.some((t) => t.key === v);

/** /workbench/inbox: the organisation's inbox by step, with counts, search and overdue marks. */
export function InboxPage() {
  const served = useServedOrg();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('view');
  const tab: Tab = isTab(tabParam) ? tabParam : 'todo';
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [paper, setPaper] = useState(false);
  const ready = served.orgId !== undefined;

  const inbox = useInbox({ view: tab === 'reading' ? 'todo' : tab, page: tab === 'reading' ? 1 : page, pageSize, ...(served.orgId ? { orgId: served.orgId } : {}), ...(term ? { q: term } : {}) }, ready);
  const reading = useReadingList({ unread: 'false', page: tab === 'reading' ? page : 1, pageSize });
  const unread = useReadingList({ unread: 'true', page: 1, pageSize: 1 });

  if (served.inboxes.isError) return <QueryError error={served.inboxes.error} />;
  if (served.inboxes.isPending) return <Spin description="正在加载收文箱…" />;
  if (!ready) return <Card><Empty description="您没有可办理的收文箱" /></Card>;
  const data = inbox.data;
  const counts = data?.counts;

  const switchTab = (key: string) => {
    setPage(1);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('view', key);
      return next;
    });
  };
  const pagination = (total: number) => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n: number) => `共 ${n} 件`,
    onChange: (p: number, size: number) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
  });

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>收文</Typography.Title>}
      extra={
        data?.actions.includes('registerPaper') && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setPaper(true)}>
            登记纸质来文
          </Button>
        )
      }
    >
      <title>收文 · 兴安政务平台</title>
      <Row gutter={[12, 12]} className="wb-filters" align="bottom">
        <Col xs={24} md={10}>
          <ServedOrgSelect items={served.items} current={served.current} onChange={(id) => (served.choose(id), setPage(1))} />
        </Col>
        <Col xs={24} md={7}>
          <label htmlFor="inbox-search" className="wb-field-label">按标题查找</label>
          <Input
            id="inbox-search"
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder="标题中的文字"
            value={q}
            disabled={tab === 'reading'}
            onChange={(e) => (setQ(e.target.value), setPage(1))}
          />
        </Col>
        <Col xs={24} md={7}>
          <DocumentSearchBox id="inbox-fulltext" />
        </Col>
      </Row>
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        items={tabs.map((t) => {
          const n = t.key === 'reading' ? unread.data?.total : counts && t.count?.(counts);
          return {
            key: t.key,
            label: (
              <Space size={4}>
                {t.label}
                {n !== undefined && <Badge count={n} showZero={false} overflowCount={999} color={t.key === 'overdue' ? 'red' : 'blue'} />}
              </Space>
            ),
          };
        })}
      />
      {tab === 'reading' ? (
        <>
          {reading.isError && <QueryError error={reading.error} />}
          <ReadingTable items={reading.data?.items} loading={reading.isFetching} pagination={pagination(reading.data?.total ?? 0)} />
        </>
      ) : (
        <>
          {inbox.isError && <QueryError error={inbox.error} />}
          <InboxTable items={data?.items} loading={inbox.isFetching} pagination={pagination(data?.total ?? 0)} />
        </>
      )}
      <PaperModal open={paper} orgId={served.orgId} orgName={served.current?.org.name ?? ''} onClose={() => setPaper(false)} />
    </Card>
  );
}
