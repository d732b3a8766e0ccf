import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession, type SessionInfo } from '../api/client.js';
import { useCreateDocument, useDocument, useFlowCommand, useUpdateDocument, type DocumentView } from '../api/documents.js';
import { useIncoming, type Incoming } from '../api/inbox.js';
import { QueryError } from '../shell/forbidden.js';
import { AttachmentsCard } from './attachments-card.js';
import { DraftFields, type DraftValues } from './draft-fields.js';
import { suggestReply } from './reply-draft.js';
import { RuleProblemsAlert } from './rule-problems-alert.js';
import { saveProblems, type SaveProblems } from './save-problems.js';

/**
 * Organisations the user may draft for, nearest first: the organisation a 办公室 serves (its parent),
 * the user's own, and those of the user's clerk and staff grants. The server decides in the end.
 */
function issuerChoices(session: SessionInfo): { id: string; name: string }[] {
  const own = { id: session.org.id, name: session.org.nameZh };
  const parent = session.org.path.filter((p) => p.id !== session.org.id).at(-1);
  const served = session.org.kind === 'office' && session.org.nameZh.endsWith('办公室') && parent ? [{ id: parent.id, name: parent.nameZh }] : [];
  const granted = session.roles.filter((r) => r.role === 'clerk' || r.role === 'staff').map((r) => ({ id: r.orgId, name: r.orgName }));
  const all = [...served, own, ...granted];
  return all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i);
}

const valuesOf = (doc: DocumentView): DraftValues => ({
  orgId: doc.orgId,
  kind: doc.kind,
  title: doc.title,
  mainRecipientIds: doc.mainRecipients.map((r) => r.orgId),
  copyRecipientIds: doc.copyRecipients.map((r) => r.orgId),
  coIssuerIds: doc.coIssuers.map((r) => r.orgId),
  secrecy: doc.secrecy,
  secrecyTerm: doc.secrecyTerm,
  urgency: doc.urgency,
  note: doc.note,
  bodyHtml: doc.bodyHtml,
});

/**
 * /documents/new and /documents/:id/edit: 拟稿 and later revisions (while the step allows editing).
 * /documents/new?inReplyTo=<incomingId> drafts a reply to an inbox item: the sender as 主送, a kind
 * and title suggested, and the link that lets 办结 name the reply.
 */
export function DraftPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const replyTo = id ? '' : (params.get('inReplyTo') ?? '');
  const doc = useDocument(id);
  const incoming = useIncoming(replyTo, replyTo !== '');
  const session = useSession();
  if (id && doc.isPending) return <Spin description="正在加载…" />;
  if (id && doc.isError) return <QueryError error={doc.error} />;
  if (replyTo && incoming.isPending) return <Spin description="正在加载所答复的收文…" />;
  if (replyTo && incoming.isError) return <QueryError error={incoming.error} title="无法打开所答复的收文" />;
  if (!session.data) return null;
  if (doc.data && !doc.data.actions.includes('edit')) {
    return (
      <Result
        status="info"
        title="当前不能修改这份公文"
        subTitle="只有当前环节的办理人可以修改；会签后正文不再修改，如需修改请退回。"
        extra={<Link to={`/documents/${doc.data.id}`}>查看公文</Link>}
      />
    );
  }
  return <DraftForm key={id ?? `new-${replyTo}`} doc={doc.data} issuers={issuerChoices(session.data)} reply={replyTo ? incoming.data : undefined} />;
}

function DraftForm({ doc, issuers, reply }: { doc: DocumentView | undefined; issuers: { id: string; name: string }[]; reply?: Incoming | undefined }) {
  const [form] = Form.useForm<DraftValues>();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const create = useCreateDocument();
  const update = useUpdateDocument();
  const submit = useFlowCommand(doc?.id ?? '');
  const [problems, setProblems] = useState<SaveProblems>();

  const names = useMemo(
    () => ({
      ...(reply?.senderOrgId ? { [reply.senderOrgId]: reply.senderName ?? '' } : {}),
      ...Object.fromEntries([...(doc?.mainRecipients ?? []), ...(doc?.copyRecipients ?? []), ...(doc?.coIssuers ?? [])].map((r) => [r.orgId, r.name])),
    }),
    [doc, reply],
  );
  const suggested = reply && suggestReply({ title: reply.title, kind: reply.kind, senderOrgId: reply.senderOrgId });
  // A reply is drafted for the organisation whose inbox holds the item, when the user may draft for it.
  const replyIssuer = reply && issuers.some((o) => o.id === reply.orgId) ? reply.orgId : undefined;
  // A saved revision (the server's cleaned body included) becomes what the form holds.
  useEffect(() => {
    if (doc) form.setFieldsValue(valuesOf(doc));
  }, [doc, form]);

  const showProblems = (error: unknown) => {
    const v = form.getFieldsValue();
    const found = saveProblems(error, { main: v.mainRecipientIds ?? [], copy: v.copyRecipientIds ?? [], coIssuers: v.coIssuerIds ?? [] });
    setProblems(found);
    form.setFields(Object.entries(found.fields).map(([name, errors]) => ({ name: name as keyof DraftValues, errors })));
  };

  const clearProblems = () => {
    setProblems(undefined);
    form.setFields((Object.keys(problems?.fields ?? {}) as (keyof DraftValues)[]).map((name) => ({ name, errors: [] })));
  };

  const save = async (values: DraftValues): Promise<DocumentView | undefined> => {
    clearProblems();
    const common = { ...values, secrecyTerm: values.secrecy === 'secret' && values.secrecyTerm ? values.secrecyTerm : null, note: values.note?.trim() || null };
    try {
      if (!doc) {
        const created = await create.mutateAsync({ ...common, ...(reply ? { inReplyTo: reply.id } : {}) });
        void message.success('草稿已保存；可继续修改正文、上传附件');
        void navigate(`/documents/${created.id}/edit`, { replace: true });
        return created;
      }
      const { orgId: _issuer, ...body } = common;
      const saved = await update.mutateAsync({ id: doc.id, body: { ...body, revision: doc.revision } });
      void message.success(saved.bodyVersion > doc.bodyVersion ? `已保存为第 ${saved.bodyVersion} 版` : '已保存');
      return saved;
    } catch (error) {
      showProblems(error);
      return undefined;
    }
  };

  const saveAndSubmit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values || !doc) return;
    const saved = await save(values);
    if (!saved) return;
    submit.mutate(
      { action: 'submit' },
      {
        onSuccess: () => (void message.success('已送审'), void navigate(`/documents/${doc.id}`)),
        onError: showProblems,
      },
    );
  };

  const busy = create.isPending || update.isPending || submit.isPending;
  const failure = create.error ?? update.error ?? submit.error;
  return (
    <Flex vertical gap={16}>
      <title>{doc ? `修改：${doc.title}` : reply ? '拟复文' : '拟稿'} · 兴安政务平台</title>
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{doc ? '修改公文' : reply ? '拟复文' : '拟稿'}</Typography.Title>}
        extra={<Link to={doc ? `/documents/${doc.id}` : '/documents'}><ArrowLeftOutlined aria-hidden /> {doc ? '返回公文' : '返回待办'}</Link>}
      >
        {reply && !doc && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={<>答复收文：<Link to={`/inbox/${reply.id}`}>{reply.receiptNumber ? `${reply.receiptNumber} ` : ''}{reply.title}</Link></>}
            description="已按来文填入主送机关和建议的文种、标题，可修改。复文核发后，办结该收文时将关联此复文。"
          />
        )}
        <Form<DraftValues>
          form={form}
          layout="vertical"
          name="draft"
          initialValues={{ orgId: replyIssuer ?? issuers[0]?.id, kind: 'notice', mainRecipientIds: [], copyRecipientIds: [], coIssuerIds: [], secrecy: 'none', urgency: 'normal', bodyHtml: '', ...suggested }}
          onFinish={(values) => void save(values)}
        >
          <DraftFields issuers={issuers} editing={Boolean(doc)} names={names} flagged={problems?.orgIds ?? []} />
          {problems?.rules.length ? <RuleProblemsAlert problems={problems.rules} /> : null}
          {failure && !problems?.rules.length && !Object.keys(problems?.fields ?? {}).length && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending || update.isPending} disabled={busy}>
              {doc ? '保存' : '保存草稿'}
            </Button>
            {doc?.actions.includes('submit') && (
              <Button icon={<SendOutlined />} loading={submit.isPending} disabled={busy} onClick={() => void saveAndSubmit()}>
                保存并送审
              </Button>
            )}
          </Space>
        </Form>
      </Card>
      {doc ? <AttachmentsCard doc={doc} editable /> : <Alert type="info" showIcon title="保存草稿后即可上传附件" />}
    </Flex>
  );
}
