/**
 * Filing (归档, DA/T 22-2015): 全宗 settings, 件 with 档号, the 归档章 on the archival copy, and the
 * archival package. Uses receiving only through receive/index.ts.
 */
import './archive.errors.js';

export { archiveErrors } from './archive.errors.js';
export { createArchiveExport, type ArchiveExport, type ArchivePackage } from './archive.export.js';
export { archiveFont } from './archive-font.js';
export { archivePolicy, archiveItemPolicy } from './archive.policy.js';
export { archiveRepository } from './archive.repository.js';
export { archiveRoutes } from './archive.routes.js';
export { createArchiveService, type ArchiveDeps, type ArchiveService } from './archive.service.js';
export { imageToPdf, pdfPageCount, stampArchivalCopy, stampCells, type ArchivalStampFields, type StampFont } from './archival-stamp.js';
