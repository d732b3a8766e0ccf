import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import { matrixReceivingFixtures } from '../../src/server/modules/documents/receiving.testing.js';
import { importColumns } from '../../src/server/modules/orgs/index.js';
import { roles, type Role } from '../../src/shared/roles.js';
import { signIn } from '../support/app.js';
import { permissionParts } from './permission-parts.js';

export type Target = 'own' | 'other';

/** A user holding one role with its subtree in the own organisation (扎赉特旗). */
export interface MatrixActor {
  readonly role: Role;
  readonly username: string;
  readonly cookie: string;
  /** Current password (the password route changes it). */
  password: string;
  /** A second session of the same user, for the route that ends one (made by `fx.openSpareSession`). */
  spareSessionId?: string;
}

export interface Fixtures {
  readonly orgs: Record<Target, { id: string; ref: string }>;
  readonly users: Record<Target, { id: string; username: string }>;
  readonly certs: Record<Target, { serial: string; pem: string }>;
  /** A session of the other organisation's user. */
  readonly otherSessionId: string;
  readonly securityPolicy: Record<string, unknown>;
  readonly importColumns: readonly string[];
  readonly unique: () => string;
  /** Signs the actor in once more, a session to end (the password route ends the earlier ones). */
  readonly openSpareSession: (actor: MatrixActor) => Promise<void>;
  /** A draft of each organisation (kind 纪要) with one attachment: own by mx.clerk, other by the other organisation's user. */
  readonly documents: Record<Target, { id: string; attachmentId: string }>;
  /** A delivery waiting for 签收 in each organisation, and a 件 filed in each (receiving and filing). */
  readonly incoming: Record<Target, { id: string }>;
  readonly archive: Record<Target, { id: string }>;
  /** The objects of the permission parts (permission-parts.ts), by part, key and target. */
  readonly parts: Readonly<Record<string, Record<string, Record<Target, { id: string } & Record<string, unknown>>>>>;
  /** Strings that identify the other organisation's objects: none may reach a caller without scope there. */
  readonly otherMarkers: readonly string[];
}

export interface MatrixCall {
  readonly fx: Fixtures;
  readonly actor: MatrixActor;
  readonly target: Target;
}

const ownOrgRef = '152223000000'; // 扎赉特旗
const otherOrgRef = '152224000000'; // 突泉县
const initialPassword = 'Matrix-Init-2026';
const matrixPassword = 'Matrix-Pass-2026A';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;
type Inject = (method: string, url: string, cookie?: string, payload?: unknown) => Promise<{ statusCode: number; json: () => Json; cookies: { name: string; value: string }[] }>;

function injector(app: FastifyInstance): Inject {
  return async (method, url, cookie, payload) =>
    app.inject({ method: method as 'GET', url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
}

const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
  `hinggan_session=${response.cookies.find((c) => c.name === 'hinggan_session')!.value}`;

async function check<T extends { statusCode: number; json: () => Json }>(what: string, response: Promise<T>): Promise<T> {
  const r = await response;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${JSON.stringify(r.json())}`);
  return r;
}

/** Creates an account through the admin API and signs it in, setting its own password at first sign-in. */
async function account(inject: Inject, admin: string, username: string, orgId: string, grant?: { role: string; orgId: string; scope: string }) {
  const user = await check(`create ${username}`, inject('POST', '/api/v1/admin/users', admin, { username, displayName: username, orgId, password: initialPassword }));
  const id = user.json().id as string;
  if (grant) await check(`grant ${username}`, inject('POST', `/api/v1/admin/users/${id}/roles`, admin, grant));
  const first = await check(`sign in ${username}`, inject('POST', '/api/v1/session', undefined, { username, password: initialPassword }));
  const set = await check(`set password ${username}`, inject('POST', '/api/v1/session/password', undefined, { challengeId: first.json().challengeId, newPassword: matrixPassword }));
  return { id, cookie: cookieOf(set) };
}

async function sessionIdOf(inject: Inject, cookie: string): Promise<string> {
  const sessions = (await check('sessions', inject('GET', '/api/v1/account/sessions', cookie))).json() as { id: string; current: boolean }[];
  return sessions.find((s) => s.current)!.id;
}

/** Everything the matrix needs, made through the API by the demo administrators of the whole league. */
export async function matrixFixtures(app: FastifyInstance, database: DatabaseHandle): Promise<{ fx: Fixtures; actors: MatrixActor[] }> {
  const inject = injector(app);
  const sysadmin = await signIn(app, 'sysadmin');
  const secadmin = await signIn(app, 'secadmin');
  const org = async (ref: string) => {
    const detail = (await check(`org ${ref}`, inject('GET', `/api/v1/orgs/${ref}`, sysadmin))).json();
    return { id: detail.id as string, ref: detail.ref as string };
  };
  const orgs = { own: await org(ownOrgRef), other: await org(otherOrgRef) };

  const actors: MatrixActor[] = [];
  for (const role of Object.keys(roles) as Role[]) {
    const username = `mx.${role}`;
    const { cookie } = await account(inject, sysadmin, username, orgs.own.id, { role, orgId: orgs.own.id, scope: 'subtree' });
    actors.push({ role, username, cookie, password: matrixPassword });
  }

  const users = {
    own: { username: 'mx.own.user', ...(await account(inject, sysadmin, 'mx.own.user', orgs.own.id, { role: 'staff', orgId: orgs.own.id, scope: 'org' })) },
    other: { username: 'mx.other.user', ...(await account(inject, sysadmin, 'mx.other.user', orgs.other.id, { role: 'staff', orgId: orgs.other.id, scope: 'org' })) },
  };
  const otherSessionId = await sessionIdOf(inject, users.other.cookie);

  const issue = async (target: Target) => {
    const body = { kind: 'seal', orgKey: orgs[target].id, name: `矩阵${target}印章`, profile: 'sm2' };
    const cert = (await check(`issue ${target}`, inject('POST', '/api/v1/pki/certificates', secadmin, body))).json().certificate;
    return { serial: cert.serial as string, pem: cert.certificatePem as string };
  };
  const certs = { own: await issue('own'), other: await issue('other') };

  const draft = async (cookie: string, orgId: string) => {
    const created = (
      await check('document', inject('POST', '/api/v1/documents', cookie, { orgId, kind: 'minutes', title: '矩阵测试会议纪要', bodyHtml: '<p>会议议定。</p>' }))
    ).json();
    const attached = await app.inject({
      method: 'POST',
      url: `/api/v1/documents/${created.id}/attachments?name=matrix.txt`,
      headers: { cookie, 'content-type': 'text/plain' },
      payload: '矩阵附件',
    });
    if (attached.statusCode !== 201) throw new Error(`attachment: ${attached.body}`);
    return { id: created.id as string, attachmentId: attached.json().attachments[0].id as string };
  };
  const documents = {
    own: await draft(actors.find((a) => a.role === 'clerk')!.cookie, orgs.own.id),
    other: await draft(users.other.cookie, orgs.other.id),
  };

  const receiving = await matrixReceivingFixtures(database, { own: orgs.own.id, other: orgs.other.id });

  const parts: Record<string, Record<string, Record<Target, { id: string } & Record<string, unknown>>>> = {};
  const partMarkers: string[] = [];
  const roleCookie = (role: string) => actors.find((a) => a.role === role)!.cookie;
  for (const [name, part] of Object.entries(permissionParts)) {
    parts[name] = await part.fixtures({ app, database, orgs, cookieOf: roleCookie });
    partMarkers.push(...(part.otherMarkers?.(parts[name]) ?? []));
  }

  const { actions: _actions, ...securityPolicy } = (await check('policy', inject('GET', '/api/v1/security/policy', secadmin))).json();
  let counter = 0;
  const fx: Fixtures = {
    orgs,
    users: { own: { id: users.own.id, username: users.own.username }, other: { id: users.other.id, username: users.other.username } },
    certs,
    otherSessionId,
    securityPolicy,
    importColumns,
    unique: () => `${Date.now().toString(36)}${(counter += 1)}`,
    openSpareSession: async (actor) => {
      const spare = await check(`spare ${actor.username}`, inject('POST', '/api/v1/session', undefined, { username: actor.username, password: actor.password }));
      actor.spareSessionId = await sessionIdOf(inject, cookieOf(spare));
    },
    documents,
    incoming: receiving.incoming,
    archive: receiving.archive,
    parts,
    otherMarkers: [...partMarkers, documents.other.id, receiving.incoming.other.id, receiving.archive.other.id, users.other.id, users.other.username, certs.other.serial, otherSessionId],
  };
  return { fx, actors };
}
