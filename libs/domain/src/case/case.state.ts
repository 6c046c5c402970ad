import type { Actor } from '../actor';
import type { CaseEvent, EntryType, EvidenceAttachedData, Grantee, Permission } from './case.events';
import { isEntryType } from './case.events';

export interface EntryState {
  type: EntryType;
  /** Data with every correction applied; a correction value of null removes the field. */
  data: Record<string, unknown>;
  retracted: boolean;
  /** Who recorded the entry: only they may correct or retract it. */
  authorId: string;
}

export interface GrantState {
  grantee: Grantee;
  permission: Permission;
  active: boolean;
  grantedAt: string;
  grantedBy: Actor;
  revokedAt?: string;
  revokedBy?: Actor;
  revocationReason?: string;
}

export interface CaseState {
  status: 'none' | 'open' | 'closed';
  title: string;
  ownerId: string | null;
  openedAt: string | null;
  /** The provider whose commitments the case's outages are measured against. */
  providerId: string | null;
  /** The organisation is in Alsace-Moselle: Good Friday and 26 December are public holidays too. */
  alsaceMoselle: boolean;
  entries: Map<string, EntryState>;
  evidence: Map<string, EvidenceAttachedData>;
  grants: Map<string, GrantState>;
}

/** What evolve needs besides the event itself: who recorded it and when. */
export interface RecordedCaseEvent {
  type: CaseEvent['type'];
  data: unknown;
  metadata: { actor: Actor; recordedAt: string };
}

export function initialCaseState(): CaseState {
  return {
    status: 'none',
    title: '',
    ownerId: null,
    openedAt: null,
    providerId: null,
    alsaceMoselle: false,
    entries: new Map(),
    evidence: new Map(),
    grants: new Map(),
  };
}

export function applyChanges(data: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}

/**
 * Folds one event into the state. It updates `state` in place and returns it: a fold owns the
 * state it starts from (initialCaseState()), and copying maps at every event would make loading
 * a case of thousands of entries quadratic.
 */
export function evolveCase(state: CaseState, event: RecordedCaseEvent): CaseState {
  const e = { type: event.type, data: event.data } as CaseEvent;
  switch (e.type) {
    case 'CaseOpened':
      state.status = 'open';
      state.title = e.data.title;
      state.ownerId = event.metadata.actor.id;
      state.openedAt = event.metadata.recordedAt;
      state.providerId = e.data.providerId ?? null;
      state.alsaceMoselle = e.data.publicHolidays === 'fr-alsace-moselle';
      return state;
    case 'IncidentReported':
    case 'AccessCutOff':
    case 'AccessRestored':
    case 'ProviderActionRecorded':
    case 'WrittenRequestSent':
    case 'RequestReceiptConfirmed':
    case 'ResponseReceived':
    case 'MeetingHeld':
    case 'ImpactRecorded':
    case 'WitnessStatementAdded':
    case 'NoteAdded':
      state.entries.set(e.data.entryId, { type: e.type, data: { ...e.data }, retracted: false, authorId: event.metadata.actor.id });
      return state;
    case 'EvidenceAttached':
      state.evidence.set(e.data.evidenceId, e.data);
      return state;
    case 'EntryCorrected': {
      const target = state.entries.get(e.data.targetEntryId);
      if (target) target.data = applyChanges(target.data, e.data.changes);
      return state;
    }
    case 'EntryRetracted': {
      const target = state.entries.get(e.data.targetEntryId);
      if (target) target.retracted = true;
      return state;
    }
    case 'CaseShared':
      state.grants.set(e.data.grantId, {
        grantee: e.data.grantee,
        permission: e.data.permission,
        active: true,
        grantedAt: event.metadata.recordedAt,
        grantedBy: event.metadata.actor,
      });
      return state;
    case 'CaseAccessRevoked': {
      const grant = state.grants.get(e.data.grantId);
      if (grant) {
        grant.active = false;
        grant.revokedAt = event.metadata.recordedAt;
        grant.revokedBy = event.metadata.actor;
        if (e.data.reason !== undefined) grant.revocationReason = e.data.reason;
      }
      return state;
    }
    case 'DossierExported':
      return state;
    case 'CaseClosed':
      state.status = 'closed';
      return state;
    case 'CaseReopened':
      state.status = 'open';
      return state;
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function foldCase(events: Iterable<RecordedCaseEvent>): CaseState {
  let state = initialCaseState();
  for (const event of events) state = evolveCase(state, event);
  return state;
}

export function isKnownEntry(state: CaseState, id: string): boolean {
  return state.entries.has(id) || state.evidence.has(id);
}

export { isEntryType };
