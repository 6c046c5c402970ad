/**
 * The case stream `case-<uuid>` event catalog, schemaVersion 1 (../shared/design/EVENTS.md).
 * Dates are ISO-8601 strings with an offset; durations and sizes are integers.
 * Optional fields are absent (never `undefined` or `null`) in stored data.
 */

export const CASE_SCHEMA_VERSION = 1;

export const INCIDENT_CATEGORIES = ['outage', 'provider_action', 'pressure', 'data_protection', 'other'] as const;
export const SEVERITIES = ['blocking', 'non_blocking'] as const;
export const RESOURCE_KINDS = ['mailbox', 'chat', 'file_server', 'business_software', 'workstation', 'phone', 'other'] as const;
export const DECIDED_BY = ['provider', 'hierarchy', 'unknown'] as const;
export const PRIOR_NOTICE = ['none', 'oral', 'written'] as const;
export const PROVIDER_ACTIONS = ['remote_takeover', 'account_suspension', 'configuration_change', 'data_access', 'demand', 'other'] as const;
export const REQUEST_CHANNELS = ['email', 'letter', 'registered_letter', 'hand_delivered', 'internal_note', 'ticket'] as const;
export const REQUEST_KINDS = ['question_to_hierarchy', 'document_request', 'gdpr_rights_request', 'provider_ticket', 'grievance', 'other'] as const;
export const RESPONSE_CHANNELS = [...REQUEST_CHANNELS, 'oral'] as const;
export const RESPONSE_FORMS = ['written', 'oral'] as const;
export const RESPONSE_OUTCOMES = ['answered', 'partial', 'refused', 'acknowledged'] as const;
export const PERMISSIONS = ['read', 'contribute', 'export'] as const;
export const EXPORT_FORMATS = ['pdf', 'bundle'] as const;

export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type DecidedBy = (typeof DECIDED_BY)[number];
export type PriorNotice = (typeof PRIOR_NOTICE)[number];
export type ProviderAction = (typeof PROVIDER_ACTIONS)[number];
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];
export type ResponseForm = (typeof RESPONSE_FORMS)[number];
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];
export type Permission = (typeof PERMISSIONS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Resource {
  kind: ResourceKind;
  label?: string;
}

export type Grantee = { kind: 'user'; id: string } | { kind: 'group'; id: string };

export interface CaseOpenedData {
  title: string;
  summary?: string;
  service?: string;
  organisation?: string;
  providerId?: string;
  /** The public holidays that extend legal deadlines where the organisation is: 'fr' (default) or 'fr-alsace-moselle'. */
  publicHolidays?: PublicHolidays;
}

export const PUBLIC_HOLIDAYS = ['fr', 'fr-alsace-moselle'] as const;
export type PublicHolidays = (typeof PUBLIC_HOLIDAYS)[number];

export interface IncidentReportedData {
  entryId: string;
  occurredAt: string;
  endedAt?: string;
  title: string;
  description?: string;
  category: IncidentCategory;
  severity: Severity;
  affectedServices?: string[];
  witnesses?: string[];
}

export interface AccessCutOffData {
  entryId: string;
  occurredAt: string;
  resources: Resource[];
  affectedPeople?: string[];
  decidedBy: DecidedBy;
  priorNotice: PriorNotice;
  reasonGiven?: string;
  description?: string;
}

export interface AccessRestoredData {
  entryId: string;
  cutOffEntryId: string;
  occurredAt: string;
  /** Absent: everything the cut-off took is back. Present: only these resources are. */
  resources?: Resource[];
  conditions?: string;
}

export interface ProviderActionRecordedData {
  entryId: string;
  occurredAt: string;
  action: ProviderAction;
  description: string;
  authorizedBy?: string;
  notifiedBeforehand?: boolean;
}

export interface WrittenRequestSentData {
  entryId: string;
  sentAt: string;
  channel: RequestChannel;
  from: string;
  to: string;
  subject: string;
  body?: string;
  kind: RequestKind;
  deadlinePolicy?: string;
}

export interface RequestReceiptConfirmedData {
  entryId: string;
  requestEntryId: string;
  receivedAt: string;
  proof?: string;
}

export interface ResponseReceivedData {
  entryId: string;
  requestEntryId: string;
  receivedAt: string;
  channel: ResponseChannel;
  from: string;
  form: ResponseForm;
  outcome: ResponseOutcome;
  summary?: string;
}

export interface MeetingHeldData {
  entryId: string;
  occurredAt: string;
  participants: string[];
  summary: string;
  minutesAvailable?: boolean;
}

export interface ImpactRecordedData {
  entryId: string;
  periodStart: string;
  periodEnd: string;
  /** Working time lost, in minutes (EVENTS.md: "hoursLost (int minutes)"). */
  hoursLost?: number;
  tasksBlocked?: string[];
  extraStaff?: string;
  publicImpact?: string;
}

export interface WitnessStatementAddedData {
  entryId: string;
  witness: string;
  statement: string;
  aboutEntryId?: string;
}

export interface NoteAddedData {
  entryId: string;
  text: string;
  aboutEntryId?: string;
}

export interface EvidenceAttachedData {
  evidenceId: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  description?: string;
  aboutEntryId?: string;
  capturedAt?: string;
}

export interface EntryCorrectedData {
  entryId: string;
  targetEntryId: string;
  changes: Record<string, unknown>;
  reason: string;
}

export interface EntryRetractedData {
  entryId: string;
  targetEntryId: string;
  reason: string;
}

export interface CaseSharedData {
  grantId: string;
  grantee: Grantee;
  permission: Permission;
}

export interface CaseAccessRevokedData {
  grantId: string;
  reason?: string;
}

export interface DossierExportedData {
  exportId: string;
  format: ExportFormat;
  asOf: string;
  sha256: string;
  purpose?: string;
}

export interface CaseClosedData {
  reason: string;
}

export interface CaseReopenedData {
  reason: string;
}

export type CaseEvent =
  | { type: 'CaseOpened'; data: CaseOpenedData }
  | { type: 'IncidentReported'; data: IncidentReportedData }
  | { type: 'AccessCutOff'; data: AccessCutOffData }
  | { type: 'AccessRestored'; data: AccessRestoredData }
  | { type: 'ProviderActionRecorded'; data: ProviderActionRecordedData }
  | { type: 'WrittenRequestSent'; data: WrittenRequestSentData }
  | { type: 'RequestReceiptConfirmed'; data: RequestReceiptConfirmedData }
  | { type: 'ResponseReceived'; data: ResponseReceivedData }
  | { type: 'MeetingHeld'; data: MeetingHeldData }
  | { type: 'ImpactRecorded'; data: ImpactRecordedData }
  | { type: 'WitnessStatementAdded'; data: WitnessStatementAddedData }
  | { type: 'NoteAdded'; data: NoteAddedData }
  | { type: 'EvidenceAttached'; data: EvidenceAttachedData }
  | { type: 'EntryCorrected'; data: EntryCorrectedData }
  | { type: 'EntryRetracted'; data: EntryRetractedData }
  | { type: 'CaseShared'; data: CaseSharedData }
  | { type: 'CaseAccessRevoked'; data: CaseAccessRevokedData }
  | { type: 'DossierExported'; data: DossierExportedData }
  | { type: 'CaseClosed'; data: CaseClosedData }
  | { type: 'CaseReopened'; data: CaseReopenedData };

export type CaseEventType = CaseEvent['type'];

/** The entries a person files about the facts: each has an entryId and can be corrected or retracted. */
export const ENTRY_TYPES = [
  'IncidentReported',
  'AccessCutOff',
  'AccessRestored',
  'ProviderActionRecorded',
  'WrittenRequestSent',
  'RequestReceiptConfirmed',
  'ResponseReceived',
  'MeetingHeld',
  'ImpactRecorded',
  'WitnessStatementAdded',
  'NoteAdded',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export type EntryEvent = Extract<CaseEvent, { type: EntryType }>;

export function isEntryType(type: string): type is EntryType {
  return (ENTRY_TYPES as readonly string[]).includes(type);
}

/** The field that dates the fact an entry reports (used for "occurred" ordering and lateness). */
export const FACT_DATE_FIELD: Record<EntryType, string | null> = {
  IncidentReported: 'occurredAt',
  AccessCutOff: 'occurredAt',
  AccessRestored: 'occurredAt',
  ProviderActionRecorded: 'occurredAt',
  WrittenRequestSent: 'sentAt',
  RequestReceiptConfirmed: 'receivedAt',
  ResponseReceived: 'receivedAt',
  MeetingHeld: 'occurredAt',
  ImpactRecorded: 'periodStart',
  WitnessStatementAdded: null,
  NoteAdded: null,
};

/** Every date-valued field of entry data: all must carry an offset and none may lie in the future. */
export const DATE_FIELDS: readonly string[] = ['occurredAt', 'endedAt', 'sentAt', 'receivedAt', 'periodStart', 'periodEnd', 'capturedAt'];

/** Fields of an entry that a correction may not change: identity and links define the entry itself. */
export const IMMUTABLE_ENTRY_FIELDS: readonly string[] = ['entryId', 'cutOffEntryId', 'requestEntryId'];

export const TEXT_LIMITS = { title: 200, text: 20_000, short: 500, listItems: 100 } as const;
