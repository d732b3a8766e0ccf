import type { DbOrTrx } from '../../db/database.js';
import { newId } from '../../platform/ids.js';
import { itemRepository } from './item.repository.js';

/** A complete guide's columns (a draft until a test publishes it). */
export function completeGuideColumns(code: string, name: string) {
  return {
    code,
    name,
    kind: 'license' as const,
    level: 'main' as const,
    handling_kind: null,
    parent_id: null,
    competent_dept: '市场监督管理局',
    basis: '《中华人民共和国行政许可法》',
    conditions: '申请人具备法定条件',
    materials: JSON.stringify([{ name: '申请书', form: 'original', copies: 1, required: true, note: '' }]),
    steps: JSON.stringify([{ name: '受理', detail: '' }]),
    legal_days: 20,
    promised_days: 5,
    handling_type: 'promised' as const,
    fee: '不收费',
    place: '政务服务中心',
    phone: '0482-8261234',
    complaint_phone: '12345',
    audiences: JSON.stringify(['legal']),
    online_depth: 'full' as const,
  };
}

/** Test helpers of the service catalogue: items written straight into the table (not indexed for search). */
export const serviceItemFactory = {
  async item(db: DbOrTrx, input: { orgId: string; code: string; name: string; at: string; published?: boolean }): Promise<string> {
    const id = newId();
    await itemRepository.insert(db, {
      id,
      org_id: input.orgId,
      ...completeGuideColumns(input.code, input.name),
      status: input.published ? 'published' : 'draft',
      withdraw_reason: null,
      published_at: input.published ? input.at : null,
      revision: 1,
      created_by: 'test',
      created_by_name: '测试',
      created_at: input.at,
      updated_by_name: '测试',
      updated_at: input.at,
    });
    return id;
  },
};
