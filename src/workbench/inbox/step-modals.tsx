import { App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { useIncomingStep, type Incoming } from '../api/inbox.js';
import { OrgPicker } from '../orgs/org-picker.js';
import { showFieldErrors } from './labels.js';

interface ModalProps {
  readonly doc: Incoming;
  readonly open: boolean;
  readonly onClose: () => void;
}

/** The steps that take one text (and 拟办 a suggested lead unit). */
export const textSteps = {
  propose: { title: '拟办', field: 'opinion', label: '拟办意见', required: true, ok: '提交拟办', done: '已提交拟办意见', placeholder: '如：拟请××局牵头办理，××局协办' },
  handle: { title: '承办', field: 'opinion', label: '办理情况', required: true, ok: '提交', done: '已记录办理情况', placeholder: '办理进展或协办意见' },
  markRead: { title: '阅文', field: 'comment', label: '阅批意见', required: false, ok: '标记已阅', done: '已标记为已阅', placeholder: '可不填' },
  remind: { title: '催办', field: 'message', label: '催办内容', required: false, ok: '发送催办', done: '已催办', placeholder: '不填则为“请于办理时限前办结”' },
} as const;
export type TextStep = keyof typeof textSteps;

const closeAfter = (form: { resetFields: () => void }, onClose: () => void) => () => {
  form.resetFields();
  onClose();
};

export function TextStepModal({ doc, open, onClose, step }: Omit<ModalProps, 'doc'> & { doc: Pick<Incoming, 'id' | 'title'>; step: TextStep }) {
  const config = textSteps[step];
  const [form] = Form.useForm<{ text?: string; leadOrgId?: string }>();
  const mutation = useIncomingStep(step);
  const { message } = AntApp.useApp();
  const done = closeAfter(form, onClose);

  const onFinish = (values: { text?: string; leadOrgId?: string }) => {
    const text = values.text?.trim();
    const body = { ...(text ? { [config.field]: text } : {}), ...(step === 'propose' && values.leadOrgId ? { leadOrgId: values.leadOrgId } : {}) };
    mutation.mutate(
      { id: doc.id, body: body as never },
      {
        onSuccess: () => (void message.success(config.done), done()),
        onError: (error) => void (showFieldErrors(form, error, []) || message.error(error.message)),
      },
    );
  };

  return (
    <Modal title={`${config.title}：${doc.title}`} open={open} okText={config.ok} cancelText="取消" confirmLoading={mutation.isPending} onOk={() => form.submit()} onCancel={done} forceRender>
      <Form form={form} layout="vertical" name={`incoming-${step}`} onFinish={onFinish}>
        <Form.Item label={config.label} name="text" rules={config.required ? [{ required: true, whitespace: true, message: `请填写${config.label}` }] : []}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={config.placeholder} />
        </Form.Item>
        {step === 'propose' && (
          <Form.Item label="建议承办单位" name="leadOrgId" extra="可不填；由领导批办时确定">
            <OrgPicker placeholder="本机关或其下属单位" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 初审: accept, or return to the sender with a reason (the sender reads it in the receipts). */
export function ReviewModal({ doc, open, onClose }: ModalProps) {
  const [form] = Form.useForm<{ decision: 'accept' | 'return'; text?: string }>();
  const decision = Form.useWatch('decision', form);
  const review = useIncomingStep('review');
  const { message } = AntApp.useApp();
  const done = closeAfter(form, onClose);

  const onFinish = ({ decision: d, text }: { decision: 'accept' | 'return'; text?: string }) => {
    const body = d === 'return' ? { decision: d, reason: text?.trim() ?? '' } : { decision: d, ...(text?.trim() ? { opinion: text.trim() } : {}) };
    review.mutate(
      { id: doc.id, body },
      {
        onSuccess: () => (void message.success(d === 'return' ? '已退回发文机关' : '初审通过'), done()),
        onError: (error) => void message.error(error.message),
      },
    );
  };

  return (
    <Modal title={`初审：${doc.title}`} open={open} okText={decision === 'return' ? '退回' : '通过'} okButtonProps={{ danger: decision === 'return' }} cancelText="取消" confirmLoading={review.isPending} onOk={() => form.submit()} onCancel={done} forceRender>
      <Form form={form} layout="vertical" name="incoming-review" onFinish={onFinish} initialValues={{ decision: 'accept' }}>
        <Form.Item label="初审结论" name="decision">
          <Radio.Group
            options={[
              { value: 'accept', label: '通过' },
              { value: 'return', label: '退回发文机关' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={decision === 'return' ? '退回理由' : '初审意见'}
          name="text"
          rules={decision === 'return' ? [{ required: true, whitespace: true, message: '请填写退回理由' }] : []}
          extra={decision === 'return' ? '退回理由将随回执告知发文机关' : '可不填'}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 办结: the result, linked to the reply document (an issued 复文 answering this one) when there is one. */
export function CompleteModal({ doc, open, onClose }: ModalProps) {
  const [form] = Form.useForm<{ result: string; replyDocumentId?: string }>();
  const complete = useIncomingStep('complete');
  const { message } = AntApp.useApp();
  const done = closeAfter(form, onClose);
  const issued = doc.replies.filter((r) => r.issuedAt);

  const onFinish = ({ result, replyDocumentId }: { result: string; replyDocumentId?: string }) =>
    complete.mutate(
      { id: doc.id, body: { result: result.trim(), ...(replyDocumentId ? { replyDocumentId } : {}) } },
      {
        onSuccess: () => (void message.success('已办结'), done()),
        onError: (error) => void (showFieldErrors(form, error, ['result', 'replyDocumentId']) || message.error(error.message)),
      },
    );

  return (
    <Modal title={`办结：${doc.title}`} open={open} okText="办结" cancelText="取消" confirmLoading={complete.isPending} onOk={() => form.submit()} onCancel={done} forceRender>
      <Form form={form} layout="vertical" name="incoming-complete" onFinish={onFinish}>
        <Form.Item label="办理结果" name="result" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="复文" name="replyDocumentId" extra={issued.length ? '不选时自动关联已核发的复文' : '尚无答复本收文的已核发公文'}>
          <Select
            allowClear
            disabled={!issued.length}
            options={issued.map((r) => ({ value: r.id, label: r.docNumber ? `${r.docNumber} ${r.title}` : r.title }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
