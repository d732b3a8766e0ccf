import { App as AntApp, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { invalidReasons, type InvalidReason } from '../../shared/interaction.js';
import { useMessageStep, type MessageCommand, type PortalMessage } from '../api/interaction.js';
import { UnitPicker } from './unit-picker.js';

type Dialog = 'triage' | 'route' | 'send-back' | 'draft' | 'approve' | 'reject' | 'publish';

interface DialogConfig {
  readonly title: string;
  readonly ok: string;
  readonly done: string;
  readonly danger?: boolean;
}

const dialogs: Record<Dialog, DialogConfig> = {
  triage: { title: '受理', ok: '确定', done: '已处理' },
  route: { title: '转办', ok: '转办', done: '已转办' },
  'send-back': { title: '退回重新分办', ok: '退回', done: '已退回重新分办', danger: true },
  draft: { title: '拟写答复', ok: '提交审核', done: '答复已提交审核' },
  approve: { title: '审核通过', ok: '通过并答复', done: '答复已通过' },
  reject: { title: '退回修改答复', ok: '退回', done: '已退回修改', danger: true },
  publish: { title: '公开', ok: '公开', done: '已公开' },
};

/** The buttons each server action opens, in the order of the flow. */
const buttonsFor: Record<string, readonly { dialog: Dialog; label: string; primary?: boolean; danger?: boolean }[]> = {
  triage: [{ dialog: 'triage', label: '受理 / 标记无效', primary: true }],
  route: [{ dialog: 'route', label: '转办', primary: true }],
  draft: [{ dialog: 'draft', label: '拟写答复', primary: true }],
  sendBack: [{ dialog: 'send-back', label: '退回重新分办', danger: true }],
  approve: [
    { dialog: 'approve', label: '审核通过', primary: true },
    { dialog: 'reject', label: '退回修改', danger: true },
  ],
  publish: [{ dialog: 'publish', label: '公开', primary: true }],
};

interface Values {
  decision?: 'accept' | 'invalid';
  reason?: string;
  invalidReason?: InvalidReason;
  note?: string;
  unitOrgId?: string;
  answer?: string;
}

function commandOf(dialog: Dialog, v: Values): MessageCommand {
  const note = v.note?.trim() ? { note: v.note.trim() } : {};
  switch (dialog) {
    case 'triage':
      return v.decision === 'invalid' ? { step: 'triage', body: { decision: 'invalid', reason: v.invalidReason ?? 'other', ...note } } : { step: 'triage', body: { decision: 'accept', ...note } };
    case 'route':
      return { step: 'route', body: { unitOrgId: v.unitOrgId ?? '', ...note } };
    case 'send-back':
    case 'reject':
      return { step: dialog, body: { reason: v.reason?.trim() ?? '' } };
    case 'draft':
      return { step: 'draft', body: { answer: v.answer?.trim() ?? '' } };
    case 'approve':
      return { step: 'approve', body: note };
    case 'publish':
      return { step: 'publish' };
  }
}

/** Only the steps the server offers this user now, each with its dialog. */
export function MessageActions({ message, routingOrgId }: { message: PortalMessage; routingOrgId: string | undefined }) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const step = useMessageStep(message.id);
  const { message: toast } = AntApp.useApp();
  const buttons = message.actions.flatMap((a) => buttonsFor[a] ?? []);
  if (!buttons.length) return null;

  const close = () => (form.resetFields(), setOpen(null));
  const config = open ? dialogs[open] : null;
  const onFinish = (values: Values) => {
    if (!open) return;
    step.mutate(commandOf(open, values), {
      onSuccess: () => (void toast.success(dialogs[open].done), close()),
      onError: (error) => void toast.error(error.message),
    });
  };
  const start = (dialog: Dialog) => {
    form.resetFields();
    if (dialog === 'draft' && message.answer) form.setFieldsValue({ answer: message.answer });
    setOpen(dialog);
  };

  return (
    <>
      <Space wrap>
        {buttons.map((b) => (
          <Button key={b.dialog} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => start(b.dialog)}>
            {b.label}
          </Button>
        ))}
      </Space>
      <Modal
        title={config ? `${config.title}：${message.subject}` : ''}
        open={open !== null}
        okText={config?.ok}
        okButtonProps={{ danger: config?.danger }}
        cancelText="取消"
        confirmLoading={step.isPending}
        onOk={() => form.submit()}
        onCancel={close}
        forceRender
        width={open === 'draft' ? 720 : 520}
      >
        <Form form={form} layout="vertical" name="message-step" onFinish={onFinish} initialValues={{ decision: 'accept' }}>
          {open === 'triage' && (
            <>
              <Form.Item label="处理" name="decision">
                <Radio.Group options={[{ value: 'accept', label: '受理' }, { value: 'invalid', label: '标记无效' }]} />
              </Form.Item>
              {decision === 'invalid' && (
                <Form.Item label="无效原因" name="invalidReason" rules={[{ required: true, message: '请选择无效原因' }]}>
                  <Select options={Object.entries(invalidReasons).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
              )}
              <Form.Item label="说明" name="note" rules={decision === 'invalid' ? [{ required: true, whitespace: true, message: '标记无效须说明理由' }] : []}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
            </>
          )}
          {open === 'route' && (
            <>
              <Form.Item label="承办单位" name="unitOrgId" rules={[{ required: true, message: '请选择承办单位' }]}>
                {routingOrgId ? <UnitPicker rootOrgId={routingOrgId} /> : <Input disabled placeholder="无法确定本网站的主办单位" />}
              </Form.Item>
              <Form.Item label="转办意见" name="note">
                <Input.TextArea rows={3} maxLength={500} showCount placeholder="可不填" />
              </Form.Item>
            </>
          )}
          {(open === 'send-back' || open === 'reject') && (
            <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
              <Input.TextArea rows={4} maxLength={500} showCount />
            </Form.Item>
          )}
          {open === 'draft' && (
            <Form.Item label="答复内容" name="answer" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]} extra="答复经审核通过后来信人可凭查询码查看；来信人同意公开的，编辑可将来信和答复公开。">
              <Input.TextArea rows={10} maxLength={5000} showCount />
            </Form.Item>
          )}
          {open === 'approve' && (
            <Form.Item label="审核意见" name="note">
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="可不填" />
            </Form.Item>
          )}
          {open === 'publish' && <p>来信人同意公开。公开后来信和答复将显示在网站的“来信选登”中，不含来信人的姓名、电话和邮箱。</p>}
        </Form>
      </Modal>
    </>
  );
}
