import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { articleActions } from '../../shared/portal.js';
import type { PortalArticle } from '../api/portal.js';
import { formatDateTime } from '../shell/format.js';

type ArticleEvent = PortalArticle['events'][number];
const colours: Partial<Record<ArticleEvent['action'], string>> = { reject: 'red', withdraw: 'gray', publish: 'green', approve: 'green', schedule: 'purple' };

/** 流转记录: who did what and when, with the version it concerned and the reason given. */
export function ArticleHistory({ events }: { events: readonly ArticleEvent[] }) {
  if (!events.length) return <Empty description="暂无记录" />;
  return (
    <Timeline
      aria-label="流转记录"
      items={events.map((e, i) => ({
        key: i,
        color: colours[e.action] ?? 'blue',
        content: (
          <div>
            <Space wrap size={6}>
              <Tag color={colours[e.action] === 'red' ? 'red' : undefined}>{articleActions[e.action]}</Tag>
              <span>{e.actorName}</span>
              <Typography.Text type="secondary">第 {e.version} 版</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </Space>
            {e.reason && <div className="wb-flow-opinion">{e.action === 'reject' ? '退回原因' : e.action === 'withdraw' ? '撤稿原因' : '说明'}：{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
