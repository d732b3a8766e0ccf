import { createSocket } from 'node:dgram';
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { DbOrTrx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { auditRepository } from './audit.repository.js';
import type { AuditEventRow } from './audit.table.js';

/** A second store the log is shipped to after commit, so it leaves the host. */
export interface AuditSink {
  /** Names the cursor; stable across restarts. */
  readonly name: string;
  /** Delivers the events (in seq order) or throws; the cursor moves only after it resolves. */
  write(events: readonly AuditEventRow[]): Promise<void>;
}

/** The shipped form of an event: every stored field, `details` parsed (it re-canonicalises to the hashed text). */
export const shippedForm = (e: AuditEventRow) => ({ ...e, seq: Number(e.seq), details: JSON.parse(e.details) as unknown });

/**
 * JSON lines appended to a file, fsync'd per batch. On first use it reads the file's last line, so a
 * batch written just before a crash (cursor not yet moved) is not written twice, and it cuts off a
 * torn last line that was never acknowledged. Each event lands in the file exactly once.
 */
export class FileSink implements AuditSink {
  readonly name: string;
  #lastSeq: number | undefined;

  constructor(readonly file: string) {
    this.name = `file:${path.resolve(file)}`;
  }

  async write(events: readonly AuditEventRow[]): Promise<void> {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, existsSync(this.file) ? 'r+' : 'w+', 0o600);
    try {
      this.#lastSeq ??= lastSeqInFile(fd);
      const fresh = events.filter((e) => Number(e.seq) > this.#lastSeq!);
      if (fresh.length === 0) return;
      const text = fresh.map((e) => `${JSON.stringify(shippedForm(e))}\n`).join('');
      writeSync(fd, text, fstatSync(fd).size);
      fsyncSync(fd);
      this.#lastSeq = Number(fresh[fresh.length - 1]!.seq);
    } finally {
      closeSync(fd);
    }
  }
}

function lastSeqInFile(fd: number): number {
  const size = fstatSync(fd).size;
  if (size === 0) return 0;
  const length = Math.min(size, 1 << 20);
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, size - length);
  const end = tail.lastIndexOf(10);
  if (end !== length - 1) ftruncateSync(fd, size - length + end + 1); // a torn, unacknowledged line
  if (end < 0) return 0;
  const start = tail.lastIndexOf(10, end - 1) + 1;
  const seq = (JSON.parse(tail.subarray(start, end).toString('utf8')) as { seq?: unknown }).seq;
  return typeof seq === 'number' ? seq : 0;
}

/** RFC 5424 syslog: facility 13 (log audit), notice for failures and denials, informational otherwise. */
export function syslogMessage(e: AuditEventRow, host = hostname()): string {
  const severity = e.outcome === 'success' ? 6 : 5;
  const msgId = e.action.replace(/[^!-~]/g, '_').slice(0, 32) || '-';
  const sd = `[hinggan@32473 seq="${Number(e.seq)}" hash="${e.hash}" outcome="${e.outcome}"]`;
  return `<${13 * 8 + severity}>1 ${e.at} ${host.replace(/[^!-~]/g, '_').slice(0, 255)} hinggan ${process.pid} ${msgId} ${sd} \uFEFF${JSON.stringify(shippedForm(e))}`;
}

/** A remote syslog collector, `tcp://host:port` (octet-counted frames, RFC 6587) or `udp://host:port`. */
export class SyslogSink implements AuditSink {
  readonly name: string;
  readonly #url: URL;

  constructor(url: string, readonly timeoutMs = 5000) {
    this.#url = new URL(url);
    if (!['tcp:', 'udp:'].includes(this.#url.protocol) || !this.#url.port) throw new TypeError(`syslog sink must be tcp:// or udp://host:port: ${url}`);
    this.name = `syslog:${this.#url.protocol}//${this.#url.host}`;
  }

  write(events: readonly AuditEventRow[]): Promise<void> {
    const host = this.#url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(this.#url.port);
    const messages = events.map((e) => Buffer.from(syslogMessage(e), 'utf8'));
    if (this.#url.protocol === 'udp:') {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      return messages
        .reduce((sent, m) => sent.then(() => new Promise<void>((ok, fail) => socket.send(m, port, host, (e) => (e ? fail(e) : ok())))), Promise.resolve())
        .finally(() => socket.close());
    }
    return new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port });
      socket.setTimeout(this.timeoutMs, () => socket.destroy(new Error(`syslog ${this.#url.host} timed out`)));
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.end(Buffer.concat(messages.flatMap((m) => [Buffer.from(`${m.length} `), m])));
      });
      socket.once('close', (hadError) => (hadError ? undefined : resolve()));
    });
  }
}

/** The sinks the configuration names (none by default). */
export function sinksFromConfig(config: Pick<Config, 'auditSinkFile' | 'auditSinkSyslog'>): AuditSink[] {
  const sinks: AuditSink[] = [];
  if (config.auditSinkFile) sinks.push(new FileSink(config.auditSinkFile));
  if (config.auditSinkSyslog) sinks.push(new SyslogSink(config.auditSinkSyslog));
  return sinks;
}

/**
 * Ships committed events the sink has not had, in batches, moving the sink's cursor after each
 * delivered batch. When the sink is down it throws and the cursor stays: the next run retries.
 */
export async function shipAuditEvents(db: DbOrTrx, sink: AuditSink, options: { clock: Clock; batchSize?: number }): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  let cursor = await auditRepository.sinkCursor(db, sink.name);
  let shipped = 0;
  for (;;) {
    const rows = await auditRepository.eventsAfter(db, cursor, batchSize);
    if (rows.length === 0) return shipped;
    await sink.write(rows);
    cursor = Number(rows[rows.length - 1]!.seq);
    await auditRepository.setSinkCursor(db, sink.name, cursor, options.clock.now().toISOString());
    shipped += rows.length;
    if (rows.length < batchSize) return shipped;
  }
}
