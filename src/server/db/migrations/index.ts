import type { Migration } from 'kysely';
import * as orgs from './2026_11_27_0001_orgs.js';
import * as identity from './2026_11_27_0002_identity.js';
import * as platform from './2026_11_27_0003_platform.js';
import * as audit from './2026_11_27_0004_audit.js';
import * as pki from './2026_11_27_0005_pki.js';
import * as identitySecurity from './2026_11_27_0006_identity_security.js';
import * as identitySm2Factor from './2026_11_27_0007_identity_sm2_factor.js';
import * as identityPersonalData from './2026_11_27_0008_identity_personal_data.js';
import * as search from './2026_11_27_0009_search.js';
import * as documents from './2026_11_27_0010_documents.js';
import * as documentsReceiving from './2026_11_27_0011_documents_receiving.js';
import * as seals from './2026_11_27_0012_seals.js';
import * as documentsIndexes from './2026_11_27_0013_documents_indexes.js';
import * as searchGin from './2026_11_27_0014_search_gin.js';
import * as portalSites from './2026_11_27_0015_portal_sites.js';
import * as portalDisclosure from './2026_11_27_0016_portal_disclosure.js';
import * as portalInteraction from './2026_11_27_0017_portal_interaction.js';
import * as portalPublishing from './2026_11_27_0018_portal_publishing.js';
import * as portalInspection from './2026_11_27_0020_portal_inspection.js';
import * as portalArticlesInterpretsIdx from './2026_11_27_0021_portal_articles_interprets_idx.js';
import * as incomingUnitsStep from './2026_11_27_0022_incoming_units_step.js';
import * as searchEntryMeta from './2026_11_27_0023_search_entry_meta.js';
import * as serviceItems from './2026_11_28_0024_service_items.js';
import * as searchEntryFacets from './2026_11_28_0025_search_entry_facets.js';

/** Every migration, by name. Names sort in the order they run; add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_orgs': orgs,
  '2026_11_27_0002_identity': identity,
  '2026_11_27_0003_platform': platform,
  '2026_11_27_0004_audit': audit,
  '2026_11_27_0005_pki': pki,
  '2026_11_27_0006_identity_security': identitySecurity,
  '2026_11_27_0007_identity_sm2_factor': identitySm2Factor,
  '2026_11_27_0008_identity_personal_data': identityPersonalData,
  '2026_11_27_0009_search': search,
  '2026_11_27_0010_documents': documents,
  '2026_11_27_0011_documents_receiving': documentsReceiving,
  '2026_11_27_0012_seals': seals,
  '2026_11_27_0013_documents_indexes': documentsIndexes,
  '2026_11_27_0014_search_gin': searchGin,
  '2026_11_27_0015_portal_sites': portalSites,
  '2026_11_27_0016_portal_disclosure': portalDisclosure,
  '2026_11_27_0017_portal_interaction': portalInteraction,
  '2026_11_27_0018_portal_publishing': portalPublishing,
  '2026_11_27_0020_portal_inspection': portalInspection,
  '2026_11_27_0021_portal_articles_interprets_idx': portalArticlesInterpretsIdx,
  '2026_11_27_0022_incoming_units_step': incomingUnitsStep,
  '2026_11_27_0023_search_entry_meta': searchEntryMeta,
  '2026_11_28_0024_service_items': serviceItems,
  '2026_11_28_0025_search_entry_facets': searchEntryFacets,
};
