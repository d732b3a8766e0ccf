import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import './documents.css';

// pdf.js is large: its chunk (and the worker) load only when a preview is first shown.
const PdfViewer = lazy(() => import('./pdf-viewer.js'));

/**
 * An inline preview of a PDF from our API (the final copy, a received document, a scan, an
 * attachment). The API forbids framing its answers (`frame-ancestors 'none'`), so the pages are
 * painted into canvases by pdf.js rather than shown in an <iframe>.
 */
export function PdfPreview({ url, title }: { url: string; title: string }) {
  return (
    <Suspense fallback={<Spin description="正在载入预览…" />}>
      <PdfViewer key={url} url={url} title={title} />
    </Suspense>
  );
}
