import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { materialFormOptions } from './labels.js';

/** 申请材料: each with its form, number of copies, whether it is required, and a note. */
export function MaterialFields({ disabled }: { disabled: boolean }) {
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`材料 ${index + 1}`}
              extra={!disabled && <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除材料 ${index + 1}`} onClick={() => remove(field.name)} />}
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label="材料名称" name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写材料名称' }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item label="材料形式" name={[field.name, 'form']}>
                    <Select options={materialFormOptions} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3}>
                  <Form.Item label="份数" name={[field.name, 'copies']}>
                    <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4}>
                  <Form.Item label="是否必需" name={[field.name, 'required']} valuePropName="checked">
                    <Checkbox>必需</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="填报说明" name={[field.name, 'note']} style={{ marginBottom: 0 }}>
                <Input maxLength={500} placeholder="来源、要求；可不填" />
              </Form.Item>
            </Card>
          ))}
          {!disabled && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', form: 'original', copies: 1, required: true, note: '' })} style={{ marginBottom: 24 }}>
              添加材料
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** 办理流程: the steps in order, each with what happens there. */
export function StepFields({ disabled }: { disabled: boolean }) {
  return (
    <Form.List name="steps">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={12} align="top">
              <Col xs={24} md={7}>
                <Form.Item label={`环节 ${index + 1}`} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写环节名称' }]}>
                  <Input maxLength={50} placeholder="如 受理" />
                </Form.Item>
              </Col>
              <Col xs={20} md={15}>
                <Form.Item label={`环节 ${index + 1} 说明`} name={[field.name, 'detail']}>
                  <Input maxLength={1000} />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                {!disabled && (
                  <Form.Item label=" " colon={false}>
                    <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除环节 ${index + 1}`} onClick={() => remove(field.name)} />
                  </Form.Item>
                )}
              </Col>
            </Row>
          ))}
          {!disabled && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', detail: '' })} style={{ marginBottom: 24 }}>
              添加环节
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
