import type { Insertable, Selectable } from 'kysely';

/** An electronic seal (电子印章) of an organisation: one per seal certificate. */
export interface SealTable {
  /** UUIDv7; also the seal's 印章编码 (esID). */
  id: string;
  org_id: string;
  /** 印章名称: the seal certificate's CN. */
  name: string;
  /** The signer certificate the seal lists; its key is kept by the pki module. */
  certificate_serial: string;
  /** The seal maker's (制章人) certificate that signed the seal. */
  maker_serial: string;
  /** `SVG`. */
  picture_type: string;
  /** The picture as text (SVG). */
  picture: string;
  width_mm: number;
  height_mm: number;
  valid_from: string;
  valid_to: string;
  /** The SES_Seal, DER as base64. */
  seal_der: string;
  created_at: string;
}

/** A seal maker certificate (制章人证书) of an organisation at the top of a tree. */
export interface SealMakerTable {
  certificate_serial: string;
  org_id: string;
  created_at: string;
}

export type SealRow = Selectable<SealTable>;
export type NewSealRow = Insertable<SealTable>;
export type SealMakerRow = Selectable<SealMakerTable>;

declare module '../../../db/schema.js' {
  interface Database {
    seals: SealTable;
    seal_makers: SealMakerTable;
  }
}
