/**
 * Seeds of the documents module: the demo documents a development deployment starts with
 * (`demo.seed.ts`) and the bulk documents of `hinggan seed --documents N` (`bulk.seed.ts`).
 */
export { seedDemoDocuments } from './demo.seed.js';
export { seedBulkDocuments, type BulkOptions, type BulkResult } from './bulk.seed.js';
