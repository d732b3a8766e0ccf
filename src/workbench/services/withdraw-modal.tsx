import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { useWithdrawServiceItem, type ServiceItem } from '../api/services.js';

/** 撤回: the item leaves the guide and the search; its code stays taken. The reason is kept with it. */
export function WithdrawModal({ item, onClose }: { item: ServiceItem; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawServiceItem();
  const submit = ({ reason }: { reason: string }) =>
    withdraw.mutate(
      { id: item.id, reason: reason.trim() },
      {
        onSuccess: () => (void message.success('已撤回'), onClose()),
        onError: (e) => {
          const field = e.fields.find((f) => f.path.endsWith('reason'));
          if (field) form.setFields([{ name: 'reason', errors: [field.message] }]);
          else void message.error(e.message);
        },
      },
    );
  return (
    <Modal
      open
      title={`撤回“${item.name}”`}
      okText="撤回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={withdraw.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>撤回后网站不再显示该事项的办事指南；事项编码 {item.code} 保留，不再使用。</Typography.Paragraph>
      <Form form={form} layout="vertical" name="service-withdraw" onFinish={submit}>
        <Form.Item label="撤回原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请写明撤回原因' }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder="如 事项已取消、已调整到其他实施机关" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
