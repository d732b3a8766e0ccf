import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import type { AppError } from '../errors/app-error.js';
import { allowedActions, allowedIds, authorize, can, definePolicy, holdsRole } from './index.js';

const actor = (roles: Actor['roles']): Actor => ({
  userId: 'u1',
  username: 'u1',
  displayName: 'U',
  orgId: 'b',
  roles,
  isDemo: false,
  sessionId: 's',
});

// a ─ b ─ c, and a ─ d
const paths = { a: '/a/', b: '/a/b/', c: '/a/b/c/', d: '/a/d/' };

describe('holdsRole', () => {
  it('reads a grant held in one organisation as that organisation only', () => {
    const clerk = actor([{ role: 'clerk', orgId: 'b', scope: 'org' }]);
    expect([holdsRole(clerk, 'clerk', paths.b), holdsRole(clerk, 'clerk', paths.c), holdsRole(clerk, 'clerk', paths.a)]).toEqual([true, false, false]);
    expect(holdsRole(clerk, 'clerk')).toBe(true);
    expect(holdsRole(clerk, 'leader')).toBe(false);
  });

  it('reads a subtree grant as the organisation and everything below it, never above or beside', () => {
    const admin = actor([{ role: 'sysadmin', orgId: 'b', scope: 'subtree' }]);
    expect([paths.a, paths.b, paths.c, paths.d].map((p) => holdsRole(admin, 'sysadmin', p))).toEqual([false, true, true, false]);
    expect(holdsRole(admin, 'sysadmin', null)).toBe(false);
    expect(holdsRole(null, 'sysadmin')).toBe(false);
  });
});

describe('policies', () => {
  const docPolicy = definePolicy(
    'doc',
    {
      read: (a, d: { path: string; state: string }) => holdsRole(a, 'clerk', d.path) || holdsRole(a, 'leader', d.path),
      signOff: (a, d: { path: string; state: string }) => d.state === 'reviewed' && holdsRole(a, 'leader', d.path),
    },
    { conceal: { unless: 'read', as: 'route.not_found' } },
  );
  const leader = actor([{ role: 'leader', orgId: 'b', scope: 'subtree' }]);
  const clerk = actor([{ role: 'clerk', orgId: 'b', scope: 'org' }]);
  const reviewed = { path: paths.c, state: 'reviewed' };

  it('answers the allowed actions and the allowed ids', () => {
    expect(allowedActions(leader, docPolicy, reviewed)).toEqual(['read', 'signOff']);
    expect(allowedActions(clerk, docPolicy, { path: paths.b, state: 'reviewed' })).toEqual(['read']);
    expect(allowedActions(null, docPolicy, reviewed)).toEqual([]);
    expect(can(clerk, docPolicy, 'read', reviewed)).toBe(false);
    const docs = [{ id: '1', ...reviewed }, { id: '2', path: paths.d, state: 'reviewed' }];
    expect([...allowedIds(leader, docPolicy, 'signOff', docs, (d) => d.id)]).toEqual(['1']);
  });

  it('refuses with 401 anonymous, 404 when the object is out of sight, 403 when seen but not allowed', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'allowed';
      } catch (error) {
        return (error as AppError).code;
      }
    };
    expect(code(() => authorize(null, docPolicy, 'read', reviewed))).toBe('auth.required');
    expect(code(() => authorize(clerk, docPolicy, 'signOff', reviewed))).toBe('route.not_found');
    expect(code(() => authorize(clerk, docPolicy, 'signOff', { path: paths.b, state: 'reviewed' }))).toBe('auth.forbidden');
    expect(code(() => authorize(leader, docPolicy, 'signOff', reviewed))).toBe('allowed');
  });
});
