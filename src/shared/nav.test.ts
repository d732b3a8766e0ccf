import { describe, expect, it } from 'vitest';
import { navFor, type NavEntry } from './nav.js';

describe('navFor', () => {
  const entries: NavEntry[] = [
    { key: 'orgs', label: '组织机构', icon: 'A', order: 90 },
    { key: 'audit', label: '审计日志', icon: 'B', order: 95, roles: ['auditor'] },
    { key: 'users', label: '账号管理', icon: 'C', order: 96, roles: ['sysadmin'] },
  ];
  it('shows role-bound entries only to their holders', () => {
    expect(navFor(entries, ['clerk']).map((e) => e.key)).toEqual(['orgs']);
    expect(navFor(entries, ['auditor']).map((e) => e.key)).toEqual(['orgs', 'audit']);
  });
});
