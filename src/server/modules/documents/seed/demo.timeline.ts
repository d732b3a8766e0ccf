import { addWorkingDays, toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { isAppError } from '../../../platform/errors/app-error.js';

/**
 * The clock the demo seed runs the services on: the demo documents were drafted, signed and received
 * over the past weeks, so their flow history, deadlines and overdue marks look like a working office's.
 * `at(n, 'HH:MM')` moves it to that time of the working day `n` working days before today (Asia/Shanghai).
 */
export class TimelineClock implements Clock {
  readonly #today: string;
  readonly #real: Date;
  #now: Date;

  constructor(real: Date) {
    this.#today = toBusinessDate(real);
    this.#real = real;
    this.#now = real;
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** The business date `n` working days before today (plain weekdays when the calendar lacks the year). */
  dayBefore(n: number): string {
    if (n === 0) return this.#today;
    try {
      return addWorkingDays(this.#today, -n);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'calendar.year_not_covered') throw error;
      const day = new Date(`${this.#today}T00:00:00Z`);
      for (let left = n; left > 0; ) {
        day.setUTCDate(day.getUTCDate() - 1);
        if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
      }
      return day.toISOString().slice(0, 10);
    }
  }

  /**
   * Moves to `time` (Asia/Shanghai) of the working day `n` working days ago, never past the real
   * time the seed runs at; returns that instant.
   */
  at(n: number, time: string): Date {
    const instant = new Date(`${this.dayBefore(n)}T${time}:00+08:00`);
    this.#now = instant > this.#real ? this.#real : instant;
    return this.now();
  }
}
