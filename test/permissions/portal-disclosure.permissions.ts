import type { FastifyInstance } from 'fastify';
import { signIn } from '../support/app.js';
import type { MatrixCall, Target } from './matrix-fixtures.js';
import { partObject, type PermissionPart } from './permission-part.js';
import type { PermissionEntry } from './permission-table.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;

const readCatalogue = ['editor', 'reviewer', 'officer', 'it_office'] as const;
const readRequests = ['officer', 'it_office'] as const;
const readReports = ['editor', 'officer', 'it_office'] as const;

const orgParam = ({ fx, target }: MatrixCall) => ({ orgId: fx.orgs[target].id });
const orgQuery = ({ fx, target }: MatrixCall) => `?orgId=${fx.orgs[target].id}`;
const of = (key: string) => (call: MatrixCall) => ({ id: partObject(call, 'disclosure', key).id });
const textParams = (call: MatrixCall) => ({ ...orgParam(call), kind: 'guide' });
const stepped = (key: string, body: unknown): PermissionEntry => ({ allow: ['officer'], scope: 'org', params: of(key), body: () => body, ok: [200, 409] });

async function inject(app: FastifyInstance, cookie: string | undefined, method: string, url: string, payload?: unknown): Promise<Json> {
  const response = await app.inject({ method: method as 'GET', url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.headers['content-type']?.toString().includes('json') ? response.json() : response.body;
}

/** An account holding `role` in the organisation, signed in with its own password. */
async function account(app: FastifyInstance, admin: string, username: string, orgId: string, role: string): Promise<string> {
  const user = await inject(app, admin, 'POST', '/api/v1/admin/users', { username, displayName: username, orgId, password: 'Disclosure-Init-2026' });
  await inject(app, admin, 'POST', `/api/v1/admin/users/${user.id}/roles`, { role, orgId, scope: 'subtree' });
  const first = await inject(app, undefined, 'POST', '/api/v1/session', { username, password: 'Disclosure-Init-2026' });
  const set = await app.inject({ method: 'POST', url: '/api/v1/session/password', payload: { challengeId: first.challengeId, newPassword: 'Disclosure-Pass-2026A' } });
  return `hinggan_session=${set.cookies.find((c) => c.name === 'hinggan_session')!.value}`;
}

const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * The portal's disclosure routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (stored under `fx.parts.disclosure`).
 */
export const portalDisclosurePermissions: PermissionPart = {
  routes: {
    'GET /api/v1/disclosure/orgs/:orgId': { allow: [...readCatalogue], scope: 'org', params: orgParam },
    'PUT /api/v1/disclosure/orgs/:orgId/texts/:kind': { allow: ['editor'], scope: 'org', params: textParams, body: () => ({ bodyHtml: '<p>本机关政府信息公开指南。</p>' }) },
    'GET /api/v1/disclosure/orgs/:orgId/texts/:kind': { allow: [...readCatalogue], scope: 'org', params: textParams },
    'GET /api/v1/disclosure/entries': { allow: [...readCatalogue], scope: 'org', query: orgQuery },
    'POST /api/v1/disclosure/entries': {
      allow: ['editor'],
      scope: 'org',
      body: ({ fx, target }) => ({ orgId: fx.orgs[target].id, title: '矩阵新建条目', category: 'plans', documentDate: '2026-01-05' }),
    },
    'GET /api/v1/disclosure/entries/:id': { allow: [...readCatalogue], scope: 'org', params: of('entry') },
    'PATCH /api/v1/disclosure/entries/:id': { allow: ['editor'], scope: 'org', params: of('entry'), body: () => ({ summary: '矩阵修改摘要' }) },
    'POST /api/v1/disclosure/entries/:id/publish': { allow: ['editor'], scope: 'org', params: of('entry'), ok: [200, 409] },
    'POST /api/v1/disclosure/entries/:id/withdraw': { allow: ['editor'], scope: 'org', params: of('entryToWithdraw'), body: () => ({ reason: '矩阵撤回' }), ok: [200, 409] },
    'POST /api/v1/disclosure/entries/:id/validity': {
      allow: ['editor'],
      scope: 'org',
      params: of('entry'),
      body: () => ({ validity: 'abolished', note: '已被新规定替代', date: '2026-01-10' }),
    },
    'PUT /api/v1/disclosure/entries/:id/file': { allow: ['editor'], scope: 'org', params: of('entry'), query: () => '?name=matrix.pdf', contentType: 'application/pdf', body: () => tinyPdf },
    'GET /api/v1/disclosure/requests': { allow: [...readRequests], scope: 'org', query: orgQuery },
    'GET /api/v1/disclosure/requests/:id': { allow: [...readRequests], scope: 'org', params: of('request') },
    'POST /api/v1/disclosure/requests/:id/accept': stepped('requestToAccept', {}),
    'POST /api/v1/disclosure/requests/:id/correction': stepped('requestToCorrect', { notice: '请写明文件名称或文号' }),
    'POST /api/v1/disclosure/requests/:id/consultation': stepped('requestToConsult', { party: '矩阵第三方' }),
    'POST /api/v1/disclosure/requests/:id/consultation/end': stepped('requestToConsult', {}),
    'POST /api/v1/disclosure/requests/:id/extend': stepped('requestToExtend', { days: 1, reason: '需要协调' }),
    'POST /api/v1/disclosure/requests/:id/reply': stepped('requestToReply', { kind: 'repeat' }),
    'GET /api/v1/disclosure/requests/:id/notice': { allow: [...readRequests], scope: 'org', params: of('replied') },
    'GET /api/v1/disclosure/reports': { allow: [...readReports], scope: 'org', query: orgQuery },
    'POST /api/v1/disclosure/reports': { allow: ['editor', 'officer'], scope: 'org', body: ({ fx, target }) => ({ orgId: fx.orgs[target].id, year: 2025 }), ok: [200, 409] },
    'GET /api/v1/disclosure/reports/:id': { allow: [...readReports], scope: 'org', params: of('report') },
    'PUT /api/v1/disclosure/reports/:id': {
      allow: ['editor', 'officer'],
      scope: 'org',
      params: of('report'),
      body: (call) => ({ data: partObject(call, 'disclosure', 'report').data }),
      ok: [200, 409],
    },
    'POST /api/v1/disclosure/reports/:id/publish': { allow: ['editor', 'officer'], scope: 'org', params: of('report'), ok: [200, 409] },
  },
  publicRoutes: ['POST /api/v1/disclosure/requests', 'POST /api/v1/disclosure/track', 'POST /api/v1/disclosure/track/correction', 'POST /api/v1/disclosure/track/notice'],
  fixtures: async ({ app, orgs, cookieOf }) => {
    const admin = await signIn(app, 'sysadmin');
    const staff: Record<Target, { editor: string; officer: string }> = {
      own: { editor: cookieOf('editor'), officer: cookieOf('officer') },
      other: { editor: await account(app, admin, 'mx.dx.editor', orgs.other.id, 'editor'), officer: await account(app, admin, 'mx.dx.officer', orgs.other.id, 'officer') },
    };
    const parts: Record<string, Record<Target, { id: string } & Record<string, unknown>>> = {};
    const put = (key: string, target: Target, value: { id: string } & Record<string, unknown>) => {
      (parts[key] ??= {} as Record<Target, { id: string } & Record<string, unknown>>)[target] = value;
    };
    for (const target of ['own', 'other'] as const) {
      const orgId = orgs[target].id;
      const { editor, officer } = staff[target];
      const entry = (title: string) => inject(app, editor, 'POST', '/api/v1/disclosure/entries', { orgId, title, category: 'regulations', documentDate: '2026-01-02' });
      const made = await entry(`矩阵${target}条目`);
      put('entry', target, { id: made.id, indexNumber: made.indexNumber });
      put('entryToWithdraw', target, { id: (await entry(`矩阵${target}待撤回条目`)).id });
      const request = async (key: string) => {
        const receipt = await inject(app, undefined, 'POST', '/api/v1/disclosure/requests', {
          orgId,
          applicantKind: 'person',
          name: `矩阵申请人${target}`,
          idNumber: '11010519491231002X',
          phone: '13912345678',
          content: `矩阵${target}申请公开的政府信息`,
          purpose: '矩阵测试',
          form: 'electronic',
        });
        const list = await inject(app, officer, 'GET', `/api/v1/disclosure/requests?orgId=${orgId}&pageSize=100`);
        const id = list.items.find((r: Json) => r.trackingCode === receipt.trackingCode).id as string;
        put(key, target, { id, trackingCode: receipt.trackingCode });
        return id;
      };
      for (const key of ['request', 'requestToAccept', 'requestToCorrect', 'requestToConsult', 'requestToExtend', 'requestToReply']) await request(key);
      const replied = await request('replied');
      await inject(app, officer, 'POST', `/api/v1/disclosure/requests/${replied}/reply`, { kind: 'repeat' });
      const report = await inject(app, editor, 'POST', '/api/v1/disclosure/reports', { orgId, year: 2026 });
      put('report', target, { id: report.id, data: report.data });
    }
    return parts;
  },
  otherMarkers: (parts) => [String(parts.entry?.other.indexNumber), String(parts.request?.other.trackingCode), '矩阵申请人other'],
};
