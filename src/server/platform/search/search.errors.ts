import { defineErrors } from '../errors/app-error.js';

/**
 * A query a person typed that cannot run is their mistake (400); an object a module tried to index
 * with bad metadata is too, since the metadata comes from what its users entered.
 */
export const searchErrors = defineErrors({
  'search.query_empty': { status: 400, zh: '请输入要搜索的文字', en: 'Enter something to search for' },
  'search.query_too_long': { status: 400, zh: '搜索内容过长，请精简后再试', en: 'The search text is too long' },
  'search.query_too_many_terms': { status: 400, zh: '搜索词过多，请减少后再试', en: 'The search has too many words' },
  'search.query_invalid': { status: 400, zh: '搜索条件不符合要求', en: 'The search conditions are invalid' },
  'search.page_too_deep': {
    status: 400,
    zh: '只能查看前 1000 条结果，请增加搜索条件缩小范围',
    en: 'Only the first 1,000 results can be paged; narrow the search',
  },
  'search.document_invalid': { status: 400, zh: '待索引的内容不符合要求', en: 'The object to index is invalid' },
  'search.extract_failed': { status: 422, zh: '无法从附件中提取文字', en: 'No text could be extracted from the attachment' },
});

export type SearchErrorCode = keyof typeof searchErrors;
