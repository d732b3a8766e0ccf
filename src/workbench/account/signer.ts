import { certificateChallengeMessage, type CertificateChallenge } from '../../shared/certificate-challenge.js';

/** The ASN.1 and SM2 code only the certificate factor needs, loaded when a key file is chosen. */
const loadSm2Key = () => import('./sm2-key.js');

/** A key file the user chose: its text stays in the page and is never sent anywhere. */
export interface KeyFile {
  readonly name: string;
  readonly text: string;
  readonly encrypted: boolean;
  /** The certificate when the same file holds one (what `hinggan ca issue-personal` prints). */
  readonly certificate?: string;
}

/** A certificate file the user chose. */
export interface CertificateFile {
  readonly name: string;
  readonly pem: string;
}

/** Reads a chosen key file; throws with a message for the user when it holds no private key. */
export async function readKeyFile(file: File): Promise<KeyFile> {
  const text = await file.text();
  const { keyKindOf, certificateIn, KeyFileError } = await loadSm2Key();
  const kind = keyKindOf(text);
  if (kind === 'none') throw new KeyFileError('文件中没有 PEM 格式的私钥（应以 -----BEGIN PRIVATE KEY----- 开头）');
  return { name: file.name, text, encrypted: kind === 'encrypted', certificate: certificateIn(text) };
}

/** Reads a chosen certificate file (PEM). */
export async function readCertificateFile(file: File): Promise<CertificateFile> {
  const { certificateIn } = await loadSm2Key();
  const pem = certificateIn(await file.text());
  if (!pem) throw new Error('文件中没有 PEM 格式的证书（应以 -----BEGIN CERTIFICATE----- 开头）');
  return { name: file.name, pem };
}

/**
 * Signs a certificate challenge in the browser with the key in the file (SM2, signer ID
 * 1234567812345678), naming this page's origin; returns the DER signature in base64.
 */
export async function signChallenge(key: KeyFile, passphrase: string | undefined, challenge: Omit<CertificateChallenge, 'origin'>): Promise<string> {
  const { readSm2Key, signMessage } = await loadSm2Key();
  const pair = await readSm2Key(key.text, passphrase);
  return signMessage(pair, certificateChallengeMessage({ ...challenge, origin: window.location.origin }));
}
