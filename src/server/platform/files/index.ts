export { FileStore, createFileStore, type StoredFile, type PutOptions, type FileInput } from './file-store.js';
export { contentDisposition, safeFileName, asciiFallbackName } from './content-disposition.js';
export { sniffMediaType, isAllowedType, OCTET_STREAM } from './media-type.js';
export type { FileTable, FileRow } from './file.table.js';
