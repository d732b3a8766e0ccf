import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useIncomingStep, type Incoming } from '../api/inbox.js';
import { OrgPicker } from '../orgs/org-picker.js';
import { showFieldErrors } from './labels.js';

interface Values {
  instruction: string;
  leadOrgId?: string;
  coOrgIds?: (string | undefined)[];
  workingDays?: number;
}

/**
 * 批办: the leader's instruction, the lead unit, co-units and the deadline in working days (the server
 * counts them on the official calendar). Without a lead unit the document is for reading only.
 */
export function InstructModal({ doc, open, onClose }: { doc: Incoming; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const lead = Form.useWatch('leadOrgId', form);
  const instruct = useIncomingStep('instruct');
  const { message } = AntApp.useApp();
  const done = () => {
    form.resetFields();
    onClose();
  };

  const onFinish = (values: Values) => {
    const coOrgIds = (values.coOrgIds ?? []).filter((id): id is string => Boolean(id));
    instruct.mutate(
      {
        id: doc.id,
        body: {
          instruction: values.instruction.trim(),
          coOrgIds,
          ...(values.leadOrgId ? { leadOrgId: values.leadOrgId } : {}),
          ...(values.leadOrgId && values.workingDays ? { workingDays: values.workingDays } : {}),
        },
      },
      {
        onSuccess: (next) => (void message.success(next.deadline ? `已批办，办理时限 ${next.deadline}` : '已批办'), done()),
        onError: (error) => void (showFieldErrors(form, error, ['instruction', 'leadOrgId', 'workingDays']) || message.error(error.message)),
      },
    );
  };

  return (
    <Modal title={`批办：${doc.title}`} open={open} okText="批办" cancelText="取消" width={640} confirmLoading={instruct.isPending} onOk={() => form.submit()} onCancel={done} forceRender>
      {doc.proposal && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="拟办意见" description={doc.proposal} />}
      <Form<Values> form={form} layout="vertical" name="incoming-instruct" onFinish={onFinish}>
        <Form.Item label="批办意见" name="instruction" rules={[{ required: true, whitespace: true, message: '请填写批办意见' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="承办单位" name="leadOrgId" extra="本机关或其下属单位；不选则为阅件，无需承办">
          <OrgPicker placeholder="浏览或搜索承办单位" />
        </Form.Item>
        <Form.List name="coOrgIds">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item label={`协办单位 ${index + 1}`} name={field.name} style={{ flex: 1 }} rules={[{ required: true, message: '请选择协办单位，或删除此行' }]}>
                    <OrgPicker placeholder="浏览或搜索协办单位" />
                  </Form.Item>
                  <Button type="text" aria-label={`删除协办单位 ${index + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                </Flex>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} disabled={!lead} onClick={() => add()}>
                  添加协办单位
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item
          label="办理时限（工作日）"
          name="workingDays"
          extra="按法定节假日与调休推算到期日"
          rules={[{ required: Boolean(lead), message: '有承办单位时须定办理时限' }]}
        >
          <InputNumber min={1} max={60} disabled={!lead} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
