import type { z } from 'zod';
import { incomingEventActions, retentionPeriods, type Retention } from '../../../../shared/documents-receiving.js';
import { documentKindLabel, flowActions, secrecyLabels, sendStepLabel, urgencyLabels, type Secrecy, type Urgency } from '../../../../shared/documents.js';
import type { archiveFileFactsSchema, archiveMetadataSchema, processEventSchema } from './archive.schema.js';

/** One process event (业务行为) of the record: a 发文 or 收文 step with who, when and the opinion. */
export type ProcessEvent = z.infer<typeof processEventSchema>;
export type ArchiveFileFacts = z.infer<typeof archiveFileFactsSchema>;

/**
 * A 件's metadata, stored with it and exported as XML with DA/T 46-2009 element names (see
 * archive.xml.ts): its archival description, its files with their SM3, the verdict on its seals at
 * filing time, and the process of its 发文 or 收文 — every step, who, when, with opinions.
 */
export type ArchiveMetadata = z.infer<typeof archiveMetadataSchema>;

export const kindName = (kind: string | null): string | null => (kind ? documentKindLabel(kind) : null);
export const secrecyName = (secrecy: Secrecy): string => secrecyLabels[secrecy];
export const urgencyName = (urgency: Urgency): string => (urgency === 'normal' ? '' : urgencyLabels[urgency]);
export const retentionName = (retention: Retention): string => retentionPeriods[retention].label;

/** A sending-side flow event as a process event. */
export function sentEvent(e: { action: string; step: string; actor_name: string; opinion: string | null; to_step: string | null; at: string }, orgName: string | null): ProcessEvent {
  return {
    action: e.action,
    label: (flowActions as Record<string, string>)[e.action] ?? e.action,
    step: sendStepLabel(e.step),
    actor: e.actor_name,
    org: orgName,
    at: new Date(e.at).toISOString(),
    opinion: e.opinion,
    details: e.to_step ? { toStep: sendStepLabel(e.to_step) } : null,
  };
}

/** A receiving-side event as a process event. */
export function receivedEvent(e: { action: string; actor_name: string; opinion: string | null; details: string | null; at: string }, orgName: string | null): ProcessEvent {
  return {
    action: e.action,
    label: (incomingEventActions as Record<string, string>)[e.action] ?? e.action,
    step: null,
    actor: e.actor_name,
    org: orgName,
    at: new Date(e.at).toISOString(),
    opinion: e.opinion,
    details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : null,
  };
}
