import { defineErrors } from '../../platform/errors/app-error.js';

/** Error codes of the service item catalogue (政务服务事项). */
export const servicesErrors = defineErrors({
  'services.org_not_found': { status: 404, zh: '未找到该实施机关', en: 'No such implementing organisation' },
  'services.item_not_found': { status: 404, zh: '未找到该政务服务事项', en: 'No such service item' },
  'services.code_taken': { status: 409, zh: '该事项编码已被使用（编码不能重复，撤回的事项也保留其编码）', en: 'The item code is taken' },
  'services.parent_invalid': {
    status: 422,
    zh: '上级事项不正确：子项须属于同一实施机关的主项，业务办理项须属于同一实施机关的主项或子项',
    en: 'The parent item does not fit the level',
  },
  'services.handling_kind_required': { status: 422, zh: '业务办理项须注明办理项类型（新设、变更、延续或注销）；主项和子项不填', en: 'A handling item names its kind; others do not' },
  'services.promised_exceeds_legal': { status: 422, zh: '承诺时限不能超过法定时限', en: 'The promised time exceeds the legal time' },
  'services.instant_days': { status: 422, zh: '即办件的承诺时限为0个工作日；承诺件的承诺时限至少1个工作日', en: 'An instant item promises 0 days; a promised item at least 1' },
  'services.guide_incomplete': { status: 422, zh: '办事指南要素不全，不能发布', en: 'The guide lacks elements' },
  'services.item_state': { status: 409, zh: '该事项当前状态不允许此操作', en: 'The item is not in a state for this' },
  'services.changed_concurrently': { status: 409, zh: '该事项已被他人修改，请刷新后重试', en: 'The item changed meanwhile' },
  'services.has_published_children': { status: 409, zh: '该事项下还有已发布的子项或业务办理项，请先撤回它们', en: 'Published child items remain' },
});
