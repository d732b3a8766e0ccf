import { toBusinessDate } from '../../../platform/calendar/index.js';
import { answerLimitMonths } from '../../../../shared/interaction.js';

/** `date` plus `months` calendar months; the 31st of a shorter month is its last day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The last day to answer a message received on `receivedOn`: three calendar months later. */
export const dueOn = (receivedOn: string) => addMonths(receivedOn, answerLimitMonths);

/** 09:00 Asia/Shanghai on a business date. */
export const morningOf = (date: string) => new Date(`${date}T01:00:00.000Z`);

/** Midnight Asia/Shanghai starting a business date, as an instant. */
export const startOf = (date: string) => new Date(`${addDays(date, -1)}T16:00:00.000Z`);

export const today = (now: Date) => toBusinessDate(now);

/** Whole days between two instants, for the average time to answer. */
export const daysBetween = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;
