import type { AppContext } from '../../../platform/module.js';
import { type SealDocumentInput, type SealDocumentResult, createSealService } from './seal.service.js';

/**
 * Electronic seals (GB/T 38540-2020) for official documents: the seal registry and 用印, the
 * SES_Signature inside the PDF, and verification — the public page (/verify/document), the public
 * API (POST /api/v1/documents/verify) and `hinggan document verify`.
 */
export { sealErrors, verdictErrors } from './seal.errors.js';
export { SEAL_FILTER, SEAL_SUBFILTER, sealPdf, type SealPdfInput } from './seal.pdf.js';
export { captionOf, sealPictureSvg, type SealPicture, type SealPictureInput } from './seal.picture.js';
export { documentVerdictSchema, sealVerdictSchema, verdictStatuses, type DocumentVerdict, type SealVerdict, type VerdictStatus } from './seal.schema.js';
export {
  createSealService,
  type SealContext,
  type SealDocumentInput,
  type SealDocumentResult,
  type SealInfo,
  type SealService,
} from './seal.service.js';
export { SEAL_VENDOR, SealFormatError, makeSeal, parseSeal, parseSignature, type ParsedSeal, type SealContent } from './seal.structure.js';
export { localTime, verifySealedPdf, type VerifyCertificate, type VerifyOptions } from './seal.verify.js';
export { sealApiRoutes } from './seal.routes.js';
export { sealPages } from './seal.pages.js';

/**
 * 用印 for the sending side: seals `pdf` with the organisation's current seal (made on first use from
 * its newest valid seal certificate). Throws `documents.seal_certificate_missing` when there is none.
 * Call it outside the transaction that records the sealed document.
 */
export function sealDocument(ctx: AppContext, input: SealDocumentInput): Promise<SealDocumentResult> {
  return createSealService(ctx).sealDocument(input);
}
