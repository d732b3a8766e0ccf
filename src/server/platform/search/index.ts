export {
  createSearch,
  MAX_GRAM_CHARS,
  MAX_TEXT_CHARS,
  type Search,
  type SearchContext,
  type SearchHit,
  type SearchOptions,
  type SearchOrder,
  type SearchResult,
} from './search.js';
export {
  MAX_COUNTED,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  type SearchDocument,
  type SearchFieldValue,
  type SearchQuery,
} from './search.schema.js';
export { MAX_FALLBACK_CANDIDATES } from './search-plan.js';
export { searchOfDialect } from './per-dialect.js';
export { searchErrors, type SearchErrorCode } from './search.errors.js';
export { extractText, htmlText, type ExtractedText, type ExtractOptions } from './extract-text.js';
export { fileText, warmFileText } from './file-text.js';
export { SEARCH_MAINTENANCE_QUEUE, nextMaintenanceAt, scheduleSearchMaintenance, searchJobs, type SearchJobDeps } from './search.jobs.js';
export { escapeHtml } from './highlight.js';
export { normalizeText } from './normalize.js';
export type { SearchEntryRow, SearchEntryTable } from './search.table.js';
