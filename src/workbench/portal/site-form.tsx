import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { PortalLanguage, SiteKind } from '../../shared/portal.js';
import { ApiError } from '../api/client.js';
import { useSaveSite, type PortalSite } from '../api/portal.js';
import { OrgPicker } from '../orgs/org-picker.js';
import { languageLabels, siteKindOptions } from './labels.js';

interface SiteValues {
  code?: string;
  orgId?: string;
  parentSiteId?: string | null;
  kind: SiteKind;
  nameZh: string;
  nameMn?: string | null;
  pathPrefix: string;
  hosts: string[];
  siteIdCode?: string | null;
  icpNumber?: string | null;
  psbNumber?: string | null;
  languages: PortalLanguage[];
  accent?: string;
  banner?: string;
  position: number;
}

const fieldOfCode: Readonly<Record<string, keyof SiteValues>> = {
  'portal.site_code_taken': 'code',
  'portal.path_prefix_taken': 'pathPrefix',
  'portal.host_taken': 'hosts',
  'portal.host_invalid': 'hosts',
  'portal.site_id_code_invalid': 'siteIdCode',
  'portal.parent_site_invalid': 'parentSiteId',
};

const valuesOf = (s: PortalSite): SiteValues => ({
  kind: s.kind,
  nameZh: s.nameZh,
  nameMn: s.nameMn,
  parentSiteId: s.parentSiteId,
  pathPrefix: s.pathPrefix,
  hosts: s.hosts,
  siteIdCode: s.siteIdCode,
  icpNumber: s.icpNumber,
  psbNumber: s.psbNumber,
  languages: s.languages,
  accent: s.theme.accent,
  banner: s.theme.banner,
  position: s.position,
});

/** A site's particulars: code and organisation when new; names, kind, path, host names, 标识码, 备案, languages, theme. */
export function SiteFormModal({ site, sites, onClose, onDone }: { site?: PortalSite | undefined; sites: readonly PortalSite[]; onClose: () => void; onDone: (text: string) => void }) {
  const [form] = Form.useForm<SiteValues>();
  const save = useSaveSite();

  const finish = (v: SiteValues) => {
    const text = (s: string | null | undefined) => s?.trim() || null;
    const common = {
      kind: v.kind,
      nameZh: v.nameZh.trim(),
      nameMn: text(v.nameMn),
      parentSiteId: v.parentSiteId ?? null,
      pathPrefix: v.pathPrefix.trim(),
      hosts: v.hosts.map((h) => h.trim()).filter(Boolean),
      siteIdCode: text(v.siteIdCode),
      icpNumber: text(v.icpNumber),
      psbNumber: text(v.psbNumber),
      languages: (['zh-CN', 'mn-Mong'] as const).filter((l) => v.languages.includes(l)),
      theme: { ...(v.accent?.trim() ? { accent: v.accent.trim() } : {}), ...(v.banner?.trim() ? { banner: v.banner.trim() } : {}) },
      position: v.position,
    };
    const onError = (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      const fields = new Map<string, string[]>();
      for (const f of error.fields) {
        const name = f.path.replace(/^body\./, '').split('.')[0]!;
        fields.set(name === 'theme' ? 'accent' : name, [...(fields.get(name) ?? []), f.message]);
      }
      const field = fieldOfCode[error.code];
      if (field) fields.set(field, [error.message]);
      form.setFields([...fields].map(([name, errors]) => ({ name: name as keyof SiteValues, errors })));
    };
    if (site) save.mutate({ id: site.id, body: common }, { onSuccess: (s) => onDone(`已保存网站“${s.nameZh}”`), onError });
    else save.mutate({ body: { ...common, code: v.code!.trim(), orgId: v.orgId! } }, { onSuccess: (s) => onDone(`已新建网站“${s.nameZh}”`), onError });
  };

  const failure = save.error;
  const placed = failure instanceof ApiError && (failure.fields.length > 0 || Boolean(fieldOfCode[failure.code]));
  return (
    <Modal open width={760} title={site ? `修改网站：${site.nameZh}` : '新建网站'} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<SiteValues>
        form={form}
        layout="vertical"
        name="site"
        onFinish={finish}
        initialValues={site ? valuesOf(site) : { kind: 'department', pathPrefix: '', hosts: [], languages: ['zh-CN', 'mn-Mong'], position: 0 }}
      >
        {!site && (
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item label="网站代码" name="code" rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,30}$/, message: '网站代码须为小写字母开头的字母、数字、连字符' }]}>
                <Input maxLength={31} placeholder="如 fgw" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item label="主办单位" name="orgId" rules={[{ required: true, message: '请选择主办单位' }]}>
                <OrgPicker />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="网站名称" name="nameZh" rules={[{ required: true, whitespace: true, message: '请填写网站名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="蒙古文名称" name="nameMn">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="网站类型" name="kind">
              <Select options={siteKindOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="上级网站" name="parentSiteId">
              <Select allowClear placeholder="无" options={sites.filter((s) => s.id !== site?.id).map((s) => ({ value: s.id, label: s.nameZh }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="排序" name="position">
              <InputNumber min={0} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="访问路径" name="pathPrefix" extra="主门户留空；部门如 /fgw；修改后旧地址自动跳转">
              <Input maxLength={41} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="独立域名" name="hosts" extra="输入后按回车添加">
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ', '，']} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="网站标识码" name="siteIdCode" rules={[{ pattern: /^\d{10}$/, message: '网站标识码须为 10 位数字' }]}>
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="ICP备案号" name="icpNumber">
              <Input placeholder="蒙ICP备05003255号-1" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="公安备案号" name="psbNumber">
              <Input placeholder="蒙公网安备 15220102000001号" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="语言" name="languages" rules={[{ validator: (_r, v: string[] | undefined) => (v?.includes('zh-CN') ? Promise.resolve() : Promise.reject(new Error('须包含中文'))) }]}>
              <Checkbox.Group options={Object.entries(languageLabels).map(([value, label]) => ({ value, label, disabled: value === 'zh-CN' }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="主色" name="accent" rules={[{ pattern: /^#[0-9a-fA-F]{6}$/, message: '主色须为 #RRGGBB' }]}>
              <Input placeholder="#1f5fa8" maxLength={7} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="横幅文字" name="banner">
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {failure && !placed && <Alert type="error" showIcon title={failure.message} />}
    </Modal>
  );
}
