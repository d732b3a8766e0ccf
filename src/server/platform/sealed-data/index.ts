export { type FieldCipher, fieldCipher } from './field-cipher.js';
export { type SealedColumn, sealedContext } from './sealed-column.js';
export { type KeyUsage, type ReencryptReport, reencryptSealedData, sealedKeyUsage } from './reencrypt.js';
