import { z } from 'zod';
import type { Db, Trx } from '../../../db/database.js';
import type { AuditLog } from '../../../platform/audit/index.js';
import { addWorkingDays } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { enqueue, type JobHandler } from '../../../platform/jobs/index.js';
import { reminderKinds, type ReminderKind } from '../../../../shared/documents-receiving.js';
import { receiveRepository as repo } from './receive.repository.js';
import './receive.audit.js';

/** The queue of automatic 催办. */
export const reminderQueue = 'documents.incomingReminder';

/** Automatic reminders: two working days before the deadline, on its day, then every three working days after it. */
export const reminderPlan = { beforeDays: 2, overdueEveryDays: 3, maxOverdue: 10 } as const;

const payloadSchema = z.object({
  incomingId: z.string(),
  kind: z.enum(['before', 'due', 'overdue']),
  deadline: z.string(),
  sequence: z.number().int().min(1),
});
type ReminderPayload = z.infer<typeof payloadSchema>;

/** 09:00 Asia/Shanghai on a business date, the hour reminders go out. */
const morningOf = (date: string) => new Date(`${date}T01:00:00.000Z`);

const messages: Record<Exclude<ReminderKind, 'manual'>, (deadline: string, sequence: number) => string> = {
  before: (deadline) => `该件将于 ${deadline} 到期，请抓紧办理`,
  due: (deadline) => `该件今日（${deadline}）到期，请按时办结`,
  overdue: (deadline, sequence) => `该件已于 ${deadline} 到期，尚未办结（第 ${sequence} 次逾期催办）`,
};

/**
 * Queues the reminders of a deadline in the caller's transaction (the 批办 that set it). A later
 * 批办 with another deadline makes these stale: the handler then does nothing.
 */
export async function scheduleReminders(trx: Trx, clock: Clock, incomingId: string, deadline: string, today: string): Promise<void> {
  const before = addWorkingDays(deadline, -reminderPlan.beforeDays);
  const jobs: { kind: ReminderPayload['kind']; date: string }[] = [];
  if (before > today) jobs.push({ kind: 'before', date: before });
  if (deadline >= today) jobs.push({ kind: 'due', date: deadline });
  jobs.push({ kind: 'overdue', date: addWorkingDays(deadline, 1) });
  for (const job of jobs) {
    await enqueue(trx, { queue: reminderQueue, payload: { incomingId, kind: job.kind, deadline, sequence: 1 } satisfies ReminderPayload, runAt: morningOf(job.date) }, clock);
  }
}

/**
 * Records one automatic reminder if the item still waits at 承办 with the same deadline; an overdue
 * reminder queues the next one. Idempotent: a re-run finds the reminder recorded and does nothing.
 */
export function reminderHandler(deps: { db: Db; clock: Clock; audit: AuditLog }): JobHandler {
  return async (raw) => {
    const payload = payloadSchema.parse(raw);
    await deps.db.transaction().execute(async (trx) => {
      const row = await repo.find(trx, payload.incomingId);
      if (!row || !['instructed', 'handling'].includes(row.step) || row.deadline !== payload.deadline) return;
      const at = deps.clock.now().toISOString();
      const message = messages[payload.kind](payload.deadline, payload.sequence);
      const recorded = await repo.insertReminder(trx, {
        id: newId(),
        incoming_id: row.id,
        kind: payload.kind,
        deadline: payload.deadline,
        sequence: payload.sequence,
        message,
        by_name: null,
        at,
      });
      if (!recorded) return;
      await repo.noteReminder(trx, row.id, at);
      await repo.insertEvent(trx, {
        id: newId(),
        incoming_id: row.id,
        action: 'remind',
        org_id: row.org_id,
        actor_id: null,
        actor_name: '系统',
        opinion: message,
        details: JSON.stringify({ kind: payload.kind, label: reminderKinds[payload.kind], deadline: payload.deadline, sequence: payload.sequence }),
        at,
      });
      await deps.audit.append(trx, {
        actorId: null,
        actorName: 'system',
        orgId: row.org_id,
        action: 'documents.incoming_remind',
        object: { type: 'incoming-document', id: row.id },
        details: { kind: payload.kind, deadline: payload.deadline, sequence: payload.sequence },
      });
      if (payload.kind === 'overdue' && payload.sequence < reminderPlan.maxOverdue) {
        const next = addWorkingDays(payload.deadline, 1 + payload.sequence * reminderPlan.overdueEveryDays);
        await enqueue(trx, { queue: reminderQueue, payload: { ...payload, sequence: payload.sequence + 1 }, runAt: morningOf(next) }, deps.clock);
      }
    });
  };
}
