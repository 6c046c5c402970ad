import { DATE_FIELDS } from '@mc/domain';
import type { TimelineCorrection, TimelineEntry, TimelineEntryType } from '@mc/projections';
import type { Messages } from '../i18n';
import { factDateFieldOf } from '../model/fact-date';
import type { Formatter } from './formatter';

/** One labelled line of an entry's content. */
export interface FieldLine {
  label: string;
  value: string;
  mono?: boolean;
}

export interface CorrectionLines {
  correction: TimelineCorrection;
  /** One line per changed field: "before → after". */
  changes: FieldLine[];
}

/** How the dossier names another entry or an evidence file (n° 3, P1). */
export interface References {
  entry(entryId: string): string;
}

/** The content fields of each kind, in reading order. The fact date is shown apart, in every entry's header. */
const FIELD_ORDER: Record<TimelineEntryType, readonly string[]> = {
  IncidentReported: ['title', 'endedAt', 'category', 'severity', 'description', 'affectedServices', 'witnesses'],
  AccessCutOff: ['resources', 'affectedPeople', 'decidedBy', 'priorNotice', 'reasonGiven', 'description'],
  AccessRestored: ['cutOffEntryId', 'resources', 'conditions'],
  ProviderActionRecorded: ['action', 'description', 'authorizedBy', 'notifiedBeforehand'],
  WrittenRequestSent: ['subject', 'channel', 'from', 'to', 'kind', 'deadlinePolicy', 'body'],
  RequestReceiptConfirmed: ['requestEntryId', 'proof'],
  ResponseReceived: ['requestEntryId', 'channel', 'from', 'form', 'outcome', 'summary'],
  MeetingHeld: ['participants', 'summary', 'minutesAvailable'],
  ImpactRecorded: ['periodEnd', 'hoursLost', 'tasksBlocked', 'extraStaff', 'publicImpact'],
  WitnessStatementAdded: ['witness', 'statement', 'aboutEntryId'],
  NoteAdded: ['text', 'aboutEntryId'],
  EvidenceAttached: ['fileName', 'mediaType', 'size', 'sha256', 'description', 'aboutEntryId'],
  CaseClosed: ['reason'],
  CaseReopened: ['reason'],
};

/** The field that gives an entry its short title after its kind, if any. */
const HEADLINE_FIELD: Partial<Record<TimelineEntryType, string>> = {
  IncidentReported: 'title',
  WrittenRequestSent: 'subject',
  ProviderActionRecorded: 'action',
  EvidenceAttached: 'fileName',
};

const IDENTITY_FIELDS = new Set(['entryId', 'evidenceId']);
const REFERENCE_FIELDS = new Set(['cutOffEntryId', 'requestEntryId', 'aboutEntryId']);
const DATES = new Set(DATE_FIELDS);

/** Turns an entry's data into readable, labelled lines: enum codes become words, dates become dates. */
export class EntryDescriber {
  private readonly m: Messages;

  constructor(
    private readonly f: Formatter,
    private readonly refs: References,
  ) {
    this.m = f.m;
  }

  /** « Incident — Mailing PMB : 87 retours sur 687 envois ». */
  headline(entry: TimelineEntry): string {
    const kind = this.m.entryTypes[entry.type];
    const field = HEADLINE_FIELD[entry.type];
    const value = field ? entry.data[field] : undefined;
    return value === undefined || value === null ? kind : `${kind} — ${this.value(entry.type, field!, value)}`;
  }

  label(type: TimelineEntryType, field: string): string {
    if (field === factDateFieldOf(type)) return this.m.entry.occurredAt;
    if (type === 'AccessRestored' && field === 'resources') return this.m.fields.restoredResources ?? field;
    return this.m.fields[field] ?? field;
  }

  /** The content lines of the entry as it stands (corrections applied). */
  fields(entry: TimelineEntry): FieldLine[] {
    const { type, data } = entry;
    const skip = new Set([...IDENTITY_FIELDS, factDateFieldOf(type), HEADLINE_FIELD[type]]);
    const order = FIELD_ORDER[type];
    const extra = Object.keys(data).filter((field) => !order.includes(field) && !skip.has(field));
    const lines: FieldLine[] = [];
    for (const field of [...order, ...extra]) {
      if (skip.has(field)) continue;
      const value = data[field];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
        if (type === 'AccessRestored' && field === 'resources') lines.push({ label: this.label(type, field), value: this.m.registers.allRestored });
        continue;
      }
      lines.push({ label: this.label(type, field), value: this.value(type, field, value), mono: field === 'sha256' });
    }
    return lines;
  }

  /** Each correction with, for every field it changed, the value before and after it. */
  corrections(entry: TimelineEntry): CorrectionLines[] {
    let state: Record<string, unknown> = { ...entry.original };
    return entry.corrections.map((correction) => {
      const changes = Object.entries(correction.changes).map(([field, after]) => {
        const before = state[field];
        const shown = (value: unknown, missing: string): string => (value === undefined || value === null ? missing : this.value(entry.type, field, value));
        return { label: this.label(entry.type, field), value: `${shown(before, '—')} → ${shown(after, this.m.entry.removed)}` };
      });
      state = { ...state, ...correction.changes };
      return { correction, changes };
    });
  }

  /** A value of a field, in words. */
  value(type: TimelineEntryType, field: string, value: unknown): string {
    if (value === undefined || value === null) return '—';
    if (typeof value === 'boolean') return value ? this.m.yes : this.m.no;
    if (typeof value === 'string') {
      if (DATES.has(field)) return this.f.dateTime(value);
      if (REFERENCE_FIELDS.has(field)) return this.refs.entry(value);
      return this.enumLabel(type, field, value) ?? value;
    }
    if (typeof value === 'number') {
      if (field === 'hoursLost') return this.f.duration(value);
      if (field === 'size') return this.f.bytes(value);
      return this.f.number(value);
    }
    if (Array.isArray(value)) {
      if (field === 'resources') return value.map((r: unknown) => this.resource(r)).join(this.m.listSeparator);
      return value.map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
    }
    return JSON.stringify(value);
  }

  /** « serveur de fichiers « Serveur de fichiers (dossiers) » ». */
  resource(value: unknown): string {
    if (value === null || typeof value !== 'object') return String(value);
    const { kind, label } = value as { kind?: unknown; label?: unknown };
    const name = typeof kind === 'string' ? ((this.m.resourceKinds as Record<string, string>)[kind] ?? kind) : '';
    return typeof label === 'string' && label !== '' ? `${name} ${this.f.quote(label)}`.trim() : name;
  }

  private enumLabel(type: TimelineEntryType, field: string, value: string): string | undefined {
    const table = this.enumTable(type, field);
    return table ? table[value] : undefined;
  }

  private enumTable(type: TimelineEntryType, field: string): Record<string, string> | undefined {
    const m = this.m;
    switch (field) {
      case 'category':
        return m.categories;
      case 'severity':
        return m.severities;
      case 'decidedBy':
        return m.decidedBy;
      case 'priorNotice':
        return m.priorNotice;
      case 'action':
        return m.providerActions;
      case 'channel':
        return m.channels;
      case 'kind':
        return type === 'WrittenRequestSent' ? m.requestKinds : undefined;
      case 'form':
        return m.responseForms;
      case 'outcome':
        return m.responseOutcomes;
      default:
        return undefined;
    }
  }
}
