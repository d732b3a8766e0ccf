import { defineErrors } from '../../../platform/errors/app-error.js';

export const inspectionErrors = defineErrors({
  'portal.inspection_site_not_found': { status: 404, zh: '未找到该网站', en: 'No such site' },
});
