import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/server/platform/ids.js';
import { signIn } from '../support/app.js';
import type { MatrixCall, Target } from './matrix-fixtures.js';
import { partObject, type PermissionPart, type PartFixtureInput } from './permission-part.js';
import type { PermissionEntry } from './permission-table.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;
type Objects = Record<string, Record<Target, { id: string } & Record<string, unknown>>>;

const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

async function call(app: FastifyInstance, cookie: string, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const response = await app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { cookie, ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

let unique = 0;
const next = () => `${Date.now().toString(36)}${(unique += 1)}`;

/** The own organisation's objects through the API; the other's (no editor there) written directly. */
async function fixtures({ app, database, orgs, cookieOf }: PartFixtureInput): Promise<Objects> {
  appRef = app;
  const league = await signIn(app, 'it.office');
  const editor = cookieOf('editor');
  const reviewer = cookieOf('reviewer');
  const db = database.db;
  const site = async (target: Target) =>
    (await call(app, league, 'POST', '/portal/sites', { code: `mx-${target}`, orgId: orgs[target].id, nameZh: `矩阵${target}网站`, kind: 'county', pathPrefix: `/mx-${target}` })).id as string;
  const sites = { own: await site('own'), other: await site('other') };

  const column = async (target: Target, slug: string, category = 'news'): Promise<string> => {
    if (target === 'own') return (await call(app, editor, 'POST', `/portal/sites/${sites.own}/columns`, { slug, nameZh: `矩阵${slug}`, category })).id as string;
    const id = newId();
    const now = new Date().toISOString();
    await db.insertInto('portal_columns').values({ id, site_id: sites.other, parent_id: null, slug, path: slug, name_zh: `矩阵${slug}`, name_mn: null, category: category as 'news', position: 0, description: null, created_at: now, updated_at: now }).execute();
    return id;
  };
  const columns = { own: await column('own', 'news'), other: await column('other', 'news') };
  const policyColumns = { own: await column('own', 'policies', 'notice'), other: await column('other', 'policies', 'notice') };

  let serial = 0;
  const article = async (target: Target, state: 'draft' | 'submitted' | 'published', columnId: string, title: string) => {
    if (target === 'own') {
      let a = await call(app, editor, 'POST', '/portal/articles', { columnId, title, bodyHtml: '<p>矩阵正文</p>' });
      if (state !== 'draft') a = await call(app, editor, 'POST', `/portal/articles/${a.id}/submit`, { revision: a.revision });
      if (state === 'published') a = await call(app, reviewer, 'POST', `/portal/articles/${a.id}/approve`, { revision: a.revision, publish: 'now' });
      return { id: a.id as string, revision: a.revision as number };
    }
    const id = newId();
    const now = new Date().toISOString();
    serial += 1;
    await db
      .insertInto('portal_articles')
      .values({
        id, site_id: sites.other, column_id: columnId, serial, lang: 'zh-CN', translation_of: null, title, subtitle: null, source: null, author: null, summary: null,
        body_html: '<p>矩阵正文</p>', cover_file_id: null, tags: '[]', interprets_id: null, status: state, validity: 'valid', validity_note: null, validity_changed_at: null,
        validity_on: null, publish_at: null, published_at: state === 'published' ? now : null, withdrawn_at: null, withdraw_reason: null, reject_reason: null, version: 1, revision: 0,
        created_by: 'other-user', created_by_name: '他人', submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_by_name: null, reviewed_at: null, created_at: now, updated_at: now,
      })
      .execute();
    await db.insertInto('portal_article_versions').values({ id: newId(), article_id: id, number: 1, title, subtitle: null, body_html: '<p>矩阵正文</p>', fields: '{}', created_by: 'other-user', created_by_name: '他人', created_at: now }).execute();
    return { id, revision: 0 };
  };
  const both = async (state: 'draft' | 'submitted' | 'published', policy = false) => ({
    own: await article('own', state, (policy ? policyColumns : columns).own, `矩阵${state}文章`),
    other: await article('other', state, (policy ? policyColumns : columns).other, `矩阵${state}文章`),
  });

  const draft = await both('draft');
  // The own draft gets a cover and an attachment (the file routes' objects).
  const withCover = await call(app, editor, 'POST', `/portal/articles/${draft.own.id}/cover?name=c.png`, png, { 'content-type': 'image/png' });
  await call(app, editor, 'POST', `/portal/articles/${draft.own.id}/attachments?name=a.txt`, '矩阵附件一', { 'content-type': 'text/plain' });
  const withFile = await call(app, editor, 'POST', `/portal/articles/${draft.own.id}/attachments?name=b.txt`, '矩阵附件二', { 'content-type': 'text/plain' });
  void withCover;
  const files = { own: { id: withFile.attachments[0].fileId as string }, other: { id: 'x0nofile' } };
  const attachments = { own: { id: withFile.attachments[1].id as string }, other: { id: 'x0noattachment' } };

  return {
    site: { own: { id: sites.own }, other: { id: sites.other } },
    column: { own: { id: columns.own }, other: { id: columns.other } },
    draft,
    submitted: await both('submitted'),
    toReject: await both('submitted'),
    toSubmit: await both('draft'),
    published: await both('published'),
    policy: await both('published', true),
    file: files,
    attachment: attachments,
  };
}

const obj = (key: string) => (call: MatrixCall) => partObject(call, 'publishing', key);
const idOf = (key: string) => (call: MatrixCall) => ({ id: obj(key)(call).id });
const revisionOf = (key: string) => (call: MatrixCall) => Number(obj(key)(call).revision ?? 0);
const siteReaders = { allow: ['editor', 'reviewer', 'it_office'], scope: 'org', params: idOf('site') } as const;
const articleReaders = { allow: ['editor', 'reviewer'], scope: 'org' } as const;
/** A workflow action: whoever may take it acts once (200); a second try of the same role finds it moved on (409). */
const flow = (allow: PermissionEntry['allow'], key: string, body: (call: MatrixCall) => unknown): PermissionEntry => ({ allow, scope: 'org', params: idOf(key), body, ok: [200, 409] });

/** Empty columns made per call for the delete route (the editor's call deletes its own). */
const deletable = new Map<string, string>();
let appRef: FastifyInstance | undefined;

export const portalPublishingPermissions: PermissionPart = {
  routes: {
    'GET /api/v1/portal/sites': { allow: ['editor', 'reviewer', 'it_office'], scope: 'any' },
    'POST /api/v1/portal/sites': {
      allow: ['it_office'],
      scope: 'org',
      body: ({ fx, target }) => {
        const code = `mx${next()}`;
        return { code, orgId: fx.orgs[target].id, nameZh: '矩阵新网站', kind: 'department', pathPrefix: `/${code}` };
      },
    },
    'GET /api/v1/portal/sites/:id': siteReaders,
    'PATCH /api/v1/portal/sites/:id': { allow: ['it_office'], scope: 'org', params: idOf('site'), body: () => ({ nameZh: '矩阵网站（改）' }) },
    'GET /api/v1/portal/sites/:id/columns': siteReaders,
    'POST /api/v1/portal/sites/:id/columns': { allow: ['editor'], scope: 'org', params: idOf('site'), body: () => ({ slug: `c${next()}`.slice(0, 40), nameZh: '矩阵栏目', category: 'news' }) },
    'PATCH /api/v1/portal/columns/:id': { allow: ['editor'], scope: 'org', params: idOf('column'), body: () => ({ nameZh: '矩阵栏目（改）' }) },
    'POST /api/v1/portal/columns/:id/move': { allow: ['editor'], scope: 'org', params: idOf('column'), body: () => ({ parentId: null, position: 0 }) },
    'DELETE /api/v1/portal/columns/:id': {
      allow: ['editor'],
      scope: 'org',
      // The own editor deletes an empty column made for the call; everyone else tries the fixture column.
      setup: async ({ fx, actor, target }) => {
        if (target !== 'own' || actor.role !== 'editor' || !appRef) return;
        const made = await call(appRef, actor.cookie, 'POST', `/portal/sites/${fx.parts.publishing!.site!.own.id}/columns`, { slug: `d${next()}`.slice(0, 40), nameZh: '矩阵空栏目', category: 'news' });
        deletable.set(actor.role, made.id as string);
      },
      params: (c) => ({ id: c.target === 'own' && c.actor.role === 'editor' ? deletable.get('editor')! : obj('column')(c).id }),
    },
    'GET /api/v1/portal/articles': { allow: ['editor', 'reviewer'], scope: 'any' },
    'POST /api/v1/portal/articles': { allow: ['editor'], scope: 'org', body: (call) => ({ columnId: obj('column')(call).id, title: '矩阵新文章' }) },
    'GET /api/v1/portal/articles/:id': { ...articleReaders, params: idOf('draft') },
    'PATCH /api/v1/portal/articles/:id': { allow: ['editor'], scope: 'org', params: idOf('draft'), body: (c) => ({ revision: revisionOf('draft')(c), summary: '矩阵摘要' }), ok: [200, 409] },
    'GET /api/v1/portal/articles/:id/versions': { ...articleReaders, params: idOf('draft') },
    'GET /api/v1/portal/articles/:id/versions/:number': { ...articleReaders, params: (call) => ({ id: obj('draft')(call).id, number: '1' }) },
    'GET /api/v1/portal/articles/:id/diff': { ...articleReaders, params: idOf('draft'), query: () => '?from=1&to=1' },
    'POST /api/v1/portal/articles/:id/submit': flow(['editor'], 'toSubmit', (c) => ({ revision: revisionOf('toSubmit')(c) })),
    'POST /api/v1/portal/articles/:id/approve': flow(['reviewer'], 'submitted', (call) => ({ revision: revisionOf('submitted')(call), publish: 'now' })),
    'POST /api/v1/portal/articles/:id/reject': flow(['reviewer'], 'toReject', (call) => ({ revision: revisionOf('toReject')(call), reason: '矩阵退回' })),
    'POST /api/v1/portal/articles/:id/withdraw': flow(['editor', 'reviewer'], 'published', (call) => ({ revision: revisionOf('published')(call), reason: '矩阵撤稿' })),
    'POST /api/v1/portal/articles/:id/validity': flow(['editor', 'reviewer'], 'policy', (call) => ({ revision: revisionOf('policy')(call), validity: 'expired', note: '矩阵失效' })),
    'GET /api/v1/portal/articles/:id/files/:attachmentId': { ...articleReaders, params: (call) => ({ id: obj('draft')(call).id, attachmentId: obj('file')(call).id }) },
    'DELETE /api/v1/portal/articles/:id/attachments/:attachmentId': {
      allow: ['editor'],
      scope: 'org',
      params: (call) => ({ id: obj('draft')(call).id, attachmentId: obj('attachment')(call).id }),
    },
    'POST /api/v1/portal/articles/:id/cover': { allow: ['editor'], scope: 'org', params: idOf('draft'), query: () => '?name=c.png', contentType: 'image/png', body: () => png, ok: [201] },
    'POST /api/v1/portal/articles/:id/attachments': { allow: ['editor'], scope: 'org', params: idOf('draft'), query: () => '?name=a.txt', contentType: 'text/plain', body: () => '矩阵附件', ok: [201] },
  },
  publicRoutes: ['GET /api/v1/portal/files/:fileId'],
  fixtures,
  otherMarkers: (parts) => ['site', 'column', 'draft', 'submitted', 'published'].map((key) => parts[key]!.other.id),
};
