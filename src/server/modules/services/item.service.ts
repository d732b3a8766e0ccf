import type { Trx } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditContext } from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { allowedActions, authorize } from '../../platform/policy/index.js';
import { missingGuideElements } from '../../../shared/services.js';
import { createOrgService } from '../orgs/index.js';
import { announceItemChange, guideOf, syncItemSearch } from './item.index.js';
import { checkShape, lockItem, lockParent } from './item.rules.js';
import type { ItemCreate, ItemInput, ItemListQuery, ItemUpdate, ItemView } from './item.schema.js';
import { itemRepository as repo } from './item.repository.js';
import { serviceItemPolicy, type ServiceScope } from './services.policy.js';
import type { ServiceItemRow } from './services.table.js';
import './services.audit.js';
import './services.errors.js';

/** Who acts and the audit context of the request. */
export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}

/** The guide columns of a row, from what a clerk wrote. */
function guideColumns(input: ItemInput) {
  return {
    name: input.name,
    code: input.code,
    kind: input.kind,
    level: input.level,
    handling_kind: input.level === 'handling' ? input.handlingKind : null,
    parent_id: input.parentId,
    competent_dept: input.competentDept,
    basis: input.basis,
    conditions: input.conditions,
    materials: JSON.stringify(input.materials),
    steps: JSON.stringify(input.steps),
    legal_days: input.legalDays,
    promised_days: input.promisedDays,
    handling_type: input.handlingType,
    fee: input.fee,
    place: input.place,
    phone: input.phone.replace(/\s/g, ''),
    complaint_phone: input.complaintPhone.replace(/\s/g, ''),
    audiences: JSON.stringify([...new Set(input.audiences)]),
    online_depth: input.onlineDepth,
  };
}

/**
 * The service item catalogue (政务服务事项目录): the implementing organisation's 窗口/审批人员 write
 * each item's 办事指南 as a draft, publish it once every element is there (the self-inspection's
 * 办事指南要素 rule), and withdraw it with a reason. Published items are in the portal's search and
 * on the 办事服务 pages of the sites that carry their organisation.
 */
export function createItemService(ctx: Pick<AppContext, 'db' | 'clock' | 'audit'>) {
  const { db, clock, audit } = ctx;
  const orgs = createOrgService(ctx);

  async function scopeOf(orgId: string, code: 'services.org_not_found' | 'services.item_not_found' = 'services.org_not_found') {
    const [org] = await orgs.withPaths([orgId]);
    if (!org) throw new AppError(code, { details: { orgId } });
    return { scope: { path: org.path } satisfies ServiceScope, org, path: org.path };
  }

  async function load(id: string) {
    const row = await repo.find(db, id);
    if (!row) throw new AppError('services.item_not_found');
    return { row, ...(await scopeOf(row.org_id, 'services.item_not_found')) };
  }

  async function view(row: ServiceItemRow, actor: Actor, scope: ServiceScope, orgName: string): Promise<ItemView> {
    const [parents, children] = await Promise.all([repo.names(db, row.parent_id ? [row.parent_id] : []), repo.childCounts(db, [row.id])]);
    const guide = guideOf(row);
    return {
      ...guide,
      parentId: row.parent_id,
      id: row.id,
      orgId: row.org_id,
      implementingOrg: orgName,
      parentName: parents[0]?.name ?? null,
      status: row.status,
      withdrawReason: row.withdraw_reason,
      publishedAt: row.published_at && new Date(row.published_at).toISOString(),
      missing: missingGuideElements({ ...guide, implementingOrg: orgName }),
      revision: Number(row.revision),
      childCount: children.get(row.id)?.all ?? 0,
      createdByName: row.created_by_name,
      updatedByName: row.updated_by_name,
      updatedAt: new Date(row.updated_at).toISOString(),
      materials: [...guide.materials],
      steps: [...guide.steps],
      audiences: [...guide.audiences],
      actions: allowedActions(actor, serviceItemPolicy, scope),
    };
  }

  async function changeRow(trx: Trx, row: ServiceItemRow, changes: Parameters<typeof repo.update>[3]): Promise<ServiceItemRow> {
    if (!(await repo.update(trx, row.id, Number(row.revision), changes))) throw new AppError('services.changed_concurrently');
    return (await repo.find(trx, row.id))!;
  }

  const stamp = (actor: Actor) => ({ updated_by_name: actor.displayName, updated_at: clock.now().toISOString() });

  return {
    async list(actor: Actor, query: ItemListQuery) {
      const { scope, org } = await scopeOf(query.orgId);
      authorize(actor, serviceItemPolicy, 'read', scope);
      const [{ items, total }, counts] = await Promise.all([repo.list(db, query, query.page, query.pageSize), repo.statusCounts(db, query.orgId)]);
      return {
        items: items.map((row) => {
          const guide = guideOf(row);
          return {
            id: row.id,
            code: row.code,
            name: row.name,
            kind: row.kind,
            level: row.level,
            handlingKind: row.handling_kind,
            parentId: row.parent_id,
            orgId: row.org_id,
            implementingOrg: org.nameZh,
            status: row.status,
            handlingType: row.handling_type,
            promisedDays: guide.promisedDays,
            onlineDepth: row.online_depth,
            missing: missingGuideElements({ ...guide, implementingOrg: org.nameZh }),
            updatedAt: new Date(row.updated_at).toISOString(),
          };
        }),
        total,
        counts,
        actions: allowedActions(actor, serviceItemPolicy, scope),
      };
    },

    async get(actor: Actor, id: string): Promise<ItemView> {
      const { row, scope, org } = await load(id);
      authorize(actor, serviceItemPolicy, 'read', scope);
      return view(row, actor, scope, org.nameZh);
    },

    /** Writes a draft; its code is the deployment's own from now on. */
    async create(acting: Acting, input: ItemCreate): Promise<ItemView> {
      const { scope, org } = await scopeOf(input.orgId);
      authorize(acting.actor, serviceItemPolicy, 'edit', scope);
      const id = newId();
      const now = clock.now().toISOString();
      try {
        await db.transaction().execute(async (trx) => {
          await checkShape(trx, input, org.id);
          if (await repo.findByCode(trx, input.code)) throw new AppError('services.code_taken', { details: { code: input.code } });
          await repo.insert(trx, {
            id,
            org_id: org.id,
            ...guideColumns(input),
            status: 'draft',
            withdraw_reason: null,
            published_at: null,
            revision: 1,
            created_by: acting.actor.userId,
            created_by_name: acting.actor.displayName,
            created_at: now,
            ...stamp(acting.actor),
          });
          await audit.append(trx, { ...acting.who, action: 'services.item_create', object: { type: 'service-item', id }, details: { orgId: org.id, code: input.code, name: input.name, kind: input.kind } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('services.code_taken', { details: { code: input.code } });
        throw error;
      }
      return this.get(acting.actor, id);
    },

    /**
     * Saves the guide. A published item stays published only with a complete guide, and its code,
     * once published, is fixed (links and other systems use it).
     */
    async update(acting: Acting, id: string, input: ItemUpdate): Promise<ItemView> {
      const { row, scope, org, path } = await load(id);
      authorize(acting.actor, serviceItemPolicy, 'edit', scope);
      if (Number(row.revision) !== input.revision) throw new AppError('services.changed_concurrently');
      if (row.published_at && input.code !== row.code) throw new AppError('services.item_state', { details: { reason: '已发布过的事项不能修改事项编码' } });
      try {
        await db.transaction().execute(async (trx) => {
          await checkShape(trx, input, row.org_id, row);
          if (input.code !== row.code && (await repo.findByCode(trx, input.code))) throw new AppError('services.code_taken', { details: { code: input.code } });
          const columns = guideColumns(input);
          const changed = Object.entries(columns)
            .filter(([key, value]) => (row as unknown as Record<string, unknown>)[key] !== value && !(value === null && (row as unknown as Record<string, unknown>)[key] === null))
            .map(([key]) => key);
          const next = await changeRow(trx, row, { ...columns, ...stamp(acting.actor) });
          if (next.status === 'published') {
            const missing = missingGuideElements({ ...guideOf(next), implementingOrg: org.nameZh });
            if (missing.length) throw new AppError('services.guide_incomplete', { details: { missing } });
            await syncItemSearch(trx, next, org.nameZh, path);
          }
          await audit.append(trx, { ...acting.who, action: 'services.item_update', object: { type: 'service-item', id }, details: { code: next.code, fields: changed } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('services.code_taken', { details: { code: input.code } });
        throw error;
      }
      if (row.status === 'published') await announceItemChange(ctx, path);
      return this.get(acting.actor, id);
    },

    /** Publishes a draft or withdrawn item whose guide is complete and whose parent is published. */
    async publish(acting: Acting, id: string): Promise<ItemView> {
      const { row, scope, org, path } = await load(id);
      authorize(acting.actor, serviceItemPolicy, 'edit', scope);
      if (row.status === 'published') throw new AppError('services.item_state', { details: { status: row.status } });
      const missing = missingGuideElements({ ...guideOf(row), implementingOrg: org.nameZh });
      if (missing.length) throw new AppError('services.guide_incomplete', { details: { missing } });
      await db.transaction().execute(async (trx) => {
        const parent = row.parent_id ? await lockParent(trx, row.parent_id) : undefined;
        if (parent && parent.status !== 'published') throw new AppError('services.item_state', { details: { reason: '上级事项尚未发布' } });
        const next = await changeRow(trx, row, { status: 'published', withdraw_reason: null, published_at: clock.now().toISOString(), ...stamp(acting.actor) });
        await syncItemSearch(trx, next, org.nameZh, path);
        await audit.append(trx, { ...acting.who, action: 'services.item_publish', object: { type: 'service-item', id }, details: { code: row.code, name: row.name } });
      });
      await announceItemChange(ctx, path);
      return this.get(acting.actor, id);
    },

    /** Withdraws a published item (its code stays taken); its published children go first. */
    async withdraw(acting: Acting, id: string, reason: string): Promise<ItemView> {
      const { row, scope, path } = await load(id);
      authorize(acting.actor, serviceItemPolicy, 'edit', scope);
      if (row.status !== 'published') throw new AppError('services.item_state', { details: { status: row.status } });
      await db.transaction().execute(async (trx) => {
        // Held first, so a child published meanwhile either committed before (and is counted) or waits.
        await lockItem(trx, row.id);
        if ((await repo.childCounts(trx, [row.id])).get(row.id)?.published) throw new AppError('services.has_published_children');
        const next = await changeRow(trx, row, { status: 'withdrawn', withdraw_reason: reason, ...stamp(acting.actor) });
        await syncItemSearch(trx, next, '', path);
        await audit.append(trx, { ...acting.who, action: 'services.item_withdraw', object: { type: 'service-item', id }, details: { code: row.code, reason } });
      });
      await announceItemChange(ctx, path);
      return this.get(acting.actor, id);
    },
  };
}
export type ItemService = ReturnType<typeof createItemService>;
