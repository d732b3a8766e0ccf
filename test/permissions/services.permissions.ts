import { randomInt } from 'node:crypto';
import { completeGuideColumns, serviceItemFactory } from '../../src/server/modules/services/services.testing.js';
import type { MatrixCall } from './matrix-fixtures.js';
import { partObject, type PermissionPart } from './permission-part.js';

const read = ['officer', 'it_office'] as const;
const item = (call: MatrixCall) => ({ id: partObject(call, 'services', 'item').id });
const freshCode = () => `MX${String(randomInt(1e9)).padStart(10, '0')}`;

/** A complete guide as the API takes it. */
const guideBody = (code: string) => {
  const c = completeGuideColumns(code, '矩阵测试事项');
  return {
    name: c.name,
    code,
    kind: c.kind,
    competentDept: c.competent_dept,
    basis: c.basis,
    conditions: c.conditions,
    materials: JSON.parse(c.materials),
    steps: JSON.parse(c.steps),
    legalDays: c.legal_days,
    promisedDays: c.promised_days,
    handlingType: c.handling_type,
    fee: c.fee,
    place: c.place,
    phone: c.phone,
    audiences: ['legal'],
    onlineDepth: c.online_depth,
  };
};

/**
 * The service item catalogue in the permission matrix: the implementing organisation's 窗口/审批人员
 * keep its items; the IT office reads. Fixtures: a draft item of each organisation.
 */
export const servicesPermissions: PermissionPart = {
  routes: {
    'GET /api/v1/services/items': { allow: [...read], scope: 'org', query: ({ fx, target }) => `?orgId=${fx.orgs[target].id}` },
    'POST /api/v1/services/items': { allow: ['officer'], scope: 'org', body: ({ fx, target }) => ({ orgId: fx.orgs[target].id, ...guideBody(freshCode()) }) },
    'GET /api/v1/services/items/:id': { allow: [...read], scope: 'org', params: item },
    // The first save moves the revision on; a later one is refused as stale (409), both past the permission check.
    'PUT /api/v1/services/items/:id': { allow: ['officer'], scope: 'org', params: item, body: (call) => ({ ...guideBody(String(partObject(call, 'services', 'item').code)), revision: 1 }), ok: [200, 409] },
    'POST /api/v1/services/items/:id/publish': { allow: ['officer'], scope: 'org', params: item, ok: [200, 409] },
    'POST /api/v1/services/items/:id/withdraw': { allow: ['officer'], scope: 'org', params: item, body: () => ({ reason: '矩阵测试撤回' }), ok: [200, 409] },
  },
  publicRoutes: [],
  fixtures: async ({ database, orgs }) => {
    const at = new Date().toISOString();
    const make = async (target: 'own' | 'other') => {
      const code = `MXITEM${target.toUpperCase()}01`;
      const name = `矩阵事项${target}`;
      return { id: await serviceItemFactory.item(database.db, { orgId: orgs[target].id, code, name, at }), code, name };
    };
    return { item: { own: await make('own'), other: await make('other') } };
  },
  otherMarkers: (parts) => [String(parts.item?.other.code)],
};
