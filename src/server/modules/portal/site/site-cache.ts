import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One cached rendering: the bytes, their validators, and compressed copies made on first demand. */
export interface SitePage {
  readonly key: string;
  readonly siteId: string;
  /** The site-relative path without query (what invalidation matches). */
  readonly path: string;
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly lastModified: string;
  readonly lastModifiedMs: number;
  readonly builtAt: number;
  gzip?: Buffer;
  br?: Buffer;
}

export interface SiteCacheOptions {
  readonly now: () => number;
  /** Bound of the cached bytes (uncompressed and compressed together). */
  readonly maxBytes: number;
  /** A page older than this is rendered again on its next request (another node's change shows up). */
  readonly maxAgeMs: number;
}

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('base64url').slice(0, 22);

/**
 * The public pages' cache: whole responses by key (site, language, 适老化 mode, path and query),
 * least recently used dropped first once `maxBytes` is reached. Invalidation is by site and path, so
 * a publication drops exactly the pages it changed and every other site's pages stay.
 */
export class SitePageCache {
  readonly #pages = new Map<string, SitePage>();
  /** The hash and first-seen time of each key's last rendering, so Last-Modified moves only with the bytes. */
  readonly #seen = new Map<string, { hash: string; at: number }>();
  #bytes = 0;
  readonly #options: SiteCacheOptions;

  constructor(options: SiteCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#pages.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The fresh cached page for `key`, marked recently used; undefined when absent or too old. */
  peek(key: string): SitePage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    if (this.#options.now() - page.builtAt > this.#options.maxAgeMs) {
      this.#drop(key, page);
      return undefined;
    }
    // Re-inserting moves the key to the end: the Map's order is the recency order.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  /** Makes a page of `html` (or XML) and keeps it when `cache` is true. */
  store(key: string, siteId: string, path: string, text: string, contentType: string, cache = true): SitePage {
    const body = Buffer.from(text, 'utf8');
    const hash = hashOf(body);
    const now = this.#options.now();
    const before = this.#seen.get(key);
    const lastModifiedMs = before?.hash === hash ? before.at : Math.floor(now / 1000) * 1000;
    const page: SitePage = {
      key,
      siteId,
      path,
      body,
      contentType,
      etag: `"${hash}"`,
      lastModified: new Date(lastModifiedMs).toUTCString(),
      lastModifiedMs,
      builtAt: now,
    };
    if (!cache) return page;
    if (this.#seen.size > 50_000) this.#seen.clear();
    this.#seen.set(key, { hash, at: lastModifiedMs });
    const old = this.#pages.get(key);
    if (old) this.#drop(key, old);
    this.#pages.set(key, page);
    this.#bytes += body.length;
    this.#trim();
    return page;
  }

  /** Drops every page of the site, or only those whose path is one of `paths`. */
  invalidate(siteId: string, paths?: ReadonlySet<string>): number {
    let dropped = 0;
    for (const [key, page] of this.#pages) {
      if (page.siteId === siteId && (!paths || paths.has(page.path))) {
        this.#drop(key, page);
        dropped += 1;
      }
    }
    return dropped;
  }

  clear(): void {
    this.#pages.clear();
    this.#bytes = 0;
  }

  /** Counts compressed copies made later against the bound as well. */
  account(extra: number): void {
    this.#bytes += extra;
    this.#trim();
  }

  #drop(key: string, page: SitePage): void {
    if (this.#pages.get(key) !== page) return;
    this.#pages.delete(key);
    this.#bytes -= page.body.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
  }

  #trim(): void {
    for (const [key, page] of this.#pages) {
      if (this.#bytes <= this.#options.maxBytes) break;
      this.#drop(key, page);
    }
  }
}

const vary = 'Accept-Encoding, Cookie';

/** The answer to a request for a cached page, as status, headers and bytes (see sendSitePage). */
export interface SitePageAnswer {
  readonly status: 200 | 304;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The page's answers, made once each: the same objects every time (the fast path caches by them). */
const answers = new WeakMap<SitePage, Partial<Record<'plain' | 'gzip' | 'br' | 'fresh', SitePageAnswer>>>();

function answerOf(page: SitePage, kind: 'plain' | 'gzip' | 'br' | 'fresh'): SitePageAnswer {
  let made = answers.get(page);
  if (!made) answers.set(page, (made = {}));
  const known = made[kind];
  if (known) return known;
  const common = { 'cache-control': 'no-cache', vary, 'last-modified': page.lastModified };
  const tag = page.etag.slice(1, -1);
  const answer: SitePageAnswer =
    kind === 'fresh'
      ? { status: 304, headers: { ...common, etag: page.etag } }
      : kind === 'br'
        ? { status: 200, headers: { ...common, etag: `"${tag}-br"`, 'content-encoding': 'br', 'content-type': page.contentType }, body: page.br! }
        : kind === 'gzip'
          ? { status: 200, headers: { ...common, etag: `"${tag}-gz"`, 'content-encoding': 'gzip', 'content-type': page.contentType }, body: page.gzip! }
          : { status: 200, headers: { ...common, etag: page.etag, 'content-type': page.contentType }, body: page.body };
  made[kind] = answer;
  return answer;
}

/**
 * What a request with these headers gets for `page`: 304 when the reader has it (If-None-Match, else
 * If-Modified-Since), otherwise the smallest encoding the reader accepts, compressed (once) on first
 * demand. Fastify's route (sendSitePage) and the fast path (site-fast-path.ts) both answer with this.
 */
export function sitePageAnswer(headers: RequestHeaders, page: SitePage, cache?: SitePageCache): SitePageAnswer {
  const ifNoneMatch = headers['if-none-match'];
  const since = headers['if-modified-since'];
  const fresh =
    typeof ifNoneMatch === 'string'
      ? ifNoneMatch.includes(page.etag.slice(1, -1)) || ifNoneMatch.trim() === '*'
      : typeof since === 'string' && Date.parse(since) >= page.lastModifiedMs;
  if (fresh) return answerOf(page, 'fresh');
  const accept = headers['accept-encoding'];
  if (page.body.length <= 1024 || typeof accept !== 'string') return answerOf(page, 'plain');
  if (accept.includes('br')) {
    if (!page.br) {
      page.br = brotliCompressSync(page.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
      cache?.account(page.br.length);
    }
    return answerOf(page, 'br');
  }
  if (accept.includes('gzip')) {
    if (!page.gzip) {
      page.gzip = gzipSync(page.body, { level: 9 });
      cache?.account(page.gzip.length);
    }
    return answerOf(page, 'gzip');
  }
  return answerOf(page, 'plain');
}

/** Sends a page through Fastify (see sitePageAnswer). */
export function sendSitePage(request: FastifyRequest, reply: FastifyReply, page: SitePage, cache?: SitePageCache): FastifyReply {
  const answer = sitePageAnswer(request.headers, page, cache);
  reply.code(answer.status).headers(answer.headers);
  return answer.body ? reply.send(answer.body) : reply.send();
}
