import { createSocket } from 'node:dgram';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { sm2GenerateKeyPair } from '../crypto/index.js';
import { auditRepository, createAuditLog, FileSink, shipAuditEvents, SyslogSink, type AuditLog } from './index.js';

const signing = sm2GenerateKeyPair();

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** A TCP syslog collector that splits RFC 6587 octet-counted frames. */
function tcpCollector(received: string[]): Server {
  return createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const space = buffer.indexOf(32);
        if (space < 0) break;
        const length = Number(buffer.subarray(0, space).toString());
        if (buffer.length < space + 1 + length) break;
        received.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
        buffer = buffer.subarray(space + 1 + length);
      }
    });
  });
}

describeEachDialect('audit sinks', (database) => {
  const db = () => database().db;
  const clock = new FixedClock('2026-02-01T00:00:00.000Z');
  let log: AuditLog;
  const append = (n: number) =>
    db()
      .transaction()
      .execute((trx) =>
        log.appendMany(trx, Array.from({ length: n }, (_, i) => ({ action: 'auth.sign_in' as const, actorName: `u${i}`, details: { method: '密码' } }))),
      );

  beforeAll(async () => {
    log = createAuditLog({ signing, clock });
    await append(5);
  });

  it('the file sink receives every event exactly once across a crash and a restart', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hg-audit-')), 'sink', 'audit.jsonl');
    expect(await shipAuditEvents(db(), new FileSink(file), { clock })).toBe(5);
    await append(3);
    // A crash after the batch reached the file but before the cursor moved, with a torn line after it.
    const crashed = new FileSink(file);
    await crashed.write(await auditRepository.eventsAfter(db(), 5, 100));
    appendFileSync(file, '{"seq":9,"tor');
    expect(await auditRepository.sinkCursor(db(), `file:${file}`)).toBe(5);
    await append(2);
    const restarted = new FileSink(file);
    expect(await shipAuditEvents(db(), restarted, { clock })).toBe(5); // 6–10 offered again
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number; details: unknown });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines[0]!.details).toEqual({ method: '密码' });
    expect(await auditRepository.sinkCursor(db(), restarted.name)).toBe(10);
    expect(await shipAuditEvents(db(), restarted, { clock })).toBe(0);
  });

  it('ships RFC 5424 messages over TCP, and loses nothing while the collector is down', async () => {
    const received: string[] = [];
    const probe = tcpCollector(received);
    const port = await listen(probe);
    await new Promise((r) => probe.close(r)); // the collector is down
    const sink = new SyslogSink(`tcp://127.0.0.1:${port}`, 1000);
    await expect(shipAuditEvents(db(), sink, { clock })).rejects.toThrow();
    expect(await auditRepository.sinkCursor(db(), sink.name)).toBe(0);
    const server = tcpCollector(received);
    await listen(server, port);
    try {
      expect(await shipAuditEvents(db(), sink, { clock })).toBe(10);
      await new Promise((r) => setTimeout(r, 50));
      expect(received).toHaveLength(10);
      expect(received[0]).toMatch(/^<110>1 2026-02-01T00:00:00\.000Z \S+ hinggan \d+ auth\.sign_in \[hinggan@32473 seq="1" hash="[0-9a-f]{64}" outcome="success"\] \uFEFF\{/);
      expect(JSON.parse(received[9]!.split('\uFEFF')[1]!)).toMatchObject({ seq: 10, action: 'auth.sign_in' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('ships over UDP', async () => {
    const socket = createSocket('udp4');
    const received: string[] = [];
    socket.on('message', (m) => received.push(m.toString('utf8')));
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    try {
      const sink = new SyslogSink(`udp://127.0.0.1:${socket.address().port}`);
      expect(await shipAuditEvents(db(), sink, { clock })).toBe(10);
      await new Promise((r) => setTimeout(r, 100));
      expect(received.map((m) => /seq="(\d+)"/.exec(m)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    } finally {
      socket.close();
    }
  });
});
