import { Checkbox, Col, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MailboxKind, MessageState } from '../../shared/interaction.js';
import { usePortalMessages, type InteractionSite, type PortalMessageSummary } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { mailboxLabel, mailboxOptions, MessageStateTag, OverdueTag, stateOptions } from './labels.js';
import { SiteSelect } from './site-select.js';

/** 留言 inbox: every message the user may handle, filtered by site, state, mailbox and overdue, paged on the server. */
export function MessageList({ sites }: { sites: readonly InteractionSite[] }) {
  const [siteId, setSiteId] = useState<string>();
  const [state, setState] = useState<MessageState>();
  const [mailbox, setMailbox] = useState<MailboxKind>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = usePortalMessages({
    page,
    pageSize,
    ...(siteId ? { siteId } : {}),
    ...(state ? { state } : {}),
    ...(mailbox ? { mailbox } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="bottom">
        {sites.length > 1 && (
          <Col xs={24} md={7}>
            <label htmlFor="messages-site" className="wb-field-label">网站</label>
            <SiteSelect id="messages-site" sites={sites} value={siteId} onChange={filter(setSiteId)} allowClear />
          </Col>
        )}
        <Col xs={12} md={5}>
          <label htmlFor="messages-state" className="wb-field-label">状态</label>
          <Select<MessageState> id="messages-state" allowClear style={{ width: '100%' }} placeholder="全部状态" value={state} onChange={filter(setState)} options={stateOptions} />
        </Col>
        <Col xs={12} md={5}>
          <label htmlFor="messages-mailbox" className="wb-field-label">信箱</label>
          <Select<MailboxKind> id="messages-mailbox" allowClear style={{ width: '100%' }} placeholder="全部信箱" value={mailbox} onChange={filter(setMailbox)} options={mailboxOptions} />
        </Col>
        <Col xs={24} md={5}>
          <Checkbox checked={overdue} onChange={(e) => filter(setOverdue)(e.target.checked)}>
            只看超期未答复
          </Checkbox>
        </Col>
      </Row>
      {list.isError && <QueryError error={list.error} />}
      <Table<PortalMessageSummary>
        rowKey="id"
        size="middle"
        aria-label="来信列表"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: overdue ? '没有超期未答复的来信' : '没有符合条件的来信' }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
        }}
        columns={[
          { title: '主题', key: 'subject', render: (_v, m) => <Link to={`/interaction/messages/${m.id}`}>{m.subject}</Link> },
          {
            title: '状态',
            key: 'state',
            width: 150,
            render: (_v, m) => (
              <Space size={0} wrap>
                <MessageStateTag state={m.state} />
                <OverdueTag overdue={m.overdue} />
                {m.publishedAt && <span className="wb-kind">已公开</span>}
              </Space>
            ),
          },
          { title: '信箱', key: 'mailbox', width: 100, render: (_v, m) => mailboxLabel(m.mailbox) },
          { title: '网站', dataIndex: 'siteName', width: 150 },
          { title: '承办单位', key: 'unit', width: 150, render: (_v, m) => m.unit?.name ?? '—' },
          { title: '收信时间', key: 'receivedAt', width: 170, render: (_v, m) => formatDateTime(m.receivedAt) },
          { title: '答复期限', key: 'dueOn', width: 110, render: (_v, m) => (m.state === 'answered' || m.state === 'invalid' ? '—' : m.dueOn) },
        ]}
      />
    </>
  );
}
