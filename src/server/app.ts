import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { createAppContext } from './context.js';
import { auditContext, auditRoutes } from './platform/audit/index.js';
import type { Clock } from './platform/clock.js';
import type { PlatformKeys } from './platform/keys.js';
import { openApiTransform } from './platform/http/binary-body.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import './platform/http/zod-locale.js';
import { fastPathServer, type FastPath } from './platform/http/fast-path.js';
import { installHardening, securityHeaders } from './platform/http/hardening.js';
import { registerHealthRoutes } from './platform/http/health.js';
import { newRequestId } from './platform/ids.js';
import { installAuthGate } from './platform/policy/index.js';
import type { AppContext, PlatformModule } from './platform/module.js';
import { connectModules, modules as allModules } from './modules/index.js';
import { createOrgService } from './modules/orgs/index.js';
import { grantsOf } from './platform/policy/index.js';
import { renderErrorPage } from './modules/portal/index.js';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const workbenchDist = path.join(packageRoot, 'dist', 'workbench');

export interface BuildOptions {
  readonly config: Readonly<Config>;
  readonly database: DatabaseHandle;
  readonly clock?: Clock;
  /** Defaults to the key file the configuration names. */
  readonly keys?: PlatformKeys;
  readonly modules?: readonly PlatformModule[];
  /** Told of every route as it is added (e.g. the permission matrix test collects them). */
  readonly onRoute?: (route: { method: string | string[]; url: string }) => void;
  /** Serve the built workbench from dist/workbench when it exists (default true). */
  readonly serveWorkbench?: boolean;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's X-Request-Id when it looks like one, else a new id. */
function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : newRequestId();
}

/** Builds the whole application: platform, every module's faces, docs and health. Does not listen. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const modules = options.modules ?? allModules;
  const fastPaths: FastPath[] = [];
  const headers = securityHeaders(config.env === 'production');
  const app: FastifyInstance = Fastify({
    logger: {
      level: config.logLevel,
      ...(config.env === 'test' ? {} : { redact: ['req.headers.cookie', 'req.headers.authorization'] }),
    },
    genReqId: requestIdOf,
    serverFactory: fastPathServer({ paths: fastPaths, headers, requestId: requestIdOf, log: () => app.log }),
    bodyLimit: config.bodyLimitKb * 1024,
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: AppContext = createAppContext({
    config,
    database,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
    nav: [...modules.flatMap((m) => m.nav ?? []), { key: 'audit', label: '审计日志', icon: 'AuditOutlined', order: 88, roles: ['auditor'] }].sort((a, b) => a.order - b.order),
  });

  installErrorHandler(app, {
    render: renderErrorPage,
    onDenied: async (error, request) => {
      await ctx.audit.record(database.db, {
        ...auditContext(request),
        action: 'auth.denied',
        outcome: 'denied',
        details: { permission: error.code, method: request.method, path: request.url.split('?')[0]! },
      });
    },
  });
  await installHardening(app, { production: config.env === 'production' });
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);
  installAuthGate(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '兴安政务平台 API',
        description: '兴安政务平台的 JSON 接口。错误统一返回 { error: { code, message, requestId } }。',
        version: '1',
      },
      servers: [],
    },
    transform: openApiTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app, database.db);
  await app.register(auditRoutes, {
    prefix: '/api/v1',
    db: database.db,
    trustedKeys: [ctx.keys.signing.publicKey],
    log: ctx.audit,
    scope: (actor) => createOrgService(ctx).scopeOf(grantsOf(actor, 'auditor')),
  });

  connectModules(modules, ctx);
  for (const module of modules) module.hooks?.(app, ctx);
  await app.register(
    async (api) => {
      for (const module of modules) if (module.api) await api.register(module.api, { ctx });
    },
    { prefix: '/api/v1' },
  );
  for (const module of modules) if (module.pages) await app.register(module.pages, { ctx });
  for (const module of modules) if (module.fastPath) fastPaths.push(module.fastPath(ctx));

  if (options.serveWorkbench !== false) registerWorkbench(app);
  return app;
}

/** The built single-page workbench under /workbench/, with index.html for every client route. */
function registerWorkbench(app: FastifyInstance): void {
  const index = path.join(workbenchDist, 'index.html');
  if (!existsSync(index)) return;
  // No /workbench → /workbench/ redirect: with ignoreTrailingSlash both are one route, and it looped.
  app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: workbenchDist,
      prefix: '/', // inside the /workbench scope
      wildcard: true,
      index: ['index.html'],
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // The workbench's root, stated as a route: with ignoreTrailingSlash `/workbench/` is `/workbench`,
    // which the static wildcard does not match and the portal's catch-all would otherwise take.
    scope.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html'),
    );
    scope.setNotFoundHandler((request, reply) => {
      if (request.method !== 'GET' || path.extname(request.url.split('?')[0]!)) {
        return reply.status(404).type('text/plain; charset=utf-8').send('Not Found');
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    });
  }, { prefix: '/workbench' });
}
