import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../test/support/app.js';
import { describeEachDialect, freshDatabase } from '../../test/support/db.js';
import { buildApp } from './app.js';
import { migrateToLatest } from './db/migrate.js';

describeEachDialect('application shell', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ config: testConfig(), database: database(), serveWorkbench: false });
  });
  afterAll(() => app.close());

  it('answers liveness and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('serves a valid OpenAPI 3.1 document built from the route schemas, and its browser', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/orgs', '/api/v1/orgs/{key}', '/api/v1/session']));
    expect(doc.paths['/api/v1/orgs'].get.parameters.map((p: { name: string }) => p.name)).toContain('parentId');
    const docs = await app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers an unknown API route with a JSON 404 and echoes a request id', async () => {
    const response = await app.inject({ url: '/api/v1/nothing-here', headers: { 'x-request-id': 'trace-12345678' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json().error).toEqual({ code: 'route.not_found', message: '请求的地址不存在', requestId: 'trace-12345678' });
    expect(response.headers['x-request-id']).toBe('trace-12345678');
  });

  it('gives every request a sortable id when the caller sends none', async () => {
    const first = (await app.inject('/healthz')).headers['x-request-id'] as string;
    const second = (await app.inject('/healthz')).headers['x-request-id'] as string;
    expect(first).toMatch(/^[0-9a-z]{9}-[a-z2-9]{10}-\d{10}$/);
    expect(second > first).toBe(true);
  });

  it('answers in English when asked', async () => {
    const response = await app.inject({ url: '/api/v1/orgs', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(response.json().error.message).toBe('Sign in first');
  });
});

describeEachDialect(
  'readiness before migrations',
  (database) => {
    it('is not ready while migrations are pending, and ready after', async () => {
      const app = await buildApp({ config: testConfig(), database: database(), serveWorkbench: false });
      const before = await app.inject('/readyz');
      expect(before.statusCode).toBe(503);
      expect(before.json().pending.length).toBeGreaterThan(0);
      await migrateToLatest(database().db);
      expect((await app.inject('/readyz')).statusCode).toBe(200);
      await app.close();
    });
  },
  { migrate: false },
);

it('is not ready when the database is gone', async () => {
  const database = await freshDatabase('sqlite');
  const app = await buildApp({ config: testConfig(), database, serveWorkbench: false });
  await database.destroy();
  const response = await app.inject('/readyz');
  expect(response.statusCode).toBe(503);
  expect(response.json().reason).toMatch(/数据库不可用/);
  await app.close();
});
