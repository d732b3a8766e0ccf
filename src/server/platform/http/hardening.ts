import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError, defineErrors } from '../errors/app-error.js';

defineErrors({
  'auth.csrf': {
    status: 403,
    zh: '请求来源不可信，已拒绝（跨站请求）',
    en: 'Cross-site request refused',
  },
});

/**
 * Content Security Policy: no inline or foreign script anywhere. Inline styles stay allowed because
 * antd writes its CSS at run time; images may be data: URLs (QR codes for second-factor enrolment).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(production: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    // HSTS means something only over HTTPS, which a production deployment terminates in front of us.
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests a browser made on behalf of another site (OWASP's Fetch Metadata
 * and Origin checks). Clients that are not browsers send neither header and are not affected; the
 * session cookie is SameSite=Lax and writes take JSON, so this is the second line, not the only one.
 */
export function isCrossSiteWrite(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  if (!unsafeMethods.has(method)) return false;
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  if (site === 'same-origin' || site === 'none') return false;
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === '') return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}

/**
 * Security headers on every answer, the request id echoed, cross-site writes refused, and rate
 * limits available to routes that declare `config: { rateLimit: { max, timeWindow } }`.
 * One synchronous hook keeps the cost on the portal's hot path to a few header writes.
 */
export async function installHardening(app: FastifyInstance, options: { production: boolean }): Promise<void> {
  const headers = securityHeaders(options.production);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    if (isCrossSiteWrite(request.method, request.headers)) return done(new AppError('auth.csrf'));
    done();
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('request.rate_limited', { details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }),
  });
}
