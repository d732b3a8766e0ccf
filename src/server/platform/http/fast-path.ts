import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';

/** A complete answer a module can give without the framework: status, its own headers and the bytes. */
export interface FastAnswer {
  readonly status: number;
  /**
   * Kept and reused by the fast path's server (by identity) with the security headers added: return
   * the same object for the same answer, and never pair one headers object with other bytes.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** Absent for bodiless answers (304). */
  readonly body?: Buffer;
}

/**
 * A module's answer for a request it can serve from memory alone, decided synchronously from the raw
 * request (method, URL, headers): a cached public page, say. Undefined sends the request on to
 * Fastify, which routes it as usual. A fast path must only answer what its own Fastify route would
 * have answered with the same bytes, and never a request that needs a session, a body or a permission.
 */
export type FastPath = (request: IncomingMessage) => FastAnswer | undefined;

export interface FastPathServerOptions {
  /** Filled once the modules are built (the server is made before them). */
  readonly paths: readonly FastPath[];
  /** The headers every answer carries (securityHeaders()). */
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId: (request: IncomingMessage) => string;
  /** Fastify's logger (pino's, which knows its levels). */
  readonly log: () => FastifyBaseLogger;
}

/**
 * Fastify's `serverFactory`: a node:http server that offers each request to the fast paths first and
 * hands the rest to Fastify. A fast answer skips Fastify's per-request hooks, which cost most of a
 * cached page's time, so the platform adds here what its hooks would have: the security headers,
 * the request id, and the access log line (at info, as Fastify's own `request completed`).
 * The server takes Fastify's timeouts, as Fastify's own server would.
 */
export function fastPathServer(options: FastPathServerOptions) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void, fastify: FastifyServerOptions): Server => {
    const server = createServer((request, response) => {
      if (options.paths.length > 0 && answerFast(request, response, options)) return;
      handler(request, response);
    });
    if (fastify.keepAliveTimeout) server.keepAliveTimeout = fastify.keepAliveTimeout;
    if (fastify.requestTimeout !== undefined) server.requestTimeout = fastify.requestTimeout;
    if (fastify.connectionTimeout) server.setTimeout(fastify.connectionTimeout);
    return server;
  };
}

/** Each answer's headers with the security headers, as the flat list writeHead takes, made once per answer object. */
const rawHeaders = new WeakMap<FastAnswer['headers'], string[]>();

function headerList(answer: FastAnswer, security: Readonly<Record<string, string>>): string[] {
  let list = rawHeaders.get(answer.headers);
  if (!list) {
    const all: Record<string, string> = { ...security, ...answer.headers, ...(answer.body ? { 'content-length': String(answer.body.length) } : {}) };
    list = Object.entries(all).flat();
    rawHeaders.set(answer.headers, list);
  }
  return list;
}

function answerFast(request: IncomingMessage, response: ServerResponse, options: FastPathServerOptions): boolean {
  const log = options.log();
  const logged = (log as Partial<Pick<Logger, 'isLevelEnabled'>>).isLevelEnabled?.('info') === true;
  const began = logged ? performance.now() : 0;
  let answer: FastAnswer | undefined;
  try {
    for (const path of options.paths) {
      answer = path(request);
      if (answer) break;
    }
  } catch (error) {
    // A fast path that fails leaves the request to Fastify, whose handler reports errors properly.
    log.warn({ err: error }, 'fast path failed; request handed to the router');
    return false;
  }
  if (!answer) return false;
  const id = options.requestId(request);
  // A body-bearing answer's bytes never change for the same headers object (see FastAnswer), so its
  // Content-Length is part of the cached list.
  response.writeHead(answer.status, [...headerList(answer, options.headers), 'x-request-id', id]);
  response.end(answer.body);
  if (logged) {
    log.info(
      { reqId: id, req: { method: request.method, url: request.url, host: request.headers.host }, res: { statusCode: answer.status }, responseTime: performance.now() - began, fast: true },
      'request completed',
    );
  }
  return true;
}
