import type { FastifyInstance } from 'fastify';
import { seededApp, signIn } from '../../../../../test/support/app.js';
import type { FreshDatabase } from '../../../../../test/support/db.js';
import type { Config } from '../../../config.js';
import { FixedClock } from '../../../platform/clock.js';

/** Test helpers of the sending side: a seeded app, accounts in any organisation, JSON calls. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
export type Json = any;

export interface Answer {
  readonly status: number;
  readonly body: Json;
  readonly code: string | undefined;
}

export interface DocumentsHarness {
  readonly app: FastifyInstance;
  readonly clock: FixedClock;
  /** The id of an organisation by its ref. */
  org(ref: string): Promise<string>;
  /** Signs a demo account in (cached). */
  as(username: string): Promise<string>;
  /** Creates an account holding `role` in the organisation `orgRef` and signs it in. */
  user(username: string, orgRef: string, role: string, scope?: 'org' | 'subtree'): Promise<string>;
  call(cookie: string, method: string, url: string, payload?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/** A Friday in 2026, 10:00 in Hinggan. */
export const testNow = '2026-11-27T02:00:00.000Z';

const password = 'Docs-Test-2026a';

export async function documentsHarness(database: FreshDatabase, options: { config?: Readonly<Config> } = {}): Promise<DocumentsHarness> {
  const clock = new FixedClock(testNow);
  const app = await seededApp(database, { clock, ...(options.config ? { config: options.config } : {}) });
  const cookies = new Map<string, string>();
  const orgIds = new Map<string, string>();
  const call: DocumentsHarness['call'] = async (cookie, method, url, payload, headers = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, ...headers },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    const body = response.headers['content-type']?.toString().includes('json') ? response.json() : response.rawPayload;
    return { status: response.statusCode, body, code: body?.error?.code };
  };
  const as = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
    return cookies.get(username)!;
  };
  const org = async (ref: string) => {
    if (!orgIds.has(ref)) {
      const answer = await call(await as('sysadmin'), 'GET', `/api/v1/orgs/${ref}`);
      if (answer.status !== 200) throw new Error(`org ${ref}: ${answer.status}`);
      orgIds.set(ref, answer.body.id);
    }
    return orgIds.get(ref)!;
  };
  const user: DocumentsHarness['user'] = async (username, orgRef, role, scope = 'org') => {
    const admin = await as('sysadmin');
    const orgId = await org(orgRef);
    const created = await call(admin, 'POST', '/api/v1/admin/users', { username, displayName: `${username}同志`, orgId, password: 'Docs-Init-2026' });
    if (created.status !== 201 && created.status !== 200) throw new Error(`create ${username}: ${JSON.stringify(created.body)}`);
    const granted = await call(admin, 'POST', `/api/v1/admin/users/${created.body.id}/roles`, { role, orgId, scope });
    if (granted.status >= 300) throw new Error(`grant ${username}: ${JSON.stringify(granted.body)}`);
    const first = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: 'Docs-Init-2026' } });
    const set = await app.inject({ method: 'POST', url: '/api/v1/session/password', payload: { challengeId: first.json().challengeId, newPassword: password } });
    const cookie = set.cookies.find((c) => c.name === 'hinggan_session');
    if (!cookie) throw new Error(`sign in ${username}: ${set.body}`);
    cookies.set(username, `hinggan_session=${cookie.value}`);
    return cookies.get(username)!;
  };
  return { app, clock, org, as, user, call };
}

/** Refs of the Hinggan seed used by the tests. */
export const refs = {
  league: '152200000000',
  leagueCommittee: '152200000000.mw',
  xsh: '152200000000.xsh',
  xshOffice: '152200000000.xsh.bgs',
  fgw: '152200000000.xsh.fgw',
  leagueEducation: '152200000000.xsh.jyj',
  ulhCity: '152201000000',
  ulhCommittee: '152201000000.dw',
  ulhGov: '152201000000.gov',
  ulhEducation: '152201000000.gov.jyj',
  ulhSubdistrict: '152201001000',
  ulhCommunity: '152201001001',
  arxanGov: '152202000000.gov',
  tuquanGov: '152224000000.gov',
  jalaidGov: '152223000000.gov',
} as const;
