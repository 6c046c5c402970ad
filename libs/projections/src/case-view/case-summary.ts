import { isEntryType } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { caseIdOf, parseBound, recordedBy, streamIdOf } from './case-stream';

export type CaseStatus = 'open' | 'closed';

export interface CaseCounts {
  /** Entries filed (ENTRY_TYPES), retracted ones included: they stay in the record. */
  entries: number;
  /** Entries by type; the values add up to `entries`. */
  byType: Record<string, number>;
  corrections: number;
  retractions: number;
  evidence: number;
}

export interface CaseSummary {
  id: string;
  streamId: string;
  title: string;
  summary: string | null;
  service: string | null;
  organisation: string | null;
  providerId: string | null;
  status: CaseStatus;
  ownerId: string;
  openedAt: string;
  openedBy: { id: string; username: string };
  lastRecordedAt: string;
  revision: number;
  headHash: string;
  counts: CaseCounts;
}

function optional(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The case as the journal held it at `asOf` (recordedAt basis; absent: now), from one case
 * stream's records in revision order. Null when the case had not been opened by then.
 */
export function summarizeCase(records: readonly StoredEvent[], asOf?: string): CaseSummary | null {
  const asOfMs = parseBound('asOf', asOf);
  const streamId = streamIdOf(records);
  const held = recordedBy(records, asOfMs);
  const opened = held[0];
  if (!opened || opened.type !== 'CaseOpened') return null;

  const counts: CaseCounts = { entries: 0, byType: {}, corrections: 0, retractions: 0, evidence: 0 };
  let status: CaseStatus = 'open';
  for (const { type } of held) {
    if (isEntryType(type)) {
      counts.entries += 1;
      counts.byType[type] = (counts.byType[type] ?? 0) + 1;
    } else if (type === 'EntryCorrected') counts.corrections += 1;
    else if (type === 'EntryRetracted') counts.retractions += 1;
    else if (type === 'EvidenceAttached') counts.evidence += 1;
    else if (type === 'CaseClosed') status = 'closed';
    else if (type === 'CaseReopened') status = 'open';
  }

  const head = held[held.length - 1]!;
  const { actor } = opened.metadata;
  return {
    id: caseIdOf(streamId),
    streamId,
    title: String(opened.data.title ?? ''),
    summary: optional(opened.data.summary),
    service: optional(opened.data.service),
    organisation: optional(opened.data.organisation),
    providerId: optional(opened.data.providerId),
    status,
    ownerId: actor.id,
    openedAt: opened.metadata.recordedAt,
    openedBy: { id: actor.id, username: actor.username },
    lastRecordedAt: head.metadata.recordedAt,
    revision: head.revision,
    headHash: head.hash,
    counts,
  };
}
