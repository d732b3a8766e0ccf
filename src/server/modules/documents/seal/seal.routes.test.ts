import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { createAppContext } from '../../../context.js';
import { createOrgService } from '../../orgs/index.js';
import { createPkiService } from '../../pki/index.js';
import { createSealService } from './seal.service.js';
import { orgRefs, testPdf } from './seal.testing.js';
import { verifyPerMinute } from './seal.upload.js';

/** A browser's form upload: the file in the `file` field, or only some other field. */
function formUpload(file: Buffer | null, name = '关于做好2026年工作的通知.pdf') {
  const boundary = `----hinggan${randomUUID()}`;
  const parts = file
    ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`), file, Buffer.from('\r\n')]
    : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n`)];
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Text of the page without tags, for asserting what a reader sees. */
const visible = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');

describeEachDialect('public verification of sealed documents: page and API', (database) => {
  let app: FastifyInstance;
  let sealed: Buffer;
  let serial: string;
  let address = 0;
  /** Each test calls from its own address, so the rate limit counts only its own requests. */
  const from = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

  beforeAll(async () => {
    const config = testConfig({ HINGGAN_UPLOAD_LIMIT_MB: '1' });
    app = await seededApp(database(), { config });
    const ctx = createAppContext({ config, database: database() });
    const { certificate } = await createPkiService(ctx).issue({ kind: 'seal', orgKey: orgRefs.xsh, name: '兴安盟行政公署公章', profile: 'sm2' });
    serial = certificate.serial;
    const orgId = (await createOrgService(ctx).get(orgRefs.xsh)).id;
    sealed = (await createSealService(ctx).sealDocument({ orgId, pdf: await testPdf() })).pdf;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the upload form to anyone, without scripts', async () => {
    const response = await app.inject({ url: '/verify/document', remoteAddress: from() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<form class="card" method="post" action="/verify/document" enctype="multipart/form-data">');
    expect(response.body).toContain('<input type="file" id="file" name="file" accept="application/pdf,.pdf" required/>');
    expect(response.body).not.toContain('<script');
    expect(visible(response.body)).toContain('不超过 1 MB');
  });

  it('verifies an uploaded sealed PDF and says who sealed it, when, and that it is unchanged', async () => {
    const response = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), ...formUpload(sealed) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = visible(response.body);
    expect(text).toContain('✔ 验证通过');
    expect(text).toContain('电子印章有效，文件自盖章后未被修改');
    expect(text).toContain('盖章单位兴安盟行政公署');
    expect(text).toContain('印章：兴安盟行政公署公章');
    expect(text).toContain(`证书序列号${serial}`);
    expect(text).toContain('证书签发者兴安盟政务根证书，兴安盟行政公署');
    expect(text).toContain('证书链与状态盖章时：证书有效；现在：证书有效');
    expect(text).toContain('文件完整性自盖章后未被修改');
    expect(text).toContain('文件：关于做好2026年工作的通知.pdf');
    expect(text).toMatch(/盖章时间\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);
  });

  it('names what fails: a changed byte, no seal, not a PDF', async () => {
    const tampered = Buffer.from(sealed);
    tampered[tampered.indexOf('seal test')] = 0x53;
    const altered = visible((await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), ...formUpload(tampered) })).body);
    expect(altered).toContain('✘ 验证未通过');
    expect(altered).toContain('文件内容在盖章后被修改（签章范围内的内容与盖章时记录的杂凑值不一致）');
    expect(altered).toContain('结论代码 documents.verify_altered');

    const raw = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), headers: { 'content-type': 'application/pdf' }, payload: await testPdf() });
    expect(visible(raw.body)).toContain('该 PDF 文件没有电子印章');
    const garbage = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), ...formUpload(Buffer.from('hello'), 'a.pdf') });
    expect(visible(garbage.body)).toContain('不是 PDF 文件（文件为空、已损坏或格式不符）');
  });

  it('answers a missing file and an oversize upload on the page, with the form again', async () => {
    const missing = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), ...formUpload(null) });
    expect(missing.statusCode).toBe(400);
    expect(visible(missing.body)).toContain('请选择要验证的 PDF 文件');
    expect(missing.body).toContain('<form');

    const big = Buffer.concat([sealed, Buffer.alloc(1024 * 1024)]);
    const oversize = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), ...formUpload(big) });
    expect(oversize.statusCode).toBe(413);
    expect(visible(oversize.body)).toContain('文件超过 1 MB，无法验证');
    const rawOversize = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: from(), headers: { 'content-type': 'application/pdf' }, payload: big });
    expect(rawOversize.statusCode).toBe(413);
  });

  it('limits how often one address may verify', async () => {
    const address = from();
    const statuses: number[] = [];
    for (let i = 0; i <= verifyPerMinute; i++) {
      const response = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: address, headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('x') });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, verifyPerMinute).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await app.inject({ method: 'POST', url: '/verify/document', remoteAddress: address, headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('x') });
    expect(visible(limited.body)).toContain('请求过于频繁，请稍后再试');
  });

  it('answers the JSON API without signing in, from a raw PDF or a form upload', async () => {
    const raw = await app.inject({ method: 'POST', url: '/api/v1/documents/verify', remoteAddress: from(), headers: { 'content-type': 'application/pdf' }, payload: sealed });
    expect(raw.statusCode).toBe(200);
    expect(raw.json()).toMatchObject({
      valid: true,
      status: 'valid',
      seals: [{ organization: '兴安盟行政公署', sealName: '兴安盟行政公署公章', certificate: { serial }, certificateAtSigning: { status: 'valid' } }],
    });
    const form = await app.inject({ method: 'POST', url: '/api/v1/documents/verify', remoteAddress: from(), ...formUpload(sealed.subarray(0, sealed.length - 10)) });
    expect(form.json()).toMatchObject({ valid: false, status: 'incomplete', code: 'documents.verify_incomplete', message: expect.stringContaining('文件不完整') });

    const empty = await app.inject({ method: 'POST', url: '/api/v1/documents/verify', remoteAddress: from(), headers: { 'content-type': 'application/pdf' }, payload: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'documents.verify_file_missing', message: '请选择要验证的 PDF 文件' } });
    const json = await app.inject({ method: 'POST', url: '/api/v1/documents/verify', remoteAddress: from(), payload: { pdf: 'x' } });
    expect(json.statusCode).toBe(400);
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, { post?: { requestBody?: { content: object } } }> };
    expect(Object.keys(openapi.paths['/api/v1/documents/verify']!.post!.requestBody!.content)).toEqual(['application/pdf', 'multipart/form-data']);
  });
});
