/** Paints laid-out pages with pdfkit. */
import PDFDocument from 'pdfkit';
import { AppError } from '../../../platform/errors/app-error.js';
import { type FontRole, type SealPlacement } from './render.types.js';
import { type LoadedFont } from './render.fonts.js';
import { type Page } from './render.flow.js';
import { drawRoundSeal } from './render.seal.js';
import { PAGE_HEIGHT, PAGE_WIDTH } from './render.geometry.js';

/** Seals drawn like ink over the text: slightly transparent, so the 署名 and date show through. */
const SEAL_OPACITY = 0.85;

export interface PaintInput {
  readonly pages: readonly Page[];
  readonly fonts: Record<FontRole, LoadedFont>;
  readonly title: string;
  readonly author: string;
  readonly creationDate: Date;
}

function isImage(data: Uint8Array): boolean {
  const png = data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
  const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  return png || jpeg;
}

export async function paint(input: PaintInput): Promise<{ pdf: Buffer; seals: SealPlacement[] }> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    margin: 0,
    info: { Title: input.title, Author: input.author, Creator: 'Hinggan 兴安政务平台', CreationDate: input.creationDate },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as is: sharing the parsed faces across documents saves most of
  // the time a rendering takes.
  for (const [role, font] of Object.entries(input.fonts)) {
    if (role !== 'mongolian') doc.registerFont(role, font.font as unknown as Buffer);
  }
  const seals: SealPlacement[] = [];
  input.pages.forEach((page, index) => {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    for (const op of page.ops) {
      switch (op.kind) {
        case 'text':
          doc.font(op.face).fontSize(op.size).fillColor(op.color);
          if (op.bold) doc.lineWidth(op.size * 0.03).strokeColor(op.color);
          doc.text(op.text, op.x, op.baseline, {
            lineBreak: false,
            baseline: 'alphabetic',
            characterSpacing: op.spacing,
            ...(op.scale !== 100 ? { horizontalScaling: op.scale } : {}),
            ...(op.bold ? { fill: true, stroke: true } : {}),
          } as PDFKit.Mixins.TextOptions);
          break;
        case 'outline':
          doc.save();
          doc.translate(op.x, op.baseline);
          doc.scale(op.scale / 100, 1);
          doc.path(op.path).fillColor(op.color).fill('nonzero');
          doc.restore();
          break;
        case 'rule':
          doc.save();
          doc.moveTo(op.x1, op.y).lineTo(op.x2, op.y).lineWidth(op.width).lineCap('butt').strokeColor(op.color).stroke();
          doc.restore();
          break;
        case 'seal': {
          doc.save();
          doc.opacity(SEAL_OPACITY);
          if (op.appearance.kind === 'image') {
            if (!isImage(op.appearance.data)) throw new AppError('render.seal_image_invalid', { details: { orgName: op.orgName } });
            try {
              doc.image(Buffer.from(op.appearance.data), op.x, op.y, { width: op.diameter, height: op.diameter });
            } catch (error) {
              throw new AppError('render.seal_image_invalid', { details: { orgName: op.orgName }, cause: error });
            }
          } else {
            drawRoundSeal(doc, op.x, op.y, {
              name: op.appearance.name,
              footer: op.appearance.footer,
              diameter: op.diameter,
              font: input.fonts.xiaobiaosong.font,
            });
          }
          doc.restore();
          seals.push({
            page: index,
            orgName: op.orgName,
            rect: { x: op.x, y: PAGE_HEIGHT - op.y - op.diameter, width: op.diameter, height: op.diameter },
          });
          break;
        }
      }
    }
  });
  doc.end();
  return { pdf: await done, seals };
}

