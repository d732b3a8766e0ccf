/**
 * Receiving (收文): inboxes, the steps from 签收 to 办结, 传阅, 催办, paper documents, receipts and the
 * statistics. The rest of the documents module (filing, the module's wiring) uses only this file.
 */
import './receive.audit.js';
import './receive.errors.js';

export { createInboxService, receiptsOf, type InboxService } from './inbox.service.js';
export { OrgLookup, type OrgNode } from './org-lookup.js';
export { createPaperService, scanTypes, type PaperService } from './paper.service.js';
export { receiveErrors } from './receive.errors.js';
export { incomingPolicy, inboxPolicy, receiptPolicy, type IncomingScope } from './receive.policy.js';
export { isUniqueViolation, receiveRepository } from './receive.repository.js';
export { receiveRoutes, type ReceiveRoutesOptions } from './receive.routes.js';
export { idParamsSchema, type DeliveryReceiptView, type IncomingView } from './receive.schema.js';
export { authorizeStep, loadItem, orgPathsOf, scopeOf, type LoadedItem } from './receive.scope.js';
export { createReceiveService, type Acting, type FilingLookup, type ReceiveDeps, type ReceiveService } from './receive.service.js';
export type { IncomingRow } from './receive.table.js';
export { reminderHandler, reminderPlan, reminderQueue } from './reminders.js';
export { statisticsRoutes } from './statistics.routes.js';
export { createStatisticsService, type StatisticsService } from './statistics.service.js';
