import { z } from 'zod';

/** The error body every failure answers with; documented once in the OpenAPI components. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误代码，如 orgs.not_found'),
      message: z.string().describe('中文（或所选语言）错误说明'),
      requestId: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Response schemas for the 4xx/5xx answers every route may give. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  422: errorBodySchema,
  500: errorBodySchema,
} as const;
