import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import type { MatrixCall, Target } from './matrix-fixtures.js';
import type { PermissionEntry } from './permission-table.js';

/** What a fixture builder gets: the app, its database and the two organisations (own: 扎赉特旗, other: 突泉县). */
export interface PartFixtureInput {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly orgs: Record<Target, { id: string; ref: string }>;
  /** Signs in a matrix actor's session cookie by role (`mx.<role>`, holding the role with its subtree in own). */
  readonly cookieOf: (role: string) => string;
}

/**
 * A part of the permission table kept in its own file (an area with many routes): its entries, its
 * public routes, and the objects its entries act on, stored in `fx.parts[name]` (objects by key and
 * target, e.g. `fx.parts.publishing.article.own.id`).
 */
export interface PermissionPart {
  readonly routes: Readonly<Record<string, PermissionEntry>>;
  readonly publicRoutes: readonly string[];
  readonly fixtures: (input: PartFixtureInput) => Promise<Record<string, Record<Target, { id: string } & Record<string, unknown>>>>;
  /** Strings that identify the other organisation's objects (added to `fx.otherMarkers`). */
  readonly otherMarkers?: (parts: Record<string, Record<Target, { id: string } & Record<string, unknown>>>) => readonly string[];
}

/** The part's objects of the call's target: `partObject(call, 'publishing', 'article').id`. */
export function partObject(call: MatrixCall, part: string, key: string): { id: string } & Record<string, unknown> {
  const object = call.fx.parts[part]?.[key]?.[call.target];
  if (!object) throw new Error(`matrix fixture ${part}.${key}.${call.target} is missing`);
  return object;
}
