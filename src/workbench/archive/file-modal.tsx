import { Alert, App as AntApp, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { archiveSources, retentionKeys, retentionPeriods, type ArchiveSource } from '../../shared/documents-receiving.js';
import { useCompletedIncoming, useFileDocument, useIssuedDocuments, type ArchiveItemDetail, type Retention } from '../api/archive.js';
import { useDebounced } from '../orgs/use-debounced.js';

interface Values {
  source: ArchiveSource;
  targetId?: string;
  retention: Retention;
  unitCode?: string;
  unitName?: string;
}

export interface FilingTarget {
  readonly source: 'received';
  readonly incomingId: string;
  readonly title: string;
}

interface FileModalProps {
  readonly open: boolean;
  readonly orgId: string | undefined;
  /** A document chosen beforehand (归档 on the incoming document's page); otherwise the clerk picks one. */
  readonly target?: FilingTarget;
  readonly onClose: () => void;
  readonly onFiled?: (item: ArchiveItemDetail) => void;
}

/** 归档: a finished incoming document or an issued one becomes a 件 with its 档号 and the 归档章. */
export function FileModal({ open, orgId, target, onClose, onFiled }: FileModalProps) {
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'received';
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const picking = open && !target;
  const incoming = useCompletedIncoming(orgId, q, picking && source === 'received');
  const sent = useIssuedDocuments(orgId, q, picking && source === 'sent');
  const file = useFileDocument();
  const { message } = AntApp.useApp();
  const done = () => {
    form.resetFields();
    file.reset();
    setSearch('');
    onClose();
  };

  const options =
    source === 'received'
      ? (incoming.data?.items ?? []).filter((i) => i.actions.includes('file')).map((i) => ({ value: i.id, label: `${i.receiptNumber ?? ''} ${i.title}`.trim() }))
      : (sent.data?.items ?? []).map((d) => ({ value: d.id, label: d.docNumber ? `${d.docNumber} ${d.title}` : d.title }));

  const onFinish = (values: Values) => {
    const common = { retention: values.retention, ...(values.unitCode ? { unitCode: values.unitCode } : {}), ...(values.unitName ? { unitName: values.unitName } : {}) };
    const body = target
      ? { source: 'received' as const, incomingId: target.incomingId, ...common }
      : values.source === 'sent'
        ? { source: 'sent' as const, documentId: values.targetId!, ...common }
        : { source: 'received' as const, incomingId: values.targetId!, ...common };
    file.mutate(body, {
      onSuccess: (item) => {
        void message.success(`已归档，档号 ${item.archivalCode}`);
        onFiled?.(item);
        done();
      },
    });
  };

  return (
    <Modal title={target ? `归档：${target.title}` : '归档'} open={open} okText="归档" cancelText="取消" width={640} confirmLoading={file.isPending} onOk={() => form.submit()} onCancel={done} forceRender>
      {file.error && <Alert type="error" showIcon title={file.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="archive-file" onFinish={onFinish} initialValues={{ source: 'received' }}>
        {!target && (
          <>
            <Form.Item label="来源" name="source">
              <Radio.Group
                onChange={() => form.setFieldValue('targetId', undefined)}
                options={(Object.keys(archiveSources) as ArchiveSource[]).map((s) => ({ value: s, label: s === 'received' ? '已办结的收文' : '已核发的发文' }))}
              />
            </Form.Item>
            <Form.Item label="文件" name="targetId" rules={[{ required: true, message: '请选择要归档的文件' }]}>
              <Select
                showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
                loading={incoming.isFetching || sent.isFetching}
                options={options}
                notFoundContent={source === 'received' ? '没有待归档的已办结收文' : '没有已核发的发文'}
              />
            </Form.Item>
          </>
        )}
        <Form.Item label="保管期限" name="retention" rules={[{ required: true, message: '请选择保管期限' }]}>
          <Radio.Group options={retentionKeys.map((r) => ({ value: r, label: `${retentionPeriods[r].label}（${r}）` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="机构（问题）代码" name="unitCode" extra="不填取全宗设置">
              <Input maxLength={6} placeholder="如 BGS" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="机构（问题）名称" name="unitName">
              <Input maxLength={20} placeholder="如 办公室" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
