import type { VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';

/**
 * Server-rendered HTML from preact elements. Text children and attribute values are escaped by
 * preact-render-to-string, so data from the database or the request can be placed in JSX as it is.
 */
export function renderHtml(vnode: VNode<unknown>): string {
  return renderToString(vnode as VNode);
}

/** A whole document: the `<html>` element rendered after the doctype. */
export function renderPage(vnode: VNode<unknown>): string {
  return `<!doctype html>${renderHtml(vnode)}`;
}

/**
 * Inserts `html` into the output WITHOUT escaping. Only for markup the program itself produced or
 * already escaped (a cached fragment rendered by `renderHtml`); never for anything a person typed,
 * a request carried or a database row holds. Prefer JSX everywhere else.
 */
export function trustedHtml(html: string): VNode<unknown> {
  return jsxTemplate([html]);
}
