import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, definitionOf, type FieldProblem, isAppError, messageOf } from '../errors/app-error.js';
import { localeOf } from './locale.js';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    fields?: FieldProblem[];
    details?: Record<string, unknown>;
  };
}

/** Fastify's own error codes, mapped to ours. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_VALIDATION: 'request.invalid',
  FST_ERR_NOT_FOUND: 'route.not_found',
  FST_ERR_CTP_INVALID_TYPE: 'request.unsupported_media_type',
};

/** Turns anything thrown into an AppError; unknown failures become `internal`. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/')].filter(Boolean).join('.'),
      message: v.message ?? '',
    }));
    return new AppError('request.invalid', { fields, cause: error });
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  const mapped = fastifyError?.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  if (error instanceof SyntaxError && fastifyError?.statusCode === 400) {
    return new AppError('request.malformed_json', { cause: error });
  }
  if (fastifyError?.statusCode === 413) return new AppError('request.too_large', { cause: error });
  if (fastifyError?.statusCode === 415) return new AppError('request.unsupported_media_type', { cause: error });
  if (fastifyError?.statusCode === 429) return new AppError('request.rate_limited', { cause: error });
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('request.invalid', { message: fastifyError.message, cause: error });
  }
  return new AppError('internal', { cause: error });
}

export function errorBody(error: AppError, request: FastifyRequest): ErrorBody {
  const locale = localeOf(request);
  const message = error.message === definitionOf(error.code).zh ? messageOf(error.code, locale) : error.message;
  return {
    error: {
      code: error.code,
      message,
      requestId: String(request.id),
      ...(error.fields ? { fields: [...error.fields] } : {}),
      ...(error.details ? { details: { ...error.details } } : {}),
    },
  };
}

export interface ErrorPages {
  /** Renders an HTML error page for non-API paths; return undefined to answer JSON. */
  render?(error: AppError, request: FastifyRequest): string | undefined;
  /** Called for every refused permission (auth.forbidden, auth.csrf) before answering, e.g. to audit it. */
  onDenied?(error: AppError, request: FastifyRequest): Promise<void>;
}

const denialCodes = new Set(['auth.forbidden', 'auth.csrf']);

/** The one error handler: logs server faults, answers a code and a message, never a stack. */
export function installErrorHandler(app: FastifyInstance, pages: ErrorPages = {}): void {
  app.setErrorHandler((raw: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const error = toAppError(raw);
    if (error.status >= 500) {
      request.log.error({ err: raw }, 'request failed');
    }
    if (pages.onDenied && denialCodes.has(error.code)) {
      return pages.onDenied(error, request).then(
        () => send(error, request, reply, pages),
        (failure: unknown) => {
          // A denial that cannot be recorded is still a denial; the failure is a server fault to look at.
          request.log.error({ err: failure }, 'could not audit a permission denial');
          return send(error, request, reply, pages);
        },
      );
    }
    return send(error, request, reply, pages);
  });
  app.setNotFoundHandler((request, reply) => send(new AppError('route.not_found'), request, reply, pages));
}

function send(error: AppError, request: FastifyRequest, reply: FastifyReply, pages: ErrorPages) {
  reply.status(error.status);
  const html = wantsHtml(request) ? pages.render?.(error, request) : undefined;
  if (html !== undefined) return reply.type('text/html; charset=utf-8').send(html);
  return reply.type('application/json; charset=utf-8').send(errorBody(error, request));
}

function wantsHtml(request: FastifyRequest): boolean {
  const url = request.url;
  if (url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz') || url.startsWith('/readyz')) {
    return false;
  }
  return true;
}
