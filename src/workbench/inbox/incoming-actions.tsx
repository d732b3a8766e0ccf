import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useIncomingStep, type Incoming, type IncomingAction } from '../api/inbox.js';
import { FileModal } from '../archive/file-modal.js';
import { CirculateModal } from './circulate-modal.js';
import { InstructModal } from './instruct-modal.js';
import { CompleteModal, ReviewModal, TextStepModal, textSteps, type TextStep } from './step-modals.js';

type Dialog = 'review' | 'instruct' | 'circulate' | 'complete' | 'file' | TextStep;

/** The buttons, in the order the work goes; only what the server's `actions` allow is shown. */
const buttons: readonly { action: IncomingAction; label: string; dialog?: Dialog }[] = [
  { action: 'sign', label: '签收' },
  { action: 'register', label: '登记' },
  { action: 'review', label: '初审', dialog: 'review' },
  { action: 'propose', label: '拟办', dialog: 'propose' },
  { action: 'instruct', label: '批办', dialog: 'instruct' },
  { action: 'handle', label: '承办', dialog: 'handle' },
  { action: 'complete', label: '办结', dialog: 'complete' },
  { action: 'markRead', label: '标记已阅', dialog: 'markRead' },
  { action: 'circulate', label: '传阅', dialog: 'circulate' },
  { action: 'remind', label: '催办', dialog: 'remind' },
  { action: 'file', label: '归档', dialog: 'file' },
];

/** The step actions of one incoming document: 签收 and 登记 at once, the others through their forms. */
export function IncomingActions({ doc }: { doc: Incoming }) {
  const [open, setOpen] = useState<Dialog>();
  const sign = useIncomingStep('sign');
  const register = useIncomingStep('register');
  const { message } = AntApp.useApp();
  const shown = buttons.filter((b) => doc.actions.includes(b.action));
  const close = () => setOpen(undefined);

  const direct = (action: 'sign' | 'register') =>
    (action === 'sign' ? sign : register).mutate(
      { id: doc.id },
      {
        onSuccess: (next) => void message.success(action === 'sign' ? '已签收，回执已送发文机关' : `已登记，收文编号 ${next.receiptNumber ?? ''}`),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <>
      <Space wrap>
        {shown.map((b, i) => (
          <Button
            key={b.action}
            type={i === 0 ? 'primary' : 'default'}
            loading={(b.action === 'sign' && sign.isPending) || (b.action === 'register' && register.isPending)}
            onClick={() => (b.dialog ? setOpen(b.dialog) : direct(b.action as 'sign' | 'register'))}
          >
            {b.label}
          </Button>
        ))}
      </Space>
      <ReviewModal doc={doc} open={open === 'review'} onClose={close} />
      <InstructModal doc={doc} open={open === 'instruct'} onClose={close} />
      <CirculateModal doc={doc} open={open === 'circulate'} onClose={close} />
      <CompleteModal doc={doc} open={open === 'complete'} onClose={close} />
      {(Object.keys(textSteps) as TextStep[]).map((step) => (
        <TextStepModal key={step} step={step} doc={doc} open={open === step} onClose={close} />
      ))}
      <FileModal
        open={open === 'file'}
        orgId={doc.orgId}
        target={{ source: 'received', incomingId: doc.id, title: doc.title }}
        onClose={close}
      />
    </>
  );
}
