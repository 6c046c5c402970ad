import {
  ComputedDeadline,
  GdprBreachDeadline,
  IncidentReportedData,
  RequestDeadlines,
  RequestReceiptConfirmedData,
  ResponseReceivedData,
  WrittenRequestSentData,
  computeRequestDeadlines,
  gdprBreachDeadline,
  runningRequestDeadlines,
} from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { streamIdOf, caseIdOf } from './case-stream';
import { TimelineEntry, buildTimeline } from './timeline';

export const DEADLINES_DISCLAIMER = {
  fr: 'Ces dates sont une aide au calcul, pas un conseil juridique : faites-les confirmer par votre syndicat ou un avocat.',
  en: 'These dates help you count; they are not legal advice: have them confirmed by your union or a lawyer.',
};

export interface RegisteredRequest {
  entryId: string;
  sentAt: string;
  channel: string;
  from: string;
  to: string;
  subject: string;
  kind: string;
  recordedAt: string;
  deadlines: RequestDeadlines;
}

/** A data-protection incident and the 72 hours to notify the CNIL (`gdpr-breach-notification`). */
export interface BreachNotification {
  /** The IncidentReported entry. */
  entryId: string;
  title: string;
  occurredAt: string;
  recordedAt: string;
  deadline: GdprBreachDeadline;
}

export interface RequestRegister {
  caseId: string;
  asOf: string;
  requests: RegisteredRequest[];
  /** Incidents of category `data_protection`, with their notification deadline. */
  breachNotifications: BreachNotification[];
  disclaimer: { fr: string; en: string };
}

/** A deadline of the case that still runs (passed or not), with what it is about. */
export interface RunningDeadline {
  /** The request, or the incident for a breach notification. */
  entryId: string;
  what: 'answer' | 'next_step' | 'breach_notification';
  /** The request's subject, or the incident's title. */
  subject: string;
  /** Who must be written to or seized: the request's addressee, or the CNIL. */
  to: string;
  deadline: ComputedDeadline;
}

/**
 * Every written request of a case with its rule, due date and status as of `asOf` (the journal as
 * it stood then, and time as it stood then), and every data-protection incident with its
 * notification deadline. Corrections apply; retracted entries do not count.
 */
export function requestRegister(records: readonly StoredEvent[], asOf: string, options: { alsaceMoselle?: boolean } = {}): RequestRegister {
  const timeline = buildTimeline(records, { asOf, basis: 'recorded' });
  const live = timeline.entries.filter((e) => e.retracted === null);
  const dataOf = <T>(type: TimelineEntry['type']) => live.filter((e) => e.type === type).map((e) => e.data as unknown as T);
  const receipts = dataOf<RequestReceiptConfirmedData>('RequestReceiptConfirmed');
  const responses = dataOf<ResponseReceivedData>('ResponseReceived');
  const requests = live
    .filter((e) => e.type === 'WrittenRequestSent')
    .map((e) => {
      const request = e.data as unknown as WrittenRequestSentData;
      return {
        entryId: e.entryId,
        sentAt: request.sentAt,
        channel: request.channel,
        from: request.from,
        to: request.to,
        subject: request.subject,
        kind: request.kind,
        recordedAt: e.recordedAt,
        deadlines: computeRequestDeadlines(request, receipts, responses, asOf, options),
      };
    });
  const breachNotifications = live
    .filter((e) => e.type === 'IncidentReported')
    .flatMap((e) => {
      const incident = e.data as unknown as IncidentReportedData;
      const deadline = gdprBreachDeadline(incident, asOf);
      return deadline ? [{ entryId: e.entryId, title: incident.title, occurredAt: incident.occurredAt, recordedAt: e.recordedAt, deadline }] : [];
    });
  return { caseId: caseIdOf(streamIdOf(records)), asOf, requests, breachNotifications, disclaimer: DEADLINES_DISCLAIMER };
}

/**
 * The deadlines of the register that still run: for a request, its answer while no response has
 * stopped the clock and its next step (see runningRequestDeadlines); for a data-protection
 * incident, the notification to the CNIL.
 */
export function runningDeadlines(register: RequestRegister): RunningDeadline[] {
  const ofRequests = register.requests.flatMap((request) =>
    runningRequestDeadlines(request.deadlines).map(({ what, deadline }) => ({
      entryId: request.entryId,
      what,
      subject: request.subject,
      to: request.to,
      deadline,
    })),
  );
  const ofBreaches = register.breachNotifications.map((b) => ({
    entryId: b.entryId,
    what: 'breach_notification' as const,
    subject: b.title,
    to: 'CNIL',
    deadline: b.deadline,
  }));
  return [...ofRequests, ...ofBreaches];
}
