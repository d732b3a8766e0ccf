import { Button, Descriptions, Drawer, Tag, Typography } from 'antd';
import type { AuditEvent } from '../api/audit.js';
import { formatDateTime } from '../shell/format.js';
import { actionLabel, outcomeLabels } from './labels.js';

interface Props {
  event: AuditEvent | undefined;
  onClose: () => void;
  onFilterActor: (actorId: string) => void;
}

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** Every field of one audit record, its details and its place in the hash chain. */
export function AuditEventDrawer({ event: e, onClose, onFilterActor }: Props) {
  return (
    <Drawer title={e ? `审计记录 #${e.seq}` : '审计记录'} open={Boolean(e)} size={640} onClose={onClose}>
      {e && (
        <Descriptions
          bordered
          column={1}
          size="small"
          items={[
            { key: 'seq', label: '序号', children: e.seq },
            { key: 'at', label: '时间', children: `${formatDateTime(e.at)}（${e.at}）` },
            {
              key: 'actor',
              label: '操作人',
              children: e.actorId ? (
                <span>
                  {e.actorName ?? ''} <Typography.Text code copyable>{e.actorId}</Typography.Text>
                  <Button type="link" size="small" onClick={() => onFilterActor(e.actorId!)}>只看此人</Button>
                </span>
              ) : (
                '匿名'
              ),
            },
            { key: 'org', label: '单位 ID', children: e.orgId ?? none },
            { key: 'ip', label: 'IP 地址', children: e.ip ?? none },
            { key: 'action', label: '动作', children: <span>{actionLabel(e.action) ?? ''} <Typography.Text code>{e.action}</Typography.Text></span> },
            { key: 'object', label: '对象', children: e.object ? `${e.object.type}${e.object.id ? ` · ${e.object.id}` : ''}` : none },
            { key: 'outcome', label: '结果', children: <Tag color={outcomeLabels[e.outcome].color}>{outcomeLabels[e.outcome].label}</Tag> },
            { key: 'request', label: '请求 ID', children: e.requestId ? <Typography.Text code copyable>{e.requestId}</Typography.Text> : none },
            {
              key: 'details',
              label: '详情',
              children: <pre className="wb-json">{JSON.stringify(e.details, null, 2)}</pre>,
            },
            { key: 'hash', label: '哈希（SM3）', children: <Typography.Text code copyable className="wb-hash">{e.hash}</Typography.Text> },
          ]}
        />
      )}
    </Drawer>
  );
}
