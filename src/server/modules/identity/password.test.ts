import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash } from './password.js';
import { defaultSecurityPolicy, passwordProblems } from './security-policy.js';

describe('password hashing and rules', () => {
  it('asks to re-hash a hash made with other argon2id parameters', async () => {
    expect(needsRehash(await hashPassword('Some-Password-1'))).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe(true);
  });

  it('checks length, character classes and the user name', () => {
    const policy = defaultSecurityPolicy('production');
    expect(passwordProblems(policy, 'Grassland-Wind-42', 'clerk')).toEqual([]);
    expect(passwordProblems(policy, 'grasslandwind42', 'clerk')).toEqual(['密码须包含小写字母、大写字母、数字、符号中的至少 3 类']);
    expect(passwordProblems(policy, 'Aa1!', 'clerk')).toEqual(['密码至少 12 位']);
    expect(passwordProblems(policy, 'My-CLERK-pass-1', 'clerk')).toEqual(['密码不能包含用户名']);
  });
});
