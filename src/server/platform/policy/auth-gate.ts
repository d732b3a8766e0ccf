import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An API route anyone may call without signing in (sign-in steps, sign-out). Default false. */
    public?: boolean;
  }
}

/**
 * Signed in by default: every route under `prefix` answers `auth.required` (401) to an anonymous
 * caller before its body is even validated, unless the route declares `config: { public: true }`.
 * Runs after the `onRequest` hooks that fill `request.actor`.
 */
export function installAuthGate(app: FastifyInstance, prefix = '/api/v1/'): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const url = request.routeOptions.url;
    if (request.actor || !url?.startsWith(prefix) || request.routeOptions.config.public) return done();
    done(new AppError('auth.required'));
  });
}
