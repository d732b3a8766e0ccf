import { z } from 'zod';
import type { Db, Trx } from '../../../db/database.js';
import type { AuditLog } from '../../../platform/audit/index.js';
import { addWorkingDays } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { enqueue, type JobHandler } from '../../../platform/jobs/index.js';
import { openRequestStatuses, requestLimits } from '../../../../shared/disclosure.js';
import { disclosureRepository as repo } from './disclosure.repository.js';
import './disclosure.audit.js';

/** The queue of request reminders. */
export const disclosureReminderQueue = 'portal.disclosureReminder';

const payloadSchema = z.object({ requestId: z.string(), kind: z.enum(['due_soon', 'overdue']), deadline: z.string() });
type ReminderPayload = z.infer<typeof payloadSchema>;

/** 09:00 Asia/Shanghai on a business date. */
const morningOf = (date: string) => new Date(`${date}T01:00:00.000Z`);

const messages = {
  due_soon: (deadline: string) => `依申请公开件将于 ${deadline} 到期，请抓紧答复`,
  overdue: (deadline: string) => `依申请公开件已于 ${deadline} 到期，尚未答复（已逾期）`,
} as const;

/**
 * Queues the reminders of a deadline in the caller's transaction: three working days before it and
 * the first working day after it. A step that moves the deadline queues new ones; the old ones then
 * find another deadline and do nothing.
 */
export async function scheduleReminders(trx: Trx, clock: Clock, requestId: string, deadline: string, today: string): Promise<void> {
  const soon = addWorkingDays(deadline, -requestLimits.dueSoonDays);
  const jobs: { kind: ReminderPayload['kind']; date: string }[] = [{ kind: 'due_soon', date: soon > today ? soon : today }, { kind: 'overdue', date: addWorkingDays(deadline, 1) }];
  for (const job of jobs) {
    await enqueue(trx, { queue: disclosureReminderQueue, payload: { requestId, kind: job.kind, deadline } satisfies ReminderPayload, runAt: morningOf(job.date) }, clock);
  }
}

/**
 * Records one reminder (a row the handlers' list shows, a history event and an audit event) when the
 * request is still open with the same deadline. Idempotent: a re-run finds the reminder recorded.
 */
export function disclosureReminderHandler(deps: { db: Db; clock: Clock; audit: AuditLog }): JobHandler {
  return async (raw) => {
    const payload = payloadSchema.parse(raw);
    await deps.db.transaction().execute(async (trx) => {
      const row = await repo.findRequest(trx, payload.requestId);
      if (!row || !(openRequestStatuses as readonly string[]).includes(row.status) || row.deadline !== payload.deadline) return;
      const at = deps.clock.now().toISOString();
      const message = messages[payload.kind](payload.deadline);
      if (!(await repo.insertReminder(trx, { id: newId(), request_id: row.id, kind: payload.kind, deadline: payload.deadline, message, at }))) return;
      await repo.insertEvent(trx, { id: newId(), request_id: row.id, action: 'remind', actor_id: null, actor_name: '系统', note: message, deadline: row.deadline, at });
      await deps.audit.append(trx, { actorName: 'system', action: 'disclosure.request_remind', object: { type: 'disclosure-request', id: row.id }, details: { kind: payload.kind, deadline: payload.deadline } });
    });
  };
}
