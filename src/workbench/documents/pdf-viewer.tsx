/**
 * The PDF viewer proper: pdf.js paints each page into a canvas. Loaded only through `PdfPreview`
 * (its own chunk with pdfjs-dist), never with the first page. The worker is a file of our own origin
 * (`?url`), which the CSP's `script-src 'self'` (and so `worker-src`) allows; eval is switched off.
 */
import { LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

GlobalWorkerOptions.workerSrc = workerUrl;

const zooms = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

type Loaded = { kind: 'pdf'; doc: PDFDocumentProxy } | { kind: 'image' } | { kind: 'error'; message: string };

/** Fetches the file once with the session cookie; a scan may be a picture rather than a PDF. */
async function load(url: string, signal: AbortSignal): Promise<Loaded> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) return { kind: 'error', message: response.status === 404 ? '文件不存在或无权查看' : `无法读取文件（${response.status}）` };
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('image/')) return { kind: 'image' };
  const data = new Uint8Array(await response.arrayBuffer());
  const doc = await getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
  return { kind: 'pdf', doc };
}

export interface PdfViewerProps {
  readonly url: string;
  readonly title: string;
}

/** Pages of a PDF (or a scanned picture), one page at a time, with page navigation and zoom. Keyed by `url`. */
export default function PdfViewer({ url, title }: PdfViewerProps) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(2); // index into zooms: 100 %
  const [painted, setPainted] = useState<string>();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    let doc: PDFDocumentProxy | undefined;
    load(url, abort.signal)
      .then((result) => {
        if (result.kind === 'pdf') doc = result.doc;
        if (!abort.signal.aborted) setLoaded(result);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ kind: 'error', message: error instanceof Error && error.name === 'InvalidPDFException' ? '文件不是有效的 PDF' : '无法显示该文件' });
      });
    return () => {
      abort.abort();
      void doc?.destroy();
    };
  }, [url]);

  const doc = loaded?.kind === 'pdf' ? loaded.doc : undefined;
  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let task: ReturnType<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']> | undefined;
    void (async () => {
      const pdfPage = await doc.getPage(page);
      if (cancelled || !canvas.current) return;
      // Sharp on high-density screens: the canvas has device pixels, its CSS size is the zoomed page.
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: zooms[zoom]! * ratio });
      const target = canvas.current;
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      target.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise;
      if (!cancelled) {
        target.dataset.painted = String(page);
        setPainted(`${page}:${zoom}`);
      }
    })().catch(() => {
      if (!cancelled) setPainted(`${page}:${zoom}`);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  if (!loaded) return <Spin description="正在载入文件…" />;
  if (loaded.kind === 'error') return <Alert type="warning" showIcon title={loaded.message} />;
  if (loaded.kind === 'image') return <img className="wb-pdf-image" src={url} alt={title} />;

  const pages = loaded.doc.numPages;
  return (
    <div className="wb-pdf" aria-label={`${title}（预览）`} role="region">
      <Space wrap className="wb-pdf-toolbar">
        <Button size="small" icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage(page - 1)} aria-label="上一页" />
        <Typography.Text aria-live="polite">
          第 {page} / {pages} 页
        </Typography.Text>
        <Button size="small" icon={<RightOutlined />} disabled={page >= pages} onClick={() => setPage(page + 1)} aria-label="下一页" />
        <Button size="small" icon={<ZoomOutOutlined />} disabled={zoom <= 0} onClick={() => setZoom(zoom - 1)} aria-label="缩小" />
        <Typography.Text>{Math.round(zooms[zoom]! * 100)}%</Typography.Text>
        <Button size="small" icon={<ZoomInOutlined />} disabled={zoom >= zooms.length - 1} onClick={() => setZoom(zoom + 1)} aria-label="放大" />
        {painted !== `${page}:${zoom}` && <Spin size="small" />}
      </Space>
      <div className="wb-pdf-page">
        <canvas ref={canvas} aria-label={`第 ${page} 页`} role="img" />
      </div>
    </div>
  );
}
