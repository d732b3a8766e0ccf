/**
 * GB/T 9704-2012 official-document renderer: a pure function from the document's elements to PDF
 * bytes (A4, 版心 156 × 225 mm, 22 lines × 28 characters, the standard's fonts, red 标志 and line,
 * seals, 版记, alternating page numbers). Open fonts ship in `fonts/`; licensed ones are configured
 * per organisation through `RenderOptions.fonts`.
 */
import { AppError } from '../../../platform/errors/app-error.js';
import { type OfficialDocumentInput, type RenderOptions, type RenderedDocument } from './render.types.js';
import { loadFonts } from './render.fonts.js';
import { compose } from './render.compose.js';
import { paint } from './render.paint.js';
import './render.errors.js';

export type * from './render.types.js';
export { roundSealPaths, roundSealSvg, drawRoundSeal, type RoundSealDesign, type RoundSealPaths } from './render.seal.js';
export { renderErrors } from './render.errors.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function check(input: OfficialDocumentInput): void {
  const fields: { path: string; message: string }[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) fields.push({ path, message });
  };
  need(typeof input.title === 'string' && input.title.trim().length > 0, 'title', '标题不能为空');
  need(input.letterhead?.issuers?.length > 0, 'letterhead.issuers', '发文机关标志至少要有一个机关');
  input.letterhead?.issuers?.forEach((issuer, k) => {
    need(Boolean(issuer.name?.trim()), `letterhead.issuers.${k}.name`, '发文机关名称不能为空');
    if (input.letterhead.bilingual) {
      need(Boolean(issuer.mongolianName?.trim()), `letterhead.issuers.${k}.mongolianName`, '蒙汉双语标志需要每个机关的蒙古文名称');
    }
  });
  need(DATE.test(input.date ?? ''), 'date', '成文日期须为 YYYY-MM-DD');
  if (input.imprint) need(DATE.test(input.imprint.printedOn ?? ''), 'imprint.printedOn', '印发日期须为 YYYY-MM-DD');
  need(typeof input.body === 'string', 'body', '正文须为 HTML 文本');
  input.signatures?.forEach((s, k) => need(Boolean(s.orgName?.trim()), `signatures.${k}.orgName`, '署名机关名称不能为空'));
  if (fields.length) throw new AppError('render.input_invalid', { fields });
}

/** Lays out and renders the document; also reports where each seal went (for the signature widget). */
export async function renderOfficialDocumentWithLayout(input: OfficialDocumentInput, options: RenderOptions = {}): Promise<RenderedDocument> {
  check(input);
  const fonts = loadFonts(options.fonts);
  const faces = { fangsong: fonts.fangsong, kaiti: fonts.kaiti, heiti: fonts.heiti, songti: fonts.songti, xiaobiaosong: fonts.xiaobiaosong };
  const { pages } = compose(input, faces, fonts.mongolian.font);
  const { pdf, seals } = await paint({
    pages,
    fonts,
    title: input.title,
    author: input.letterhead.issuers.map((i) => i.name).join('、'),
    creationDate: options.creationDate ?? new Date(),
  });
  return { pdf, pageCount: pages.length, seals };
}

/** The document as GB/T 9704-2012 PDF bytes. Bad input: `render.input_invalid` (with fields). */
export async function renderOfficialDocument(input: OfficialDocumentInput, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderOfficialDocumentWithLayout(input, options)).pdf;
}
