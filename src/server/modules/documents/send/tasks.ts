import { z } from 'zod';
import type { Db, Trx } from '../../../db/database.js';
import type { AuditLog } from '../../../platform/audit/index.js';
import { addWorkingDays, nextWorkingDay, toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { isAppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { enqueue, type JobHandler } from '../../../platform/jobs/index.js';
import type { SendStep } from '../../../../shared/documents.js';
import type { DocumentRow, NewDocumentTaskRow } from '../documents.table.js';
import { flowRepository } from './flow.repository.js';
import type { StepSetting } from './workflow.js';

export const remindQueue = 'documents.remind';

/** The business date today (Asia/Shanghai). */
export const today = (clock: Clock): string => toBusinessDate(clock.now());

/**
 * The deadline `days` working days from today on the official calendar. A year the calendar has no
 * holiday data for yet gives no deadline rather than a wrong one (the step still runs).
 */
export function deadline(clock: Clock, days: number): string | null {
  if (days <= 0) return null;
  try {
    return addWorkingDays(today(clock), days);
  } catch (error) {
    if (isAppError(error) && error.code === 'calendar.year_not_covered') return null;
    throw error;
  }
}

/** 09:00 in Asia/Shanghai on a business date, as an instant. */
const morningOf = (date: string) => new Date(`${date}T01:00:00.000Z`);

/**
 * The tasks a step waits for, written in the caller's transaction with their reminder jobs: one on the
 * morning of the deadline, one on the next working day's morning if still open (overdue).
 */
export async function openStep(
  trx: Trx,
  clock: Clock,
  doc: { readonly row: DocumentRow; readonly coIssuers: readonly string[]; readonly officeId: string | null },
  setting: StepSetting,
): Promise<NewDocumentTaskRow[]> {
  const now = clock.now().toISOString();
  const dueOn = deadline(clock, setting.deadlineDays);
  const base = { document_id: doc.row.id, step: setting.step, status: 'open' as const, due_on: dueOn, reminders: 0, created_at: now };
  const { row } = doc;
  let tasks: NewDocumentTaskRow[];
  if (setting.step === 'draft') {
    tasks = [{ ...base, id: newId(), org_id: row.drafting_org_id, alt_org_id: null, role: null, user_id: row.drafted_by }];
  } else if (setting.actorScope === 'co_issuers') {
    tasks = doc.coIssuers.map((orgId) => ({ ...base, id: newId(), org_id: orgId, alt_org_id: null, role: setting.role, user_id: null }));
  } else {
    const [orgId, altOrgId] =
      setting.actorScope === 'issuer'
        ? [row.org_id, null]
        : setting.actorScope === 'issuer_office'
          ? [row.org_id, doc.officeId]
          : [row.drafting_org_id, row.drafting_org_id === row.org_id ? null : row.org_id];
    tasks = [{ ...base, id: newId(), org_id: orgId, alt_org_id: altOrgId, role: setting.role, user_id: null }];
  }
  await flowRepository.insertTasks(trx, tasks);
  if (dueOn) {
    for (const task of tasks) {
      await enqueue(trx, { queue: remindQueue, payload: { taskId: task.id, kind: 'due_soon' }, runAt: morningOf(dueOn), maxAttempts: 3 }, clock);
      const after = safeNextWorkingDay(dueOn);
      if (after) await enqueue(trx, { queue: remindQueue, payload: { taskId: task.id, kind: 'overdue' }, runAt: morningOf(after), maxAttempts: 3 }, clock);
    }
  }
  return tasks;
}

function safeNextWorkingDay(date: string): string | null {
  try {
    return nextWorkingDay(date);
  } catch (error) {
    if (isAppError(error) && error.code === 'calendar.year_not_covered') return null;
    throw error;
  }
}

const remindPayload = z.object({ taskId: z.string(), kind: z.enum(['due_soon', 'overdue']) });

/**
 * 催办 for a step: counts a reminder on the task if it is still open (the to-do list shows the count
 * and the overdue mark), with its audit event. A task done meanwhile is left alone, so a rerun is harmless.
 */
export function remindHandler(deps: { db: Db; clock: Clock; audit: AuditLog }): JobHandler {
  return async (payload) => {
    const { taskId, kind } = remindPayload.parse(payload);
    await deps.db.transaction().execute(async (trx) => {
      const task = await flowRepository.findTask(trx, taskId);
      if (!task || task.status !== 'open') return;
      if (!(await flowRepository.markReminded(trx, taskId, deps.clock.now().toISOString()))) return;
      await deps.audit.append(trx, {
        action: 'documents.remind',
        object: { type: 'document', id: task.document_id },
        details: { taskId, step: task.step as SendStep, kind },
      });
    });
  };
}
