/**
 * Full-text search over official documents (the platform's Chinese search): entries for sent
 * documents and paper documents received, the indexing the sending and receiving services call in
 * their transactions, and `GET /documents/search`.
 */
export { indexDocument, indexIncoming, documentsSearch, teachOrgNames } from './document-index.js';
export { paperEntry, sentEntry, searchScope, type PaperFacts, type SentFacts } from './entries.js';
export { documentSearchRoutes } from './search.routes.js';
export { createDocumentSearch, type DocumentSearchService } from './search.service.js';
export { actorTags, entryTags } from './visibility.js';
