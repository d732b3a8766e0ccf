import { sql } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { MailboxKind, MessageState } from '../../../../shared/interaction.js';
import type { PortalSiteRow } from '../portal.table.js';
import type {
  NewPortalMessageRow,
  PortalMessageEventRow,
  PortalMessageRow,
  PortalMessageUpdate,
  PortalSurveyAnswerRow,
  PortalSurveyQuestionRow,
  PortalSurveyRow,
} from './interaction.table.js';
import './interaction.table.js';
import '../portal.table.js';

export interface MessageFilter {
  readonly siteIds: readonly string[];
  readonly unitOrgIds: readonly string[];
  readonly siteId?: string | undefined;
  readonly states?: readonly MessageState[] | undefined;
  readonly mailbox?: MailboxKind | undefined;
  /** Unanswered valid messages whose answer date has passed `today`. */
  readonly overdueOn?: string | undefined;
}

const openStates: readonly MessageState[] = ['received', 'accepted', 'routed', 'drafted'];

/** All SQL of the interaction area. */
export const interactionRepository = {
  async site(db: DbOrTrx, id: string): Promise<PortalSiteRow | undefined> {
    return db.selectFrom('portal_sites').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async siteByPrefix(db: DbOrTrx, prefix: string): Promise<PortalSiteRow | undefined> {
    return db.selectFrom('portal_sites').selectAll().where('path_prefix', '=', prefix).executeTakeFirst();
  },
  async siteByHost(db: DbOrTrx, host: string): Promise<PortalSiteRow | undefined> {
    return db
      .selectFrom('portal_site_hosts')
      .innerJoin('portal_sites', 'portal_sites.id', 'portal_site_hosts.site_id')
      .selectAll('portal_sites')
      .where('portal_site_hosts.host', '=', host)
      .executeTakeFirst();
  },
  async sitesOfOrgs(db: DbOrTrx, orgIds: readonly string[]): Promise<PortalSiteRow[]> {
    if (!orgIds.length) return [];
    return db.selectFrom('portal_sites').selectAll().where('org_id', 'in', orgIds).orderBy('position').orderBy('code').execute();
  },

  async insertMessage(trx: DbOrTrx, row: NewPortalMessageRow): Promise<void> {
    await trx.insertInto('portal_messages').values(row).execute();
  },
  async message(db: DbOrTrx, id: string): Promise<PortalMessageRow | undefined> {
    return db.selectFrom('portal_messages').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async messageByCode(db: DbOrTrx, code: string): Promise<PortalMessageRow | undefined> {
    return db.selectFrom('portal_messages').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },
  /** Updates a message only at the state and revision it was read at; false when someone was first. */
  async advance(trx: DbOrTrx, id: string, from: { state: readonly MessageState[]; revision: number }, changes: PortalMessageUpdate): Promise<boolean> {
    const result = await trx
      .updateTable('portal_messages')
      .set({ ...changes, revision: from.revision + 1 })
      .where('id', '=', id)
      .where('state', 'in', from.state)
      .where('revision', '=', from.revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async mark(trx: DbOrTrx, id: string, changes: PortalMessageUpdate): Promise<void> {
    await trx.updateTable('portal_messages').set(changes).where('id', '=', id).execute();
  },
  async insertEvent(trx: DbOrTrx, row: PortalMessageEventRow): Promise<void> {
    await trx.insertInto('portal_message_events').values(row).execute();
  },
  async events(db: DbOrTrx, messageId: string): Promise<PortalMessageEventRow[]> {
    return db.selectFrom('portal_message_events').selectAll().where('message_id', '=', messageId).orderBy('at').orderBy('id').execute();
  },

  /** The same phone and the same body since `since`: a duplicate. */
  async duplicate(db: DbOrTrx, phoneIndexes: readonly string[], bodyHash: string, since: string): Promise<boolean> {
    const row = await db
      .selectFrom('portal_messages')
      .select('id')
      .where('phone_index', 'in', phoneIndexes)
      .where('body_hash', '=', bodyHash)
      .where('received_at', '>=', since)
      .executeTakeFirst();
    return row !== undefined;
  },

  async hits(db: DbOrTrx, kind: string, keys: readonly string[], since: string): Promise<number> {
    const row = await db
      .selectFrom('portal_interaction_hits')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', kind)
      .where('key', 'in', keys)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async insertHit(trx: DbOrTrx, row: { id: string; kind: string; key: string; at: string }): Promise<void> {
    await trx.insertInto('portal_interaction_hits').values(row).execute();
  },
  async pruneHits(trx: DbOrTrx, before: string): Promise<void> {
    await trx.deleteFrom('portal_interaction_hits').where('at', '<', before).execute();
  },

  async listMessages(db: DbOrTrx, filter: MessageFilter, page: { offset: number; limit: number }): Promise<{ rows: PortalMessageRow[]; total: number }> {
    if (!filter.siteIds.length && !filter.unitOrgIds.length) return { rows: [], total: 0 };
    let query = db.selectFrom('portal_messages').where((eb) => {
      const ors = [];
      if (filter.siteIds.length) ors.push(eb('site_id', 'in', filter.siteIds));
      if (filter.unitOrgIds.length) ors.push(eb('unit_org_id', 'in', filter.unitOrgIds));
      return eb.or(ors);
    });
    if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.mailbox) query = query.where('mailbox', '=', filter.mailbox);
    if (filter.overdueOn) query = query.where('state', 'in', openStates).where('due_on', '<', filter.overdueOn);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  async publicMessages(db: DbOrTrx, siteId: string, page: { offset: number; limit: number }): Promise<{ rows: PortalMessageRow[]; total: number }> {
    const query = db.selectFrom('portal_messages').where('site_id', '=', siteId).where('published_at', 'is not', null);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Valid messages received since `since`: what the statistics count. */
  async statisticsRows(db: DbOrTrx, siteId: string, since: string) {
    return db
      .selectFrom('portal_messages')
      .select(['received_at', 'received_on', 'answered_at', 'state'])
      .where('site_id', '=', siteId)
      .where('state', '!=', 'invalid')
      .where('received_at', '>=', since)
      .execute();
  },

  /** Valid messages received in [from, before) still without an approved answer, due before `dueBefore`. */
  async unanswered(db: DbOrTrx, siteId: string, range: { from: string; before: string }): Promise<{ id: string }[]> {
    return db
      .selectFrom('portal_messages')
      .select('id')
      .where('site_id', '=', siteId)
      .where('state', 'in', openStates)
      .where('received_at', '>=', range.from)
      .where('received_at', '<', range.before)
      .orderBy('received_at')
      .execute();
  },

  async insertSurvey(trx: DbOrTrx, row: PortalSurveyRow): Promise<void> {
    await trx.insertInto('portal_surveys').values(row).execute();
  },
  async survey(db: DbOrTrx, id: string): Promise<PortalSurveyRow | undefined> {
    return db.selectFrom('portal_surveys').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateSurvey(trx: DbOrTrx, id: string, revision: number, changes: Partial<PortalSurveyRow>): Promise<boolean> {
    const result = await trx
      .updateTable('portal_surveys')
      .set({ ...changes, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async replaceQuestions(trx: DbOrTrx, surveyId: string, rows: PortalSurveyQuestionRow[]): Promise<void> {
    await trx.deleteFrom('portal_survey_questions').where('survey_id', '=', surveyId).execute();
    if (rows.length) await trx.insertInto('portal_survey_questions').values(rows).execute();
  },
  async questions(db: DbOrTrx, surveyId: string): Promise<PortalSurveyQuestionRow[]> {
    return db.selectFrom('portal_survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('position').execute();
  },
  async surveys(db: DbOrTrx, siteId: string, options: { publishedOnly: boolean }): Promise<PortalSurveyRow[]> {
    let query = db.selectFrom('portal_surveys').selectAll().where('site_id', '=', siteId);
    if (options.publishedOnly) query = query.where('state', '=', 'published');
    return query.orderBy('opens_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  },
  async insertResponse(trx: DbOrTrx, response: { id: string; survey_id: string; at: string }, answers: PortalSurveyAnswerRow[]): Promise<void> {
    await trx.insertInto('portal_survey_responses').values(response).execute();
    if (answers.length) await trx.insertInto('portal_survey_answers').values(answers).execute();
  },
  async responseCount(db: DbOrTrx, surveyId: string): Promise<number> {
    const row = await db
      .selectFrom('portal_survey_responses')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Choices per question and option; respondents per question. */
  async optionCounts(db: DbOrTrx, surveyId: string) {
    const [options, respondents] = await Promise.all([
      db
        .selectFrom('portal_survey_answers')
        .select(['question_id', 'option_index', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('survey_id', '=', surveyId)
        .where('option_index', 'is not', null)
        .groupBy(['question_id', 'option_index'])
        .execute(),
      db
        .selectFrom('portal_survey_answers')
        .select(['question_id', (eb) => sql<number | string>`count(distinct ${eb.ref('response_id')})`.as('n')])
        .where('survey_id', '=', surveyId)
        .groupBy('question_id')
        .execute(),
    ]);
    return { options, respondents };
  },
  async textAnswers(db: DbOrTrx, surveyId: string, moderation?: string): Promise<PortalSurveyAnswerRow[]> {
    let query = db.selectFrom('portal_survey_answers').selectAll().where('survey_id', '=', surveyId).where('text', 'is not', null);
    if (moderation) query = query.where('moderation', '=', moderation);
    return query.orderBy('id').limit(1000).execute();
  },
  async answer(db: DbOrTrx, id: string): Promise<PortalSurveyAnswerRow | undefined> {
    return db.selectFrom('portal_survey_answers').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async moderate(trx: DbOrTrx, id: string, moderation: 'approved' | 'rejected'): Promise<void> {
    await trx.updateTable('portal_survey_answers').set({ moderation }).where('id', '=', id).execute();
  },
};
