import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';

/** A complete answer a module can give without the framework: status, its own headers and the bytes. */
export interface FastAnswer {
  readonly status: number;
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

function answerFast(request: IncomingMessage, response: ServerResponse, options: FastPathServerOptions): boolean {
  const began = performance.now();
  let answer: FastAnswer | undefined;
  try {
    for (const path of options.paths) {
      answer = path(request);
      if (answer) break;
    }
  } catch (error) {
    // A fast path that fails leaves the request to Fastify, whose handler reports errors properly.
    options.log().warn({ err: error }, 'fast path failed; request handed to the router');
    return false;
  }
  if (!answer) return false;
  const id = options.requestId(request);
  response.writeHead(answer.status, { ...options.headers, 'x-request-id': id, ...answer.headers, ...(answer.body ? { 'content-length': String(answer.body.length) } : {}) });
  response.end(answer.body);
  const log = options.log();
  if ((log as Partial<Pick<Logger, 'isLevelEnabled'>>).isLevelEnabled?.('info')) {
    log.info(
      { reqId: id, req: { method: request.method, url: request.url, host: request.headers.host }, res: { statusCode: answer.status }, responseTime: performance.now() - began, fast: true },
      'request completed',
    );
  }
  return true;
}
