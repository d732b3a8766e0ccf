import type { FastifyInstance } from 'fastify';
import { seededApp, signIn } from '../../../../../test/support/app.js';
import type { FreshDatabase } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';

/** Test helpers of disclosure: a seeded app on a fixed clock, accounts holding any role, JSON calls. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
export type Json = any;

export interface Answer {
  readonly status: number;
  readonly body: Json;
  readonly code: string | undefined;
  readonly raw: Buffer;
  readonly headers: Record<string, unknown>;
}

export const refs = {
  xshOffice: '152200000000.xsh.bgs',
  fgw: '152200000000.xsh.fgw',
  tuquanGov: '152224000000.gov',
} as const;

/** A valid 公民身份号码 (GB 11643 check digit) and a valid 统一社会信用代码, from the standards' examples. */
export const applicant = {
  idNumber: '11010519491231002X',
  creditCode: '91350100M000100Y43',
  phone: '13912345678',
};

export interface DisclosureHarness {
  readonly app: FastifyInstance;
  readonly clock: FixedClock;
  readonly database: FreshDatabase;
  org(ref: string): Promise<string>;
  as(username: string): Promise<string>;
  user(username: string, orgRef: string, role: string): Promise<string>;
  /** Signs a user in again (after the clock moved past the session's idle limit). */
  cookie(username: string): Promise<string>;
  /** Moves the clock to 10:00 Hinggan time on a business date; sessions start afresh. */
  day(date: string): void;
  call(cookie: string | undefined, method: string, url: string, payload?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Submits a request to the organisation through the public API. */
  submit(orgId: string, overrides?: Record<string, unknown>): Promise<Answer>;
}

export async function disclosureHarness(database: FreshDatabase, start = '2026-09-28T02:00:00.000Z'): Promise<DisclosureHarness> {
  const clock = new FixedClock(start);
  const app = await seededApp(database, { clock });
  const cookies = new Map<string, string>();
  const createdUsers = new Set<string>();
  const orgIds = new Map<string, string>();
  let visitor = 0;
  const call: DisclosureHarness['call'] = async (cookie, method, url, payload, headers = {}) => {
    // Anonymous callers come from different addresses, so the public routes' rate limit does not
    // throttle a test that plays many applicants; the limit itself has its own test.
    visitor += 1;
    const response = await app.inject({
      method: method as 'GET',
      url,
      ...(cookie ? {} : { remoteAddress: `10.0.${Math.floor(visitor / 250) % 250}.${visitor % 250}` }),
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    const json = response.headers['content-type']?.toString().includes('json');
    const body = json ? response.json() : response.body;
    return { status: response.statusCode, body, code: json ? body?.error?.code : undefined, raw: response.rawPayload, headers: response.headers };
  };
  const as = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await signIn(app, username, createdUsers.has(username) ? 'Discl-Test-2026a' : undefined));
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
  const user: DisclosureHarness['user'] = async (username, orgRef, role) => {
    const admin = await as('sysadmin');
    const orgId = await org(orgRef);
    const created = await call(admin, 'POST', '/api/v1/admin/users', { username, displayName: `${username}同志`, orgId, password: 'Discl-Init-2026' });
    if (created.status >= 300) throw new Error(`create ${username}: ${JSON.stringify(created.body)}`);
    const granted = await call(admin, 'POST', `/api/v1/admin/users/${created.body.id}/roles`, { role, orgId, scope: 'org' });
    if (granted.status >= 300) throw new Error(`grant ${username}: ${JSON.stringify(granted.body)}`);
    const first = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: 'Discl-Init-2026' } });
    const set = await app.inject({ method: 'POST', url: '/api/v1/session/password', payload: { challengeId: first.json().challengeId, newPassword: 'Discl-Test-2026a' } });
    const cookie = set.cookies.find((c) => c.name === 'hinggan_session');
    if (!cookie) throw new Error(`sign in ${username}: ${set.body}`);
    cookies.set(username, `hinggan_session=${cookie.value}`);
    createdUsers.add(username);
    return cookies.get(username)!;
  };
  const day = (date: string) => {
    clock.set(`${date}T02:00:00.000Z`);
    cookies.clear();
  };
  const submit: DisclosureHarness['submit'] = (orgId, overrides = {}) =>
    call(undefined, 'POST', '/api/v1/disclosure/requests', {
      orgId,
      applicantKind: 'person',
      name: '包日嘎',
      idNumber: applicant.idNumber,
      phone: applicant.phone,
      address: '乌兰浩特市兴安北大路1号',
      email: 'baoriga@example.cn',
      content: '兴安盟2025年农村牧区人居环境整治专项资金的分配文件',
      purpose: '了解本嘎查项目资金安排',
      form: 'electronic',
      ...overrides,
    });
  return { app, clock, database, org, as, user, cookie: as, day, call, submit };
}
