import { getWorkdaysInRange } from 'chinese-days';

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's business date (Asia/Shanghai), `YYYY-MM-DD`. */
export const todayInShanghai = (): string => shanghaiDate.format(new Date());

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Working days left until a deadline on the official calendar (the same chinese-days data the server
 * counts deadlines with): days after `today` up to and including the deadline; 0 on the deadline
 * itself; negative once it has passed (the working days since).
 */
export function remainingWorkingDays(deadline: string, today: string): number {
  if (deadline === today) return 0;
  if (deadline > today) return getWorkdaysInRange(nextDay(today), deadline).length;
  return -getWorkdaysInRange(nextDay(deadline), today).length;
}
