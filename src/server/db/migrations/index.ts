import type { Migration } from 'kysely';
import * as orgs from './2026_11_27_0001_orgs.js';
import * as identity from './2026_11_27_0002_identity.js';
import * as platform from './2026_11_27_0003_platform.js';

/** Every migration, by name. Names sort in the order they run; add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_orgs': orgs,
  '2026_11_27_0002_identity': identity,
  '2026_11_27_0003_platform': platform,
};
