import { describe, expect, it } from 'vitest';
import { IDS_PER_DAY, dateOfId, firstIdOf } from './entry-id.js';

describe('entry ids', () => {
  it('give back the date of their block, from its first id to its last', () => {
    for (const date of ['0000-01-01', '0001-03-01', '0099-12-31', '1900-02-28', '2024-02-29', '2026-11-27', '9999-12-31']) {
      expect(dateOfId(firstIdOf(date)), date).toBe(date);
      expect(dateOfId(firstIdOf(date) + IDS_PER_DAY - 1), date).toBe(date);
    }
    expect(firstIdOf('2026-11-28') - firstIdOf('2026-11-27')).toBe(IDS_PER_DAY);
  });

  it('have no date in the undated block', () => {
    expect(dateOfId(firstIdOf(null))).toBeNull();
    expect(dateOfId(IDS_PER_DAY - 1)).toBeNull();
  });
});
