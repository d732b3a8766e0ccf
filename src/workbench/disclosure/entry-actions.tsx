import { App as AntApp, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { EntryValidity } from '../../shared/disclosure.js';
import { usePublishEntry, useSetValidity, useWithdrawEntry, type DisclosureEntry } from '../api/disclosure.js';
import { showFieldErrors, validityOptions } from './labels.js';
import { todayInShanghai } from './working-days.js';

/**
 * What an editor may do with an entry in its state: edit (not once withdrawn), publish a draft,
 * withdraw, mark the validity of a published entry. The server refuses anything else.
 */
export function EntryActions({ entry, onEdit }: { entry: DisclosureEntry; onEdit: () => void }) {
  const { message, modal } = AntApp.useApp();
  const publish = usePublishEntry();
  const [dialog, setDialog] = useState<'withdraw' | 'validity'>();
  if (!entry.actions.includes('edit')) return null;
  const confirmPublish = () =>
    modal.confirm({
      title: `发布“${entry.title}”？`,
      content: '发布日期为今天；发布后在网站的政府信息公开目录中公开，并可被检索。',
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          const done = await publish.mutateAsync(entry.id);
          void message.success(done.late ? `已发布（成文后第 ${done.workingDaysToPublish ?? '?'} 个工作日，超期公开）` : '已发布');
        } catch (error) {
          void message.error((error as Error).message);
        }
      },
    });
  return (
    <Space size={0} wrap>
      {entry.status !== 'withdrawn' && <Button type="link" size="small" onClick={onEdit}>编辑</Button>}
      {entry.status === 'draft' && <Button type="link" size="small" onClick={confirmPublish}>发布</Button>}
      {entry.status === 'published' && <Button type="link" size="small" onClick={() => setDialog('validity')}>标注效力</Button>}
      {entry.status !== 'withdrawn' && <Button type="link" size="small" danger onClick={() => setDialog('withdraw')}>撤回</Button>}
      {dialog === 'withdraw' && <WithdrawModal entry={entry} onClose={() => setDialog(undefined)} />}
      {dialog === 'validity' && <ValidityModal entry={entry} onClose={() => setDialog(undefined)} />}
    </Space>
  );
}

function WithdrawModal({ entry, onClose }: { entry: DisclosureEntry; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawEntry();
  return (
    <Modal open title={`撤回 ${entry.indexNumber}`} okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={withdraw.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <p>撤回后公众不再能看到该条目；索引号保留，不再使用。</p>
      <Form
        form={form}
        layout="vertical"
        name="disclosure-withdraw"
        onFinish={(v) =>
          withdraw.mutate(
            { id: entry.id, reason: v.reason },
            { onSuccess: () => (void message.success('已撤回'), onClose()), onError: (e) => void (showFieldErrors(form, e, ['reason']) || message.error(e.message)) },
          )
        }
      >
        <Form.Item label="撤回原因" name="reason" rules={[{ required: true, min: 2, message: '请写明撤回原因' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ValidityModal({ entry, onClose }: { entry: DisclosureEntry; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ validity: EntryValidity; note: string; date: string }>();
  const setValidity = useSetValidity();
  const validity = Form.useWatch('validity', form);
  const ended = validity === 'expired' || validity === 'abolished';
  return (
    <Modal open title={`标注效力：${entry.title}`} okText="保存" cancelText="取消" confirmLoading={setValidity.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="disclosure-validity"
        initialValues={{ validity: entry.validity, note: entry.validityNote ?? '', date: entry.validityDate ?? todayInShanghai() }}
        onFinish={(v) =>
          setValidity.mutate(
            { id: entry.id, body: ended ? { validity: v.validity, note: v.note, date: v.date } : { validity: v.validity, note: null, date: null } },
            { onSuccess: () => (void message.success('效力已更新'), onClose()), onError: (e) => void (showFieldErrors(form, e, ['validity', 'note', 'date']) || message.error(e.message)) },
          )
        }
      >
        <Form.Item label="效力" name="validity">
          <Select options={validityOptions} />
        </Form.Item>
        {ended && (
          <>
            <Form.Item label="说明" name="note" rules={[{ required: true, message: '失效、废止须写明说明' }]} extra="如：被兴署发〔2026〕9号废止；在公开条目上显示">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item label={validity === 'expired' ? '失效日期' : '废止日期'} name="date" rules={[{ required: true, message: '请填写日期' }]}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
