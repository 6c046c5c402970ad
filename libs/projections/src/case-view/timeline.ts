import { FACT_DATE_FIELD, isEntryType } from '@mc/domain';
import type { Actor, EntryType } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { caseIdOf, instantOf, parseBound, recordedBy, streamIdOf } from './case-stream';

export type TimelineBasis = 'recorded' | 'occurred';

export interface TimelineOptions {
  /** Absent: everything. */
  asOf?: string;
  /** `recorded` (default): what the journal held at asOf. `occurred`: what had happened by asOf. */
  basis?: TimelineBasis;
}

/** The kinds of event a timeline lists: the facts, not the custody events (sharing, exports). */
export type TimelineEntryType = EntryType | 'EvidenceAttached' | 'CaseClosed' | 'CaseReopened';

export interface TimelineCorrection {
  entryId: string;
  revision: number;
  recordedAt: string;
  actor: Actor;
  changes: Record<string, unknown>;
  reason: string;
}

export interface TimelineRetraction {
  entryId: string;
  revision: number;
  recordedAt: string;
  actor: Actor;
  reason: string;
}

export interface Lateness {
  minutes: number;
  days: number;
}

/** Entries that refer to this one, by entryId, in timeline order. */
export interface RelatedEntries {
  /** AccessRestored entries of an AccessCutOff. */
  restorations: string[];
  /** RequestReceiptConfirmed entries of a WrittenRequestSent. */
  receipts: string[];
  /** ResponseReceived entries of a WrittenRequestSent. */
  responses: string[];
  /** NoteAdded entries about this entry. */
  notes: string[];
  /** WitnessStatementAdded entries about this entry. */
  statements: string[];
}

export interface TimelineEntry {
  entryId: string;
  type: TimelineEntryType;
  /** The fact date (FACT_DATE_FIELD, after corrections); recordedAt when the type has none. */
  occurredAt: string;
  recordedAt: string;
  revision: number;
  actor: Actor;
  /** The data as it stands: the original with every correction applied in order. */
  data: Record<string, unknown>;
  /** The data as first recorded. */
  original: Record<string, unknown>;
  corrections: TimelineCorrection[];
  retracted: TimelineRetraction | null;
  /** Set when the entry was recorded 24 hours or more after its fact date. */
  lateBy: Lateness | null;
  /** evidenceIds of the EvidenceAttached events about this entry. */
  evidence: string[];
  related: RelatedEntries;
}

export interface Timeline {
  caseId: string;
  streamId: string;
  asOf: string | null;
  basis: TimelineBasis;
  /** Revision and hash of the last event taken into account (null when none was). */
  headRevision: number | null;
  headHash: string | null;
  entries: TimelineEntry[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Which field of the data dates the fact, for every type a timeline lists. */
function factDateField(type: TimelineEntryType): string | null {
  if (type === 'EvidenceAttached') return 'capturedAt';
  if (type === 'CaseClosed' || type === 'CaseReopened') return null;
  return FACT_DATE_FIELD[type];
}

function timelineEntryType(type: string): TimelineEntryType | null {
  if (isEntryType(type)) return type;
  if (type === 'EvidenceAttached' || type === 'CaseClosed' || type === 'CaseReopened') return type;
  return null;
}

function applyChanges(data: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const next = { ...data };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else next[field] = structuredClone(value);
  }
  return next;
}

function latenessOf(recordedAt: string, occurredAt: string): Lateness | null {
  const delay = instantOf(recordedAt) - instantOf(occurredAt);
  if (!(delay >= DAY_MS)) return null; // also null when a date does not parse
  return { minutes: Math.floor(delay / MINUTE_MS), days: Math.floor(delay / DAY_MS) };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The timeline of ONE case stream (records in revision order), computed from the events alone.
 *
 * - basis `recorded`: only events recorded at or before asOf count, so corrections and
 *   retractions recorded later do not apply.
 * - basis `occurred`: every recorded event counts, and only entries whose (corrected) fact date
 *   is at or before asOf are listed.
 */
export function buildTimeline(records: readonly StoredEvent[], options: TimelineOptions = {}): Timeline {
  const basis = options.basis ?? 'recorded';
  const asOfMs = parseBound('asOf', options.asOf);
  const streamId = streamIdOf(records);
  const considered = basis === 'recorded' ? recordedBy(records, asOfMs) : [...records];

  const byId = new Map<string, TimelineEntry>();
  const all: TimelineEntry[] = [];

  for (const record of considered) {
    const { type, data, metadata, revision } = record;
    if (type === 'EntryCorrected') {
      const target = byId.get(String(data.targetEntryId));
      if (!target) continue;
      const changes = (data.changes ?? {}) as Record<string, unknown>;
      target.corrections.push({
        entryId: String(data.entryId),
        revision,
        recordedAt: metadata.recordedAt,
        actor: metadata.actor,
        changes: structuredClone(changes),
        reason: String(data.reason ?? ''),
      });
      target.data = applyChanges(target.data, changes);
      continue;
    }
    if (type === 'EntryRetracted') {
      const target = byId.get(String(data.targetEntryId));
      if (!target || target.retracted) continue;
      target.retracted = {
        entryId: String(data.entryId),
        revision,
        recordedAt: metadata.recordedAt,
        actor: metadata.actor,
        reason: String(data.reason ?? ''),
      };
      continue;
    }
    const entryType = timelineEntryType(type);
    if (!entryType) continue; // CaseOpened and custody events (CaseShared, CaseAccessRevoked, DossierExported)
    const entryId =
      entryType === 'EvidenceAttached'
        ? String(data.evidenceId)
        : entryType === 'CaseClosed' || entryType === 'CaseReopened'
          ? record.eventId
          : String(data.entryId);
    const entry: TimelineEntry = {
      entryId,
      type: entryType,
      occurredAt: metadata.recordedAt,
      recordedAt: metadata.recordedAt,
      revision,
      actor: metadata.actor,
      data: structuredClone(data),
      original: structuredClone(data),
      corrections: [],
      retracted: null,
      lateBy: null,
      evidence: [],
      related: { restorations: [], receipts: [], responses: [], notes: [], statements: [] },
    };
    byId.set(entryId, entry);
    all.push(entry);
  }

  // Fact dates and lateness from the effective data.
  for (const entry of all) {
    const field = factDateField(entry.type);
    const declared = field ? str(entry.data[field]) : undefined;
    entry.occurredAt = declared !== undefined && !Number.isNaN(instantOf(declared)) ? declared : entry.recordedAt;
    entry.lateBy = latenessOf(entry.recordedAt, entry.occurredAt);
  }

  const listed = basis === 'occurred' && asOfMs !== undefined ? all.filter((e) => instantOf(e.occurredAt) <= asOfMs) : all;
  listed.sort((a, b) => instantOf(a.occurredAt) - instantOf(b.occurredAt) || a.revision - b.revision);

  // Links, only between listed entries: a restoration that had not happened by asOf is not one yet.
  const listedById = new Map(listed.map((e) => [e.entryId, e]));
  const link = (targetId: unknown, key: keyof RelatedEntries, entryId: string): void => {
    const target = typeof targetId === 'string' ? listedById.get(targetId) : undefined;
    if (target) target.related[key].push(entryId);
  };
  for (const entry of listed) {
    const d = entry.data;
    switch (entry.type) {
      case 'AccessRestored':
        link(d.cutOffEntryId, 'restorations', entry.entryId);
        break;
      case 'RequestReceiptConfirmed':
        link(d.requestEntryId, 'receipts', entry.entryId);
        break;
      case 'ResponseReceived':
        link(d.requestEntryId, 'responses', entry.entryId);
        break;
      case 'NoteAdded':
        link(d.aboutEntryId, 'notes', entry.entryId);
        break;
      case 'WitnessStatementAdded':
        link(d.aboutEntryId, 'statements', entry.entryId);
        break;
      case 'EvidenceAttached': {
        const target = typeof d.aboutEntryId === 'string' ? listedById.get(d.aboutEntryId) : undefined;
        if (target) target.evidence.push(entry.entryId);
        break;
      }
      default:
        break;
    }
  }

  const head = considered[considered.length - 1];
  return {
    caseId: caseIdOf(streamId),
    streamId,
    asOf: options.asOf ?? null,
    basis,
    headRevision: head ? head.revision : null,
    headHash: head ? head.hash : null,
    entries: listed,
  };
}
