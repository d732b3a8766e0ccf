import { EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFlowCommand, type DocumentView, type FlowCommand } from '../api/documents.js';
import { ActionDialog, actionTexts, type DialogAction } from './action-dialog.js';

/** The server's action names, in the order the buttons appear, mapped to the dialogs. */
const order: readonly DialogAction[] = ['submit', 'approve', 'countersign', 'signOff', 'register', 'seal', 'issue', 'return', 'cancel'];

/** What the server says after each action, for the user. */
function doneMessage(action: DialogAction, doc: DocumentView): string {
  switch (action) {
    case 'register':
      return `已登记，发文字号：${doc.docNumber ?? ''}`;
    case 'seal':
      return '已用印，正式公文已生成';
    case 'issue':
      return '已核发';
    case 'return':
      return '已退回';
    case 'cancel':
      return '已撤销';
    default:
      return `已${actionTexts[action].ok}`;
  }
}

/** The buttons of the actions the server allows the user on this document, each with its dialog. */
export function ActionBar({ doc }: { doc: DocumentView }) {
  const [open, setOpen] = useState<DialogAction>();
  const run = useFlowCommand(doc.id);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const allowed = order.filter((a) => doc.actions.includes(a));

  const onRun = (command: FlowCommand) =>
    run.mutate(command, {
      onSuccess: (next) => {
        void message.success(doneMessage(command.action, next));
        setOpen(undefined);
        run.reset();
      },
    });

  if (!allowed.length && !doc.actions.includes('edit')) return null;
  return (
    <Space wrap aria-label="可办理的操作">
      {doc.actions.includes('edit') && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/documents/${doc.id}/edit`)}>
          修改
        </Button>
      )}
      {allowed.map((action) => (
        <Button
          key={action}
          type={action === 'return' || action === 'cancel' ? 'default' : 'primary'}
          danger={action === 'cancel'}
          onClick={() => (run.reset(), setOpen(action))}
        >
          {actionTexts[action].button}
        </Button>
      ))}
      {open && (
        <ActionDialog
          action={open}
          doc={doc}
          returnTargets={doc.returnTargets}
          pending={run.isPending}
          error={run.error}
          onRun={onRun}
          onClose={() => setOpen(undefined)}
        />
      )}
    </Space>
  );
}
