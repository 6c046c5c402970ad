import type { TimelineEntry } from '@mc/projections';

/** One written request with what came back by asOf. */
export interface RequestRecord {
  request: TimelineEntry;
  /** Retracted receipts and responses included: shown marked, not counted. */
  receipts: TimelineEntry[];
  responses: TimelineEntry[];
  /** A response that was not retracted exists. */
  answered: boolean;
  receiptConfirmed: boolean;
  /** Whole days from sending to asOf, when unanswered. */
  daysWithoutAnswer: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function requestRegister(entries: readonly TimelineEntry[], byId: ReadonlyMap<string, TimelineEntry>, asOf: string): RequestRecord[] {
  const resolve = (ids: string[]): TimelineEntry[] => ids.map((id) => byId.get(id)).filter((e): e is TimelineEntry => e !== undefined);
  return entries
    .filter((entry) => entry.type === 'WrittenRequestSent')
    .map((request) => {
      const receipts = resolve(request.related.receipts);
      const responses = resolve(request.related.responses);
      const answered = responses.some((r) => !r.retracted);
      const waited = Date.parse(asOf) - Date.parse(request.occurredAt);
      return {
        request,
        receipts,
        responses,
        answered,
        receiptConfirmed: receipts.some((r) => !r.retracted),
        daysWithoutAnswer: answered ? null : Number.isFinite(waited) ? Math.max(0, Math.floor(waited / DAY_MS)) : 0,
      };
    });
}
