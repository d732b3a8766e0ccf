import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';

/** A picture the body may show: one of the article's image attachments, by its public file path. */
export interface Picture {
  readonly src: string;
  readonly alt: string;
}

/** Links the server keeps: http(s), mailto or a path on this site. */
const linkPattern = /^(https?:\/\/\S+|mailto:\S+|\/\S*)$/i;

export function LinkDialog({ initial, onDone, onClose }: { initial: string; onDone: (href: string) => void; onClose: () => void }) {
  const [form] = Form.useForm<{ href: string }>();
  return (
    <Modal open title="链接" okText="确定" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="article-link" initialValues={{ href: initial }} onFinish={(v) => onDone(v.href?.trim() ?? '')}>
        <Form.Item
          label="链接地址"
          name="href"
          extra="以 https://、http://、mailto: 或 / 开头；留空则去掉链接"
          rules={[{ validator: (_r, v: string | undefined) => (!v?.trim() || linkPattern.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error('链接须以 https://、http://、mailto: 或 / 开头'))) }]}
        >
          <Input autoFocus placeholder="https://www.gov.cn/" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PictureDialog({ pictures, onDone, onClose }: { pictures: readonly Picture[]; onDone: (picture: Picture) => void; onClose: () => void }) {
  const [chosen, setChosen] = useState(pictures[0]?.src);
  const picture = pictures.find((p) => p.src === chosen);
  return (
    <Modal open title="插入图片" okText="插入" cancelText="取消" okButtonProps={{ disabled: !picture }} onOk={() => picture && onDone(picture)} onCancel={onClose} destroyOnHidden>
      {pictures.length === 0 ? (
        <Alert type="info" showIcon title="请先在“附件”中上传图片（PNG、JPEG、GIF、WebP），再插入正文" />
      ) : (
        <Radio.Group aria-label="文章的图片附件" value={chosen} onChange={(e) => setChosen(e.target.value as string)} options={pictures.map((p) => ({ value: p.src, label: p.alt }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
      )}
      <p style={{ marginTop: 12, color: '#8c8c8c' }}>正文中的图片在文章发布后对公众显示。</p>
    </Modal>
  );
}
