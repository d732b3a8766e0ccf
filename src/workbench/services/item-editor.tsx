import { Alert, App as AntApp, Button, Drawer, Form, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { guideElements, type GuideElement } from '../../shared/services.js';
import type { ApiError } from '../api/client.js';
import { guideGaps, reloadServiceItem, useCreateServiceItem, usePublishServiceItem, useServiceItem, useUpdateServiceItem, type ServiceItem } from '../api/services.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { GuideForm } from './guide-form.js';
import { emptyGuide, fieldOfElement, guideOf, showGuideErrors, valuesOf, type GuideValues } from './guide-values.js';
import { elementLabels, ItemStatusTag } from './labels.js';
import { WithdrawModal } from './withdraw-modal.js';

interface ItemEditorProps {
  readonly orgId: string;
  /** The item to open; none for a new one. */
  readonly itemId: string | undefined;
  /** Whether the user may create items in the organisation (a new item's editor opens only then). */
  readonly canCreate: boolean;
  /** The organisation's name, for a new item (a saved one names its own). */
  readonly orgName: string | undefined;
  readonly onClose: () => void;
  /** A new item was saved: the editor goes on with it. */
  readonly onCreated: (id: string) => void;
}

/** The 办事指南 editor in a drawer: save (as often as needed), publish once complete, withdraw with a reason. */
export function ItemEditor({ orgId, itemId, canCreate, orgName, onClose, onCreated }: ItemEditorProps) {
  const item = useServiceItem(itemId);
  // A reload after a concurrent change starts the form again from the item as it now is.
  const [generation, setGeneration] = useState(0);
  // The form's buttons live in the drawer's footer, always in view; the form puts them there.
  const [footer, setFooter] = useState<HTMLDivElement | null>(null);
  const data = item.data;
  const canEdit = data ? data.actions.includes('edit') : !itemId && canCreate;
  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      destroyOnHidden
      footer={canEdit ? <div ref={setFooter} /> : null}
      title={
        data ? (
          <Space wrap>
            <span>{data.name}</span>
            <ItemStatusTag status={data.status} />
          </Space>
        ) : itemId ? '政务服务事项' : '新建政务服务事项'
      }
    >
      {item.error ? (
        <QueryError error={item.error} />
      ) : itemId && !data ? (
        <Skeleton active />
      ) : (
        <EditorBody
          key={`${data?.id ?? 'new'}:${generation}`}
          orgId={data?.orgId ?? orgId}
          item={data}
          canEdit={canEdit}
          orgName={data?.implementingOrg ?? orgName}
          footer={footer}
          onCreated={onCreated}
          onReload={async () => {
            if (data) await reloadServiceItem(data.id);
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Drawer>
  );
}

interface EditorBodyProps {
  readonly orgId: string;
  readonly item: ServiceItem | undefined;
  readonly canEdit: boolean;
  readonly orgName: string | undefined;
  readonly footer: HTMLElement | null;
  readonly onCreated: (id: string) => void;
  readonly onReload: () => Promise<void>;
}

function EditorBody({ orgId, item, canEdit, orgName, footer, onCreated, onReload }: EditorBodyProps) {
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<GuideValues>();
  const create = useCreateServiceItem();
  const update = useUpdateServiceItem();
  const publish = usePublishServiceItem();
  const [dirty, setDirty] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const [withdrawing, setWithdrawing] = useState(false);

  const save = async (values: GuideValues) => {
    setFailure(undefined);
    const guide = guideOf(values);
    try {
      const saved = item ? await update.mutateAsync({ id: item.id, body: { ...guide, revision: item.revision } }) : await create.mutateAsync({ orgId, ...guide });
      form.setFieldsValue(valuesOf(saved));
      setDirty(false);
      void message.success(saved.missing.length ? `已保存；办事指南还缺 ${saved.missing.length} 项` : '已保存');
      if (!item) onCreated(saved.id);
    } catch (error) {
      if (!showGuideErrors(form, error)) setFailure(error as ApiError);
    }
  };

  const confirmPublish = (current: ServiceItem) =>
    modal.confirm({
      title: `发布“${current.name}”？`,
      content: '发布后办事指南在网站的办事服务栏目中公开，并可被检索；事项编码从此不能修改。',
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        setFailure(undefined);
        try {
          await publish.mutateAsync(current.id);
          void message.success('已发布');
        } catch (error) {
          setFailure(error as ApiError);
        }
      },
    });

  const goTo = (element: GuideElement) => {
    const field = fieldOfElement[element];
    if (field) form.scrollToField(field, { behavior: 'smooth', block: 'center' });
  };
  const publishable = Boolean(item && !dirty && item.missing.length === 0 && item.status !== 'published');
  const gaps = guideGaps(failure);

  return (
    <>
      {item && (
        <Typography.Paragraph type="secondary">
          事项编码 {item.code} · 实施机关 {item.implementingOrg}
          {item.parentName ? ` · 上级事项 ${item.parentName}` : ''}
          {item.childCount ? ` · 下设 ${item.childCount} 项` : ''} · 最后由 {item.updatedByName} 修改于 {formatDateTime(item.updatedAt)}
          {item.publishedAt ? ` · 发布于 ${formatDateTime(item.publishedAt)}` : ''}
        </Typography.Paragraph>
      )}
      {item?.status === 'withdrawn' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该事项已撤回" description={item.withdrawReason ? `撤回原因：${item.withdrawReason}` : undefined} />}
      {item && item.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`办事指南要素不全，发布前须补齐以下 ${item.missing.length} 项`}
          description={
            <Space size={[4, 0]} wrap aria-label="缺少的办事指南要素">
              {item.missing.map((element) =>
                fieldOfElement[element] && canEdit ? (
                  <Button key={element} type="link" size="small" style={{ padding: 0 }} onClick={() => goTo(element)}>
                    {guideElements[element]}
                  </Button>
                ) : (
                  <span key={element}>{guideElements[element]}</span>
                ),
              )}
            </Space>
          }
        />
      )}
      {item && item.missing.length === 0 && item.status !== 'published' && <Alert type="success" showIcon style={{ marginBottom: 12 }} title="办事指南要素齐全，可以发布" />}
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={failure.message}
          description={gaps.length ? `缺少或不合规：${elementLabels(gaps).join('、')}` : undefined}
          action={
            failure.code === 'services.changed_concurrently' ? (
              <Button size="small" onClick={() => void onReload()}>
                重新载入
              </Button>
            ) : undefined
          }
        />
      )}
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="只读：事项由实施机关的窗口人员维护" />}
      <GuideForm
        form={form}
        initialValues={item ? valuesOf(item) : emptyGuide}
        orgId={orgId}
        implementingOrg={orgName}
        self={item && { id: item.id, parentId: item.parentId, parentName: item.parentName }}
        disabled={!canEdit}
        codeLocked={Boolean(item?.publishedAt)}
        onChange={() => setDirty(true)}
        onFinish={(values) => void save(values)}
      />
      {footer &&
        createPortal(
          <Space wrap>
            {canEdit && (
              <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
                保存
              </Button>
            )}
            {canEdit && item && item.status !== 'published' && (
              <Tooltip title={publishable ? undefined : dirty ? '请先保存修改' : item.missing.length ? '办事指南要素齐全后才能发布' : undefined}>
                <Button disabled={!publishable} loading={publish.isPending} onClick={() => confirmPublish(item)}>
                  发布
                </Button>
              </Tooltip>
            )}
            {canEdit && item?.status === 'published' && (
              <Button danger onClick={() => setWithdrawing(true)}>
                撤回
              </Button>
            )}
            {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
          </Space>,
          footer,
        )}
      {withdrawing && item && <WithdrawModal item={item} onClose={() => setWithdrawing(false)} />}
    </>
  );
}
