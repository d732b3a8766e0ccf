import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from './config.js';

describe('loadConfig', () => {
  it('defaults to embedded SQLite under ./data and freezes the result', () => {
    const config = loadConfig({}, '/srv/hinggan');
    expect(config.dialect).toBe('sqlite');
    expect(config.dataDir).toBe('/srv/hinggan/data');
    expect(config.port).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/hinggan' });
    expect(config.dialect).toBe('postgres');
  });

  it('names an unknown HINGGAN_ setting', () => {
    expect(() => loadConfig({ HINGGAN_PROT: '80' })).toThrow(/未知的配置项 HINGGAN_PROT/);
  });

  it('names an invalid setting by its variable', () => {
    expect(() => loadConfig({ HINGGAN_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ HINGGAN_PORT: '70000' })).toThrow(/HINGGAN_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ HINGGAN_ENV: 'staging' })).toThrow(/HINGGAN_ENV/);
  });

  it('reads a JSON file, lets the environment win, and rejects unknown keys in it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hg-config-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ port: 4000, logLevel: 'warn' }));
    const config = loadConfig({ HINGGAN_CONFIG_FILE: file, HINGGAN_LOG_LEVEL: 'error' });
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('error');

    writeFileSync(file, JSON.stringify({ prot: 4000 }));
    expect(() => loadConfig({ HINGGAN_CONFIG_FILE: file })).toThrow(/未知的配置项 prot/);
    expect(() => loadConfig({ HINGGAN_CONFIG_FILE: path.join(dir, 'missing.json') })).toThrow(/HINGGAN_CONFIG_FILE/);
  });

  it('hides the password of a database URL', () => {
    expect(redactUrl('postgres://hg:secret@db:5432/x')).toBe('postgres://hg:***@db:5432/x');
  });
});
