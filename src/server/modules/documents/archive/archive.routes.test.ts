import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { sm2Verify, sm3Hex } from '../../../platform/crypto/index.js';
import { createPkiService } from '../../pki/index.js';
import { verifySealedPdf } from '../seal/index.js';
import { receivingFixture } from '../receiving.testing.js';

type Fixture = Awaited<ReturnType<typeof receivingFixture>>;
const standardFontDataUrl = fileURLToPath(new URL('../../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

async function firstPageTexts(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  await document.destroy();
  return content.items.flatMap((i) => ('str' in i && i.str.trim() ? [i.str] : []));
}

async function pngScan(): Promise<Buffer> {
  // A 2×2 greyscale PNG, written by hand (no image library is a dependency).
  const { deflateSync, crc32 } = await import('node:zlib');
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 128, 200, 0, 60, 90]))), chunk('IEND', Buffer.alloc(0))]);
}

describeEachDialect('归档: 件, 档号, 归档章 and the archival package', (database) => {
  const clock = new FixedClock('2026-11-02T02:00:00.000Z');
  let fx: Fixture;

  beforeAll(async () => {
    fx = await receivingFixture(database(), clock);
  }, 60_000);

  it('files a finished incoming document: the original untouched and verifiable, the archival copy stamped', async () => {
    const { call, cookies, ids } = fx;
    const unconfigured = await call(cookies.clerk, 'GET', `/documents/archive/fonds?orgId=${ids.xsh}`);
    expect(unconfigured.json).toMatchObject({ configured: false, fondsCode: null, fondsName: '兴安盟行政公署', unitCode: 'BGS', unitName: '办公室', actions: ['read', 'file', 'configure', 'export'] });

    const item = await fx.completed('jyj', '关于印发学校安全工作要点的通知');
    const filed = await call(cookies.clerk, 'POST', '/documents/archive', { source: 'received', incomingId: item.id, retention: 'D30' });
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({
      archivalCode: 'Q0001-WS·2026-D30-BGS-0001',
      fondsCode: 'Q0001',
      year: 2026,
      retention: 'D30',
      itemNumber: 1,
      source: 'received',
      title: '关于印发学校安全工作要点的通知',
      responsible: '兴安盟教育局',
      pages: 2,
      actions: ['read', 'download'],
    });
    const metadata = filed.json.metadata;
    expect(metadata.process.map((e: { label: string }) => e.label)).toEqual(['签收', '登记', '初审', '拟办', '批办', '办结', '归档']);
    expect(metadata.process.find((e: { label: string }) => e.label === '批办')).toMatchObject({ actor: '李盟长', opinion: '请发改委办理' });
    expect(metadata.signatures).toMatchObject({ valid: true, seals: [{ organization: '兴安盟教育局', status: 'valid' }] });
    expect(metadata.form.files.map((f: { role: string }) => f.role)).toEqual(['original', 'archival']);
    expect(metadata.description.receiptNumber).toMatch(/^收〔2026〕/);

    const original = await fx.app.inject({ url: `/api/v1/documents/archive/${filed.json.id}/file?copy=original`, headers: { cookie: cookies.clerk } });
    expect(original.rawPayload.equals(item.pdf)).toBe(true);
    expect(sm3Hex(original.rawPayload)).toBe(filed.json.originalSm3);
    const archival = await fx.app.inject({ url: `/api/v1/documents/archive/${filed.json.id}/file`, headers: { cookie: cookies.clerk } });
    expect(archival.headers['content-type']).toBe('application/pdf');
    expect(archival.rawPayload.subarray(0, item.pdf.length).equals(item.pdf)).toBe(true);
    expect(await firstPageTexts(archival.rawPayload)).toEqual(expect.arrayContaining(['Q0001', '2026', '0001', '办公室', '30年', '2']));
    // The seal still proves the original; the stamped copy is honestly reported as changed after sealing.
    const pki = createPkiService(fx.ctx, { keys: fx.ctx.keys });
    const verify = (pdf: Uint8Array) => verifySealedPdf(pdf, { verifyCertificate: (c, o) => pki.verifyCertificate(c, o), at: clock.now() });
    expect((await verify(original.rawPayload)).valid).toBe(true);
    expect((await verify(archival.rawPayload)).status).toBe('altered');

    const incoming = await call(cookies.clerk, 'GET', `/documents/incoming/${item.id}`);
    expect(incoming.json).toMatchObject({ archive: { archivalCode: 'Q0001-WS·2026-D30-BGS-0001' }, actions: ['read', 'circulate'] });
    expect(incoming.json.events.at(-1)).toMatchObject({ action: 'file', details: { archivalCode: 'Q0001-WS·2026-D30-BGS-0001' } });
  });

  it('refuses filing twice, too early, or by someone else, and keeps 全宗号 once used', async () => {
    const { call, cookies, ids } = fx;
    const item = await fx.completed();
    expect((await call(cookies.ulh, 'POST', '/documents/archive', { source: 'received', incomingId: item.id, retention: 'Y' })).json.error.code).toBe('documents.incoming_not_found');
    expect((await call(cookies.leader, 'POST', '/documents/archive', { source: 'received', incomingId: item.id, retention: 'Y' })).json.error.code).toBe('documents.incoming_not_your_step');
    expect((await call(cookies.clerk, 'POST', '/documents/archive', { source: 'received', incomingId: item.id, retention: 'P' })).status).toBe(400);
    expect((await call(cookies.clerk, 'POST', '/documents/archive', { source: 'received', incomingId: item.id, retention: 'Y' })).status).toBe(201);
    const twice = await call(cookies.clerk, 'POST', '/documents/archive', { source: 'received', incomingId: item.id, retention: 'Y' });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'documents.archive_already_filed']);
    const open = await fx.issue({ from: 'jyj', to: ['xsh'] });
    await call(cookies.clerk, 'POST', `/documents/incoming/${open.deliveries.xsh}/sign`);
    expect((await call(cookies.clerk, 'POST', '/documents/archive', { source: 'received', incomingId: open.deliveries.xsh, retention: 'Y' })).json.error.code).toBe('documents.archive_not_finished');

    const inUse = await call(cookies.clerk, 'PUT', '/documents/archive/fonds', { orgId: ids.xsh, fondsCode: 'X001' });
    expect([inUse.status, inUse.json.error.code]).toEqual([409, 'documents.archive_fonds_in_use']);
    const unit = await call(cookies.clerk, 'PUT', '/documents/archive/fonds', { orgId: ids.xsh, fondsCode: 'q0001', unitCode: 'wsk', unitName: '文书科' });
    expect(unit.json).toMatchObject({ configured: true, fondsCode: 'Q0001', unitCode: 'WSK', unitName: '文书科', itemCount: 2 });
    expect((await call(cookies.fgw, 'PUT', '/documents/archive/fonds', { orgId: ids.fgw, fondsCode: 'Q0001' })).json.error.code).toBe('documents.archive_fonds_taken');
    expect((await call(cookies.fgw, 'PUT', '/documents/archive/fonds', { orgId: ids.fgw, fondsCode: 'F-1' })).status).toBe(400);
    expect((await call(cookies.leader, 'PUT', '/documents/archive/fonds', { orgId: ids.xsh, fondsCode: 'Q0001' })).status).toBe(403);
    expect((await call(cookies.ulh, 'GET', `/documents/archive/fonds?orgId=${ids.xsh}`)).json.error.code).toBe('documents.archive_not_found');
  });

  it('files sent documents after 核发 under the sender’s own 全宗, with consecutive 件号 under concurrency', async () => {
    const { call, cookies, ids } = fx;
    expect((await call(cookies.fgw, 'PUT', '/documents/archive/fonds', { orgId: ids.fgw, fondsCode: 'FGW1', unitCode: 'ZHK', unitName: '综合科' })).status).toBe(200);
    const drafts = await Promise.all(Array.from({ length: 5 }, (_, i) => fx.issue({ from: 'fgw', to: ['xsh', 'jyj'], title: `关于第${i + 1}批项目的通知` })));
    const unissued = await fx.reply('fgw', 'nothing', false);
    expect((await call(cookies.fgw, 'POST', '/documents/archive', { source: 'sent', documentId: unissued, retention: 'Y' })).json.error.code).toBe('documents.archive_not_finished');
    expect((await call(cookies.clerk, 'POST', '/documents/archive', { source: 'sent', documentId: drafts[0]!.documentId, retention: 'Y' })).json.error.code).toBe('documents.not_found');

    const filed = await Promise.all(drafts.map((d) => call(cookies.fgw, 'POST', '/documents/archive', { source: 'sent', documentId: d.documentId, retention: 'Y' })));
    expect(filed.map((f) => f.status)).toEqual([201, 201, 201, 201, 201]);
    expect(filed.map((f) => f.json.archivalCode).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `FGW1-WS·2026-Y-ZHK-000${n}`));
    expect(filed[0]!.json.metadata.description).toMatchObject({ responsible: '兴安盟发展和改革委员会', mainRecipients: ['兴安盟行政公署'], copyRecipients: ['兴安盟教育局'] });
    const again = await Promise.all(drafts.slice(0, 2).map((d) => call(cookies.fgw, 'POST', '/documents/archive', { source: 'sent', documentId: d.documentId, retention: 'Y' })));
    expect(again.map((a) => a.json.error.code)).toEqual(['documents.archive_already_filed', 'documents.archive_already_filed']);

    const list = await call(cookies.fgw, 'GET', `/documents/archive?orgId=${ids.fgw}&year=2026&q=${encodeURIComponent('第3批')}`);
    expect(list.json.items.map((i: { archivalCode: string; title: string }) => i.title)).toEqual(['关于第3批项目的通知']);
    expect((await call(cookies.clerk, 'GET', `/documents/archive?orgId=${ids.fgw}`)).json.error.code).toBe('documents.archive_not_found');
  });

  it('stamps a scanned image of a paper document on an A4 page, keeping the image as the original', async () => {
    const { call, cookies, ids } = fx;
    const png = await pngScan();
    const scan = await fx.app.inject({ method: 'POST', url: `/api/v1/documents/incoming/scans?orgId=${ids.xsh}`, headers: { cookie: cookies.clerk, 'content-type': 'image/png' }, payload: png });
    expect(scan.json()).toMatchObject({ mediaType: 'image/png', pages: null });
    const paper = await call(cookies.clerk, 'POST', '/documents/incoming/paper', { orgId: ids.xsh, scanFileId: scan.json().fileId, senderName: '某企业', title: '关于申请项目支持的函', documentDate: '2026-10-20' });
    const id = paper.json.id as string;
    await call(cookies.clerk, 'POST', `/documents/incoming/${id}/review`, { decision: 'accept' });
    await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '阅知' });
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/complete`, { result: '已阅存档' })).json.step).toBe('completed');
    const filed = await call(cookies.clerk, 'POST', '/documents/archive', { source: 'received', incomingId: id, retention: 'D10' });
    expect(filed.json).toMatchObject({ archivalCode: 'Q0001-WS·2026-D10-WSK-0001', pages: 1, metadata: { signatures: null } });
    const archival = await fx.app.inject({ url: `/api/v1/documents/archive/${filed.json.id}/file`, headers: { cookie: cookies.clerk } });
    expect(await firstPageTexts(archival.rawPayload)).toEqual(expect.arrayContaining(['Q0001', '10年', '文书科']));
    const original = await fx.app.inject({ url: `/api/v1/documents/archive/${filed.json.id}/file?copy=original`, headers: { cookie: cookies.clerk } });
    expect([original.headers['content-type'], original.rawPayload.equals(png)]).toEqual(['image/png', true]);
  });

  it('exports a year’s archival package: catalogue, originals, stamped copies, DA/T 46 metadata, and an SM2-signed SM3 manifest', async () => {
    const { call, cookies, ids } = fx;
    expect((await call(cookies.leader, 'GET', `/documents/archive/export?orgId=${ids.xsh}&year=2026`)).json.error.code).toBe('auth.forbidden');
    expect((await call(cookies.ulh, 'GET', `/documents/archive/export?orgId=${ids.xsh}&year=2026`)).json.error.code).toBe('documents.archive_not_found');
    expect((await call(cookies.clerk, 'GET', `/documents/archive/export?orgId=${ids.xsh}&year=2025`)).json.error.code).toBe('documents.archive_nothing_to_export');

    const response = await fx.app.inject({ url: `/api/v1/documents/archive/export?orgId=${ids.xsh}&year=2026`, headers: { cookie: cookies.clerk } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['x-archive-items']).toBe('3');
    const dir = mkdtempSync(path.join(tmpdir(), 'hg-archive-'));
    writeFileSync(path.join(dir, 'package.tar.gz'), response.rawPayload);
    execFileSync('tar', ['-xzf', 'package.tar.gz'], { cwd: dir });
    const first = 'Q0001-WS·2026-D30-BGS-0001';
    expect(readdirSync(path.join(dir, first)).sort()).toEqual(['元数据.xml', '原件.pdf', '归档件.pdf', '电子签名验证.json'].sort());
    const xml = readFileSync(path.join(dir, first, '元数据.xml'), 'utf8');
    expect(xml).toContain('<档号>Q0001-WS·2026-D30-BGS-0001</档号>');
    expect(xml).toContain('<业务行为>批办</业务行为>');
    expect(xml).toContain('<签名规则>GB/T 38540-2020</签名规则>');
    const catalogue = readFileSync(path.join(dir, '归档文件目录.xml'), 'utf8');
    expect(catalogue.match(/<条目>/g)).toHaveLength(3);

    const manifest = readFileSync(path.join(dir, 'manifest.xml'));
    const listed = [...manifest.toString('utf8').matchAll(/<路径>(.+?)<\/路径>\s*<大小>(\d+)<\/大小>\s*<杂凑值>([0-9a-f]{64})<\/杂凑值>/g)];
    // The catalogue, four files of each sealed item and three of the scanned one (no seal to report).
    expect(listed.length).toBe(1 + 4 + 4 + 3);
    for (const [, file, size, hash] of listed) {
      const bytes = readFileSync(path.join(dir, file!));
      expect([bytes.length, sm3Hex(bytes)]).toEqual([Number(size), hash]);
    }
    const [, signature] = readFileSync(path.join(dir, 'manifest.sig'), 'utf8').split('\n');
    expect(sm2Verify(fx.ctx.keys.signing.publicKey, manifest, Buffer.from(signature!, 'base64'))).toBe(true);
    expect(sm2Verify(fx.ctx.keys.signing.publicKey, Buffer.concat([manifest, Buffer.from(' ')]), Buffer.from(signature!, 'base64'))).toBe(false);
  });
});

// Keep the helper honest: pdfkit must accept what pngScan writes, or the scan test proves nothing.
it('writes a PNG pdfkit reads', async () => {
  const png = await pngScan();
  expect(() => new PDFDocument().image(png, 0, 0)).not.toThrow();
});
