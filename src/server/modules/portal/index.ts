import type { FastifyRequest } from 'fastify';
import type { AppError } from '../../platform/errors/app-error.js';
import type { PlatformModule } from '../../platform/module.js';

// Placeholder until the portal shell lands.
export function renderErrorPage(error: AppError, _request: FastifyRequest): string | undefined {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${error.status}</title><h1>${error.status}</h1></html>`;
}

export const portalModule: PlatformModule = {
  name: 'portal',
  pages: async (app) => {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>兴安盟</title><h1>兴安盟</h1>'));
  },
};
