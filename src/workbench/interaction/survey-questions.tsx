import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { questionKinds, type QuestionKind } from '../../shared/interaction.js';

/** A question as the form holds it: options one per line. */
export interface QuestionValues {
  kind: QuestionKind;
  title: string;
  optionsText?: string;
  maxLength?: number | null;
  required: boolean;
}

export const splitOptions = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

const kindOptions = (Object.keys(questionKinds) as QuestionKind[]).map((value) => ({ value, label: questionKinds[value] }));

/** The questions of a survey: 单选 and 多选 with their options (at least two), 填空 with a length limit. */
export function QuestionFields() {
  const form = Form.useFormInstance();
  return (
    <Form.List name="questions" rules={[{ validator: async (_r, qs: unknown[]) => { if (!qs?.length) throw new Error('至少需要一个问题'); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`问题 ${index + 1}`}
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除问题 ${index + 1}`} onClick={() => remove(field.name)} />}
            >
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item label="题型" name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select options={kindOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item label="题目" name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写题目' }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item noStyle shouldUpdate={(a, b) => a.questions?.[index]?.kind !== b.questions?.[index]?.kind}>
                {() =>
                  (form.getFieldValue(['questions', field.name, 'kind']) as QuestionKind) === 'text' ? (
                    <Form.Item label="字数上限" name={[field.name, 'maxLength']}>
                      <InputNumber min={1} max={2000} placeholder="不填则不限（最多 2000）" style={{ width: 240 }} />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      label="选项（每行一个）"
                      name={[field.name, 'optionsText']}
                      rules={[{ validator: async (_r, v: string | undefined) => { if (splitOptions(v).length < 2) throw new Error('至少需要两个选项'); } }]}
                    >
                      <Input.TextArea rows={4} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>必答</Checkbox>
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'single', title: '', required: true })}>
            添加问题
          </Button>
        </>
      )}
    </Form.List>
  );
}
