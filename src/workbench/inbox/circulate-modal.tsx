import { App as AntApp, Checkbox, Empty, Form, Input, Modal, Space, Spin, Tag } from 'antd';
import { roleLabel } from '../../shared/roles.js';
import { useCirculationReaders, useIncomingStep, type Incoming } from '../api/inbox.js';

interface Values {
  userIds: string[];
  note?: string;
}

/** 传阅: choose leaders and colleagues of the receiving organisation; their reading is tracked. */
export function CirculateModal({ doc, open, onClose }: { doc: Incoming; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const readers = useCirculationReaders(doc.id, open);
  const circulate = useIncomingStep('circulate');
  const { message } = AntApp.useApp();
  const already = new Set(doc.circulation.map((c) => c.userId));
  const done = () => {
    form.resetFields();
    onClose();
  };

  const onFinish = (values: Values) =>
    circulate.mutate(
      { id: doc.id, body: { userIds: values.userIds, ...(values.note?.trim() ? { note: values.note.trim() } : {}) } },
      {
        onSuccess: () => (void message.success(`已送 ${values.userIds.length} 人传阅`), done()),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <Modal title={`传阅：${doc.title}`} open={open} okText="送阅" cancelText="取消" confirmLoading={circulate.isPending} onOk={() => form.submit()} onCancel={done} forceRender>
      <Form<Values> form={form} layout="vertical" name="incoming-circulate" onFinish={onFinish}>
        {readers.isPending ? (
          <Spin description="正在加载可传阅的人员…" />
        ) : readers.data?.items.length ? (
          <Form.Item label="阅件人" name="userIds" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一位阅件人' }]}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Space orientation="vertical" role="group" aria-label="阅件人">
                {readers.data.items.map((r) => (
                  <Checkbox key={r.id} value={r.id} disabled={already.has(r.id)}>
                    {r.displayName}
                    {r.roles.map((role) => (
                      <Tag key={role} style={{ marginLeft: 6 }}>
                        {roleLabel(role)}
                      </Tag>
                    ))}
                    {already.has(r.id) && <span className="wb-kind">已送阅</span>}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        ) : (
          <Empty description={readers.error?.message ?? '本机关没有可传阅的人员'} />
        )}
        <Form.Item label="附言" name="note">
          <Input.TextArea rows={2} maxLength={2000} placeholder="可不填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
