import type { Actor } from '../actor';
import { TEXT_LIMITS } from '../case/case.events';
import { SLA_RULE_METRICS, type SlaRuleMetric } from '../deadlines/rule-set';
import { DomainError } from '../errors';
import { businessHoursCalendar, type ContractCalendar, type WeeklyHours } from '../deadlines/business-calendar';
import { parseParisDate, type IsoWeekday } from '../deadlines/calendar';

/**
 * Provider stream `provider-<uuid>` (EVENTS.md): who the provider is and what its contract
 * commits it to. The state keeps the commitment currently in force for each metric; the
 * history (every definition, every withdrawal, who and when) is the stream itself.
 * Pure: no I/O, no clock, no id generation.
 */
export const PROVIDER_SCHEMA_VERSION = 1;

/** The six contract metrics: one list with the deadline rules (rule-set.ts) so they cannot drift. */
export const SLA_METRICS = SLA_RULE_METRICS;
export const SLA_CALENDARS = ['24x7', 'business_hours'] as const;

export type SlaMetric = SlaRuleMetric;
export type SlaCalendar = (typeof SLA_CALENDARS)[number];

/** Ten years of minutes, leap days included: the same bound as every other duration of the API. */
export const MAX_SLA_TARGET_MINUTES = 10 * 366 * 24 * 60;

/** The one metric whose target may be 0: a prior notice of 0 minutes means "none required". */
export const minimumTargetOf = (metric: SlaMetric): number => (metric === 'prior_notice' ? 0 : 1);

export const providerStream = (providerId: string): string => `provider-${providerId}`;
export const PROVIDER_STREAM_PREFIX = 'provider-';

export interface ProviderRegisteredData {
  name: string;
  contractReference?: string;
  services?: string[];
  contact?: string;
}

export interface SlaCommitmentDefinedData {
  metric: SlaMetric;
  /** Whole minutes: the time allowed, or for prior_notice the notice period owed. */
  target: number;
  calendar: SlaCalendar;
  /** The contract clause, e.g. « Contrat d'engagement, annexe 4, indicateur 3.3.2 ». */
  source: string;
}

export interface SlaCommitmentWithdrawnData {
  metric: SlaMetric;
  reason: string;
}

/**
 * The contract's own support hours, for `business_hours` commitments: opening ranges per ISO
 * weekday ("1" = Monday ... "7" = Sunday; a missing day is closed) and closing periods. French
 * public holidays always close (Alsace-Moselle's too where the case's organisation is there).
 * Until defined, the seed contract's hours apply (Mon-Fri 09:00-12:00, 13:30-17:30).
 */
export interface BusinessHoursDefinedData {
  weekly: Record<string, { from: string; to: string }[]>;
  /** Inclusive closing periods, 'YYYY-MM-DD'. */
  closures?: { from: string; to: string }[];
  source: string;
}

/** A written evaluation (report.pdf) was handed out: every export is on record, like DossierExported on a case. */
export interface ProviderReportExportedData {
  exportId: string;
  /** The period evaluated; absent `from` means from the start. */
  from?: string;
  to: string;
  sha256: string;
  /** How many cases the author could see and counted. */
  casesCounted: number;
}

export type ProviderEvent =
  | { type: 'ProviderRegistered'; data: ProviderRegisteredData }
  | { type: 'SlaCommitmentDefined'; data: SlaCommitmentDefinedData }
  | { type: 'SlaCommitmentWithdrawn'; data: SlaCommitmentWithdrawnData }
  | { type: 'ProviderReportExported'; data: ProviderReportExportedData }
  | { type: 'BusinessHoursDefined'; data: BusinessHoursDefinedData };

export type ProviderCommand =
  | { type: 'RegisterProvider'; data: ProviderRegisteredData }
  | { type: 'DefineSlaCommitment'; data: SlaCommitmentDefinedData }
  | { type: 'WithdrawSlaCommitment'; data: SlaCommitmentWithdrawnData }
  | { type: 'DefineBusinessHours'; data: BusinessHoursDefinedData };

export type ProviderCommandType = ProviderCommand['type'];

/** What evolve needs besides the event itself: who recorded it and when. */
export interface RecordedProviderEvent {
  type: ProviderEvent['type'];
  data: unknown;
  metadata: { actor: Actor; recordedAt: string };
}

export interface ProviderCommitment extends SlaCommitmentDefinedData {
  /** When the commitment in force was recorded (the store's recordedAt). */
  definedAt: string;
  definedBy: { id: string; username: string };
}

/** A commitment as it was in force for a while: from its recordedAt until a redefinition or withdrawal of its metric. */
export interface ProviderCommitmentPeriod extends ProviderCommitment {
  /** When a redefinition or a withdrawal of the metric ended it (that event's recordedAt); absent while in force. */
  endedAt?: string;
}

/** Support hours as they were in force for a while: from their recordedAt until the next definition. */
export interface BusinessHoursPeriod extends BusinessHoursDefinedData {
  /** When the journal recorded them (the store's recordedAt). */
  definedAt: string;
  /** When a redefinition was recorded; absent while in force. */
  endedAt?: string;
}

export interface ProviderState {
  exists: boolean;
  name: string;
  contractReference: string | null;
  services: string[];
  contact: string | null;
  registeredAt: string | null;
  /** The commitment in force per metric; a redefinition replaces it, a withdrawal removes it. */
  commitments: Partial<Record<SlaMetric, ProviderCommitment>>;
  /** Every commitment ever defined, in recorded order, with when it ended: what the contract said at each date. */
  commitmentHistory: ProviderCommitmentPeriod[];
  /** The contract's support hours, once defined (the seed contract's apply until then). */
  businessHours: (BusinessHoursDefinedData & { definedAt: string }) | null;
  /** Every definition of the support hours, in recorded order, with when the next one ended it: the hours at each date. */
  businessHoursHistory: BusinessHoursPeriod[];
}

export function initialProviderState(): ProviderState {
  return {
    exists: false,
    name: '',
    contractReference: null,
    services: [],
    contact: null,
    registeredAt: null,
    commitments: {},
    commitmentHistory: [],
    businessHours: null,
    businessHoursHistory: [],
  };
}

export function evolveProvider(state: ProviderState, event: RecordedProviderEvent): ProviderState {
  const e = { type: event.type, data: event.data } as ProviderEvent;
  switch (e.type) {
    case 'ProviderRegistered':
      return {
        ...state,
        exists: true,
        name: e.data.name,
        contractReference: e.data.contractReference ?? null,
        services: [...(e.data.services ?? [])],
        contact: e.data.contact ?? null,
        registeredAt: event.metadata.recordedAt,
      };
    case 'SlaCommitmentDefined': {
      const { actor, recordedAt } = event.metadata;
      const commitment: ProviderCommitment = { ...e.data, definedAt: recordedAt, definedBy: { id: actor.id, username: actor.username } };
      const commitmentHistory = [...endPeriod(state.commitmentHistory, e.data.metric, recordedAt), commitment];
      return { ...state, commitments: { ...state.commitments, [e.data.metric]: commitment }, commitmentHistory };
    }
    case 'SlaCommitmentWithdrawn': {
      const commitments = { ...state.commitments };
      delete commitments[e.data.metric];
      return { ...state, commitments, commitmentHistory: endPeriod(state.commitmentHistory, e.data.metric, event.metadata.recordedAt) };
    }
    case 'ProviderReportExported':
      return state;
    case 'BusinessHoursDefined': {
      const definedAt = event.metadata.recordedAt;
      const ended = state.businessHoursHistory.map((h) => (h.endedAt === undefined ? { ...h, endedAt: definedAt } : h));
      return { ...state, businessHours: { ...e.data, definedAt }, businessHoursHistory: [...ended, { ...e.data, definedAt }] };
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The history with the metric's commitment in force (if any) ended at `endedAt`. */
function endPeriod(history: readonly ProviderCommitmentPeriod[], metric: SlaMetric, endedAt: string): ProviderCommitmentPeriod[] {
  return history.map((c) => (c.metric === metric && c.endedAt === undefined ? { ...c, endedAt } : c));
}

export function foldProvider(events: Iterable<RecordedProviderEvent>): ProviderState {
  let state = initialProviderState();
  for (const event of events) state = evolveProvider(state, event);
  return state;
}

/** The commitments in force, in the catalog's order of metrics. */
export function commitmentsOf(state: ProviderState): ProviderCommitment[] {
  return SLA_METRICS.flatMap((metric) => {
    const commitment = state.commitments[metric];
    return commitment ? [commitment] : [];
  });
}

/** Contract terms recorded over time (SLA commitments, support hours): when the journal recorded them, and what ended them. */
export interface DatedTerms {
  /** When the journal recorded them; absent: known since always (callers without history). */
  definedAt?: string;
  /** When a redefinition or a withdrawal was recorded; absent: still in force. */
  endedAt?: string;
}

/**
 * The terms that apply to a fact at `at`, as the journal held them at `asOf`, among the
 * successive terms of ONE subject (`history` in recorded order: the commitments of one metric,
 * the support hours). The one rule of the provider's contract over time:
 * - only what was recorded by asOf counts, and a redefinition or withdrawal recorded after asOf
 *   had not ended anything yet (as-of replays: "what the journal held on that date");
 * - the terms in force at `at` are the latest recorded at or before `at`, none if they had
 *   been withdrawn by then: a later amendment does not rewrite past facts;
 * - when nothing was recorded by `at` (the contract was entered in the journal after the fact),
 *   the earliest known are taken as the contract's terms at the time.
 */
export function termsApplying<T extends DatedTerms>(history: readonly T[], at: string, asOf: string): T | null {
  const atMs = Date.parse(at);
  const asOfMs = Date.parse(asOf);
  const known = history.filter((c) => msOf(c.definedAt, -Infinity) <= asOfMs);
  const before = known.filter((c) => msOf(c.definedAt, -Infinity) <= atMs);
  const latest = before[before.length - 1];
  if (latest === undefined) return known[0] ?? null;
  const endedMs = msOf(latest.endedAt, Infinity);
  return endedMs <= atMs && endedMs <= asOfMs ? null : latest;
}

/**
 * The facts that `terms` (one of `history`, as termsApplying takes it) apply to, as the journal
 * held them at `asOf`: those from `from` (null: from the start, for the earliest known) until
 * `until` (exclusive; null: still in force at asOf). The same rule as termsApplying, told as dates.
 */
export function termsWindow<T extends DatedTerms>(history: readonly T[], terms: T, asOf: string): { from: string | null; until: string | null } {
  const asOfMs = Date.parse(asOf);
  const earliest = history.find((c) => msOf(c.definedAt, -Infinity) <= asOfMs);
  const from = earliest === terms ? null : (terms.definedAt ?? null);
  const until = terms.endedAt !== undefined && Date.parse(terms.endedAt) <= asOfMs ? terms.endedAt : null;
  return { from, until };
}

function msOf(iso: string | undefined, otherwise: number): number {
  return iso === undefined ? otherwise : Date.parse(iso);
}

/**
 * The commitment of `metric` that applies to a fact at `at`, as the journal held it at `asOf`
 * (`history` in recorded order, e.g. `state.commitmentHistory`): termsApplying among the
 * commitments of that metric. A commitment without definedAt counts as known since always.
 */
export function commitmentApplying<T extends { metric: SlaMetric } & DatedTerms>(history: readonly T[], metric: SlaMetric, at: string, asOf: string): T | null {
  return termsApplying(
    history.filter((c) => c.metric === metric),
    at,
    asOf,
  );
}

/** The window of facts a commitment applies to (termsWindow among the commitments of its metric). */
export function commitmentWindow<T extends { metric: SlaMetric } & DatedTerms>(
  history: readonly T[],
  commitment: T,
  asOf: string,
): { from: string | null; until: string | null } {
  return termsWindow(
    history.filter((c) => c.metric === commitment.metric),
    commitment,
    asOf,
  );
}

/**
 * The support hours that apply to a fact at `at` (e.g. the hours in force when a cut-off began),
 * as the journal held them at `asOf` (`history`: `state.businessHoursHistory`): termsApplying.
 * Null when none were known then (the seed contract's hours apply).
 */
export function businessHoursApplying<T extends BusinessHoursDefinedData & DatedTerms>(history: readonly T[], at: string, asOf: string): T | null {
  return termsApplying(history, at, asOf);
}

const fail = (code: DomainError['code'], field: string, fr: string, en: string): never => {
  throw DomainError.of(code, field, fr, en);
};

function checkText(value: unknown, field: string, max: number, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value.trim() === '')) {
    fail('INVALID_INPUT', field, `Le champ « ${field} » est obligatoire et doit être un texte non vide.`, `${field} is required and must be a non-empty text.`);
  }
  const length = [...(value as string)].length;
  if (length > max)
    fail(
      'INVALID_INPUT',
      field,
      `Le champ « ${field} » dépasse ${max} caractères (${length} reçus).`,
      `${field} is longer than ${max} characters (${length} received).`,
    );
}

function checkMetric(metric: unknown): asserts metric is SlaMetric {
  if (!SLA_METRICS.includes(metric as SlaMetric)) {
    fail(
      'INVALID_INPUT',
      'metric',
      `Le champ « metric » doit valoir l'une des valeurs suivantes : ${SLA_METRICS.join(', ')}.`,
      `metric must be one of: ${SLA_METRICS.join(', ')}.`,
    );
  }
}

function checkCommitment(d: SlaCommitmentDefinedData): void {
  checkMetric(d.metric);
  const min = minimumTargetOf(d.metric);
  if (typeof d.target !== 'number' || !Number.isSafeInteger(d.target) || d.target < min || d.target > MAX_SLA_TARGET_MINUTES) {
    fail(
      'INVALID_INPUT',
      'target',
      `Le champ « target » doit être un nombre entier de minutes, entre ${min} et ${MAX_SLA_TARGET_MINUTES}${min === 0 ? ' (0 : aucun préavis exigé)' : ''}.`,
      `target must be a whole number of minutes, from ${min} to ${MAX_SLA_TARGET_MINUTES}${min === 0 ? ' (0: no notice required)' : ''}.`,
    );
  }
  if (!SLA_CALENDARS.includes(d.calendar)) {
    fail(
      'INVALID_INPUT',
      'calendar',
      `Le champ « calendar » doit valoir l'une des valeurs suivantes : ${SLA_CALENDARS.join(', ')}.`,
      `calendar must be one of: ${SLA_CALENDARS.join(', ')}.`,
    );
  }
  checkText(d.source, 'source', TEXT_LIMITS.short, true);
}

/**
 * The provider decider: accept the command as events or refuse it with a coded DomainError.
 * Field checks repeat the edge's (the CLI and tests reach the decider without the DTOs).
 */
export function decideProvider(command: ProviderCommand, state: ProviderState): ProviderEvent[] {
  if (command.type === 'RegisterProvider') {
    if (state.exists) fail('STATE_CONFLICT', 'providerId', 'Ce prestataire existe déjà.', 'This provider already exists.');
    const d = command.data;
    checkText(d.name, 'name', TEXT_LIMITS.title, true);
    checkText(d.contractReference, 'contractReference', TEXT_LIMITS.title, false);
    checkText(d.contact, 'contact', TEXT_LIMITS.short, false);
    if (d.services !== undefined) {
      if (!Array.isArray(d.services) || d.services.length > TEXT_LIMITS.listItems) {
        fail(
          'INVALID_INPUT',
          'services',
          `Le champ « services » doit être une liste d'au plus ${TEXT_LIMITS.listItems} textes.`,
          `services must be a list of at most ${TEXT_LIMITS.listItems} texts.`,
        );
      }
      d.services.forEach((service, index) => checkText(service, `services[${index}]`, TEXT_LIMITS.short, true));
    }
    return [{ type: 'ProviderRegistered', data: d }];
  }
  if (!state.exists) fail('NOT_FOUND', 'providerId', 'Prestataire introuvable.', 'Provider not found.');

  switch (command.type) {
    case 'DefineSlaCommitment':
      checkCommitment(command.data);
      return [{ type: 'SlaCommitmentDefined', data: command.data }];
    case 'WithdrawSlaCommitment': {
      const { metric, reason } = command.data;
      checkMetric(metric);
      if (!state.commitments[metric]) {
        fail(
          'NOT_FOUND',
          'metric',
          `Aucun engagement n'est en vigueur pour l'indicateur « ${metric} ».`,
          `No commitment is in force for the metric ${metric}.`,
        );
      }
      checkText(reason, 'reason', TEXT_LIMITS.text, true);
      return [{ type: 'SlaCommitmentWithdrawn', data: command.data }];
    }
    case 'DefineBusinessHours':
      providerBusinessCalendar(command.data, false);
      checkText(command.data.source, 'source', TEXT_LIMITS.short, true);
      return [{ type: 'BusinessHoursDefined', data: command.data }];
    default: {
      const never: never = command;
      return never;
    }
  }
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Calendars built from support hours, by their definition (see providerBusinessCalendar). */
const CALENDARS_BY_DEFINITION = new Map<string, ContractCalendar>();
/**
 * Each kept calendar keeps its cache of computed days (up to 40,000, about 6 MB): a handful of
 * providers is the usual register, so 16 definitions bound the memory at about a hundred MB.
 */
const MAX_CALENDARS = 16;

/**
 * The contract calendar of defined support hours, checked (INVALID_INPUT naming the field when
 * a range or a date is wrong); null when none are defined (the caller's default applies).
 * The same definition gives the same calendar object: the open hours it has computed day by day
 * (a cache per calendar object) then serve every request, not only the one that built it.
 */
export function providerBusinessCalendar(hours: BusinessHoursDefinedData | null, alsaceMoselle: boolean): ContractCalendar | null {
  if (!hours) return null;
  const key = JSON.stringify([hours.weekly, hours.closures ?? null, alsaceMoselle]);
  const known = CALENDARS_BY_DEFINITION.get(key);
  if (known) return known;
  const calendar = buildProviderCalendar(hours, alsaceMoselle);
  if (CALENDARS_BY_DEFINITION.size >= MAX_CALENDARS) CALENDARS_BY_DEFINITION.clear();
  CALENDARS_BY_DEFINITION.set(key, calendar);
  return calendar;
}

function buildProviderCalendar(hours: BusinessHoursDefinedData, alsaceMoselle: boolean): ContractCalendar {
  const weekly: WeeklyHours = {};
  if (typeof hours.weekly !== 'object' || hours.weekly === null || Array.isArray(hours.weekly)) {
    fail(
      'INVALID_INPUT',
      'weekly',
      'Le champ « weekly » doit être un objet { "1": [{ "from": "09:00", "to": "12:00" }], ... } (1 = lundi).',
      'weekly must be an object { "1": [{ "from": "09:00", "to": "12:00" }], ... } (1 = Monday).',
    );
  }
  for (const [day, ranges] of Object.entries(hours.weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(day) || !Array.isArray(ranges) || ranges.length > 6) {
      fail(
        'INVALID_INPUT',
        `weekly.${day}`,
        `Le jour « ${day} » doit être 1 (lundi) à 7 (dimanche), avec au plus 6 plages.`,
        `Day "${day}" must be 1 (Monday) to 7 (Sunday), with at most 6 ranges.`,
      );
    }
    for (const range of ranges) {
      if (typeof range !== 'object' || range === null || typeof range.from !== 'string' || typeof range.to !== 'string') {
        fail(
          'INVALID_INPUT',
          `weekly.${day}`,
          `Chaque plage du jour ${day} est { "from": "HH:MM", "to": "HH:MM" }.`,
          `Each range of day ${day} is { "from": "HH:MM", "to": "HH:MM" }.`,
        );
      }
    }
    weekly[Number(day) as IsoWeekday] = ranges.map((r) => ({ from: r.from, to: r.to }));
  }
  if (hours.closures !== undefined && (!Array.isArray(hours.closures) || hours.closures.length > 100)) {
    fail(
      'INVALID_INPUT',
      'closures',
      'Le champ « closures » est une liste d’au plus 100 périodes { "from": "AAAA-MM-JJ", "to": "AAAA-MM-JJ" }.',
      'closures is a list of at most 100 periods { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }.',
    );
  }
  const closures = (hours.closures ?? []).map((c, index) => {
    try {
      return { from: parseParisDate(String(c?.from)), to: parseParisDate(String(c?.to)) };
    } catch {
      return fail(
        'INVALID_INPUT',
        `closures[${index}]`,
        `La période ${index + 1} doit aller d’une date AAAA-MM-JJ à une autre.`,
        `Period ${index + 1} must go from one YYYY-MM-DD date to another.`,
      );
    }
  });
  return businessHoursCalendar(weekly, { holidays: alsaceMoselle ? 'fr-alsace-moselle' : 'fr', closures });
}
