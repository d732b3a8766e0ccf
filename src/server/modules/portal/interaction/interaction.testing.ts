import type { FastifyInstance } from 'fastify';
import type { FreshDatabase } from '../../../../../test/support/db.js';
import { seededApp, signIn } from '../../../../../test/support/app.js';
import type { FixedClock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import '../portal.table.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;

/**
 * A seeded app with a test site (`/hdtest`, owned by 行署办公室 like the main portal) and the people
 * who handle its interaction: 刘编辑 (editor), 孙审核 (reviewer), and a unit officer made through the API.
 */
export async function interactionFixture(database: FreshDatabase, clock: FixedClock) {
  const app = await seededApp(database, { clock });
  const db = database.db;
  const bgs = await db.selectFrom('orgs').select(['id', 'path']).where('ref', '=', '152200000000.xsh.bgs').executeTakeFirstOrThrow();
  const siteId = newId();
  const at = clock.now().toISOString();
  await db
    .insertInto('portal_sites')
    .values({ id: siteId, code: 'hdtest', org_id: bgs.id, parent_site_id: null, kind: 'department', name_zh: '互动测试网站', name_mn: null, path_prefix: '/hdtest', site_id_code: null, icp_number: null, psb_number: null, languages: '["zh-CN"]', theme: '{}', position: 99, created_at: at, updated_at: at })
    .execute();
  const sysadmin = await signIn(app, 'sysadmin');
  const officer = await account(app, sysadmin, 'hd.officer', bgs.id, 'officer');
  const cookies = { editor: await signIn(app, 'portal.editor'), reviewer: await signIn(app, 'portal.reviewer'), officer, clerk: await signIn(app, 'xsh.clerk') };

  const call = async (cookie: string | undefined, method: string, url: string, payload?: unknown) => {
    const r = await app.inject({ method: method as 'GET', url: `/api/v1${url}`, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: r.statusCode, json: r.json() as Json };
  };
  /** A same-origin form post, as a browser sends it without JavaScript. */
  const form = async (url: string, fields: Record<string, string | string[]>, options: { ip?: string; headers?: Record<string, string> } = {}) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    return app.inject({
      method: 'POST',
      url,
      remoteAddress: options.ip ?? '10.1.1.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost', origin: 'http://localhost', 'sec-fetch-site': 'same-origin', ...options.headers },
      payload: body.toString(),
    });
  };
  const write = async (fields: Partial<Record<string, string>> = {}, options: { ip?: string; mailbox?: string } = {}) => {
    const response = await form(`/hdtest/interaction/write/${options.mailbox ?? 'leader'}`, { name: '张三', phone: '13912345678', subject: '关于乌兰浩特市公交线路的建议', body: '建议增开一条通往高铁站的公交线路。', consent: '1', ...fields } as Record<string, string>, options);
    const code = /class="tracking-code">([A-Z0-9]{12})</.exec(response.body)?.[1];
    const id = code ? (await db.selectFrom('portal_messages').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id : undefined;
    return { response, code, id };
  };
  return { app, db, siteId, bgs, cookies, call, form, write };
}

async function account(app: FastifyInstance, admin: string, username: string, orgId: string, role: string): Promise<string> {
  const inject = (url: string, payload: object, cookie?: string) => app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) });
  const user = await inject('/api/v1/admin/users', { username, displayName: '王承办', orgId, password: 'Interaction-Init-2026' }, admin);
  if (user.statusCode !== 201 && user.statusCode !== 200) throw new Error(`create ${username}: ${user.body}`);
  const granted = await inject(`/api/v1/admin/users/${user.json().id}/roles`, { role, orgId, scope: 'org' }, admin);
  if (granted.statusCode >= 300) throw new Error(`grant ${username}: ${granted.body}`);
  const first = await inject('/api/v1/session', { username, password: 'Interaction-Init-2026' });
  const set = await inject('/api/v1/session/password', { challengeId: first.json().challengeId, newPassword: 'Interaction-Pass-2026A' });
  const cookie = set.cookies.find((c) => c.name === 'hinggan_session');
  if (!cookie) throw new Error(`sign in ${username}: ${set.body}`);
  return `hinggan_session=${cookie.value}`;
}
