import { createRequire } from 'node:module';
import { WorkingCalendar, type BusinessDate, type CalendarData } from './working-calendar.js';

export { WorkingCalendar, toBusinessDate, calendarErrors, type BusinessDate, type CalendarData } from './working-calendar.js';

// chinese-days ships the State Council's arrangements as one JSON file (documented in its README):
// { holidays: { 'YYYY-MM-DD': … }, workdays: { … }, inLieuDays: { … } }. Version 1.5.7 covers 2004–2026;
// a new year arrives with a package update after the State Council publishes it (usually in November).
const officialData = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as CalendarData;

/** China's official working-day calendar (statutory holidays and 调休 make-up workdays) from chinese-days. */
export const officialCalendar = new WorkingCalendar(officialData);

/** Whether `date` is a working day on the official calendar. See {@link WorkingCalendar.isWorkingDay}. */
export const isWorkingDay = (date: BusinessDate): boolean => officialCalendar.isWorkingDay(date);

/**
 * `n` working days after `date` on the official calendar; the start day is not counted.
 * See {@link WorkingCalendar.addWorkingDays}.
 */
export const addWorkingDays = (date: BusinessDate, n: number): BusinessDate => officialCalendar.addWorkingDays(date, n);

/** The first working day strictly after `date` on the official calendar. */
export const nextWorkingDay = (date: BusinessDate): BusinessDate => officialCalendar.nextWorkingDay(date);

/**
 * Working days strictly after `from` up to and including `to` on the official calendar.
 * See {@link WorkingCalendar.countWorkingDays}.
 */
export const countWorkingDays = (from: BusinessDate, to: BusinessDate): number =>
  officialCalendar.countWorkingDays(from, to);
