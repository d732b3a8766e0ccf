import { Col, Form, Input, Radio, Row, Select } from 'antd';
import {
  documentDirectionLabels,
  documentKindKeys,
  documentKinds,
  secrecyLabels,
  secrecyLevels,
  urgencyLabels,
  urgencyLevels,
  type DocumentKind,
  type Secrecy,
  type Urgency,
} from '../../shared/documents.js';
import { BodyEditor } from './body-editor.js';
import { OrgListField } from './org-list-field.js';

/** What the draft form holds. */
export interface DraftValues {
  orgId: string;
  kind: DocumentKind;
  title: string;
  mainRecipientIds: string[];
  copyRecipientIds: string[];
  coIssuerIds: string[];
  secrecy: Secrecy;
  secrecyTerm?: string | null;
  urgency: Urgency;
  note?: string | null;
  bodyHtml: string;
}

const kindOptions = documentKindKeys.map((kind) => ({
  value: kind,
  label: documentKinds[kind].label,
  title: `${documentKinds[kind].label}：${documentKinds[kind].directions.map((d) => documentDirectionLabels[d]).join('、')}`,
}));

interface DraftFieldsProps {
  /** Organisations the user may draft for; the issuer cannot change once a draft exists. */
  readonly issuers: readonly { id: string; name: string }[];
  readonly editing: boolean;
  /** Names of the organisations the document already names. */
  readonly names: Readonly<Record<string, string>>;
  /** Organisations the server's rule problems named. */
  readonly flagged: readonly string[];
}

/** The particulars of a draft and its body (the fields of 拟稿). */
export function DraftFields({ issuers, editing, names, flagged }: DraftFieldsProps) {
  const secrecy = Form.useWatch<Secrecy | undefined>('secrecy');
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="发文机关" name="orgId" rules={[{ required: true, message: '请选择发文机关' }]} extra={editing ? '草稿保存后发文机关不能更改' : undefined}>
            <Select disabled={editing} options={issuers.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="文种" name="kind" rules={[{ required: true, message: '请选择文种' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={kindOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
        <Input maxLength={200} showCount placeholder="如：兴安盟行政公署关于做好冬季供暖工作的通知" />
      </Form.Item>
      <Form.Item label="主送机关" name="mainRecipientIds" extra="上行文只主送一个上级机关；其他机关可抄送">
        <OrgListField placeholder="添加主送机关" names={names} flagged={flagged} />
      </Form.Item>
      <Form.Item label="抄送机关" name="copyRecipientIds">
        <OrgListField placeholder="添加抄送机关" names={names} flagged={flagged} />
      </Form.Item>
      <Form.Item label="联合发文机关" name="coIssuerIds" extra="可选；联合发文须经各机关会签">
        <OrgListField placeholder="添加联合发文机关" names={names} flagged={flagged} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="密级" name="secrecy" extra="本网只传输非密和秘密级公文">
            <Radio.Group optionType="button" options={secrecyLevels.map((s) => ({ value: s, label: secrecyLabels[s] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {secrecy === 'secret' && (
            <Form.Item label="保密期限" name="secrecyTerm">
              <Input maxLength={20} placeholder="如：1年" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="紧急程度" name="urgency">
            <Radio.Group optionType="button" options={urgencyLevels.map((u) => ({ value: u, label: urgencyLabels[u] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="正文" name="bodyHtml" extra="标题层级：一、（黑体）→（一）（楷体）→ 1.（仿宋加粗）→（1）（仿宋）；层级序号请随标题文字输入">
        <BodyEditor />
      </Form.Item>
      <Form.Item label="附注" name="note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} placeholder="如：此件公开发布" />
      </Form.Item>
    </>
  );
}
