import { Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { guideElements, serviceItemLevels, type ServiceItemLevel } from '../../shared/services.js';
import { useServiceItems } from '../api/services.js';
import { useDebounced } from '../orgs/use-debounced.js';
import type { GuideValues } from './guide-values.js';
import { MaterialFields, StepFields } from './guide-lists.js';
import { audienceOptions, handlingKindOptions, handlingTypeOptions, kindOptions, levelOptions, onlineDepthOptions } from './labels.js';

const section = (title: string) => (
  <Divider titlePlacement="start" style={{ marginTop: 8 }}>
    {title}
  </Divider>
);

interface GuideFormProps {
  readonly form: FormInstance<GuideValues>;
  readonly initialValues: GuideValues;
  readonly orgId: string;
  readonly implementingOrg: string | undefined;
  /** The item being edited (never its own parent), with its current parent to show before the list loads. */
  readonly self?: { readonly id: string; readonly parentId: string | null; readonly parentName: string | null };
  readonly disabled: boolean;
  /** 事项编码 is fixed once the item was published: links and other systems use it. */
  readonly codeLocked: boolean;
  readonly onChange: () => void;
  readonly onFinish: (values: GuideValues) => void;
}

/**
 * Every element of the 办事指南. A draft may be saved with gaps: the form asks only for what the
 * server needs to file it (name, code, kind, the level's parent and 办理项类型); the server lists the gaps.
 */
export function GuideForm({ form, initialValues, orgId, implementingOrg, self, disabled, codeLocked, onChange, onFinish }: GuideFormProps) {
  const level = Form.useWatch('level', form) ?? initialValues.level;
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const noLegalLimit = Form.useWatch('noLegalLimit', form) ?? initialValues.noLegalLimit;
  const handlingType = Form.useWatch('handlingType', form) ?? initialValues.handlingType;

  // Keeps the rules the server keeps: only a 公共服务 may lack 法定时限; a 即办件 promises 0 days.
  const onValuesChange = (changed: Partial<GuideValues>) => {
    if (changed.kind && changed.kind !== 'public_service') form.setFieldValue('noLegalLimit', false);
    if (changed.noLegalLimit) form.setFieldValue('legalDays', null);
    if (changed.handlingType === 'instant') form.setFieldValue('promisedDays', 0);
    if (changed.handlingType === 'promised' && form.getFieldValue('promisedDays') === 0) form.setFieldValue('promisedDays', null);
    if (changed.level === 'main') form.setFieldValue('parentId', null);
    if (changed.level && changed.level !== 'handling') form.setFieldValue('handlingKind', null);
    onChange();
  };

  return (
    <Form<GuideValues> form={form} name="service-guide" layout="vertical" disabled={disabled} initialValues={initialValues} onValuesChange={onValuesChange} onFinish={onFinish}>
      {section('基本信息')}
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item label={guideElements.name} name="name" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label={guideElements.code}
            name="code"
            normalize={(v: string) => v.toUpperCase()}
            extra={codeLocked ? '已发布过的事项编码不能修改' : '实施编码：大写字母、数字或连字符，8 至 40 位'}
            rules={[
              { required: true, message: '请填写事项编码' },
              { pattern: /^[0-9A-Z][0-9A-Z-]{6,38}[0-9A-Z]$/, message: '事项编码为8至40位大写字母、数字或连字符' },
            ]}
          >
            <Input maxLength={40} disabled={codeLocked} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={guideElements.kind} name="kind" rules={[{ required: true, message: '请选择事项类型' }]}>
            <Select options={kindOptions} placeholder="选择事项类型" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="事项层级" name="level">
            <Select options={levelOptions} />
          </Form.Item>
        </Col>
        {level === 'handling' && (
          <Col xs={12} md={8}>
            <Form.Item label="办理项类型" name="handlingKind" rules={[{ required: true, message: '业务办理项须选择办理项类型' }]}>
              <Select options={handlingKindOptions} placeholder="新设、变更、延续或注销" />
            </Form.Item>
          </Col>
        )}
        {level !== 'main' && (
          <Col xs={24}>
            <Form.Item label="上级事项" name="parentId" rules={[{ required: true, message: '请选择上级事项' }]} extra={level === 'sub' ? '子项属于本机关的主项' : '业务办理项属于本机关的主项或子项'}>
              <ParentSelect orgId={orgId} level={level} self={self} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label={guideElements.competentDept} name="competentDept">
            <Input maxLength={100} placeholder="如 兴安盟市场监督管理局" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={guideElements.implementingOrg}>
            <Input value={implementingOrg ?? ''} disabled aria-label={guideElements.implementingOrg} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={guideElements.audiences} name="audiences">
            <Checkbox.Group options={audienceOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="网上办理深度" name="onlineDepth">
            <Radio.Group options={onlineDepthOptions} />
          </Form.Item>
        </Col>
      </Row>

      {section('依据和条件')}
      <Form.Item label={guideElements.basis} name="basis" extra="法律、法规、规章的名称和条款">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label={guideElements.conditions} name="conditions">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>

      {section(guideElements.materials)}
      <MaterialFields disabled={disabled} />

      {section(guideElements.steps)}
      <StepFields disabled={disabled} />

      {section('办理时限')}
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item label="法定时限（工作日）" name="legalDays">
            <InputNumber min={0} max={365} precision={0} disabled={noLegalLimit} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="法定时限说明" name="noLegalLimit" valuePropName="checked" extra={kind === 'public_service' ? undefined : '仅公共服务可不设法定时限'}>
            <Checkbox disabled={kind !== 'public_service'}>法律未规定</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="办件类型" name="handlingType">
            <Radio.Group options={handlingTypeOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="承诺时限（工作日）" name="promisedDays" extra={handlingType === 'instant' ? '即办件当场办结' : '不超过法定时限'}>
            <InputNumber min={0} max={365} precision={0} disabled={handlingType === 'instant'} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      {section('收费、地点和电话')}
      <Form.Item label="收费标准及依据" name="fee" extra="不收费的填“不收费”">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item label="办理地点和时间" name="place">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={guideElements.phone} name="phone" extra="如 0482-8261234、手机号或 12345">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="监督投诉电话" name="complaintPhone" extra="可不填（即为 12345 热线）">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

interface ParentSelectProps {
  readonly id?: string;
  readonly value?: string | null;
  readonly onChange?: (id: string) => void;
  readonly orgId: string;
  readonly level: ServiceItemLevel;
  readonly self: GuideFormProps['self'];
}

/** The organisation's 主项 (and for a 业务办理项 its 子项), searched on the server by name or code. */
function ParentSelect({ id, value, onChange, orgId, level, self }: ParentSelectProps) {
  const [input, setInput] = useState('');
  const term = useDebounced(input.trim(), 250);
  const list = useServiceItems({ orgId, parentsFor: level, pageSize: 100, ...(term ? { q: term } : {}) });
  const options = (list.data?.items ?? [])
    .filter((i) => i.id !== self?.id)
    .map((i) => ({ value: i.id, label: `${i.name}（${serviceItemLevels[i.level]} ${i.code}）` }));
  if (self?.parentId && self.parentName && !options.some((o) => o.value === self.parentId)) options.unshift({ value: self.parentId, label: self.parentName });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setInput }}
      loading={list.isFetching}
      options={options}
      placeholder="按名称或编码查找"
      notFoundContent={list.isFetching ? '加载中…' : '没有可选的上级事项'}
    />
  );
}
