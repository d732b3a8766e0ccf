import { defineErrors } from '../../../platform/errors/app-error.js';

/** Error codes of the public site pages; the portal's error page shows their messages. */
export const siteErrors = defineErrors({
  'portal.site.unknown_host': {
    status: 404,
    zh: '本平台没有以此域名访问的网站，请检查网址',
    en: 'No site of this platform answers to this host name',
  },
  'portal.site.bad_path': {
    status: 400,
    zh: '网址中含有不允许的字符或路径（如“..”、反斜杠）',
    en: 'The address contains characters or segments that are not allowed',
  },
  'portal.site.bad_query': { status: 400, zh: '查询条件不符合要求', en: 'The search or paging parameters are invalid' },
  'portal.site.page_out_of_range': { status: 404, zh: '没有这一页', en: 'No such page' },
});
