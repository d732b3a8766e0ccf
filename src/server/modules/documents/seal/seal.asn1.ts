import {
  AsnArray,
  AsnConvert,
  AsnProp,
  AsnPropTypes,
  AsnType,
  AsnTypeTypes,
} from '@peculiar/asn1-schema';

/**
 * The GB/T 38540-2020 (version 4) structures of an electronic seal and of a seal signature, as DER
 * with @peculiar/asn1-schema. The project compiles without legacy decorators, so each class's
 * fields are registered by calling the decorator functions in field order (`fields` below).
 *
 * Signed bytes follow the common reading of the standard shared by the open implementations
 * (ofdrw, the gm_0031_38540 verifier): the maker signs the DER of `SES_SealInfo`, the signer the DER
 * of `TBS_Sign`, both SM2-with-SM3 with the signer ID 1234567812345678.
 */

/** GM/T 0006: SM2 signature with SM3. */
export const SM2_WITH_SM3 = '1.2.156.10197.1.501';
/** `SES_Header.ID` of every seal. */
export const SEAL_HEADER_ID = 'ES';
/** Version 4 is the GB/T 38540-2020 layout (GM/T 0031-2014 was 2). */
export const SEAL_VERSION = 4;
/** `SES_ESPropertyInfo.certListType`: 1 = the certificates themselves, 2 = their digests. */
export const CERT_LIST_CERTIFICATES = 1;
/** `SES_ESPropertyInfo.type`: 1 = organisation seal (单位印章), 2 = personal seal. */
export const SEAL_TYPE_ORGANISATION = 1;

type PropOptions = Parameters<typeof AsnProp>[0];

function fields(target: { prototype: object }, props: Record<string, PropOptions>): void {
  for (const [name, options] of Object.entries(props)) AsnProp(options)(target.prototype, name);
}

const sequence = AsnType({ type: AsnTypeTypes.Sequence });

/** SES_Header ::= SEQUENCE { ID IA5String, version INTEGER, Vid IA5String } */
export class SesHeader {
  id = SEAL_HEADER_ID;
  version = SEAL_VERSION;
  /** Vendor (厂商) identifier. */
  vid = '';
  constructor(init: Partial<SesHeader> = {}) {
    Object.assign(this, init);
  }
}
sequence(SesHeader);
fields(SesHeader, {
  id: { type: AsnPropTypes.IA5String },
  version: { type: AsnPropTypes.Integer },
  vid: { type: AsnPropTypes.IA5String },
});

/** CertInfoList ::= SEQUENCE OF OCTET STRING (each a DER certificate). */
export class CertInfoList extends AsnArray<ArrayBuffer> {
  constructor(items?: ArrayBuffer[]) {
    super(items);
    Object.setPrototypeOf(this, CertInfoList.prototype);
  }
}
AsnType({ type: AsnTypeTypes.Sequence, itemType: AsnPropTypes.OctetString })(CertInfoList);

/**
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER,
 * certList SES_CertList, createDate, validStart, validEnd GeneralizedTime }.
 * `certList` is a CHOICE of two untagged SEQUENCE OFs told apart only by `certListType`, so it is
 * kept as raw DER here and read with {@link CertInfoList} when the type is 1.
 */
export class SesPropertyInfo {
  type = SEAL_TYPE_ORGANISATION;
  name = '';
  certListType = CERT_LIST_CERTIFICATES;
  certList: ArrayBuffer = new ArrayBuffer(0);
  createDate = new Date(0);
  validStart = new Date(0);
  validEnd = new Date(0);
  constructor(init: Partial<SesPropertyInfo> = {}) {
    Object.assign(this, init);
  }
}
sequence(SesPropertyInfo);
fields(SesPropertyInfo, {
  type: { type: AsnPropTypes.Integer },
  name: { type: AsnPropTypes.Utf8String },
  certListType: { type: AsnPropTypes.Integer },
  certList: { type: AsnPropTypes.Any },
  createDate: { type: AsnPropTypes.GeneralizedTime },
  validStart: { type: AsnPropTypes.GeneralizedTime },
  validEnd: { type: AsnPropTypes.GeneralizedTime },
});

/** SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER } (mm). */
export class SesPictureInfo {
  type = 'SVG';
  data: ArrayBuffer = new ArrayBuffer(0);
  width = 0;
  height = 0;
  constructor(init: Partial<SesPictureInfo> = {}) {
    Object.assign(this, init);
  }
}
sequence(SesPictureInfo);
fields(SesPictureInfo, {
  type: { type: AsnPropTypes.IA5String },
  data: { type: AsnPropTypes.OctetString },
  width: { type: AsnPropTypes.Integer },
  height: { type: AsnPropTypes.Integer },
});

/** SES_SealInfo ::= SEQUENCE { header, esID IA5String, property, picture, extDatas OPTIONAL } */
export class SesSealInfo {
  header = new SesHeader();
  esId = '';
  property = new SesPropertyInfo();
  picture = new SesPictureInfo();
  constructor(init: Partial<SesSealInfo> = {}) {
    Object.assign(this, init);
  }
}
sequence(SesSealInfo);
fields(SesSealInfo, {
  header: { type: SesHeader },
  esId: { type: AsnPropTypes.IA5String },
  property: { type: SesPropertyInfo },
  picture: { type: SesPictureInfo },
});

/** SES_Seal ::= SEQUENCE { eSealInfo, cert OCTET STRING (maker), signAlgID OID, signedValue BIT STRING } */
export class SesSeal {
  eSealInfo = new SesSealInfo();
  /** The exact bytes the maker signed, kept when parsing. */
  declare eSealInfoRaw?: Uint8Array;
  cert: ArrayBuffer = new ArrayBuffer(0);
  signAlgId = SM2_WITH_SM3;
  signedValue: ArrayBuffer = new ArrayBuffer(0);
  constructor(init: Partial<SesSeal> = {}) {
    Object.assign(this, init);
  }
}
sequence(SesSeal);
fields(SesSeal, {
  eSealInfo: { type: SesSealInfo, raw: true },
  cert: { type: AsnPropTypes.OctetString },
  signAlgId: { type: AsnPropTypes.ObjectIdentifier },
  signedValue: { type: AsnPropTypes.BitString },
});

/**
 * TBS_Sign ::= SEQUENCE { version INTEGER, eseal SES_Seal, timeInfo GeneralizedTime,
 * dataHash BIT STRING, propertyInfo IA5String, extDatas OPTIONAL }.
 * The seal is carried as its DER, unchanged, so the maker's signature inside it stays checkable.
 */
export class TbsSign {
  version = SEAL_VERSION;
  eseal: ArrayBuffer = new ArrayBuffer(0);
  timeInfo = new Date(0);
  dataHash: ArrayBuffer = new ArrayBuffer(0);
  propertyInfo = '';
  constructor(init: Partial<TbsSign> = {}) {
    Object.assign(this, init);
  }
}
sequence(TbsSign);
fields(TbsSign, {
  version: { type: AsnPropTypes.Integer },
  eseal: { type: AsnPropTypes.Any },
  timeInfo: { type: AsnPropTypes.GeneralizedTime },
  dataHash: { type: AsnPropTypes.BitString },
  propertyInfo: { type: AsnPropTypes.IA5String },
});

/** SES_Signature ::= SEQUENCE { toSign, cert OCTET STRING (signer), signatureAlgID OID, signature BIT STRING, timeStamp [0] OPTIONAL } */
export class SesSignature {
  toSign = new TbsSign();
  /** The exact bytes the signer signed, kept when parsing. */
  declare toSignRaw?: Uint8Array;
  cert: ArrayBuffer = new ArrayBuffer(0);
  signatureAlgId = SM2_WITH_SM3;
  signature: ArrayBuffer = new ArrayBuffer(0);
  constructor(init: Partial<SesSignature> = {}) {
    Object.assign(this, init);
  }
}
sequence(SesSignature);
fields(SesSignature, {
  toSign: { type: TbsSign, raw: true },
  cert: { type: AsnPropTypes.OctetString },
  signatureAlgId: { type: AsnPropTypes.ObjectIdentifier },
  signature: { type: AsnPropTypes.BitString },
});

export const derOf = (value: object): Uint8Array => new Uint8Array(AsnConvert.serialize(value));

/** An ArrayBuffer holding exactly these bytes (never a view on a larger buffer). */
export const bufferOf = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

/** IA5String holds 7-bit ASCII only; anything else is refused before it reaches the encoder. */
export function isIa5(text: string): boolean {
  return [...text].every((ch) => ch.charCodeAt(0) < 0x80);
}
