import { CheckOutlined, EditOutlined, RollbackOutlined, SendOutlined, StopOutlined, TagOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { articleValidities, type ArticleValidity } from '../../shared/portal.js';
import { useArticleCommand, type ArticleCommand, type PortalArticle } from '../api/portal.js';

type DialogAction = ArticleCommand['action'];

const texts: Record<DialogAction, { button: string; title: string; ok: string; done: string; danger?: boolean }> = {
  submit: { button: '送审', title: '送审', ok: '送审', done: '已送审' },
  approve: { button: '审核通过', title: '审核通过', ok: '通过', done: '审核通过' },
  reject: { button: '退回', title: '退回修改', ok: '退回', done: '已退回', danger: true },
  withdraw: { button: '撤稿', title: '撤稿', ok: '撤稿', done: '已撤稿', danger: true },
  validity: { button: '标注效力', title: '标注政策文件效力', ok: '保存', done: '已标注效力' },
};
const icons: Record<DialogAction, React.ReactNode> = {
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  reject: <RollbackOutlined />,
  withdraw: <StopOutlined />,
  validity: <TagOutlined />,
};
/** The server's action names behind each dialog. */
const allowedBy: Record<DialogAction, PortalArticle['actions'][number]> = { submit: 'submit', approve: 'approve', reject: 'reject', withdraw: 'withdraw', validity: 'markValidity' };

/** The buttons of what the server says the user may do now (`actions`), each with its dialog. */
export function ArticleActions({ article }: { article: PortalArticle }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<DialogAction>();
  const shown = (Object.keys(texts) as DialogAction[]).filter((a) => article.actions.includes(allowedBy[a]));
  if (!shown.length && !article.actions.includes('edit')) return null;
  return (
    <Flex wrap gap="small" role="group" aria-label="可执行的操作">
      {article.actions.includes('edit') && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/portal/articles/${article.id}/edit`)}>
          修改
        </Button>
      )}
      {shown.map((a) => (
        <Button key={a} type={a === 'approve' || a === 'submit' ? 'primary' : 'default'} danger={texts[a].danger} icon={icons[a]} onClick={() => setOpen(a)}>
          {texts[a].button}
        </Button>
      ))}
      {open && <ActionDialog key={open} action={open} article={article} onClose={() => setOpen(undefined)} />}
    </Flex>
  );
}

interface DialogValues {
  publish?: 'now' | 'at';
  publishAt?: Dayjs | null;
  reason?: string;
  validity?: ArticleValidity;
  note?: string;
  validityOn?: Dayjs | null;
}

function ActionDialog({ action, article, onClose }: { action: DialogAction; article: PortalArticle; onClose: () => void }) {
  const [form] = Form.useForm<DialogValues>();
  const command = useArticleCommand();
  const { message } = AntApp.useApp();
  const publish = Form.useWatch('publish', form);
  const validity = Form.useWatch('validity', form);
  const text = texts[action];

  const toCommand = (v: DialogValues): ArticleCommand => {
    switch (action) {
      case 'submit':
        return { action };
      case 'approve':
        return v.publish === 'at' ? { action, publish: 'at', publishAt: v.publishAt!.toISOString() } : { action, publish: 'now' };
      case 'reject':
      case 'withdraw':
        return { action, reason: v.reason!.trim() };
      case 'validity':
        return { action, validity: v.validity!, note: v.note?.trim() || null, validityOn: v.validityOn ? v.validityOn.format('YYYY-MM-DD') : null };
    }
  };
  const finish = (v: DialogValues) =>
    command.mutate(
      { article, command: toCommand(v) },
      {
        onSuccess: (saved) => {
          void message.success(action === 'approve' ? (saved.status === 'scheduled' ? '审核通过，已定时发布' : '审核通过，已发布') : text.done);
          onClose();
        },
      },
    );

  return (
    <Modal open title={text.title} okText={text.ok} cancelText="取消" okButtonProps={{ danger: text.danger }} confirmLoading={command.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<DialogValues>
        form={form}
        layout="vertical"
        name={`article-${action}`}
        onFinish={finish}
        initialValues={{ publish: 'now', validity: article.validity === 'valid' ? 'expired' : article.validity, note: article.validityNote ?? undefined }}
      >
        {action === 'submit' && <p>送审后由本单位另一位审核人员审核，审核通过前不能再修改。</p>}
        {action === 'approve' && (
          <>
            <Form.Item label="发布方式" name="publish">
              <Radio.Group options={[{ value: 'now', label: '立即发布' }, { value: 'at', label: '定时发布' }]} />
            </Form.Item>
            {publish === 'at' && (
              <Form.Item label="发布时间" name="publishAt" rules={[{ required: true, message: '请选择发布时间' }]} extra="不得早于当前时间">
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            )}
          </>
        )}
        {(action === 'reject' || action === 'withdraw') && (
          <Form.Item label={action === 'reject' ? '退回原因' : '撤稿原因'} name="reason" rules={[{ required: true, whitespace: true, message: '请填写原因' }]} extra={action === 'withdraw' ? '原文页面将显示撤稿说明' : undefined}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} />
          </Form.Item>
        )}
        {action === 'validity' && (
          <>
            <Form.Item label="效力" name="validity">
              <Select options={(Object.keys(articleValidities) as ArticleValidity[]).map((v) => ({ value: v, label: articleValidities[v] }))} />
            </Form.Item>
            {validity !== 'valid' && (
              <>
                <Form.Item label="说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写说明，如“已被某文件废止”' }]}>
                  <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
                </Form.Item>
                <Form.Item label={validity === 'abolished' ? '废止日期' : '失效日期'} name="validityOn">
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
          </>
        )}
      </Form>
      {command.error && <Alert type="error" showIcon title={command.error.message} />}
    </Modal>
  );
}
