import { PostgresAdapter } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { parentLevels, type ServiceItemLevel } from '../../../shared/services.js';
import { itemRepository as repo } from './item.repository.js';
import type { ItemInput } from './item.schema.js';
import type { ServiceItemRow } from './services.table.js';

/** The levels of the children an item of a level may have. */
const childLevels: Record<ServiceItemLevel, readonly ServiceItemLevel[]> = { main: ['sub', 'handling'], sub: ['handling'], handling: [] };

const isPostgres = (db: DbOrTrx) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The parent row, held against a concurrent withdrawal until the transaction ends (PostgreSQL: a
 * share lock; SQLite runs one writing transaction at a time).
 */
export async function lockParent(trx: DbOrTrx, id: string): Promise<ServiceItemRow | undefined> {
  return isPostgres(trx) ? repo.findLocked(trx, id, 'share') : repo.find(trx, id);
}

/** The item's own row, held against a concurrent publication of a child (see `lockParent`). */
export async function lockItem(trx: DbOrTrx, id: string): Promise<void> {
  if (isPostgres(trx)) await repo.findLocked(trx, id, 'update');
}

/**
 * The rules a draft keeps at every save: the level's parent (of the same organisation, one level
 * up, so the tree has no cycle) and 办理项类型; an item's children still fit its level; a published
 * item stays under a published parent; and the time limits.
 */
export async function checkShape(trx: DbOrTrx, input: ItemInput, orgId: string, self?: ServiceItemRow): Promise<void> {
  if ((input.level === 'handling') !== (input.handlingKind !== null)) throw new AppError('services.handling_kind_required');
  if (input.level === 'main') {
    if (input.parentId) throw new AppError('services.parent_invalid', { details: { level: input.level } });
  } else {
    const parent = input.parentId ? await lockParent(trx, input.parentId) : undefined;
    if (!parent || !parentLevels[input.level].includes(parent.level) || parent.org_id !== orgId || parent.id === self?.id) {
      throw new AppError('services.parent_invalid', { details: { level: input.level } });
    }
    if (self?.status === 'published' && parent.status !== 'published') throw new AppError('services.item_state', { details: { reason: '已发布的事项须属于已发布的上级事项' } });
  }
  if (self && self.level !== input.level) {
    const children = await repo.childLevels(trx, self.id);
    if (children.some((level) => !childLevels[input.level].includes(level))) {
      throw new AppError('services.parent_invalid', { details: { reason: '该事项下的子项或业务办理项不能属于改后的层级' } });
    }
  }
  if (input.legalDays !== null && input.promisedDays !== null && input.promisedDays > input.legalDays) {
    throw new AppError('services.promised_exceeds_legal', { fields: [{ path: 'promisedDays', message: '承诺时限不能超过法定时限' }] });
  }
  if (input.promisedDays !== null && (input.handlingType === 'instant') !== (input.promisedDays === 0)) {
    throw new AppError('services.instant_days', { fields: [{ path: 'promisedDays', message: input.handlingType === 'instant' ? '即办件的承诺时限为0' : '承诺件的承诺时限至少1个工作日' }] });
  }
}
