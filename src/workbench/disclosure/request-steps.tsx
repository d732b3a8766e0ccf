import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { refusalGrounds, replyKinds, requestLimits, unavailableReasons, type ReplyKind } from '../../shared/disclosure.js';
import { useRequestStep, type DisclosureRequestDetail, type RequestStep } from '../api/disclosure.js';
import { showFieldErrors } from './labels.js';

type Step = RequestStep['step'];

/** The steps the request's state allows (the server checks them again, with its own clock). */
export function allowedSteps(r: DisclosureRequestDetail, today: string): Step[] {
  if (!r.actions.includes('handle')) return [];
  const open = r.status === 'received' || r.status === 'accepted';
  const steps: Step[] = [];
  if (r.status === 'received') steps.push('accept');
  if (open && !r.correctionOn && r.correctionLastDay && today <= r.correctionLastDay) steps.push('correction');
  if (open && !r.consultationOn) steps.push('consultation');
  if (r.status === 'consulting') steps.push('consultation/end');
  if (open && r.extensionDays === 0 && (!r.deadline || today <= r.deadline)) steps.push('extend');
  if (open) steps.push('reply');
  return steps;
}

const stepLabels: Record<Step, string> = {
  accept: '受理',
  correction: '补正告知',
  consultation: '征求第三方意见',
  'consultation/end': '第三方意见返回',
  extend: '延期答复',
  reply: '答复',
};

/** The buttons of the allowed steps; each opens its dialog (受理 only asks to confirm). */
export function RequestStepBar({ request, today }: { request: DisclosureRequestDetail; today: string }) {
  const { message, modal } = AntApp.useApp();
  const run = useRequestStep(request.id);
  const [open, setOpen] = useState<Step>();
  const steps = allowedSteps(request, today);
  if (!steps.length) return null;
  const accept = () =>
    modal.confirm({
      title: '受理该申请？',
      content: `答复期限 ${request.deadline ?? '—'}（自收到申请之日起 ${requestLimits.replyDays} 个工作日）。`,
      okText: '受理',
      cancelText: '取消',
      onOk: () => run.mutateAsync({ revision: request.revision, input: { step: 'accept' } }).then(() => void message.success('已受理'), (e: Error) => void message.error(e.message)),
    });
  return (
    <Space wrap>
      {steps.map((s) => (
        <Button key={s} type={s === 'reply' || s === 'accept' ? 'primary' : 'default'} onClick={() => (s === 'accept' ? accept() : setOpen(s))}>
          {stepLabels[s]}
        </Button>
      ))}
      {open && open !== 'accept' && <StepModal request={request} step={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

type Values = Record<string, string | number | undefined>;
const fieldNames = ['notice', 'party', 'note', 'days', 'reason', 'kind', 'refusalGround', 'unavailableReason', 'basis', 'location', 'holder', 'text'];
const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function toInput(step: Exclude<Step, 'accept'>, v: Values): RequestStep {
  switch (step) {
    case 'correction':
      return { step, notice: String(v.notice ?? '') };
    case 'consultation':
      return { step, party: String(v.party ?? ''), ...(str(v.note) ? { note: str(v.note) } : {}) };
    case 'consultation/end':
      return { step, ...(str(v.note) ? { note: str(v.note) } : {}) };
    case 'extend':
      return { step, days: Number(v.days), reason: String(v.reason ?? '') };
    case 'reply': {
      const kind = v.kind as ReplyKind;
      const pick = (k: string) => (str(v[k]) ? { [k]: str(v[k]) } : {});
      return { step, kind, ...pick('refusalGround'), ...pick('unavailableReason'), ...pick('reason'), ...pick('basis'), ...pick('location'), ...pick('holder'), ...pick('text') } as RequestStep;
    }
  }
}

const done: Record<Exclude<Step, 'accept'>, string> = {
  correction: '已发出补正告知，计时暂停',
  consultation: '已征求第三方意见，计时暂停',
  'consultation/end': '已恢复计时',
  extend: '已延期',
  reply: '已答复，告知书已生成',
};

function StepModal({ request, step, onClose }: { request: DisclosureRequestDetail; step: Exclude<Step, 'accept'>; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const run = useRequestStep(request.id);
  const kind = Form.useWatch('kind', form) as ReplyKind | undefined;
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  let fields: ReactNode;
  switch (step) {
    case 'correction':
      fields = (
        <Form.Item label="需要补正的事项" name="notice" rules={[...required('请写明需要补正的事项'), { min: 5, message: '至少 5 个字' }]} extra={`补正告知只能一次，须在 ${request.correctionLastDay ?? '—'} 前作出；申请人补正后答复期限重新计算。`}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      );
      break;
    case 'consultation':
      fields = (
        <>
          <Form.Item label="第三方" name="party" rules={required('请写明第三方')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="说明" name="note" extra={`征求意见期间暂停计时，最长 ${requestLimits.maxConsultationDays} 个工作日不计入答复期限。`}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case 'consultation/end':
      fields = (
        <Form.Item label="第三方意见" name="note">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      );
      break;
    case 'extend':
      fields = (
        <>
          <Form.Item label="延长的工作日数" name="days" rules={[{ required: true, message: '请填写天数' }]} extra={`只能延期一次，最长 ${requestLimits.maxExtensionDays} 个工作日；理由显示在申请人的查询页面。`}>
            <InputNumber min={1} max={requestLimits.maxExtensionDays} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="延期理由" name="reason" rules={required('请写明延期理由')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case 'reply':
      fields = (
        <>
          <Form.Item label="答复类型" name="kind" rules={[{ required: true, message: '请选择答复类型' }]}>
            <Select options={options(replyKinds)} placeholder="条例第三十六条" />
          </Form.Item>
          {kind === 'already_public' && (
            <Form.Item label="获取途径" name="location" rules={required('须告知获取该政府信息的方式、途径')}>
              <Input.TextArea rows={2} maxLength={500} placeholder="网址或查阅场所" />
            </Form.Item>
          )}
          {(kind === 'partly_provided' || kind === 'refused') && (
            <Form.Item label="不予公开的理由类别" name="refusalGround" rules={[{ required: true, message: '请选择不予公开的理由类别' }]}>
              <Select options={options(refusalGrounds)} />
            </Form.Item>
          )}
          {kind === 'not_exist' && (
            <Form.Item label="具体情形" name="unavailableReason" initialValue="not_held">
              <Select options={options(unavailableReasons)} />
            </Form.Item>
          )}
          {(kind === 'partly_provided' || kind === 'refused' || kind === 'not_exist') && (
            <Form.Item label="理由" name="reason" rules={kind === 'not_exist' ? [] : required('不予公开的，须说明理由')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
          {(kind === 'partly_provided' || kind === 'refused' || kind === 'other_law') && (
            <Form.Item label={kind === 'other_law' ? '有特别规定的法律、行政法规' : '法律依据'} name="basis" rules={required(kind === 'other_law' ? '须写明对信息获取有特别规定的法律、行政法规' : '不予公开的，须写明法律依据')}>
              <Input maxLength={500} />
            </Form.Item>
          )}
          {kind === 'not_held' && (
            <Form.Item label="负责公开的机关及联系方式" name="holder" rules={required('须告知负责公开的机关名称和联系方式')}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          {kind && (
            <Form.Item label="补充说明" name="text">
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          )}
        </>
      );
      break;
  }
  return (
    <Modal open width={640} title={stepLabels[step]} okText="确定" cancelText="取消" confirmLoading={run.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name={`disclosure-${step.replace('/', '-')}`}
        onFinish={(v) =>
          run.mutate(
            { revision: request.revision, input: toInput(step, v) },
            { onSuccess: () => (void message.success(done[step]), onClose()), onError: (e) => void (showFieldErrors(form, e, fieldNames) || message.error(e.message)) },
          )
        }
      >
        {fields}
      </Form>
    </Modal>
  );
}
