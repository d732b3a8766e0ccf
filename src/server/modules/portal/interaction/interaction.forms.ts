import type { FastifyInstance } from 'fastify';

/** Form fields as posted: one value, or several for a repeated name (multiple choice). */
export type FormFields = Record<string, string | string[]>;

/** The largest form a portal page accepts (a message is at most 2,000 characters; UTF-8 and %-escaping grow it ninefold). */
export const formLimitBytes = 32 * 1024;

/** Parses `application/x-www-form-urlencoded`, keeping repeated names as arrays. */
export function parseForm(body: string): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return fields;
}

/**
 * Lets the public pages take plain HTML form posts (no JavaScript). Registered once on the portal's
 * pages plugin, the parent of the site router every section answers through; idempotent.
 */
export function acceptPortalForms(app: FastifyInstance): void {
  // A pattern rather than the plain type, so that a section plugin below may still register its own
  // parser for the exact type (Fastify refuses a second parser for the same string in a child scope).
  if (app.hasContentTypeParser(formType)) return;
  app.addContentTypeParser(formType, { parseAs: 'string', bodyLimit: formLimitBytes }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });
}

const formType = /^application\/x-www-form-urlencoded(?:;|$)/;
