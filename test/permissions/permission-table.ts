import type { Role } from '../../src/shared/roles.js';
import type { MatrixCall } from './matrix-fixtures.js';

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
export const publicRoutes: ReadonlySet<string> = new Set([
  'POST /api/v1/session',
  'POST /api/v1/session/second-factor',
  'POST /api/v1/session/password',
  'POST /api/v1/session/totp/enrol',
  'POST /api/v1/session/totp/confirm',
  'POST /api/v1/session/certificate',
  'POST /api/v1/session/certificate/enrol',
  'DELETE /api/v1/session',
]);

const orgParam = ({ fx, target }: MatrixCall) => ({ key: fx.orgs[target].id });
const userParam = ({ fx, target }: MatrixCall) => ({ id: fx.users[target].id });
const certParam = ({ fx, target }: MatrixCall) => ({ serial: fx.certs[target].serial });
const audit = { allow: ['auditor'], scope: 'any', crossOrg: true } as const;

export const permissionTable: Readonly<Record<string, PermissionEntry>> = {
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
};
