import { renderOfficialDocumentWithLayout } from '../src/server/modules/documents/render/index.js';
import { sampleBody, sampleDocument } from '../src/server/modules/documents/render/render.testing.js';
import type { BenchOptions } from './run.js';
import { round } from './support.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Renders a 10-page GB/T 9704 document (版头, headings, 附件说明, seal, 附注, an attachment, 版记) to
 * PDF, in this process. `firstMs` is the first rendering (fonts parsed from disk, code not yet
 * optimised: a fresh server's first document); the percentiles are the renderings after it, for
 * about `duration / 2` seconds (at least 3 renderings). Target: under 1 s.
 */
export async function benchDocumentRender(options: BenchOptions): Promise<object> {
  const make = (paragraphs: number) =>
    sampleDocument({ body: sampleBody(paragraphs), attachments: [{ title: '任务分工表', body: sampleBody(4) }] });
  let began = performance.now();
  let result = await renderOfficialDocumentWithLayout(make(10));
  const firstMs = performance.now() - began;
  // Find the body length that makes ten pages.
  let paragraphs = 10;
  while (result.pageCount < 10) result = await renderOfficialDocumentWithLayout(make(++paragraphs));
  while (result.pageCount > 10) result = await renderOfficialDocumentWithLayout(make(--paragraphs));
  const input = make(paragraphs);
  const times: number[] = [];
  const until = performance.now() + Math.max(2, options.duration / 2) * 1000;
  while (times.length < 3 || performance.now() < until) {
    began = performance.now();
    result = await renderOfficialDocumentWithLayout(input);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return {
    pages: result.pageCount,
    bytes: result.pdf.length,
    firstMs: round(firstMs),
    renders: times.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times.at(-1)!),
    targetMs: 1000,
  };
}
