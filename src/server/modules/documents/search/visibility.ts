import type { Actor } from '../../../platform/actor.js';
import { orgIdsOnPath } from '../../../platform/policy/index.js';

/**
 * Visibility tags of the documents' search entries, mirroring who may read a document:
 *
 * - `o:<org>` — the clerks and leaders of an organisation (those of its 办公室 count for it): the
 *   issuer and co-issuers, and once issued every recipient, whose inbox holds it;
 * - `t:<org>` — clerks and leaders holding their role over that organisation's whole subtree: an
 *   entry carries it for every ancestor (and itself) of each `o:` organisation;
 * - `u:<org>` / `ut:<org>` — the people (clerk, leader, staff) of the drafting unit, and those over
 *   its subtree;
 * - `p:<user>` — the drafter.
 *
 * The platform's search allows 200 tags per entry; a document with more recipients than fit keeps
 * its sending-side tags and as many recipients as fit (an organisation left out simply cannot find it
 * by search; its inbox still lists it). Hits are checked again with the same rules before they are shown.
 */
export const MAX_ENTRY_TAGS = 200;

const tag = {
  org: (id: string) => `o:${id}`,
  tree: (id: string) => `t:${id}`,
  unit: (id: string) => `u:${id}`,
  unitTree: (id: string) => `ut:${id}`,
  person: (id: string) => `p:${id}`,
};

/** What an entry's tags are made from: organisations with their materialised paths. */
export interface EntryParties {
  /** Issuer and co-issuers (or the receiving organisation of a paper document). */
  readonly owners: readonly { readonly id: string; readonly path: string }[];
  readonly draftingUnit?: { readonly id: string; readonly path: string } | undefined;
  readonly drafter?: string | undefined;
  /** The 办公室 of the issuer, whose subtree holders read the issuer's papers. */
  readonly office?: { readonly id: string } | undefined;
  /** Recipients of an issued document. */
  readonly recipients?: readonly { readonly id: string; readonly path: string }[];
}

/** The tags of one entry, sending side first, at most `MAX_ENTRY_TAGS`. */
export function entryTags(parties: EntryParties): string[] {
  const tags = new Set<string>();
  const add = (value: string) => {
    if (tags.size < MAX_ENTRY_TAGS) tags.add(value);
  };
  for (const org of parties.owners) {
    add(tag.org(org.id));
    for (const id of orgIdsOnPath(org.path)) add(tag.tree(id));
  }
  if (parties.office) add(tag.tree(parties.office.id));
  if (parties.draftingUnit) {
    add(tag.unit(parties.draftingUnit.id));
    for (const id of orgIdsOnPath(parties.draftingUnit.path)) add(tag.unitTree(id));
  }
  if (parties.drafter) add(tag.person(parties.drafter));
  const recipients = parties.recipients ?? [];
  // Subtree holders over recipients first (few distinct ancestors), then each recipient.
  for (const org of recipients) for (const id of orgIdsOnPath(org.path)) add(tag.tree(id));
  for (const org of recipients) add(tag.org(org.id));
  return [...tags];
}

const readingRoles = new Set(['clerk', 'leader']);
const unitRoles = new Set(['clerk', 'leader', 'staff']);

/**
 * The tags a person searches with, from his grants. `servedBy` names the organisation an office
 * handles papers for (its clerks and leaders read that organisation's documents).
 */
export async function actorTags(actor: Actor, servedBy: (orgId: string) => Promise<string | undefined>): Promise<string[]> {
  const tags = new Set<string>([tag.person(actor.userId)]);
  for (const grant of actor.roles) {
    if (readingRoles.has(grant.role)) {
      tags.add(grant.scope === 'subtree' ? tag.tree(grant.orgId) : tag.org(grant.orgId));
      const served = await servedBy(grant.orgId);
      if (served) tags.add(tag.org(served));
    }
    if (unitRoles.has(grant.role)) tags.add(grant.scope === 'subtree' ? tag.unitTree(grant.orgId) : tag.unit(grant.orgId));
  }
  return [...tags];
}
