import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

/**
 * The `openssl` command line, for tests that check our output against an independent
 * implementation. Needs OpenSSL 3 built with SM2/SM3/SM4 (some distributions remove them).
 */

function probe(): { ok: true; version: string } | { ok: false; reason: string } {
  const version = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return { ok: false, reason: 'the openssl command is not installed' };
  if (!/^OpenSSL 3\./.test(version.stdout)) return { ok: false, reason: `need OpenSSL 3, found ${version.stdout.trim()}` };
  const sm3 = spawnSync('openssl', ['dgst', '-sm3'], { input: 'abc', encoding: 'utf8' });
  if (sm3.status !== 0) return { ok: false, reason: `${version.stdout.trim()} has no SM3 (${sm3.stderr.trim()})` };
  return { ok: true, version: version.stdout.trim() };
}

const availability = probe();

/**
 * `describe`, but only where the openssl CLI works. Elsewhere it skips with a warning, or fails
 * when HINGGAN_REQUIRE_OPENSSL=1 (set it in CI, where a silent skip would hide lost coverage).
 */
export function describeWithOpenssl(name: string, body: () => void): void {
  if (availability.ok) {
    describe(`${name} (${availability.version})`, body);
  } else if (process.env.HINGGAN_REQUIRE_OPENSSL === '1') {
    describe(name, () => {
      it('needs the openssl CLI', () => {
        throw new Error(`HINGGAN_REQUIRE_OPENSSL=1 but ${availability.reason}`);
      });
    });
  } else {
    console.warn(`SKIPPED "${name}": ${availability.reason}. Set HINGGAN_REQUIRE_OPENSSL=1 to fail instead.`);
    describe.skip(name, body);
  }
}

export interface OpensslResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs `openssl …args` in `cwd` and returns its outcome without judging it. */
export function runOpenssl(args: string[], options: { cwd?: string; input?: Uint8Array | string } = {}): OpensslResult {
  const result = spawnSync('openssl', args, { cwd: options.cwd, input: options.input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

/** Runs `openssl …args` and returns stdout, throwing with openssl's stderr if it failed. */
export function openssl(args: string[], options: { cwd?: string; input?: Uint8Array | string } = {}): Buffer {
  const result = runOpenssl(args, options);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}
