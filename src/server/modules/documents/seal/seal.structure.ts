import { AsnConvert } from '@peculiar/asn1-schema';
import { sm2PrivateKeyFromPem, sm2Sign } from '../../../platform/crypto/index.js';
import {
  CERT_LIST_CERTIFICATES,
  CertInfoList,
  SEAL_HEADER_ID,
  SEAL_TYPE_ORGANISATION,
  SEAL_VERSION,
  SM2_WITH_SM3,
  SesHeader,
  SesPictureInfo,
  SesPropertyInfo,
  SesSeal,
  SesSealInfo,
  SesSignature,
  TbsSign,
  bufferOf,
  derOf,
  isIa5,
} from './seal.asn1.js';
import type { SealPicture } from './seal.picture.js';

/** The vendor identifier (厂商标识) this platform writes into SES_Header. */
export const SEAL_VENDOR = 'Hinggan';

/** A structure that is not a GB/T 38540 v4 seal or signature; the message says which part. */
export class SealFormatError extends Error {
  override readonly name = 'SealFormatError';
}

const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

export interface SealContent {
  /** 印章编码 (esID), ASCII. */
  readonly esId: string;
  /** 印章名称. */
  readonly name: string;
  /** The signers' certificates (DER) the seal may be used with. */
  readonly certificates: readonly Uint8Array[];
  readonly createdAt: Date;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly picture: SealPicture;
}

/** The seal maker (制章人): its certificate and key. */
export interface SealMakerKey {
  readonly certificateDer: Uint8Array;
  readonly privateKeyPem: string;
}

/** Builds SES_Seal and signs its SES_SealInfo with the maker's SM2 key; returns the DER. */
export function makeSeal(content: SealContent, maker: SealMakerKey): Uint8Array {
  if (!isIa5(content.esId) || content.esId === '') throw new SealFormatError('esID must be non-empty ASCII');
  if (!content.certificates.length) throw new SealFormatError('a seal needs at least one certificate');
  if (content.validTo <= content.validFrom) throw new SealFormatError('validity ends before it starts');
  const info = new SesSealInfo({
    header: new SesHeader({ id: SEAL_HEADER_ID, version: SEAL_VERSION, vid: SEAL_VENDOR }),
    esId: content.esId,
    property: new SesPropertyInfo({
      type: SEAL_TYPE_ORGANISATION,
      name: content.name,
      certListType: CERT_LIST_CERTIFICATES,
      certList: bufferOf(derOf(new CertInfoList(content.certificates.map(bufferOf)))),
      createDate: wholeSeconds(content.createdAt),
      validStart: wholeSeconds(content.validFrom),
      validEnd: wholeSeconds(content.validTo),
    }),
    picture: new SesPictureInfo({
      type: content.picture.type,
      data: bufferOf(content.picture.data),
      width: content.picture.widthMm,
      height: content.picture.heightMm,
    }),
  });
  const infoDer = derOf(info);
  const signature = sm2Sign(sm2PrivateKeyFromPem(maker.privateKeyPem).privateKey, infoDer);
  return derOf(new SesSeal({ eSealInfo: info, cert: bufferOf(maker.certificateDer), signAlgId: SM2_WITH_SM3, signedValue: bufferOf(signature) }));
}

/** A seal read back, with the exact bytes its maker signed. */
export interface ParsedSeal {
  readonly der: Uint8Array;
  readonly version: number;
  readonly vendor: string;
  readonly esId: string;
  readonly type: number;
  readonly name: string;
  readonly certificates: readonly Uint8Array[];
  readonly createdAt: Date;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly picture: { readonly type: string; readonly data: Uint8Array; readonly widthMm: number; readonly heightMm: number };
  readonly makerCertificate: Uint8Array;
  readonly signAlgId: string;
  readonly signedValue: Uint8Array;
  readonly signedBytes: Uint8Array;
}

/** The length of the DER element at the start of `bytes` (tag, length, content), or undefined. */
export function derLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}

/** Parses exactly one DER element, refusing trailing bytes (padding must be removed by the caller). */
function parseExact<T>(der: Uint8Array, type: new () => T, what: string): T {
  if (derLength(der) !== der.length) throw new SealFormatError(`${what}: DER length does not match the data`);
  try {
    return AsnConvert.parse(der, type);
  } catch (error) {
    throw new SealFormatError(`${what}: ${(error as Error).message}`);
  }
}

export function parseSeal(der: Uint8Array): ParsedSeal {
  const seal = parseExact(der, SesSeal, 'SES_Seal');
  const info = seal.eSealInfo;
  if (info.header.id !== SEAL_HEADER_ID) throw new SealFormatError(`SES_Header.ID is ${info.header.id}, not ES`);
  if (info.header.version !== SEAL_VERSION) throw new SealFormatError(`seal version ${info.header.version} is not supported (4 expected)`);
  if (info.property.certListType !== CERT_LIST_CERTIFICATES) {
    throw new SealFormatError('only seals that list their certificates (certListType 1) are supported');
  }
  let certificates: Uint8Array[];
  try {
    certificates = [...AsnConvert.parse(info.property.certList, CertInfoList)].map((c) => new Uint8Array(c));
  } catch (error) {
    throw new SealFormatError(`certList: ${(error as Error).message}`);
  }
  return {
    der,
    version: info.header.version,
    vendor: info.header.vid,
    esId: info.esId,
    type: info.property.type,
    name: info.property.name,
    certificates,
    createdAt: info.property.createDate,
    validFrom: info.property.validStart,
    validTo: info.property.validEnd,
    picture: { type: info.picture.type, data: new Uint8Array(info.picture.data), widthMm: info.picture.width, heightMm: info.picture.height },
    makerCertificate: new Uint8Array(seal.cert),
    signAlgId: seal.signAlgId,
    signedValue: new Uint8Array(seal.signedValue),
    signedBytes: new Uint8Array(seal.eSealInfoRaw!),
  };
}

export interface SignatureInput {
  /** SES_Seal DER, carried unchanged. */
  readonly seal: Uint8Array;
  readonly signedAt: Date;
  /** SM3 of the signed bytes of the document. */
  readonly dataHash: Uint8Array;
  /** 原文数据的属性 (ASCII), here the PDF byte range that was hashed. */
  readonly propertyInfo: string;
  readonly signerCertificateDer: Uint8Array;
  readonly signerKeyPem: string;
}

function tbsOf(input: Omit<SignatureInput, 'signerKeyPem'>): TbsSign {
  return new TbsSign({
    version: SEAL_VERSION,
    eseal: bufferOf(input.seal),
    timeInfo: wholeSeconds(input.signedAt),
    dataHash: bufferOf(input.dataHash),
    propertyInfo: input.propertyInfo,
  });
}

function signatureStructure(input: Omit<SignatureInput, 'signerKeyPem'>, toSign: TbsSign, signature: Uint8Array): Uint8Array {
  return derOf(new SesSignature({ toSign, cert: bufferOf(input.signerCertificateDer), signatureAlgId: SM2_WITH_SM3, signature: bufferOf(signature) }));
}

/** The most bytes SES_Signature can take for this input: SM2 DER signatures are at most 72 bytes. */
export function signatureSizeLimit(input: Omit<SignatureInput, 'signerKeyPem'>): number {
  return signatureStructure(input, tbsOf(input), new Uint8Array(72)).length;
}

/** Builds TBS_Sign, signs its DER with the signer's SM2 key (signer ID 1234567812345678), returns SES_Signature DER. */
export function signSeal(input: SignatureInput): Uint8Array {
  if (!isIa5(input.propertyInfo)) throw new SealFormatError('propertyInfo must be ASCII');
  const toSign = tbsOf(input);
  const signature = sm2Sign(sm2PrivateKeyFromPem(input.signerKeyPem).privateKey, derOf(toSign));
  return signatureStructure(input, toSign, signature);
}

/** A signature read back, with the exact bytes its signer signed. */
export interface ParsedSignature {
  readonly der: Uint8Array;
  readonly version: number;
  readonly seal: ParsedSeal;
  readonly signedAt: Date;
  readonly dataHash: Uint8Array;
  readonly propertyInfo: string;
  readonly signerCertificate: Uint8Array;
  readonly signatureAlgId: string;
  readonly signature: Uint8Array;
  readonly signedBytes: Uint8Array;
}

export function parseSignature(der: Uint8Array): ParsedSignature {
  const parsed = parseExact(der, SesSignature, 'SES_Signature');
  const tbs = parsed.toSign;
  if (tbs.version !== SEAL_VERSION) throw new SealFormatError(`signature version ${tbs.version} is not supported (4 expected)`);
  return {
    der,
    version: tbs.version,
    seal: parseSeal(new Uint8Array(tbs.eseal)),
    signedAt: tbs.timeInfo,
    dataHash: new Uint8Array(tbs.dataHash),
    propertyInfo: tbs.propertyInfo,
    signerCertificate: new Uint8Array(parsed.cert),
    signatureAlgId: parsed.signatureAlgId,
    signature: new Uint8Array(parsed.signature),
    signedBytes: new Uint8Array(parsed.toSignRaw!),
  };
}
