import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import {
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  officialCalendar,
  toBusinessDate,
  WorkingCalendar,
} from './index.js';

describe('official working-day calendar', () => {
  it('covers 2004–2026 from chinese-days', () => {
    expect(officialCalendar.years[0]).toBe(2004);
    expect(officialCalendar.years.at(-1)).toBe(2026);
  });

  it('knows Spring Festival 2025: holidays off, Sunday and Saturday make-up days on', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2025-01-27')).toBe(true);
    for (const day of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) expect(isWorkingDay(day)).toBe(false);
    expect(isWorkingDay('2025-02-05')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2025-02-09')).toBe(false); // plain Sunday
  });

  it('skips the Spring Festival holiday and counts make-up days', () => {
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-01-26'); // Fri → Sun make-up day
    expect(addWorkingDays('2025-02-07', 1)).toBe('2025-02-08'); // Fri → Sat make-up day
    expect(addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
    expect(countWorkingDays('2025-01-24', '2025-02-10')).toBe(7); // 26, 27, 5, 6, 7, 8, 10
  });

  it('handles National Day 2025 with Mid-Autumn inside it', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2025-10-06')).toBe(false); // 中秋
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    // A 20-working-day disclosure deadline started on Monday 2025-09-22.
    expect(addWorkingDays('2025-09-22', 20)).toBe('2025-10-24');
  });

  it('knows 2026: Spring Festival, Mid-Autumn and National Day', () => {
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sunday, 调休
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday make-up day
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24'); // after 15–23 off
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(addWorkingDays('2026-09-24', 1)).toBe('2026-09-28'); // 中秋 25–27
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
  });

  it('does not count the start day, even when it is a holiday', () => {
    expect(addWorkingDays('2025-02-01', 1)).toBe('2025-02-05');
    expect(addWorkingDays('2025-03-05', 0)).toBe('2025-03-05');
    expect(nextWorkingDay('2025-03-07')).toBe('2025-03-10');
    expect(countWorkingDays('2025-03-05', '2025-03-05')).toBe(0);
    expect(countWorkingDays('2025-03-05', '2025-03-06')).toBe(1);
  });

  it('counts backwards for negative n and reversed ranges', () => {
    expect(addWorkingDays('2025-02-05', -1)).toBe('2025-01-27');
    expect(addWorkingDays('2025-02-10', -2)).toBe('2025-02-07');
    expect(countWorkingDays('2025-02-05', '2025-01-27')).toBe(-1);
  });

  it('round-trips: adding the counted days lands on the working day counted to', () => {
    for (let d = 0; d < 365; d += 7) {
      const from = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
      for (const n of [1, 5, 15, 20]) {
        const to = addWorkingDays(from, n);
        expect(isWorkingDay(to)).toBe(true);
        expect(countWorkingDays(from, to)).toBe(n);
      }
    }
  });

  it('refuses years before the official data instead of guessing', () => {
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      throw new Error('did not throw');
    };
    const error = thrown(() => isWorkingDay('2003-12-01'));
    expect(isAppError(error) && error.code).toBe('calendar.year_not_covered');
    expect((error as Error).message).toContain('2003');
    expect(() => countWorkingDays('2003-12-01', '2004-01-05')).toThrow(/2003/);
  });

  it('counts a year after its data as Monday–Friday, provisionally, so December deadlines still work', () => {
    const calendar = new WorkingCalendar({ holidays: { '2030-10-01': '国庆' }, workdays: { '2030-09-29': '调休' } });
    expect(calendar.isProvisional(2031)).toBe(true);
    expect(calendar.isProvisional(2030)).toBe(false);
    // 2030-12-30 is a Monday: five weekdays later, across New Year's Day 2031 (unknown yet), is 2031-01-06.
    expect(calendar.addWorkingDays('2030-12-30', 5)).toBe('2031-01-06');
    expect(calendar.isWorkingDay('2031-01-04')).toBe(false); // a Saturday
    expect(calendar.countWorkingDays('2030-12-27', '2031-01-03')).toBe(5);
    expect(calendar.isProvisional(2029)).toBe(false);
    expect(() => calendar.isWorkingDay('2029-06-01')).toThrow(/2029/);
  });

  it('rejects strings that are not business dates', () => {
    for (const bad of ['2025-02-29', '2025-1-5', '2025-01-05T00:00:00Z', '']) {
      expect(() => isWorkingDay(bad)).toThrow(RangeError);
    }
    expect(() => addWorkingDays('2025-01-05', 1.5)).toThrow(RangeError);
  });

  it('can be built from other data, e.g. a supplementary year', () => {
    const calendar = new WorkingCalendar({ holidays: { '2030-01-01': '元旦' }, workdays: { '2030-01-05': '调休' } });
    expect(calendar.years).toEqual([2030]);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2030-01-05')).toBe(true);
  });
});

describe('toBusinessDate', () => {
  it('gives the date in Asia/Shanghai, not UTC', () => {
    expect(toBusinessDate(new Date('2025-01-27T15:59:59.999Z'))).toBe('2025-01-27');
    expect(toBusinessDate(new Date('2025-01-27T16:00:00.000Z'))).toBe('2025-01-28');
    expect(toBusinessDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(() => toBusinessDate(new Date('nope'))).toThrow(RangeError);
  });
});
