import type { AppContext } from '../../../platform/module.js';
import { newId } from '../../../platform/ids.js';
import { serviceItemLevels } from '../../../../shared/services.js';
import { createOrgService } from '../../orgs/index.js';
import { itemRepository as repo } from '../item.repository.js';
import { syncItemSearch } from '../item.index.js';
import { demoServiceItems } from './demo.items.js';

const levelOrder = Object.keys(serviceItemLevels);

/**
 * Writes the demo catalogue unless items exist: league departments' and two banner/county cities'
 * items with complete 办事指南, published (and in the portal search), and two drafts to finish.
 */
export async function seedServiceItems(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<string[]> {
  const { db, clock } = ctx;
  if ((await repo.countAll(db)) > 0) return [];
  const orgs = createOrgService(ctx);
  const now = clock.now().toISOString();
  const ordered = [...demoServiceItems].sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level));
  let published = 0;
  await db.transaction().execute(async (trx) => {
    const idByCode = new Map<string, string>();
    for (const item of ordered) {
      const org = await orgs.get(item.orgRef, trx);
      const path = (await orgs.pathOf(org.id, trx))!;
      const id = newId();
      idByCode.set(item.code, id);
      const parentId = item.parentCode ? idByCode.get(item.parentCode) : null;
      if (parentId === undefined) throw new Error(`demo item ${item.code}: parent ${item.parentCode} is not seeded before it`);
      const row = {
        id,
        code: item.code,
        org_id: org.id,
        parent_id: parentId,
        name: item.name,
        kind: item.kind,
        level: item.level,
        handling_kind: item.handlingKind,
        competent_dept: item.competentDept,
        basis: item.basis,
        conditions: item.conditions,
        materials: JSON.stringify(item.materials),
        steps: JSON.stringify(item.steps),
        legal_days: item.legalDays,
        promised_days: item.promisedDays,
        handling_type: item.handlingType,
        fee: item.fee,
        place: item.place,
        phone: item.phone,
        complaint_phone: item.complaintPhone,
        audiences: JSON.stringify(item.audiences),
        online_depth: item.onlineDepth,
        status: item.status,
        withdraw_reason: null,
        published_at: item.status === 'published' ? now : null,
        revision: 1,
        created_by: 'seed',
        created_by_name: '演示数据',
        created_at: now,
        updated_by_name: '演示数据',
        updated_at: now,
      };
      await repo.insert(trx, row);
      if (item.status === 'published') {
        published += 1;
        await syncItemSearch(trx, (await repo.find(trx, id))!, org.nameZh, path);
      }
    }
  });
  return [`政务服务事项：${demoServiceItems.length} 项（已发布 ${published} 项）`];
}
