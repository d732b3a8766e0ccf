import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { invalidReasons, messageActions, type MessageAction } from '../../shared/interaction.js';
import { useInteractionSites, usePortalMessage, useRevealContact, type PortalMessage } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { mailboxLabel, MessageStateTag, OverdueTag } from './labels.js';
import { MessageActions } from './message-actions.js';

const eventColors: Partial<Record<MessageAction, string>> = { invalid: 'gray', send_back: 'red', reject: 'red', remind: 'orange', overdue: 'red', approve: 'green', publish: 'green' };
const actionLabel = (action: string) => messageActions[action as MessageAction] ?? action;

function History({ message }: { message: PortalMessage }) {
  return (
    <Timeline
      items={message.events.map((e, i) => ({
        key: i,
        color: eventColors[e.action as MessageAction] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
            <span className="wb-kind">
              {e.actorName} · {formatDateTime(e.at)}
            </span>
            {e.note && <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

/** The masked phone number, and for whoever may call the writer back a button that shows it whole (audited). */
function Phone({ message }: { message: PortalMessage }) {
  const reveal = useRevealContact(message.id);
  if (reveal.data) return <span>{reveal.data.phone}（查看已记入审计日志）</span>;
  return (
    <Space>
      <span>{message.phoneMasked}</span>
      {message.actions.includes('contact') && (
        <Button size="small" type="link" loading={reveal.isPending} onClick={() => reveal.mutate()}>
          查看完整号码
        </Button>
      )}
      {reveal.isError && <Typography.Text type="danger">{reveal.error.message}</Typography.Text>}
    </Space>
  );
}

/** What the editor needs to know before publishing: whether the writer consented, and whether it is public. */
function Publication({ message }: { message: PortalMessage }) {
  if (message.publishedAt) return <Alert type="success" showIcon title={`已于 ${formatDateTime(message.publishedAt)} 公开`} />;
  if (!message.consent) return <Alert type="info" showIcon title="来信人不同意公开：答复只能由来信人凭查询码查看，不能公开" />;
  return message.state === 'answered' ? <Alert type="info" showIcon title="来信人同意公开，尚未公开" /> : null;
}

/** /interaction/messages/:id — a message with the writer's (masked) details, its answer, its history and the steps left. */
export function MessagePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = usePortalMessage(id);
  const sites = useInteractionSites();
  if (query.isError) return <QueryError error={query.error} />;
  if (!query.data) return <Spin description="正在加载…" />;
  const m = query.data;
  const routingOrgId = sites.data?.items.find((s) => s.id === m.siteId)?.routingOrgId;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <title>{`${m.subject} · 互动交流 · 兴安政务平台`}</title>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回来信列表" onClick={() => void navigate('/interaction')} />
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {m.subject}
            </Typography.Title>
          </Space>
        }
        extra={<MessageActions message={m} routingOrgId={routingOrgId} />}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <MessageStateTag state={m.state} />
            <OverdueTag overdue={m.overdue} />
          </Space>
          <Publication message={m} />
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="信箱">{mailboxLabel(m.mailbox)}</Descriptions.Item>
            <Descriptions.Item label="网站">{m.siteName}</Descriptions.Item>
            <Descriptions.Item label="来信人">{m.writerName}</Descriptions.Item>
            <Descriptions.Item label="联系电话">
              <Phone key={m.id} message={m} />
            </Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{m.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="是否同意公开">{m.consent ? '同意公开' : '不同意公开'}</Descriptions.Item>
            <Descriptions.Item label="收信时间">{formatDateTime(m.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{m.dueOn}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{m.unit?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="查询码">{m.trackingCode}</Descriptions.Item>
            {m.invalidReason && (
              <Descriptions.Item label="无效原因" span={2}>
                {invalidReasons[m.invalidReason]}
                {m.invalidNote ? `：${m.invalidNote}` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          <section aria-label="来信内容">
            <Typography.Title level={3} style={{ fontSize: 16 }}>来信内容</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Paragraph>
          </section>
          {m.answer && (
            <section aria-label="答复">
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                答复{m.state === 'drafted' ? '（待审核）' : ''}
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.answer}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {[m.answerOrgName, m.draftedByName && `拟稿：${m.draftedByName}`, m.approvedByName && `审核：${m.approvedByName}`, m.answeredAt && `答复时间：${formatDateTime(m.answeredAt)}`]
                  .filter(Boolean)
                  .join('　')}
              </Typography.Text>
            </section>
          )}
        </Space>
      </Card>
      <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>办理记录</Typography.Title>}>
        <History message={m} />
      </Card>
    </Space>
  );
}
