import type { Role } from '../../src/shared/roles.js';
import type { MatrixCall } from './matrix-fixtures.js';
import { permissionParts } from './permission-parts.js';

/**
 * The declared permission of every API route, which the matrix test (matrix.test.ts) checks against
 * the built app for every role × own/other organisation × anonymous. A module that adds a route adds
 * its entry here; a route without one fails the test.
 */
export interface PermissionEntry {
  /** The roles that may call the route; `signedIn` for every signed-in user (own account, the org registry). */
  readonly allow: readonly (Role | 'signedIn')[];
  /**
   * `org`: allowed only on objects of organisations the caller's grant covers (the `own` target);
   * on another organisation's the answer is 403/404. `any`: the organisation does not matter.
   */
  readonly scope: 'org' | 'any';
  /** The answer legitimately holds other organisations' data (the org registry, the audit log). */
  readonly crossOrg?: boolean;
  readonly params?: (call: MatrixCall) => Record<string, string>;
  readonly query?: (call: MatrixCall) => string;
  readonly body?: (call: MatrixCall) => unknown;
  readonly contentType?: string;
  /** Runs before each call, e.g. to make the object the call consumes. */
  readonly setup?: (call: MatrixCall) => Promise<void>;
  /** Statuses that mean "allowed, and the request reached its action"; default any 2xx. */
  readonly ok?: readonly number[];
}

/** Routes anyone may call without signing in (sign-in steps, sign-out); every other /api/v1 route answers 401. */
const corePublicRoutes: readonly string[] = [
  'POST /api/v1/session',
  'POST /api/v1/session/second-factor',
  'POST /api/v1/session/password',
  'POST /api/v1/session/totp/enrol',
  'POST /api/v1/session/totp/confirm',
  'POST /api/v1/session/certificate',
  'POST /api/v1/session/certificate/enrol',
  'DELETE /api/v1/session',
  // Anyone may check a sealed document (公文验证), like the public /verify/document page.
  'POST /api/v1/documents/verify',
];

export const publicRoutes: ReadonlySet<string> = new Set([...corePublicRoutes, ...Object.values(permissionParts).flatMap((part) => part.publicRoutes)]);

const orgParam = ({ fx, target }: MatrixCall) => ({ key: fx.orgs[target].id });
const userParam = ({ fx, target }: MatrixCall) => ({ id: fx.users[target].id });
const certParam = ({ fx, target }: MatrixCall) => ({ serial: fx.certs[target].serial });
const audit = { allow: ['auditor'], scope: 'any', crossOrg: true } as const;

/**
 * Documents (sending): the matrix fixtures hold `documents`, a draft of each organisation (own: by
 * mx.clerk, kind 纪要, with one attachment; other: by the other organisation's user) — see
 * matrix-fixtures.ts.
 */
const documentOf = ({ fx, target }: MatrixCall): { id: string; attachmentId: string } => fx.documents[target];
const documentParam = (call: MatrixCall) => ({ id: documentOf(call).id });
/** Who may see a draft of his organisation: its clerks, leaders and the drafting unit's staff. */
const documentReaders = { allow: ['clerk', 'leader', 'staff'], scope: 'org', params: documentParam } as const;
/** A flow action the fixture is not at: whoever may see the document reaches the step check (409). */
const documentStepNotCurrent = { ...documentReaders, body: () => ({}), ok: [409] } as const;
/**
 * A flow action the fixture is at: the roles run at once, so whoever may see the document reaches the
 * step check — the step's holder acts (200), the others are told it is not theirs (403) or, once the
 * holder was first, no longer current (409). The module's own tests pin each answer down.
 */
const documentFlowAction = { ...documentReaders, ok: [200, 403, 409] } as const;

/**
 * Documents (receiving and filing): the matrix fixtures hold `incoming`, a delivery waiting for 签收 in
 * each organisation, and `archive`, a 件 filed in each (made by `matrixReceivingFixtures` in
 * src/server/modules/documents/receiving.testing.ts).
 */
const receivingOf = ({ fx, target }: MatrixCall, key: 'incoming' | 'archive'): { id: string } => fx[key][target];
const incomingParam = (call: MatrixCall) => ({ id: receivingOf(call, 'incoming').id });
const inboxQuery = ({ fx, target }: MatrixCall) => `?orgId=${fx.orgs[target].id}`;
/** Who sees an organisation's incoming documents: its clerks and leaders (its staff only what their unit is given). */
const incomingReaders = { allow: ['clerk', 'leader'], scope: 'org', params: incomingParam } as const;
/**
 * A receiving step on the fixture, which moves through the steps as the routes run (签收 → 登记 → 初审
 * → 拟办 → 批办 as 阅件 → 办结): whoever may see it reaches the step check — its holder acts (200), the
 * other reader is told it is not his (403) or no longer current (409). receive.routes.test.ts pins each down.
 */
const incomingStep = { ...incomingReaders, ok: [200, 403, 409] } as const;
/** A tiny valid PDF, as a scan. */
const matrixPdf = (() => {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
})();
const archiveQuery = ({ fx, target }: MatrixCall) => `?orgId=${fx.orgs[target].id}`;
const archiveItemParam = (call: MatrixCall) => ({ id: receivingOf(call, 'archive').id });

const coreTable: Readonly<Record<string, PermissionEntry>> = {
  // orgs: the registry is read by every signed-in user; imports stay inside the 系统管理员's subtree.
  'GET /api/v1/orgs': { allow: ['signedIn'], scope: 'any', crossOrg: true, query: () => '?pageSize=5' },
  'GET /api/v1/orgs/tree': { allow: ['signedIn'], scope: 'any', crossOrg: true, query: ({ fx, target }) => `?root=${fx.orgs[target].id}&depth=1` },
  'GET /api/v1/orgs/search': { allow: ['signedIn'], scope: 'any', crossOrg: true, query: () => '?q=%E6%89%8E%E8%B5%89%E7%89%B9' },
  'GET /api/v1/orgs/:key': { allow: ['signedIn'], scope: 'any', crossOrg: true, params: orgParam },
  'POST /api/v1/orgs/import': {
    allow: ['sysadmin'],
    scope: 'org',
    contentType: 'text/csv',
    body: ({ fx, target }) =>
      `${fx.importColumns.join(',')}\nmx${fx.unique()},${fx.orgs[target].ref},department,,矩阵测试局,,,,,\n`,
  },

  // audit (platform): the 审计管理员 only.
  'GET /api/v1/audit/events': { ...audit, query: () => '?limit=5' },
  'GET /api/v1/audit/export': { ...audit, query: () => '?action=orgs' },
  'POST /api/v1/audit/verify': audit,

  // identity: session and own account.
  'GET /api/v1/session': { allow: ['signedIn'], scope: 'any' },
  'POST /api/v1/account/password': {
    allow: ['signedIn'],
    scope: 'any',
    body: ({ actor }) => {
      const currentPassword = actor.password;
      actor.password = currentPassword.endsWith('A') ? `${currentPassword.slice(0, -1)}B` : `${currentPassword.slice(0, -1)}A`;
      return { currentPassword, newPassword: actor.password };
    },
  },
  'POST /api/v1/account/totp/enrol': { allow: ['signedIn'], scope: 'any' },
  // A wrong code: the caller reached the check (422), nobody else does.
  'POST /api/v1/account/totp/confirm': { allow: ['signedIn'], scope: 'any', body: () => ({ code: '000000' }), ok: [422] },
  'GET /api/v1/account/sessions': { allow: ['signedIn'], scope: 'any' },
  // The SM2 certificate factor: an unknown nonce (409) and nothing to remove (404) mean the caller reached the action.
  'GET /api/v1/account/second-factors': { allow: ['signedIn'], scope: 'any' },
  'POST /api/v1/account/certificate/nonce': { allow: ['signedIn'], scope: 'any' },
  'POST /api/v1/account/certificate': {
    allow: ['signedIn'],
    scope: 'any',
    body: () => ({ nonce: 'N'.repeat(43), certificate: '-----BEGIN CERTIFICATE-----', signature: `MEUCI${'Q'.repeat(91)}` }),
    ok: [409],
  },
  'DELETE /api/v1/account/certificate': { allow: ['signedIn'], scope: 'any', ok: [404] },
  // Own target: the caller's spare session; other: another user's, which is not found.
  'DELETE /api/v1/account/sessions/:id': {
    allow: ['signedIn'],
    scope: 'org',
    setup: async ({ fx, actor, target }) => (target === 'own' ? fx.openSpareSession(actor) : undefined),
    params: ({ fx, actor, target }) => ({ id: target === 'own' ? actor.spareSessionId! : fx.otherSessionId }),
  },

  // identity: account administration by the 系统管理员 within his subtree.
  'GET /api/v1/admin/users': { allow: ['sysadmin'], scope: 'org', query: ({ fx, target }) => (target === 'own' ? '' : `?orgId=${fx.orgs.other.id}`) },
  'GET /api/v1/admin/users/:id': { allow: ['sysadmin'], scope: 'org', params: userParam },
  'GET /api/v1/admin/users/:id/personal-data': { allow: ['sysadmin'], scope: 'org', params: userParam },
  'POST /api/v1/admin/users': {
    allow: ['sysadmin'],
    scope: 'org',
    body: ({ fx, target }) => ({ username: `mx.new${fx.unique()}`, displayName: '矩阵新用户', orgId: fx.orgs[target].id, password: 'Matrix-Init-2026' }),
  },
  'PATCH /api/v1/admin/users/:id': { allow: ['sysadmin'], scope: 'org', params: userParam, body: () => ({ displayName: '矩阵用户' }) },
  'POST /api/v1/admin/users/:id/roles': {
    allow: ['sysadmin'],
    scope: 'org',
    params: userParam,
    body: ({ fx, target }) => ({ role: 'clerk', orgId: fx.orgs[target].id, scope: 'org' }),
  },
  'DELETE /api/v1/admin/users/:id/roles': {
    allow: ['sysadmin'],
    scope: 'org',
    params: userParam,
    query: ({ fx, target }) => `?role=staff&orgId=${fx.orgs[target].id}`,
  },
  'DELETE /api/v1/admin/users/:id/sessions': { allow: ['sysadmin'], scope: 'org', params: userParam },

  // identity: the security policy, the 安全管理员's.
  'GET /api/v1/security/policy': { allow: ['secadmin'], scope: 'any' },
  'PUT /api/v1/security/policy': { allow: ['secadmin'], scope: 'any', body: ({ fx }) => fx.securityPolicy },

  // pki: the 安全管理员, within his subtree for certificates of an organisation.
  'GET /api/v1/pki/certificates': { allow: ['secadmin'], scope: 'org', query: ({ fx, target }) => (target === 'own' ? '' : `?orgId=${fx.orgs.other.id}`) },
  'GET /api/v1/pki/certificates/:serial': { allow: ['secadmin'], scope: 'org', params: certParam },
  'POST /api/v1/pki/certificates': {
    allow: ['secadmin'],
    scope: 'org',
    body: ({ fx, target }) => ({ kind: 'seal', orgKey: fx.orgs[target].id, name: '矩阵测试印章', profile: 'sm2' }),
  },
  'POST /api/v1/pki/certificates/:serial/revoke': { allow: ['secadmin'], scope: 'org', params: certParam, body: () => ({ reason: 'superseded' }) },
  'GET /api/v1/pki/crl': { allow: ['secadmin'], scope: 'any' },
  'POST /api/v1/pki/verify': { allow: ['secadmin'], scope: 'any', body: ({ fx }) => ({ certificate: fx.certs.own.pem }) },

  // documents (sending): drafts and flow within the organisation; another organisation's documents are not found.
  'GET /api/v1/documents': { allow: ['signedIn'], scope: 'any' },
  'POST /api/v1/documents': {
    allow: ['clerk', 'staff'],
    scope: 'org',
    body: ({ fx, target }) => ({ orgId: fx.orgs[target].id, kind: 'minutes', title: '矩阵测试会议纪要', bodyHtml: '<p>会议议定。</p>' }),
  },
  'GET /api/v1/documents/todo': { allow: ['signedIn'], scope: 'any' },
  // Full-text search: every signed-in user searches what he may see (hits filtered by visibility).
  'GET /api/v1/documents/search': { allow: ['signedIn'], scope: 'any', query: () => `?q=${encodeURIComponent('矩阵')}` },
  'GET /api/v1/documents/:id': documentReaders,
  'PATCH /api/v1/documents/:id': { allow: ['clerk'], scope: 'org', params: documentParam, body: () => ({ note: '矩阵附注' }) },
  'GET /api/v1/documents/:id/attachments/:attachmentId': { ...documentReaders, params: (call) => ({ id: documentOf(call).id, attachmentId: documentOf(call).attachmentId }) },
  'POST /api/v1/documents/:id/attachments': {
    allow: ['clerk'],
    scope: 'org',
    params: documentParam,
    query: () => '?name=matrix.txt',
    contentType: 'text/plain',
    body: () => '矩阵附件',
  },
  'DELETE /api/v1/documents/:id/attachments/:attachmentId': {
    allow: ['clerk'],
    scope: 'org',
    params: (call) => ({ id: documentOf(call).id, attachmentId: documentOf(call).attachmentId }),
  },
  'GET /api/v1/documents/:id/versions': documentReaders,
  'GET /api/v1/documents/:id/versions/:number': { ...documentReaders, params: (call) => ({ id: documentOf(call).id, number: '1' }) },
  'GET /api/v1/documents/:id/diff': { ...documentReaders, query: () => '?from=1&to=1' },
  'GET /api/v1/documents/workflows/:orgId': { allow: ['clerk', 'leader', 'sysadmin'], scope: 'org', params: ({ fx, target }) => ({ orgId: fx.orgs[target].id }) },
  'PUT /api/v1/documents/workflows/:orgId': {
    allow: ['leader', 'sysadmin'],
    scope: 'org',
    params: ({ fx, target }) => ({ orgId: fx.orgs[target].id }),
    body: () => ({ steps: [{ step: 'recheck', enabled: true, role: 'clerk', actorScope: 'issuer_office', deadlineDays: 1 }] }),
  },
  // The fixture goes 拟稿 → 部门核稿 (the drafter submits, the leader approves), is returned and cancelled.
  'POST /api/v1/documents/:id/submit': { ...documentFlowAction, body: () => ({}) },
  'POST /api/v1/documents/:id/approve': { ...documentFlowAction, body: () => ({ opinion: '同意' }) },
  'POST /api/v1/documents/:id/countersign': documentStepNotCurrent,
  'POST /api/v1/documents/:id/sign-off': documentStepNotCurrent,
  'POST /api/v1/documents/:id/register': documentStepNotCurrent,
  'POST /api/v1/documents/:id/seal': documentStepNotCurrent,
  'POST /api/v1/documents/:id/issue': documentStepNotCurrent,
  'POST /api/v1/documents/:id/return': { ...documentFlowAction, body: () => ({ toStep: 'draft', reason: '矩阵退回' }) },
  'POST /api/v1/documents/:id/cancel': { ...documentFlowAction, body: () => ({ reason: '矩阵撤销' }) },
  'GET /api/v1/documents/:id/flow': documentReaders,
  'GET /api/v1/documents/:id/final': { ...documentReaders, ok: [409] },
  // documents (receiving): each organisation's inbox and incoming documents; another organisation's are not found.
  'GET /api/v1/documents/inboxes': { allow: ['signedIn'], scope: 'any' },
  'GET /api/v1/documents/inbox': { allow: ['clerk', 'leader', 'staff'], scope: 'org', query: inboxQuery },
  'GET /api/v1/documents/inbox/supervision': { allow: ['clerk', 'leader', 'staff'], scope: 'org', query: inboxQuery },
  'GET /api/v1/documents/reading': { allow: ['signedIn'], scope: 'any' },
  'GET /api/v1/documents/incoming/:id': incomingReaders,
  'GET /api/v1/documents/incoming/:id/file': incomingReaders,
  'GET /api/v1/documents/incoming/:id/readers': incomingReaders,
  'POST /api/v1/documents/incoming/:id/sign': incomingStep,
  'POST /api/v1/documents/incoming/:id/register': incomingStep,
  'POST /api/v1/documents/incoming/:id/review': { ...incomingStep, body: () => ({ decision: 'accept' }) },
  'POST /api/v1/documents/incoming/:id/propose': { ...incomingStep, body: () => ({ opinion: '矩阵拟办' }) },
  'POST /api/v1/documents/incoming/:id/instruct': { ...incomingStep, body: () => ({ instruction: '矩阵批办：阅知' }) },
  // A 阅件 has no units and no deadline: nobody handles it and there is nothing to remind.
  'POST /api/v1/documents/incoming/:id/handle': { ...incomingStep, body: () => ({ opinion: '矩阵承办' }), ok: [403] },
  'POST /api/v1/documents/incoming/:id/circulate': { ...incomingStep, body: () => ({ userIds: ['matrix-nobody'] }), ok: [403, 422] },
  'POST /api/v1/documents/incoming/:id/read': { ...incomingStep, body: () => ({}), ok: [403] },
  'POST /api/v1/documents/incoming/:id/remind': { ...incomingStep, body: () => ({}), ok: [403] },
  'POST /api/v1/documents/incoming/:id/complete': { ...incomingStep, body: () => ({ result: '矩阵办结' }) },
  'POST /api/v1/documents/incoming/scans': { allow: ['clerk'], scope: 'org', query: (call) => `${inboxQuery(call)}&name=matrix.pdf`, contentType: 'application/pdf', body: () => matrixPdf },
  // An unknown scan: the clerk reached the check (422).
  'POST /api/v1/documents/incoming/paper': {
    allow: ['clerk'],
    scope: 'org',
    body: ({ fx, target }) => ({ orgId: fx.orgs[target].id, scanFileId: 'matrix-no-scan', senderName: '矩阵来文机关', title: '矩阵纸质来文', documentDate: '2026-01-05' }),
    ok: [422],
  },
  'GET /api/v1/documents/:id/receipts': { allow: ['clerk', 'leader'], scope: 'org', params: documentParam },
  'GET /api/v1/documents/statistics': { allow: ['clerk', 'leader'], scope: 'org', query: inboxQuery },

  // documents (filing): each organisation's 全宗 and 件; its clerks file, configure and export, its leaders read.
  'GET /api/v1/documents/archive/fonds': { allow: ['clerk', 'leader'], scope: 'org', query: archiveQuery },
  // Only the default 机构 changes: the fixture's 全宗号 is in use by its 件.
  'PUT /api/v1/documents/archive/fonds': { allow: ['clerk'], scope: 'org', body: ({ fx, target }) => ({ orgId: fx.orgs[target].id, unitCode: 'ZHK', unitName: '综合科' }) },
  'GET /api/v1/documents/archive': { allow: ['clerk', 'leader'], scope: 'org', query: archiveQuery },
  // The fixture's incoming document, finished by then: the clerk files it (201), the leader may not (403), a late clerk finds it filed (409).
  'POST /api/v1/documents/archive': { allow: ['clerk', 'leader'], scope: 'org', body: (call) => ({ source: 'received', incomingId: receivingOf(call, 'incoming').id, retention: 'Y' }), ok: [201, 403, 409] },
  'GET /api/v1/documents/archive/export': { allow: ['clerk'], scope: 'org', query: (call) => `${archiveQuery(call)}&year=${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}` },
  'GET /api/v1/documents/archive/:id': { allow: ['clerk', 'leader'], scope: 'org', params: archiveItemParam },
  'GET /api/v1/documents/archive/:id/file': { allow: ['clerk', 'leader'], scope: 'org', params: archiveItemParam },
};

export const permissionTable: Readonly<Record<string, PermissionEntry>> = Object.assign(
  {},
  coreTable,
  ...Object.values(permissionParts).map((part) => part.routes),
);
