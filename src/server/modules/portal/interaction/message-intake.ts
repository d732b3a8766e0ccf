import { z } from 'zod';
import { sm3Hex } from '../../../platform/crypto/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { fieldCipher } from '../../../platform/sealed-data/index.js';
import { mailboxKindList, messageLimits, messageStates, type MailboxKind, type MessageState } from '../../../../shared/interaction.js';
import type { PortalSiteRow } from '../portal.table.js';
import { interactionRepository as repo } from './interaction.repository.js';
import { dueOn, today } from './message-dates.js';
import { canonicalCode, canonicalPhone, ipIndexField, openWriter, phoneIndexField, phonePattern, sealWriter, trackingCode } from './message-personal.js';
import { scheduleMessageReminders } from './message-reminders.js';
import './interaction.audit.js';
import './interaction.errors.js';

const text = (max: number) => z.string().trim().max(max);

/** The citizen's form, as posted (every value a string; the checkbox present when ticked). */
export const messageFormSchema = z.object({
  name: text(messageLimits.name).min(1, '请填写姓名'),
  phone: z.string().max(30),
  email: z.union([z.literal(''), z.email('电子邮箱格式不正确').max(messageLimits.email)]).optional(),
  subject: text(messageLimits.subject).min(1, '请填写标题'),
  body: z.string().trim().min(1, '请填写来信内容'),
  consent: z.string().optional(),
  /** The honeypot: hidden from people, filled in by robots. */
  website: z.string().optional(),
});
export type MessageForm = z.infer<typeof messageFormSchema>;

/** What the writer sees when he looks his message up. */
export interface TrackView {
  readonly trackingCode: string;
  readonly subject: string;
  readonly mailbox: MailboxKind;
  readonly state: MessageState;
  readonly stateLabel: string;
  readonly receivedAt: string;
  readonly dueOn: string;
  readonly answer: string | null;
  readonly answerOrgName: string | null;
  readonly answeredAt: string | null;
  readonly publishedAt: string | null;
}

/** How long the stored limit hits are kept. */
const hitRetentionMs = 2 * 86_400_000;

/**
 * A citizen writes to a mailbox. No captcha: a honeypot, size limits, per-IP (5 an hour) and
 * per-phone (3 a day) limits counted from stored hits, and duplicate detection (same phone, same
 * text within a day). The writer's name, phone and email are sealed; he gets a tracking code.
 */
export function createMessageIntake(ctx: Pick<AppContext, 'db' | 'clock' | 'keys' | 'audit'>) {
  const { db, clock } = ctx;
  const cipher = fieldCipher(ctx.keys);

  return {
    async submit(site: PortalSiteRow, mailbox: string, raw: unknown, ip: string): Promise<{ id: string; trackingCode: string }> {
      if (!(mailboxKindList as string[]).includes(mailbox)) throw new AppError('interaction.mailbox_not_found', { details: { mailbox } });
      const parsed = messageFormSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('interaction.invalid_input', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      }
      const form = parsed.data;
      if (form.website) throw new AppError('interaction.rejected');
      const phone = canonicalPhone(form.phone);
      if (!phonePattern.test(phone)) throw new AppError('interaction.phone_invalid', { fields: [{ path: 'phone', message: '请填写正确的 11 位手机号码' }] });
      const body = form.body.replace(/\r\n/g, '\n');
      if ([...body].length > messageLimits.body) throw new AppError('interaction.body_too_long', { fields: [{ path: 'body', message: '来信内容不能超过 2000 字' }] });

      const now = clock.now();
      const at = now.toISOString();
      const ipKeys = cipher.lookup(ipIndexField, ip);
      const phoneKeys = cipher.lookup(phoneIndexField, phone);
      const bodyHash = sm3Hex(body.replace(/\s+/g, ''));
      const id = newId();
      const code = trackingCode();
      const receivedOn = today(now);
      const due = dueOn(receivedOn);

      await db.transaction().execute(async (trx) => {
        const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
        const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
        if ((await repo.hits(trx, 'message.ip', ipKeys, hourAgo)) >= messageLimits.perIpPerHour) throw new AppError('interaction.ip_limited');
        if (await repo.duplicate(trx, phoneKeys, bodyHash, dayAgo)) throw new AppError('interaction.duplicate');
        if ((await repo.hits(trx, 'message.phone', phoneKeys, dayAgo)) >= messageLimits.perPhonePerDay) throw new AppError('interaction.phone_limited');
        await repo.pruneHits(trx, new Date(now.getTime() - hitRetentionMs).toISOString());
        await repo.insertHit(trx, { id: newId(), kind: 'message.ip', key: ipKeys[0]!, at });
        await repo.insertHit(trx, { id: newId(), kind: 'message.phone', key: phoneKeys[0]!, at });
        await repo.insertMessage(trx, {
          id,
          site_id: site.id,
          mailbox: mailbox as MailboxKind,
          tracking_code: code,
          subject: form.subject,
          body,
          body_hash: bodyHash,
          ...sealWriter(cipher, id, { name: form.name, phone, email: form.email || null }),
          consent: form.consent ? 1 : 0,
          state: 'received',
          invalid_reason: null,
          invalid_note: null,
          unit_org_id: null,
          answer: null,
          answer_drafted_by: null,
          answer_drafted_by_name: null,
          answer_org_name: null,
          approved_by: null,
          approved_by_name: null,
          answered_at: null,
          published_at: null,
          received_at: at,
          received_on: receivedOn,
          due_on: due,
          reminded_at: null,
          overdue_at: null,
          revision: 0,
          updated_at: at,
        });
        await repo.insertEvent(trx, { id: newId(), message_id: id, action: 'receive', actor_id: null, actor_name: '来信人', org_id: site.org_id, note: null, at });
        await scheduleMessageReminders(trx, clock, id, receivedOn, due);
        await ctx.audit.append(trx, {
          actorId: null,
          actorName: 'public',
          orgId: site.org_id,
          ip,
          action: 'portal.message_receive',
          object: { type: 'portal-message', id },
          details: { siteId: site.id, mailbox, consent: Boolean(form.consent) },
        });
      });
      return { id, trackingCode: code };
    },

    /** The writer's own view: tracking code and the last 4 digits of his phone. */
    async track(site: PortalSiteRow, rawCode: string, last4: string): Promise<TrackView> {
      const code = canonicalCode(rawCode);
      const row = code.length === 12 ? await repo.messageByCode(db, code) : undefined;
      if (!row || row.site_id !== site.id || !/^\d{4}$/.test(last4.trim()) || !openWriter(cipher, row).phone.endsWith(last4.trim())) {
        throw new AppError('interaction.track_not_found');
      }
      const answered = row.state === 'answered';
      return {
        trackingCode: row.tracking_code,
        subject: row.subject,
        mailbox: row.mailbox,
        state: row.state,
        stateLabel: messageStates[row.state],
        receivedAt: row.received_at,
        dueOn: row.due_on,
        answer: answered ? row.answer : null,
        answerOrgName: answered ? row.answer_org_name : null,
        answeredAt: answered ? row.answered_at : null,
        publishedAt: row.published_at,
      };
    },
  };
}
export type MessageIntake = ReturnType<typeof createMessageIntake>;

