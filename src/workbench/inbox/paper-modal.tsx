import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { documentKindKeys, documentKinds, secrecyLabels, secrecyLevels, urgencyLabels, urgencyLevels } from '../../shared/documents.js';
import { useRegisterPaper, type PaperBody } from '../api/inbox.js';
import { showFieldErrors } from './labels.js';

interface Values {
  senderName: string;
  senderNumber?: string;
  title: string;
  documentDate: Dayjs;
  kind?: PaperBody['kind'];
  secrecy: PaperBody['secrecy'];
  urgency: PaperBody['urgency'];
  pages?: number;
}

const fieldNames = ['senderName', 'senderNumber', 'title', 'documentDate', 'kind', 'secrecy', 'urgency', 'pages', 'scanFileId'];

/** 登记纸质来文: the scan (PDF, JPEG or PNG) and the particulars; the document is signed for and registered at once. */
export function PaperModal({ open, orgId, orgName, onClose }: { open: boolean; orgId: string | undefined; orgName: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const register = useRegisterPaper();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();

  const close = () => {
    register.reset();
    setFile(undefined);
    setFileError(undefined);
    onClose();
  };

  const onFinish = (values: Values) => {
    if (!orgId) return;
    if (!file) {
      setFileError('请选择扫描件');
      return;
    }
    const body: Omit<PaperBody, 'scanFileId'> = {
      orgId,
      senderName: values.senderName,
      title: values.title,
      documentDate: values.documentDate.format('YYYY-MM-DD'),
      secrecy: values.secrecy,
      urgency: values.urgency,
      ...(values.senderNumber ? { senderNumber: values.senderNumber } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.pages ? { pages: values.pages } : {}),
    };
    register.mutate(
      { file, body },
      {
        onSuccess: (incoming) => {
          void message.success(`已登记纸质来文，收文编号 ${incoming.receiptNumber ?? ''}`);
          form.resetFields();
          close();
          void navigate(`/inbox/${incoming.id}`);
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, fieldNames)) void message.error(error.message);
        },
      },
    );
  };

  return (
    <Modal
      title="登记纸质来文"
      open={open}
      okText="登记"
      cancelText="取消"
      width={720}
      confirmLoading={register.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`收文机关：${orgName}。登记后即签收并编收文编号，进入初审。`} />
      <Form<Values> form={form} layout="vertical" name="paperIncoming" onFinish={onFinish} initialValues={{ secrecy: 'none', urgency: 'normal' }}>
        <Form.Item label="扫描件" required validateStatus={fileError ? 'error' : undefined} help={fileError ?? 'PDF、JPEG 或 PNG；按文件内容判断类型'}>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setFileError(undefined);
              return false;
            }}
            onRemove={() => setFile(undefined)}
            fileList={file ? [{ uid: 'scan', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>选择扫描件</Button>
          </Upload>
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item label="来文机关" name="senderName" rules={[{ required: true, whitespace: true, message: '请输入来文机关' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="来文字号" name="senderNumber">
              <Input maxLength={100} placeholder="如 内政办发〔2026〕12号" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="成文日期" name="documentDate" rules={[{ required: true, message: '请选择成文日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="文种" name="kind">
              <Select allowClear options={documentKindKeys.map((k) => ({ value: k, label: documentKinds[k].label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="页数" name="pages" extra="PDF 扫描件按文件计算">
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item label="密级" name="secrecy">
              <Radio.Group options={secrecyLevels.map((s) => ({ value: s, label: secrecyLabels[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="紧急程度" name="urgency">
              <Radio.Group options={urgencyLevels.map((u) => ({ value: u, label: urgencyLabels[u] }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
