import { DomainError } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';

/** Prefix of every case stream id: `case-<uuid>`. */
export const CASE_STREAM_PREFIX = 'case-';

export function isCaseStream(streamId: string): boolean {
  return streamId.startsWith(CASE_STREAM_PREFIX);
}

/** `case-<uuid>` -> `<uuid>`. */
export function caseIdOf(streamId: string): string {
  return isCaseStream(streamId) ? streamId.slice(CASE_STREAM_PREFIX.length) : streamId;
}

/** Milliseconds since epoch of an ISO-8601 date; NaN when it is not one. Offsets differ: never compare the strings. */
export function instantOf(iso: unknown): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

/** Checks an optional date bound given by a caller (asOf, from, to); answers its instant, or undefined when absent. */
export function parseBound(field: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = instantOf(value);
  if (Number.isNaN(ms)) {
    throw DomainError.of(
      'INVALID_INPUT',
      field,
      `Le paramètre « ${field} » doit être une date ISO-8601, par exemple 2019-11-12T08:30:00+01:00.`,
      `${field} must be an ISO-8601 date, e.g. 2019-11-12T08:30:00+01:00.`,
    );
  }
  return ms;
}

/** The stream id of one case's records; they must not be empty (a case stream starts with CaseOpened). */
export function streamIdOf(records: readonly StoredEvent[]): string {
  const first = records[0];
  if (!first) throw new Error('A case view needs the records of one case stream; none were given');
  return first.streamId;
}

/** The prefix of the stream that the journal held at `asOfMs` ("what the journal held on that date"). */
export function recordedBy(records: readonly StoredEvent[], asOfMs: number | undefined): StoredEvent[] {
  if (asOfMs === undefined) return [...records];
  return records.filter((r) => instantOf(r.metadata.recordedAt) <= asOfMs);
}
