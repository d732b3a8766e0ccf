import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI transform of the zod routes, plus raw file bodies: a route that takes the file itself as
 * its body (an upload) lists the media types it accepts in `consumes` and has no body schema, which
 * OpenAPI would leave undescribed. Here such a body is declared as binary under each of those types,
 * so the generated client types it (as a Blob) and the API's readers see what to send.
 */
export const openApiTransform: typeof jsonSchemaTransform = (input) => {
  const output = jsonSchemaTransform(input);
  const schema = output.schema as { consumes?: readonly string[]; body?: unknown } | undefined;
  if (!schema?.consumes?.length || schema.body !== undefined) return output;
  return { ...output, schema: { ...schema, body: { type: 'string', format: 'binary', description: '文件本身（原始字节）' } } };
};
