import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { overviewSchema, siteInspectionSchema, siteParamsSchema } from './inspection.schema.js';
import type { InspectionService } from './inspection.service.js';

const tags = ['网站自查'];

/** The self-inspection API: a site's latest result, the IT office's overview, a re-run now. */
export const inspectionRoutes: FastifyPluginAsyncZod<{ inspection: InspectionService }> = async (app, { inspection }) => {
  app.get(
    '/portal/inspection/sites',
    {
      schema: {
        tags,
        summary: '网站自查概况：信息化监管看辖区内全部网站，编辑、审核看本单位的网站（单项否决数、最近检查时间）',
        operationId: 'getInspectionOverview',
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (request) => inspection.overview(requireActor(request)),
  );

  app.get(
    '/portal/inspection/sites/:siteId',
    {
      schema: {
        tags,
        summary: '网站的最近一次自查结果（指标、问题和整改指引）及趋势',
        operationId: 'getSiteInspection',
        params: siteParamsSchema,
        response: { 200: siteInspectionSchema, ...errorResponses },
      },
    },
    async (request) => inspection.view(requireActor(request), request.params.siteId),
  );

  app.post(
    '/portal/inspection/sites/:siteId/run',
    {
      schema: {
        tags,
        summary: '立即重新检查该网站',
        operationId: 'runSiteInspection',
        params: siteParamsSchema,
        response: { 200: siteInspectionSchema, ...errorResponses },
      },
    },
    async (request) => inspection.rerun({ actor: requireActor(request), who: auditContext(request) }, request.params.siteId),
  );
};
