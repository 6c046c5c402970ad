import type { Actor } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { caseIdOf, instantOf, parseBound, streamIdOf } from './case-stream';

export interface CaseChange {
  revision: number;
  recordedAt: string;
  actor: Actor;
  type: string;
  /** The entry this event files (entryId, evidenceId, a closure's eventId), or a correction / retraction's own id. */
  entryId?: string;
  /** The entry a correction or retraction is about. */
  targetEntryId?: string;
  data: Record<string, unknown>;
}

export interface CaseChanges {
  caseId: string;
  from: string | null;
  to: string | null;
  changes: CaseChange[];
}

function entryIdOf(record: StoredEvent): string | undefined {
  const { data } = record;
  if (typeof data.entryId === 'string') return data.entryId;
  if (typeof data.evidenceId === 'string') return data.evidenceId;
  // As in the timeline: a closure or reopening is named by its eventId.
  if (record.type === 'CaseClosed' || record.type === 'CaseReopened') return record.eventId;
  return undefined;
}

/**
 * Every event of one case stream recorded in (from, to] — from exclusive, to inclusive, both
 * optional — in revision order, exactly as recorded.
 */
export function changesBetween(records: readonly StoredEvent[], from?: string, to?: string): CaseChanges {
  const fromMs = parseBound('from', from);
  const toMs = parseBound('to', to);
  const streamId = streamIdOf(records);
  const changes: CaseChange[] = [];
  for (const record of records) {
    const at = instantOf(record.metadata.recordedAt);
    if (fromMs !== undefined && !(at > fromMs)) continue;
    if (toMs !== undefined && !(at <= toMs)) continue;
    const change: CaseChange = {
      revision: record.revision,
      recordedAt: record.metadata.recordedAt,
      actor: record.metadata.actor,
      type: record.type,
      data: structuredClone(record.data),
    };
    const entryId = entryIdOf(record);
    if (entryId !== undefined) change.entryId = entryId;
    if (typeof record.data.targetEntryId === 'string') change.targetEntryId = record.data.targetEntryId;
    changes.push(change);
  }
  changes.sort((a, b) => a.revision - b.revision);
  return { caseId: caseIdOf(streamId), from: from ?? null, to: to ?? null, changes };
}
