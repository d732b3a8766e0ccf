import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors/app-error.js';
import { hostNameOf, isOwnHost, safePath } from './site-routing.js';

const refused = (raw: string) => {
  try {
    safePath(raw);
    return false;
  } catch (error) {
    return isAppError(error) && error.code === 'portal.site.bad_path';
  }
};

describe('site routing', () => {
  it('refuses every spelling of a climb out of the site, backslashes and control characters', () => {
    for (const raw of ['/a/../b', '/..', '/a/%2e%2e/b', '/a/%2E%2E/b', '/a/%252e%252e/b', '/a/.%2e/', '/a\\b', '/a%5cb', '/a%00b', '/a%0ab', '//evil.example/x', '/a/%ff', '/./a']) {
      expect(refused(raw), raw).toBe(true);
    }
    expect(safePath('/news/%E4%B8%AD%E6%96%87/1.html?page=2')).toBe('/news/中文/1.html');
    expect(safePath('/news/a..b/c.d.html')).toBe('/news/a..b/c.d.html');
  });

  it('reads host names without port, and knows the deployment\'s own hosts', () => {
    expect(hostNameOf('AES.Hinggan.Local:8080')).toBe('aes.hinggan.local');
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(isOwnHost('localhost', undefined)).toBe(true);
    expect(isOwnHost('10.0.0.5', undefined)).toBe(true);
    expect(isOwnHost('[::1]', undefined)).toBe(true);
    expect(isOwnHost('www.hinggan.gov.cn', 'www.hinggan.gov.cn')).toBe(true);
    expect(isOwnHost('evil.example', 'www.hinggan.gov.cn')).toBe(false);
  });
});
