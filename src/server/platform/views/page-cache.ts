import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Headers = Readonly<Record<string, string>>;

/** A rendered page, held as ready-to-send bytes with every header computed once. */
export interface CachedPage {
  readonly hash: string;
  readonly builtAt: number;
  readonly lastModified: number;
  readonly identity: Encoded;
  readonly gzip: Encoded;
  readonly br: Encoded;
}

/** One encoding of a page: its bytes, the headers of a 200 and those of a 304. */
export interface Encoded {
  readonly body: Buffer;
  readonly headers: Headers;
  readonly notModified: Headers;
}

export interface PageCacheOptions {
  /** Milliseconds since the epoch; the app's clock in production, a fixed one in tests. */
  readonly now: () => number;
  /**
   * After this long a page is rebuilt in the background while the old one is still served, so
   * changes made by another node (which cannot call `invalidate` here) show up within this time.
   */
  readonly maxAgeMs: number;
  /** Varies with more than the cache key, e.g. `Cookie, Accept-Language` for a per-language page. */
  readonly vary: string;
  readonly onError?: (error: unknown) => void;
}

export interface PageCache<K extends string> {
  /** The cached page for `key` when there is one; the hot path, no I/O. */
  peek(key: K): CachedPage | undefined;
  /** The page for `key`, rendering it when it is not cached. */
  load(key: K): Promise<CachedPage>;
  /** Forgets every page (or one key's); the next request renders afresh. */
  invalidate(key?: K): void;
}

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('base64url').slice(0, 22);

/**
 * An in-process cache of whole HTML pages, one per key (usually the locale). Entries carry a strong
 * ETag (a hash of the bytes) and a Last-Modified that moves only when the bytes change, so a rebuild
 * that renders the same page keeps answering 304 to readers who have it.
 */
export function createPageCache<K extends string>(
  render: (key: K) => Promise<string>,
  options: PageCacheOptions,
): PageCache<K> {
  const pages = new Map<K, CachedPage>();
  const building = new Map<K, Promise<CachedPage>>();
  /** What each key last rendered to, kept across invalidation so Last-Modified stays honest. */
  const seen = new Map<K, { hash: string; lastModified: number }>();
  let generation = 0;

  function build(key: K): Promise<CachedPage> {
    const existing = building.get(key);
    if (existing) return existing;
    const started = generation;
    const promise = render(key)
      .then((html) => {
        const page = toCachedPage(html, options, seen.get(key));
        if (started === generation) {
          pages.set(key, page);
          seen.set(key, { hash: page.hash, lastModified: page.lastModified });
        }
        return page;
      })
      .finally(() => {
        if (building.get(key) === promise) building.delete(key);
      });
    building.set(key, promise);
    return promise;
  }

  return {
    peek(key) {
      const page = pages.get(key);
      if (page && options.now() - page.builtAt > options.maxAgeMs && !building.has(key)) {
        build(key).catch((error: unknown) => {
          // Keep serving the old page, and wait a full period before trying again.
          if (pages.get(key) === page) pages.set(key, { ...page, builtAt: options.now() });
          options.onError?.(error);
        });
      }
      return page;
    },
    load(key) {
      return pages.get(key) ? Promise.resolve(pages.get(key)!) : build(key);
    },
    invalidate(key) {
      generation += 1;
      if (key === undefined) {
        pages.clear();
        building.clear();
      } else {
        pages.delete(key);
        building.delete(key);
      }
    },
  };
}

function toCachedPage(html: string, options: PageCacheOptions, before: { hash: string; lastModified: number } | undefined): CachedPage {
  const body = Buffer.from(html, 'utf8');
  const hash = hashOf(body);
  const now = options.now();
  const lastModified = before?.hash === hash ? before.lastModified : Math.floor(now / 1000) * 1000;
  // Readers revalidate every time (no-cache) and mostly get a bodiless 304.
  const validators = {
    'cache-control': 'no-cache',
    vary: `Accept-Encoding, ${options.vary}`,
    'last-modified': new Date(lastModified).toUTCString(),
  };
  const variant = (bytes: Buffer, encoding: string | undefined, tag: string): Encoded => {
    const notModified = { ...validators, etag: `"${hash}${tag}"` };
    return {
      body: bytes,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        ...notModified,
        'content-length': String(bytes.length),
        ...(encoding ? { 'content-encoding': encoding } : {}),
      },
      notModified,
    };
  };
  return {
    hash,
    builtAt: now,
    lastModified,
    identity: variant(body, undefined, ''),
    gzip: variant(gzipSync(body, { level: 9 }), 'gzip', '-gz'),
    br: variant(brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }), 'br', '-br'),
  };
}

/**
 * Answers with a cached page: 304 when the reader already has it (If-None-Match, else
 * If-Modified-Since), otherwise the smallest encoding the reader accepts.
 */
export function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  const headers = request.headers;
  const accept = headers['accept-encoding'];
  const variant =
    accept === undefined ? page.identity : accept.includes('br') ? page.br : accept.includes('gzip') ? page.gzip : page.identity;
  const ifNoneMatch = headers['if-none-match'];
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch.includes(page.hash) || ifNoneMatch.trim() === '*'
      : headers['if-modified-since'] !== undefined && Date.parse(headers['if-modified-since']) >= page.lastModified;
  if (fresh) return reply.code(304).headers(variant.notModified).send();
  return reply.headers(variant.headers).send(variant.body);
}
