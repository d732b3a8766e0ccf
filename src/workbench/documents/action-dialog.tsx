import { Alert, Form, Input, Modal, Select } from 'antd';
import { sendStepLabel, type SendStep } from '../../shared/documents.js';
import { useOrg } from '../api/client.js';
import type { DocumentView, FlowCommand } from '../api/documents.js';
import { RuleProblemsAlert } from './rule-problems-alert.js';
import { ruleProblems } from '../api/documents.js';

export type DialogAction = FlowCommand['action'];

/** What each action's dialog asks and says. */
export const actionTexts: Record<DialogAction, { button: string; title: string; ok: string; opinion?: string; confirm?: string }> = {
  submit: { button: '送审', title: '送审', ok: '送审', opinion: '送审说明（可选）' },
  approve: { button: '同意', title: '审核同意', ok: '同意', opinion: '审核意见' },
  countersign: { button: '会签', title: '会签', ok: '会签', opinion: '会签意见' },
  signOff: { button: '签发', title: '领导签发', ok: '签发', opinion: '签发意见' },
  register: { button: '登记编号', title: '编号登记', ok: '登记', confirm: '登记后取得发文字号；号码连续且不重复使用。' },
  seal: { button: '用印', title: '用印', ok: '用印', confirm: '将按 GB/T 9704 生成正式公文，并以发文机关的电子印章签章。' },
  issue: { button: '核发', title: '核发', ok: '核发', confirm: '将立即分发到全部主送、抄送机关的收文箱。' },
  return: { button: '退回', title: '退回', ok: '退回' },
  cancel: { button: '撤销', title: '撤销公文', ok: '撤销' },
};

interface DialogValues {
  opinion?: string;
  orgId?: string;
  prefix?: string;
  toStep?: SendStep;
  reason?: string;
}

interface ActionDialogProps {
  readonly action: DialogAction;
  readonly doc: DocumentView;
  /** Earlier steps the document may go back to (the server's `returnTargets`). */
  readonly returnTargets: readonly SendStep[];
  readonly pending: boolean;
  readonly error: unknown;
  readonly onRun: (command: FlowCommand) => void;
  readonly onClose: () => void;
}

/** One action's dialog: its opinion, reason, step or prefix, and the server's refusal if any. */
export function ActionDialog({ action, doc, returnTargets, pending, error, onRun, onClose }: ActionDialogProps) {
  const [form] = Form.useForm<DialogValues>();
  const text = actionTexts[action];
  const issuer = useOrg(action === 'register' ? doc.orgId : null);
  const prefixes = issuer.data?.docPrefixes ?? [];
  const countersignOrgs = doc.openTasks.filter((t) => t.step === 'countersign');
  const title = action === 'approve' && doc.currentStep ? `${sendStepLabel(doc.currentStep)}：同意` : text.title;

  const finish = (v: DialogValues) => {
    const opinion = v.opinion?.trim() || undefined;
    switch (action) {
      case 'register':
        return onRun({ action, ...(v.prefix ? { prefix: v.prefix } : {}) });
      case 'countersign':
        return onRun({ action, ...(opinion ? { opinion } : {}), ...(v.orgId ? { orgId: v.orgId } : {}) });
      case 'return':
        return onRun({ action, toStep: v.toStep!, reason: v.reason!.trim() });
      case 'cancel':
        return onRun({ action, reason: v.reason!.trim() });
      default:
        return onRun({ action, ...(opinion ? { opinion } : {}) });
    }
  };

  const problems = ruleProblems(error);
  return (
    <Modal
      open
      title={title}
      okText={text.ok}
      cancelText="取消"
      okButtonProps={{ danger: action === 'cancel' || action === 'return' }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DialogValues> form={form} layout="vertical" name={`document-${action}`} onFinish={finish} initialValues={{ prefix: prefixes[0], toStep: returnTargets.at(-1) }}>
        {text.confirm && <p>{text.confirm}</p>}
        {action === 'register' && prefixes.length > 1 && (
          <Form.Item label="机关代字" name="prefix">
            <Select options={prefixes.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
        )}
        {action === 'countersign' && countersignOrgs.length > 1 && (
          <Form.Item label="代表机关" name="orgId" extra="可代表多个联合发文机关时，选择本次会签的机关">
            <Select allowClear options={countersignOrgs.map((t) => ({ value: t.orgId, label: t.orgName }))} />
          </Form.Item>
        )}
        {action === 'return' && (
          <Form.Item label="退回到" name="toStep" rules={[{ required: true, message: '请选择退回到的环节' }]}>
            <Select options={returnTargets.map((s) => ({ value: s, label: sendStepLabel(s) }))} notFoundContent="没有可退回的环节" />
          </Form.Item>
        )}
        {(action === 'return' || action === 'cancel') && (
          <Form.Item label={action === 'return' ? '退回理由' : '撤销理由'} name="reason" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} />
          </Form.Item>
        )}
        {text.opinion && (
          <Form.Item label={text.opinion} name="opinion">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={action === 'signOff' ? '如：同意印发' : action === 'approve' ? '如：同意' : undefined} />
          </Form.Item>
        )}
      </Form>
      {problems.length > 0 ? (
        <RuleProblemsAlert problems={problems} />
      ) : (
        error instanceof Error && <Alert type="error" showIcon title={error.message} />
      )}
    </Modal>
  );
}
