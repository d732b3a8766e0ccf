import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** Where the portal's static files are served. */
export const assetPrefix = '/assets/portal/';

export interface Asset {
  readonly name: string;
  readonly body: Buffer;
  /** The same bytes compressed, for text files worth compressing. */
  readonly gzip: Buffer | undefined;
  readonly br: Buffer | undefined;
  readonly type: string;
  readonly etag: string;
  readonly cacheControl: string;
}

const immutable = 'public, max-age=31536000, immutable';

function read(file: string): Buffer {
  return readFileSync(new URL(`./assets/${file}`, import.meta.url));
}

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 12);
}

function asset(name: string, body: Buffer, type: string, cacheControl: string, compress: boolean): Asset {
  return {
    name,
    body,
    gzip: compress ? gzipSync(body, { level: 9 }) : undefined,
    br: compress ? brotliCompressSync(body) : undefined,
    type,
    etag: `"${hashOf(body)}"`,
    cacheControl,
  };
}

/**
 * The stylesheet and the Mongolian font, named by content hash so they can be cached for a year:
 * a changed file gets a new URL. The stylesheet names the font by its hashed URL.
 */
function loadAssets() {
  const fontBody = read('noto-sans-mongolian.woff2');
  const font = asset(`noto-sans-mongolian.${hashOf(fontBody)}.woff2`, fontBody, 'font/woff2', immutable, false);
  const cssBody = Buffer.from(read('portal.css').toString('utf8').replace("url('noto-sans-mongolian.woff2')", `url('${font.name}')`));
  const css = asset(`portal.${hashOf(cssBody)}.css`, cssBody, 'text/css; charset=utf-8', immutable, true);
  const license = asset('OFL.txt', read('OFL.txt'), 'text/plain; charset=utf-8', 'public, max-age=86400', true);
  return { css, font, license };
}

export const portalAssets = loadAssets();

export const assetsByName: ReadonlyMap<string, Asset> = new Map(
  Object.values(portalAssets).map((a) => [a.name, a]),
);

/** Public URL of an asset. */
export const assetUrl = (a: Asset): string => `${assetPrefix}${a.name}`;
