import { addWorkingDays, countWorkingDays } from '../../../platform/calendar/index.js';
import { requestLimits } from '../../../../shared/disclosure.js';

/**
 * The reply deadline of a request (条例 第三十三条): 20 working days from the day the clock starts
 * (receipt, or the corrected submission after a 补正 notice), plus an extension, plus the working days
 * of third-party consultation, which do not count. The start day itself is not counted.
 */
export function replyDeadline(clock: { clockStart: string; extensionDays: number; pausedDays: number }): string {
  return addWorkingDays(clock.clockStart, requestLimits.replyDays + clock.extensionDays + clock.pausedDays);
}

/** The last day a 补正 notice may be given: 7 working days after receipt. */
export const correctionLastDay = (receivedOn: string): string => addWorkingDays(receivedOn, requestLimits.correctionWithinDays);

/** Working days a consultation paused the clock: from its start to its end, at most 15. */
export function consultationPause(startedOn: string, endedOn: string): number {
  return Math.min(countWorkingDays(startedOn, endedOn), requestLimits.maxConsultationDays);
}

/** Where a deadline stands on `today`: overdue, due within 3 working days, or in time. */
export function deadlineState(deadline: string | null, today: string): 'overdue' | 'due_soon' | 'in_time' | null {
  if (!deadline) return null;
  if (today > deadline) return 'overdue';
  return addWorkingDays(today, requestLimits.dueSoonDays) >= deadline ? 'due_soon' : 'in_time';
}
