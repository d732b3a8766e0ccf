import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useFonds, useUpdateFonds, type FondsBody } from '../api/archive.js';

type Values = Omit<FondsBody, 'orgId'>;

/** 全宗设置: the 全宗号 the archives office gave, and the default 机构（问题）code and name of the 归档章. */
export function FondsModal({ orgId, open, onClose }: { orgId: string | undefined; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const fonds = useFonds(orgId, open);
  const update = useUpdateFonds();
  const { message } = AntApp.useApp();
  const f = fonds.data;

  useEffect(() => {
    if (open && f) form.setFieldsValue({ fondsCode: f.fondsCode ?? undefined, fondsName: f.fondsName, unitCode: f.unitCode, unitName: f.unitName });
  }, [open, f, form]);

  const onFinish = (values: Values) => {
    if (!orgId) return;
    update.mutate(
      { orgId, ...values, ...(values.fondsCode ? {} : { fondsCode: undefined }) },
      { onSuccess: () => (void message.success('已保存全宗设置'), update.reset(), onClose()) },
    );
  };

  return (
    <Modal title="全宗设置" open={open} okText="保存" cancelText="取消" confirmLoading={update.isPending} onOk={() => form.submit()} onCancel={() => (update.reset(), onClose())} forceRender>
      {f && !f.configured && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="尚未设置全宗号：首次归档时自动分配（Q 加四位序号）。" />}
      {f && f.itemCount > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`已有 ${f.itemCount} 件归档文件，全宗号不能再更改。`} />}
      {update.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={update.error.message} />}
      <Form<Values> form={form} layout="vertical" name="archive-fonds" onFinish={onFinish}>
        <Form.Item label="全宗号" name="fondsCode" extra="档案馆给定，1–8 位大写字母或数字">
          <Input maxLength={8} disabled={Boolean(f && f.itemCount > 0)} />
        </Form.Item>
        <Form.Item label="全宗名称" name="fondsName">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="默认机构（问题）代码" name="unitCode" rules={[{ required: true, message: '请填写机构（问题）代码' }]}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item label="默认机构（问题）名称" name="unitName" rules={[{ required: true, message: '请填写机构（问题）名称' }]} extra="印在归档章上">
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
