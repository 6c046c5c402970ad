import { RequestDeadlines, RequestReceiptConfirmedData, ResponseReceivedData, WrittenRequestSentData, computeRequestDeadlines } from '@mc/domain';
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

export interface RequestRegister {
  caseId: string;
  asOf: string;
  requests: RegisteredRequest[];
  disclaimer: { fr: string; en: string };
}

/**
 * Every written request of a case with its rule, due date and status as of `asOf` (the journal as
 * it stood then, and time as it stood then). Corrections apply; retracted entries do not count.
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
  return { caseId: caseIdOf(streamIdOf(records)), asOf, requests, disclaimer: DEADLINES_DISCLAIMER };
}
