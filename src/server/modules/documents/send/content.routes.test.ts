import { afterAll, beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { documentsHarness, refs, type DocumentsHarness, type Json } from './send.testing.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
// The start of a Windows executable (MZ header with a PE signature), as file-type recognises it.
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), Buffer.alloc(64)]);

describeEachDialect('documents: attachments', (database) => {
  let h: DocumentsHarness;
  let clerk: string;
  let id: string;
  const upload = (bytes: Buffer, type: string, name: string, title?: string) =>
    h.call(clerk, 'POST', `/api/v1/documents/${id}/attachments?name=${encodeURIComponent(name)}${title ? `&title=${encodeURIComponent(title)}` : ''}`, bytes, {
      'content-type': type,
    });

  beforeAll(async () => {
    h = await documentsHarness(database(), { config: testConfig({ HINGGAN_UPLOAD_LIMIT_MB: '1' }) });
    clerk = await h.as('xsh.clerk');
    const created = await h.call(clerk, 'POST', '/api/v1/documents', {
      orgId: await h.org(refs.xsh),
      kind: 'notice',
      title: '兴安盟行政公署关于印发实施方案的通知',
      mainRecipientIds: [await h.org(refs.ulhGov)],
      bodyHtml: '<p>现将实施方案印发给你们，请认真贯彻执行。</p>',
    });
    id = created.body.id;
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('stores an attachment whose bytes are what it claims, listed under its title', async () => {
    const added = await upload(pdf, 'application/pdf', '实施方案.pdf', '兴安盟冬季供暖保障实施方案');
    expect(added.status).toBe(201);
    expect(added.body.attachments).toEqual([
      expect.objectContaining({ title: '兴安盟冬季供暖保障实施方案', mediaType: 'application/pdf', size: pdf.length, fileName: '实施方案.pdf', position: 0 }),
    ]);
    const second = await upload(png, 'image/png', '../../示意图.png');
    expect(second.body.attachments.map((a: Json) => [a.title, a.fileName, a.position])).toEqual([
      ['兴安盟冬季供暖保障实施方案', '实施方案.pdf', 0],
      ['示意图', '示意图.png', 1],
    ]);
    const file = await h.app.inject({ url: `/api/v1/documents/${id}/attachments/${added.body.attachments[0].id}`, headers: { cookie: clerk } });
    expect([file.statusCode, file.headers['content-type'], Buffer.compare(file.rawPayload, pdf)]).toEqual([200, 'application/pdf', 0]);
    const stranger = await h.call(await h.as('fgw.clerk'), 'GET', `/api/v1/documents/${id}/attachments/${added.body.attachments[0].id}`);
    expect(stranger.status).toBe(404);
  });

  it('refuses bytes that do not match the claimed type', async () => {
    const renamed = await upload(png, 'application/pdf', '扫描件.pdf');
    expect([renamed.status, renamed.code]).toEqual([415, 'documents.attachment_type_mismatch']);
    expect(renamed.body.error.message).toBe('附件内容与声明的文件类型不符：声明为 application/pdf，实际为 image/png');
    const program = await upload(exe, 'application/pdf', '通知.pdf');
    expect(program.code).toBe('file.type_not_allowed');
    const text = await upload(exe, 'text/plain', '说明.txt');
    expect(text.status).toBe(415);
  });

  it('refuses a type a document cannot carry, and an oversize file', async () => {
    const executable = await upload(exe, 'application/x-msdownload', 'setup.exe');
    expect([executable.status, executable.code]).toEqual([415, 'file.type_not_allowed']);
    const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 1, 0x20)]);
    const oversize = await upload(big, 'application/pdf', '大文件.pdf');
    expect([oversize.status, oversize.code]).toEqual([413, 'file.too_large']);
    const view = await h.call(clerk, 'GET', `/api/v1/documents/${id}`);
    expect(view.body.attachments).toHaveLength(2);
  });

  it('removes an attachment, and lets nobody but the step’s holder change them', async () => {
    const view = await h.call(clerk, 'GET', `/api/v1/documents/${id}`);
    const leader = await h.as('xsh.leader');
    const notHis = await h.call(leader, 'DELETE', `/api/v1/documents/${id}/attachments/${view.body.attachments[1].id}`);
    expect([notHis.status, notHis.code]).toEqual([403, 'documents.not_your_step']);
    const removed = await h.call(clerk, 'DELETE', `/api/v1/documents/${id}/attachments/${view.body.attachments[1].id}`);
    expect(removed.body.attachments.map((a: Json) => a.title)).toEqual(['兴安盟冬季供暖保障实施方案']);
    const again = await h.call(clerk, 'DELETE', `/api/v1/documents/${id}/attachments/${view.body.attachments[1].id}`);
    expect(again.code).toBe('documents.attachment_not_found');
  });
});
