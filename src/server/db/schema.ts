/**
 * The database as Kysely sees it. Each module and platform piece adds its own tables here by
 * declaration merging in its `*.table.ts`, so the platform never imports a module:
 *
 *   declare module '../../db/schema.js' { interface Database { orgs: OrgTable } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
