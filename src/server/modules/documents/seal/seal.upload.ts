import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/errors/app-error.js';
import './seal.errors.js';

/** The most a public verification upload may be: the deployment's upload limit, capped at 20 MB. */
export function verifyLimitBytes(uploadLimitMb: number): number {
  return Math.min(uploadLimitMb, 20) * 1024 * 1024;
}

/** Anyone may verify, so each client address gets this many verifications a minute. */
export const verifyPerMinute = 20;

/**
 * Lets the routes of `app` (one encapsulated plugin) receive a PDF either as the raw body
 * (`application/pdf`, `application/octet-stream`) or as an HTML form upload (`multipart/form-data`),
 * both buffered up to `limitBytes`; larger bodies fail with `request.too_large` before they are read.
 */
export function acceptPdfUploads(app: FastifyInstance, limitBytes: number): void {
  for (const type of ['application/pdf', 'application/octet-stream', 'multipart/form-data']) {
    // A little room over the limit for the multipart envelope around the file.
    const bodyLimit = type === 'multipart/form-data' ? limitBytes + 64 * 1024 : limitBytes;
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  }
}

export interface Upload {
  readonly bytes: Buffer;
  /** The file name a form upload gave; null for a raw body. */
  readonly name: string | null;
}

/**
 * The uploaded file: the raw body, or the `file` field of a multipart form, parsed by the WHATWG
 * `FormData` reader built into Node (undici), so no multipart library is needed.
 */
export async function uploadedPdf(contentType: string | undefined, body: unknown, limitBytes: number): Promise<Upload> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('documents.verify_file_missing');
  if (!contentType?.startsWith('multipart/form-data')) return { bytes: body, name: null };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new AppError('request.invalid', { message: '上传的表单数据无法解析', cause: error });
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string' || file.size === 0) throw new AppError('documents.verify_file_missing');
  if (file.size > limitBytes) throw new AppError('request.too_large', { details: { maxBytes: limitBytes } });
  return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name || null };
}
