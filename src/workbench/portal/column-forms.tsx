import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ColumnCategory } from '../../shared/portal.js';
import { ApiError } from '../api/client.js';
import { useCreateColumn, useMoveColumn, useUpdateColumn, type PortalColumn } from '../api/portal.js';
import { categoryOptions } from './labels.js';
import { ColumnPicker } from './pickers.js';

interface ColumnValues {
  parentId?: string | null;
  slug?: string;
  nameZh?: string;
  nameMn?: string | null;
  category?: ColumnCategory;
  description?: string | null;
  position?: number;
}

const fieldOfCode: Readonly<Record<string, keyof ColumnValues>> = {
  'portal.column_path_taken': 'slug',
  'portal.column_parent_invalid': 'parentId',
};
const slugRule = { pattern: /^[a-z0-9-]{1,40}$/, message: '英文标识只能是 1–40 个小写字母、数字或连字符' };

/** Puts the server's refusal under the field it concerns; true when it found one. */
function placeError(form: ReturnType<typeof Form.useForm<ColumnValues>>[0], error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = new Map<keyof ColumnValues, string[]>();
  for (const f of error.fields) {
    const name = f.path.replace(/^body\./, '').split('.')[0] as keyof ColumnValues;
    fields.set(name, [...(fields.get(name) ?? []), f.message]);
  }
  const field = fieldOfCode[error.code];
  if (field) fields.set(field, [error.message]);
  form.setFields([...fields].map(([name, errors]) => ({ name, errors })));
  return fields.size > 0;
}

type Mode = { kind: 'create'; parentId: string | null } | { kind: 'edit'; column: PortalColumn } | { kind: 'move'; column: PortalColumn };

/** New column (under a parent or at the top), rename/recategorise, or move with an optional new slug. */
export function ColumnFormModal({ siteId, mode, onClose, onDone }: { siteId: string; mode: Mode; onClose: () => void; onDone: (message: string) => void }) {
  const [form] = Form.useForm<ColumnValues>();
  const create = useCreateColumn();
  const update = useUpdateColumn();
  const move = useMoveColumn();
  const pending = create.isPending || update.isPending || move.isPending;
  const failure = create.error ?? update.error ?? move.error;
  const column = mode.kind === 'create' ? undefined : mode.column;

  const finish = (v: ColumnValues) => {
    const text = (s: string | null | undefined) => s?.trim() || null;
    const failed = (error: unknown) => void placeError(form, error);
    if (mode.kind === 'create') {
      create.mutate(
        { siteId, body: { parentId: mode.parentId, slug: v.slug!.trim(), nameZh: v.nameZh!.trim(), nameMn: text(v.nameMn), category: v.category!, description: text(v.description) } },
        { onSuccess: (c) => onDone(`已新建栏目“${c.nameZh}”`), onError: failed },
      );
    } else if (mode.kind === 'edit') {
      update.mutate(
        { id: mode.column.id, body: { nameZh: v.nameZh!.trim(), nameMn: text(v.nameMn), category: v.category!, description: text(v.description) } },
        { onSuccess: (c) => onDone(`已保存栏目“${c.nameZh}”`), onError: failed },
      );
    } else {
      const slug = v.slug?.trim();
      move.mutate(
        { id: mode.column.id, body: { parentId: v.parentId ?? null, position: v.position ?? 0, ...(slug && slug !== mode.column.slug ? { slug } : {}) } },
        { onSuccess: (r) => onDone(`已移动栏目${r.redirects.length ? `，旧地址已记录 ${r.redirects.length} 条跳转` : ''}`), onError: failed },
      );
    }
  };

  const title = mode.kind === 'create' ? '新建栏目' : mode.kind === 'edit' ? `修改栏目：${mode.column.nameZh}` : `移动栏目：${mode.column.nameZh}`;
  const shownFailure = failure && !(failure instanceof ApiError && (failure.fields.length > 0 || fieldOfCode[failure.code]));
  return (
    <Modal open title={title} okText="保存" cancelText="取消" confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<ColumnValues>
        form={form}
        layout="vertical"
        name="column"
        onFinish={finish}
        initialValues={column ? { ...column, position: column.position } : { category: 'news' }}
      >
        {mode.kind === 'move' && (
          <>
            <Form.Item label="上级栏目" name="parentId" extra="留空为顶级栏目">
              <ColumnPicker siteId={siteId} allowClear placeholder="顶级栏目" excluded={mode.column.id} />
            </Form.Item>
            <Form.Item label="同级中的位置" name="position" extra="从 0 起；0 为最前">
              <InputNumber min={0} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {(mode.kind === 'create' || mode.kind === 'move') && (
          <Form.Item label="英文标识" name="slug" rules={[{ required: mode.kind === 'create', message: '请填写英文标识' }, slugRule]} extra="用于访问地址，如 tzgg；修改后旧地址自动跳转">
            <Input maxLength={40} />
          </Form.Item>
        )}
        {mode.kind !== 'move' && (
          <>
            <Form.Item label="栏目名称" name="nameZh" rules={[{ required: true, whitespace: true, message: '请填写栏目名称' }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item label="蒙古文名称" name="nameMn">
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item label="栏目类型" name="category" rules={[{ required: true, message: '请选择栏目类型' }]} extra="按网站检查指标分类，决定更新频率要求">
              <Select options={categoryOptions} />
            </Form.Item>
            <Form.Item label="说明" name="description">
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </>
        )}
      </Form>
      {shownFailure && <Alert type="error" showIcon title={failure.message} />}
    </Modal>
  );
}
export type { Mode as ColumnFormMode };
