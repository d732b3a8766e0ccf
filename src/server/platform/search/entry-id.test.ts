import { describe, expect, it } from 'vitest';
import { IDS_PER_DAY, firstIdOf } from './entry-id.js';

describe('entry ids', () => {
  it('give each day its own block, one after the other, across years, leap days and centuries', () => {
    const days = [
      ['0000-12-31', '0001-01-01'],
      ['0099-12-31', '0100-01-01'],
      ['1900-02-28', '1900-03-01'],
      ['2024-02-28', '2024-02-29'],
      ['2024-02-29', '2024-03-01'],
      ['2026-11-27', '2026-11-28'],
      ['9999-12-30', '9999-12-31'],
    ] as const;
    for (const [day, next] of days) expect(firstIdOf(next) - firstIdOf(day), day).toBe(IDS_PER_DAY);
    expect(firstIdOf('0000-01-01')).toBe(IDS_PER_DAY);
    expect(Number.isSafeInteger(firstIdOf('9999-12-31') + IDS_PER_DAY - 1)).toBe(true);
  });

  it('put undated entries before every dated one', () => {
    expect(firstIdOf(null)).toBe(0);
  });
});
