import type { Migration } from 'kysely';
import * as orgs from './2026_11_27_0001_orgs.js';
import * as identity from './2026_11_27_0002_identity.js';
import * as platform from './2026_11_27_0003_platform.js';
import * as audit from './2026_11_27_0004_audit.js';
import * as pki from './2026_11_27_0005_pki.js';
import * as identitySecurity from './2026_11_27_0006_identity_security.js';

/** Every migration, by name. Names sort in the order they run; add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_orgs': orgs,
  '2026_11_27_0002_identity': identity,
  '2026_11_27_0003_platform': platform,
  '2026_11_27_0004_audit': audit,
  '2026_11_27_0005_pki': pki,
  '2026_11_27_0006_identity_security': identitySecurity,
};
