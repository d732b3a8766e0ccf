import { Alert, Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { flowActions, sendStepLabel } from '../../shared/documents.js';
import { roleLabel } from '../../shared/roles.js';
import type { DocumentFlowEvent, DocumentView } from '../api/documents.js';
import { formatDateTime } from '../shell/format.js';
import { DueTag } from './labels.js';

/** The step the document waits at and who may act on it, with each task's deadline. */
export function CurrentStep({ doc }: { doc: DocumentView }) {
  if (doc.status === 'issued') return <Alert type="success" showIcon title="已核发，流程结束" />;
  if (doc.status === 'cancelled') return <Alert type="warning" showIcon title="公文已撤销" />;
  if (!doc.currentStep) return null;
  return (
    <Card size="small" title={`当前环节：${sendStepLabel(doc.currentStep)}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {doc.openTasks.map((t) => (
          <Space key={t.id} wrap>
            <span>
              办理人：{t.userId ? (t.step === 'draft' ? doc.draftedByName : '指定人员') : `${t.orgName} ${t.role ? roleLabel(t.role) : ''}`}
            </span>
            <span>
              期限：<DueTag dueOn={t.dueOn} overdue={t.overdue} />
            </span>
            {t.reminders > 0 && <Tag color="gold">已催办 {t.reminders} 次</Tag>}
          </Space>
        ))}
      </Space>
    </Card>
  );
}

const colours: Partial<Record<DocumentFlowEvent['action'], string>> = { return: 'red', cancel: 'gray', sign_off: 'green', issue: 'green' };

/** 流转记录: every action on the document — who, when, at which step, and the opinion or reason. */
export function FlowHistory({ events }: { events: readonly DocumentFlowEvent[] }) {
  if (!events.length) return <Empty description="暂无流转记录" />;
  return (
    <Timeline
      aria-label="流转记录"
      items={events.map((e) => ({
        key: e.id,
        color: colours[e.action] ?? 'blue',
        content: (
          <div className="wb-flow-event">
            <Space wrap size={6}>
              <Typography.Text strong>{sendStepLabel(e.step)}</Typography.Text>
              <Tag color={colours[e.action] === 'red' ? 'red' : undefined}>{flowActions[e.action]}</Tag>
              {e.action === 'return' && e.toStep && <span>退回至“{sendStepLabel(e.toStep)}”</span>}
              <span>{e.actorName}</span>
              {e.orgName && <Typography.Text type="secondary">{e.orgName}</Typography.Text>}
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </Space>
            {e.opinion && (
              <div className="wb-flow-opinion">
                {e.action === 'return' ? '退回理由' : e.action === 'cancel' ? '撤销理由' : '意见'}：{e.opinion}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
