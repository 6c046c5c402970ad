import { buildTimeline, outagesOf as measuredOutagesOf, requestRegister as deadlineRegister, summarizeCase } from '@mc/projections';
import type {
  BreachNotification,
  CaseSummary,
  OutageSlaBreach,
  ProviderBusinessHours,
  ProviderSlaCommitment,
  RegisteredRequest,
  Timeline,
  TimelineEntry,
} from '@mc/projections';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { hasFactDate } from './fact-date';
import { figuresOf } from './figures';
import type { Figures } from './figures';
import { outagesOf } from './outages';
import type { Outage } from './outages';
import { requestRegister } from './requests';
import type { RequestRecord } from './requests';

/** An evidence file, numbered in the order it was added to the case (stable from one dossier to the next). */
export interface EvidenceItem {
  entry: TimelineEntry;
  number: number;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

/** Everything the sections draw, computed once from the records through the projections. */
export interface DossierModel {
  summary: CaseSummary;
  timeline: Timeline;
  /** Chronology order (fact date, then revision). */
  entries: TimelineEntry[];
  byId: ReadonlyMap<string, TimelineEntry>;
  /** 1-based position in the chronology. */
  numbers: ReadonlyMap<string, number>;
  evidence: EvidenceItem[];
  evidenceById: ReadonlyMap<string, EvidenceItem>;
  outages: Outage[];
  requests: RequestRecord[];
  /** Data-protection incidents with the 72 hours to notify the CNIL (gdpr-breach-notification). */
  breachNotifications: BreachNotification[];
  meetings: TimelineEntry[];
  /** First and last declared fact dates (notes and closures have none); null when there is none. */
  period: { from: string; to: string } | null;
  /** Sharing, revocations and exports: access to the case is itself evidence. */
  custody: StoredEvent[];
  figures: Figures;
  /** Legal deadlines of each written request (by entry id), as computed for the register. */
  deadlines: ReadonlyMap<string, RegisteredRequest['deadlines']>;
  /** Breaches of the provider's commitments by each cut-off (by entry id). */
  breaches: ReadonlyMap<string, OutageSlaBreach[]>;
  /** Breaches the journal does not establish (a cut-off without notice whose author is unknown), by entry id: shown, never counted. */
  doubts: ReadonlyMap<string, OutageSlaBreach[]>;
}

export interface DossierModelOptions {
  /** The provider's commitments over time (ProviderState.commitmentHistory): each cut-off is measured against the one in force when it began, as held at asOf. */
  providerCommitments?: ProviderSlaCommitment[];
  /** The contract's support hours over time (ProviderState.businessHoursHistory): each cut-off is measured on those in force when it began, as held at asOf. */
  providerBusinessHours?: readonly ProviderBusinessHours[];
  alsaceMoselle?: boolean;
}

const CUSTODY_TYPES = new Set(['CaseShared', 'CaseAccessRevoked', 'DossierExported']);

function evidenceOf(entries: readonly TimelineEntry[]): EvidenceItem[] {
  return entries
    .filter((e) => e.type === 'EvidenceAttached')
    .sort((a, b) => a.revision - b.revision)
    .map((entry, index) => ({
      entry,
      number: index + 1,
      sha256: String(entry.data.sha256 ?? ''),
      size: typeof entry.data.size === 'number' ? entry.data.size : 0,
      mediaType: String(entry.data.mediaType ?? 'application/octet-stream'),
      fileName: String(entry.data.fileName ?? ''),
    }));
}

function periodOf(entries: readonly TimelineEntry[]): DossierModel['period'] {
  const facts = entries.filter(hasFactDate);
  const first = facts[0];
  const last = facts[facts.length - 1];
  return first && last ? { from: first.occurredAt, to: last.occurredAt } : null;
}

export function buildDossierModel(records: readonly StoredEvent[], asOf: string, options: DossierModelOptions = {}): DossierModel {
  const summary = records.length > 0 ? summarizeCase(records, asOf) : null;
  if (!summary) throw new Error('renderDossier needs a case stream that starts with CaseOpened at or before asOf');
  const timeline = buildTimeline(records, { asOf, basis: 'recorded' });
  const legalDeadlines = deadlineRegister(records, asOf, { alsaceMoselle: options.alsaceMoselle });
  const entries = timeline.entries;
  const byId = new Map(entries.map((e) => [e.entryId, e]));
  const evidence = evidenceOf(entries);
  const outages = outagesOf(entries, byId, asOf);
  const requests = requestRegister(entries, byId, asOf);
  const measured = measuredOutagesOf(records, asOf, options.providerCommitments ?? [], {
    alsaceMoselle: options.alsaceMoselle,
    businessHours: options.providerBusinessHours,
  }).outages;
  return {
    summary,
    timeline,
    entries,
    byId,
    numbers: new Map(entries.map((e, index) => [e.entryId, index + 1])),
    evidence,
    evidenceById: new Map(evidence.map((item) => [item.entry.entryId, item])),
    outages,
    requests,
    breachNotifications: legalDeadlines.breachNotifications,
    meetings: entries.filter((e) => e.type === 'MeetingHeld'),
    period: periodOf(entries),
    custody: records.filter((r) => CUSTODY_TYPES.has(r.type) && Date.parse(r.metadata.recordedAt) <= Date.parse(asOf)),
    figures: figuresOf(summary, entries, outages, requests),
    deadlines: new Map(legalDeadlines.requests.map((r) => [r.entryId, r.deadlines])),
    breaches: new Map(measured.map((o) => [o.cutOffEntryId, o.slaBreaches])),
    doubts: new Map(measured.map((o) => [o.cutOffEntryId, o.slaDoubts])),
  };
}
