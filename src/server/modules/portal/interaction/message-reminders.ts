import { z } from 'zod';
import type { Db, Trx } from '../../../db/database.js';
import type { AuditLog } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { enqueue, type JobHandler } from '../../../platform/jobs/index.js';
import { interactionRepository as repo } from './interaction.repository.js';
import { addDays, addMonths, morningOf, today } from './message-dates.js';
import './interaction.audit.js';

/** The queue of the answer-limit reminders. */
export const messageReminderQueue = 'portal.messageReminder';

const payloadSchema = z.object({ messageId: z.string(), kind: z.enum(['two_months', 'eighty_days', 'overdue']), dueOn: z.string() });
type Payload = z.infer<typeof payloadSchema>;

const notes: Record<Payload['kind'], (dueOn: string) => string> = {
  two_months: (d) => `来信已受理满两个月，须于 ${d} 前答复`,
  eighty_days: (d) => `来信已满 80 天，须于 ${d} 前答复`,
  overdue: (d) => `来信已超过三个月答复期限（${d}）仍未答复`,
};

/**
 * Queues the three reminders of a message in its receipt's transaction: at two months, at 80 days,
 * and the day after the answer date (which marks it overdue).
 */
export async function scheduleMessageReminders(trx: Trx, clock: Clock, messageId: string, receivedOn: string, due: string): Promise<void> {
  const plan: { kind: Payload['kind']; date: string }[] = [
    { kind: 'two_months', date: addMonths(receivedOn, 2) },
    { kind: 'eighty_days', date: addDays(receivedOn, 80) },
    { kind: 'overdue', date: addDays(due, 1) },
  ];
  for (const job of plan) {
    await enqueue(trx, { queue: messageReminderQueue, payload: { messageId, kind: job.kind, dueOn: due } satisfies Payload, runAt: morningOf(job.date) }, clock);
  }
}

const unanswered = new Set(['received', 'accepted', 'routed', 'drafted']);

/**
 * Records a reminder on a message still unanswered (a reminder for an answered or invalid message
 * does nothing); the overdue one also marks it overdue. Idempotent: a re-run finds the mark.
 */
export function messageReminderHandler(deps: { db: Db; clock: Clock; audit: AuditLog }): JobHandler {
  return async (raw) => {
    const payload = payloadSchema.parse(raw);
    await deps.db.transaction().execute(async (trx) => {
      const row = await repo.message(trx, payload.messageId);
      if (!row || !unanswered.has(row.state)) return;
      if (payload.kind === 'overdue' && (row.overdue_at || today(deps.clock.now()) <= row.due_on)) return;
      const events = await repo.events(trx, row.id);
      const note = notes[payload.kind](row.due_on);
      if (events.some((e) => e.note === note)) return;
      const at = deps.clock.now().toISOString();
      await repo.mark(trx, row.id, payload.kind === 'overdue' ? { overdue_at: at } : { reminded_at: at });
      await repo.insertEvent(trx, {
        id: newId(),
        message_id: row.id,
        action: payload.kind === 'overdue' ? 'overdue' : 'remind',
        actor_id: null,
        actor_name: '系统',
        org_id: row.unit_org_id,
        note,
        at,
      });
      await deps.audit.append(trx, {
        actorId: null,
        actorName: 'system',
        orgId: row.unit_org_id,
        action: 'portal.message_remind',
        object: { type: 'portal-message', id: row.id },
        details: { kind: payload.kind, dueOn: row.due_on },
      });
    });
  };
}
