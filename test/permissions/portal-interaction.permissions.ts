import { newId } from '../../src/server/platform/ids.js';
import { loadPlatformKeys } from '../../src/server/platform/keys.js';
import { fieldCipher } from '../../src/server/platform/sealed-data/index.js';
import type { MatrixCall, Target } from './matrix-fixtures.js';
import { partObject, type PermissionPart } from './permission-part.js';
import type { PermissionEntry } from './permission-table.js';
import { testConfig } from '../support/app.js';
import { sealWriter } from '../../src/server/modules/portal/interaction/message-personal.js';

const message = (call: MatrixCall) => ({ id: partObject(call, 'interaction', 'message').id });
const survey = (call: MatrixCall) => ({ id: partObject(call, 'interaction', 'survey').id });
const siteQuery = (call: MatrixCall) => `?siteId=${partObject(call, 'interaction', 'site').id}`;

/** Who may see a routed message: the site organisation's editors, reviewers and IT office, and the unit's officers and staff. */
const messageReaders = { allow: ['editor', 'reviewer', 'it_office', 'officer', 'staff'], scope: 'org', params: message } as const;
/**
 * A step on the fixture (routed to the organisation itself; it moves on as the routes run): the step's
 * role holder acts (200) or finds it past that step (409); other readers are told it is not theirs (403).
 */
const messageStep = (allow: readonly ('editor' | 'reviewer' | 'officer' | 'staff')[], body?: () => unknown): PermissionEntry => ({
  allow,
  scope: 'org',
  params: message,
  ...(body ? { body } : {}),
  ok: [200, 409],
});
const siteReaders = { allow: ['editor', 'reviewer', 'it_office'], scope: 'org', query: siteQuery } as const;
const surveyReaders = { allow: ['editor', 'reviewer', 'it_office'], scope: 'org', params: survey } as const;
const surveyStep = (allow: readonly ('editor' | 'reviewer')[], body?: () => unknown): PermissionEntry => ({ allow, scope: 'org', params: survey, ...(body ? { body } : {}), ok: [200, 409] });
const surveyInput = () => ({
  title: '矩阵调查',
  description: '',
  opensAt: '2030-01-01T00:00:00.000Z',
  closesAt: '2030-02-01T00:00:00.000Z',
  questions: [{ kind: 'single', title: '满意吗', options: ['满意', '不满意'] }],
});

/**
 * The portal's interaction routes in the permission matrix: every route's entry, the routes anyone may call,
 * and the fixtures the entries use (stored under `fx.parts.interaction`: a site, a message routed to the
 * organisation itself and a draft survey, in each organisation).
 */
export const portalInteractionPermissions: PermissionPart = {
  routes: {
    'GET /api/v1/interaction/sites': { allow: ['signedIn'], scope: 'any' },
    'GET /api/v1/interaction/messages': { allow: ['signedIn'], scope: 'any' },
    'GET /api/v1/interaction/messages/:id': messageReaders,
    'POST /api/v1/interaction/messages/:id/triage': messageStep(['editor'], () => ({ decision: 'accept' })),
    'POST /api/v1/interaction/messages/:id/route': messageStep(['editor'], () => ({ unitOrgId: 'x' })),
    // Once the unit sent the message back it no longer sees it (404), until it is routed to it again.
    'POST /api/v1/interaction/messages/:id/send-back': { ...messageStep(['officer', 'staff'], () => ({ reason: '矩阵退回' })), ok: [200, 404, 409] },
    'POST /api/v1/interaction/messages/:id/draft': { ...messageStep(['officer', 'staff'], () => ({ answer: '矩阵答复' })), ok: [200, 404, 409] },
    'POST /api/v1/interaction/messages/:id/approve': messageStep(['reviewer'], () => ({})),
    'POST /api/v1/interaction/messages/:id/reject': messageStep(['reviewer'], () => ({ reason: '矩阵退回' })),
    'POST /api/v1/interaction/messages/:id/publish': messageStep(['editor']),
    // The unit may have sent the message back earlier in the run (404 then, as for draft).
    'POST /api/v1/interaction/messages/:id/contact': { ...messageStep(['editor', 'officer', 'staff']), ok: [200, 404, 409] },
    'GET /api/v1/interaction/statistics': siteReaders,
    'GET /api/v1/interaction/surveys': siteReaders,
    'POST /api/v1/interaction/surveys': {
      allow: ['editor'],
      scope: 'org',
      body: (call) => ({ siteId: partObject(call, 'interaction', 'site').id, kind: 'survey', ...surveyInput() }),
    },
    'GET /api/v1/interaction/surveys/:id': surveyReaders,
    'GET /api/v1/interaction/surveys/:id/results': surveyReaders,
    'PUT /api/v1/interaction/surveys/:id': surveyStep(['editor'], surveyInput),
    'POST /api/v1/interaction/surveys/:id/submit': surveyStep(['editor']),
    'POST /api/v1/interaction/surveys/:id/approve': surveyStep(['reviewer']),
    'POST /api/v1/interaction/surveys/:id/reject': surveyStep(['reviewer'], () => ({ reason: '矩阵退回' })),
    'PUT /api/v1/interaction/surveys/:id/feedback': surveyStep(['editor'], () => ({ feedback: '矩阵反馈' })),
    'POST /api/v1/interaction/surveys/:id/answers/:answerId/moderate': {
      allow: ['editor'],
      scope: 'org',
      params: (call) => ({ ...survey(call), answerId: 'none' }),
      body: () => ({ approved: true }),
      ok: [404, 409],
    },
  },
  publicRoutes: [],
  fixtures: async ({ database, orgs }) => {
    const db = database.db;
    const cipher = fieldCipher(loadPlatformKeys(testConfig()));
    const at = new Date().toISOString();
    const out: Record<string, Record<Target, { id: string } & Record<string, unknown>>> = { site: {} as never, message: {} as never, survey: {} as never };
    for (const target of ['own', 'other'] as const) {
      const org = orgs[target];
      const siteId = newId();
      await db
        .insertInto('portal_sites')
        .values({ id: siteId, code: `mx-hd-${target}`, org_id: org.id, parent_site_id: null, kind: 'county', name_zh: `矩阵互动${target}`, name_mn: null, path_prefix: `/mx-hd-${target}`, site_id_code: null, icp_number: null, psb_number: null, languages: '["zh-CN"]', theme: '{}', position: 0, created_at: at, updated_at: at })
        .execute();
      const messageId = newId();
      await db
        .insertInto('portal_messages')
        .values({
          id: messageId,
          site_id: siteId,
          mailbox: 'leader',
          tracking_code: `MX${target.toUpperCase().padEnd(10, 'X')}`,
          subject: `矩阵来信${target}`,
          body: `矩阵来信内容${target}`,
          body_hash: `mx-${target}`,
          ...sealWriter(cipher, messageId, { name: '矩阵来信人', phone: target === 'own' ? '13900000001' : '13900000002', email: null }),
          consent: 1,
          state: 'routed',
          invalid_reason: null,
          invalid_note: null,
          unit_org_id: org.id,
          answer: null,
          answer_drafted_by: null,
          answer_drafted_by_name: null,
          answer_org_name: null,
          approved_by: null,
          approved_by_name: null,
          answered_at: null,
          published_at: null,
          received_at: at,
          received_on: at.slice(0, 10),
          due_on: '2099-12-31',
          reminded_at: null,
          overdue_at: null,
          revision: 0,
          updated_at: at,
        })
        .execute();
      const surveyId = newId();
      await db
        .insertInto('portal_surveys')
        .values({ id: surveyId, site_id: siteId, kind: 'survey', title: `矩阵调查${target}`, description: '', document_text: null, document_url: null, opens_at: '2030-01-01T00:00:00.000Z', closes_at: '2030-02-01T00:00:00.000Z', live_results: 0, state: 'draft', feedback: null, reject_reason: null, created_by: 'mx-nobody', created_by_name: '矩阵', reviewed_by: null, reviewed_by_name: null, published_at: null, revision: 0, created_at: at, updated_at: at })
        .execute();
      await db.insertInto('portal_survey_questions').values({ id: newId(), survey_id: surveyId, position: 0, kind: 'single', title: '满意吗', options: '["满意","不满意"]', max_length: null, required: 1 }).execute();
      out.site![target] = { id: siteId };
      out.message![target] = { id: messageId };
      out.survey![target] = { id: surveyId };
    }
    return out;
  },
  otherMarkers: () => ['矩阵来信other', '矩阵调查other', '矩阵互动other'],
};
