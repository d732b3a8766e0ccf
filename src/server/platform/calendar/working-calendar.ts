import { AppError, defineErrors } from '../errors/app-error.js';

export const calendarErrors = defineErrors({
  'calendar.year_not_covered': {
    status: 500,
    zh: '工作日历尚无该年度的法定节假日安排，请联系管理员更新',
    en: 'The working-day calendar has no official holiday data for that year',
  },
});

/** A business date: `YYYY-MM-DD` on the Asia/Shanghai calendar, no time and no zone. */
export type BusinessDate = string;

/** The official arrangement: statutory holidays (days off) and 调休 make-up workdays, keyed by date. */
export interface CalendarData {
  readonly holidays: Readonly<Record<string, unknown>>;
  readonly workdays: Readonly<Record<string, unknown>>;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid business date; throws RangeError for anything else. */
function dayNumber(date: BusinessDate): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`not a business date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function fromDayNumber(day: number): BusinessDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Working days on an official calendar. A day is a working day when it is a make-up workday, or a
 * Monday–Friday that is not a statutory holiday.
 *
 * Years before the data throw `calendar.year_not_covered`. Years after it are *provisional*: the
 * State Council publishes a year's arrangement in late autumn, and the package that carries it
 * follows, yet deadlines running into the next year must be computable in December. A provisional
 * year counts Monday–Friday only, so a deadline across an unknown holiday falls early, never late
 * (the safe side for a statutory time limit); `isProvisional` lets callers say so.
 */
export class WorkingCalendar {
  readonly #holidays: ReadonlySet<string>;
  readonly #workdays: ReadonlySet<string>;
  /** The years this calendar has official data for, ascending. */
  readonly years: readonly number[];

  constructor(data: CalendarData) {
    this.#holidays = new Set(Object.keys(data.holidays));
    this.#workdays = new Set(Object.keys(data.workdays));
    const years = new Set([...this.#holidays, ...this.#workdays].map((date) => Number(date.slice(0, 4))));
    this.years = [...years].sort((a, b) => a - b);
  }

  /** Whether the calendar has official data for the year. */
  covers(year: number): boolean {
    return this.years.includes(year);
  }

  /** Whether the year lies after the data: counted as Monday–Friday until its arrangement arrives. */
  isProvisional(year: number): boolean {
    return year > (this.years.at(-1) ?? Number.POSITIVE_INFINITY);
  }

  #isWorking(day: number): boolean {
    const date = fromDayNumber(day);
    const year = Number(date.slice(0, 4));
    if (!this.covers(year) && !this.isProvisional(year)) {
      throw new AppError('calendar.year_not_covered', {
        message: `工作日历尚无 ${year} 年的法定节假日安排（已有 ${this.years[0]}–${this.years.at(-1)} 年），请更新 chinese-days`,
        details: { year, covered: [this.years[0], this.years.at(-1)] },
      });
    }
    if (this.#workdays.has(date)) return true;
    if (this.#holidays.has(date)) return false;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Whether `date` is a working day: a weekday that is not a holiday, or a 调休 make-up workday. */
  isWorkingDay(date: BusinessDate): boolean {
    return this.#isWorking(dayNumber(date));
  }

  /**
   * The date `n` working days after `date`, by the deadline convention (民法典 art. 201: the day a
   * period starts is not counted), so `addWorkingDays(d, 1)` is the first working day strictly after `d`, whether or not
   * `d` itself is a working day. `n = 0` returns `date` unchanged. A negative `n` counts back:
   * `addWorkingDays(d, -1)` is the last working day strictly before `d`.
   */
  addWorkingDays(date: BusinessDate, n: number): BusinessDate {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
    let day = dayNumber(date);
    const step = Math.sign(n);
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.#isWorking(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** The first working day strictly after `date` (same as `addWorkingDays(date, 1)`). */
  nextWorkingDay(date: BusinessDate): BusinessDate {
    return this.addWorkingDays(date, 1);
  }

  /**
   * The working days strictly after `from` up to and including `to` — the days used up of a
   * deadline that started on `from`. Equal dates give 0; when `to` is before `from` the result is
   * negative (`-countWorkingDays(to, from)`), e.g. how many working days a deadline is overdue.
   * For a working day `to`, `addWorkingDays(from, countWorkingDays(from, to)) === to`.
   */
  countWorkingDays(from: BusinessDate, to: BusinessDate): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    if (end < start) return -this.countWorkingDays(to, from);
    let count = 0;
    for (let day = start + 1; day <= end; day += 1) {
      if (this.#isWorking(day)) count += 1;
    }
    return count;
  }
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The business date (Asia/Shanghai) on which an instant falls, e.g. 2025-01-27T16:30Z → '2025-01-28'. */
export function toBusinessDate(instant: Date): BusinessDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('toBusinessDate: invalid Date');
  const parts = Object.fromEntries(shanghaiDate.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
