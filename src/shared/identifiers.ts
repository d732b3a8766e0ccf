/**
 * Check digits of national identifiers. Pure functions, shared by server and workbench.
 */

const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUW-Y]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditCodeAlphabet.indexOf(code[i]!) * creditCodeWeights[i]!;
  const check = (31 - (sum % 31)) % 31;
  return creditCodeAlphabet[check] === code[17];
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** 公民身份号码 (GB 11643-1999): 17 digits and a check character (0-9 or X). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * idWeights[i]!;
  return '10X98765432'[sum % 11] === id[17];
}

/** GB/T 2260 area code (6 digits) or NBS statistical division code (12 digits). */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) || /^\d{12}$/.test(code);
}
