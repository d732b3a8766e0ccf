import type { FastifyPluginAsync } from 'fastify';
import type { SendService } from './send/index.js';
import { draftRoutes } from './send/draft.routes.js';
import { flowRoutes } from './send/flow.routes.js';

/**
 * Every API route of the documents module, mounted under /api/v1. Each side registers its own plugin
 * here (one line each): sending (`send/`), then receiving and filing.
 */
export const documentsRoutes: FastifyPluginAsync<{ send: SendService }> = async (app, { send }) => {
  await app.register(draftRoutes, { send });
  await app.register(flowRoutes, { send });
};
