import { BACKWARDS, END, FORWARDS, NO_STREAM as ESDB_NO_STREAM, START, jsonEvent } from '@eventstore/db-client';
import type { AllStreamRecordedEvent, EventData, Position, ReadRevision, RecordedEvent } from '@eventstore/db-client';
import type { EventMetadata } from '@mc/domain';
import {
  ANY_REVISION,
  NO_STREAM,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
  type ReadStreamOptions,
  type StoredEvent,
} from '../event-store.port';

/**
 * Pure mapping between the port's stored record (evidence-bundle.md section 1) and what
 * EventStoreDB stores. No I/O here: everything is unit tested without a server.
 *
 * An EventStoreDB event carries its own stream name, revision, id, type and JSON data. The rest
 * of the record travels in the event's JSON metadata:
 *
 *   { "format": "main-courante/1", "metadata": <the record's metadata>, "prevHash", "hash",
 *     "$correlationId", "$causationId" }
 *
 * The record's metadata is nested rather than spread, so no member of ours can collide with the
 * chain fields and the record is reassembled member for member. `$correlationId` and
 * `$causationId` are copies for EventStoreDB's own tooling ($by_correlation_id); they are not
 * part of the record and are never hashed.
 */

export const ESDB_METADATA_FORMAT = 'main-courante/1';

export interface EsdbJournalMetadata {
  format: typeof ESDB_METADATA_FORMAT;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
  $correlationId?: string;
  $causationId?: string;
}

/** A record EventStoreDB holds but that cannot be read back as a journal record. */
export class EsdbMappingError extends Error {
  readonly code = 'ESDB_MAPPING';
  constructor(message: string) {
    super(message);
    this.name = 'EsdbMappingError';
  }
}

/**
 * EventStoreDB keeps event ids as UUIDs and gives them back in lowercase hyphenated form. Any
 * other spelling would come back different and break the record's hash, so it is refused here.
 */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The event to append for a sealed record: the record's own eventId is the EventStoreDB event id. */
export function toEsdbEvent(record: StoredEvent): EventData {
  if (!CANONICAL_UUID.test(record.eventId)) {
    throw new EsdbMappingError(
      `Stream ${record.streamId} revision ${record.revision}: eventId ${record.eventId} is not a lowercase UUID, EventStoreDB cannot keep it as is`,
    );
  }
  const metadata: EsdbJournalMetadata = { format: ESDB_METADATA_FORMAT, metadata: record.metadata, prevHash: record.prevHash, hash: record.hash };
  if (typeof record.metadata.correlationId === 'string') metadata.$correlationId = record.metadata.correlationId;
  if (typeof record.metadata.causationId === 'string') metadata.$causationId = record.metadata.causationId;
  return jsonEvent({ id: record.eventId, type: record.type, data: record.data, metadata: metadata as unknown as Record<string, unknown> });
}

/** True for events EventStoreDB writes itself ($stats, $metadata, links...): never part of the journal. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** A non-system JSON event written by this journal (other applications may share the cluster). */
export function isJournalEvent(event: RecordedEvent | undefined): event is RecordedEvent {
  if (!event || isSystemEvent(event) || !event.isJson) return false;
  const metadata = event.metadata as Partial<EsdbJournalMetadata> | undefined;
  return isObject(metadata) && metadata.format === ESDB_METADATA_FORMAT;
}

/**
 * The stored record, reassembled exactly as it was hashed: streamId, revision and eventId from
 * EventStoreDB's own fields, type and data as stored, metadata, prevHash and hash from the
 * journal metadata. Nothing is checked against the hash here: a tampered record is read as it
 * is, so that the chain verifier can report it.
 */
export function fromRecordedEvent(event: RecordedEvent): StoredEvent {
  const where = `Stream ${event.streamId} revision ${String(event.revision)}`;
  if (!isJournalEvent(event as RecordedEvent | undefined))
    throw new EsdbMappingError(`${where}: event ${event.id} (${event.type}) was not written by this journal`);
  const metadata = event.metadata as unknown as EsdbJournalMetadata;
  if (!isObject(event.data)) throw new EsdbMappingError(`${where}: data is not a JSON object`);
  if (!isObject(metadata.metadata)) throw new EsdbMappingError(`${where}: journal metadata lacks the record's metadata`);
  return {
    streamId: event.streamId,
    revision: revisionToNumber(event.revision),
    eventId: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: metadata.metadata,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
  };
}

/** A stream revision as the port's number. Revisions count events, so 2^53 is out of reach. */
export function revisionToNumber(revision: bigint): number {
  const value = Number(revision);
  if (!Number.isSafeInteger(value) || value < 0) throw new EsdbMappingError(`Revision ${String(revision)} is not a safe integer`);
  return value;
}

/**
 * The expected revision sent to EventStoreDB. The adapter always sends the revision it has just
 * read and chained onto (never ANY), so that a concurrent writer makes the server refuse the
 * append instead of forking the hash chain.
 */
export function toEsdbExpectedRevision(head: { revision: number } | null): typeof ESDB_NO_STREAM | bigint {
  return head === null ? ESDB_NO_STREAM : BigInt(head.revision);
}

export function revisionMatches(expected: ExpectedRevision, actual: number): boolean {
  if (expected === ANY_REVISION) return true;
  if (expected === NO_STREAM) return actual === -1;
  return expected === actual;
}

/** The client's options for a port readStream. */
export function toEsdbReadStreamOptions(options: ReadStreamOptions): {
  direction: typeof FORWARDS | typeof BACKWARDS;
  fromRevision: ReadRevision;
  maxCount?: number;
} {
  const backwards = options.direction === 'backwards';
  const fromRevision = options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision);
  return { direction: backwards ? BACKWARDS : FORWARDS, fromRevision, ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }) };
}

/** The client's errors carry a `type` (ErrorType); matched by it rather than instanceof, which a second copy of the module would defeat. */
export function esdbErrorType(error: unknown): string | null {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : null;
}

/** Errors meaning "the cluster cannot answer now" rather than "this request is wrong". */
const UNAVAILABLE_TYPES = new Set(['unavailable', 'timeout', 'deadline-exceeded', 'not-leader', 'cancelled']);

export function isTransientEsdbError(error: unknown): boolean {
  const type = esdbErrorType(error);
  return type !== null && UNAVAILABLE_TYPES.has(type);
}

/** The actual revision a WrongExpectedVersionError reports, as the port counts it (-1: no stream). */
export function actualRevisionOf(error: unknown): number {
  const actual = (error as { actualVersion?: unknown }).actualVersion;
  if (typeof actual === 'bigint') return revisionToNumber(actual);
  return -1;
}

/** Maps a client error to the port's error; anything else is returned unchanged. */
export function mapEsdbError(error: unknown, context: { streamId?: string; expected?: ExpectedRevision } = {}): unknown {
  const type = esdbErrorType(error);
  if (type === 'wrong-expected-version') {
    const streamId = context.streamId ?? String((error as { streamName?: unknown }).streamName);
    return new WrongExpectedRevisionError(streamId, context.expected ?? ANY_REVISION, actualRevisionOf(error));
  }
  if (type === 'stream-not-found') {
    return new StreamNotFoundError(context.streamId ?? String((error as { streamName?: unknown }).streamName));
  }
  if (type !== null && UNAVAILABLE_TYPES.has(type)) {
    return new StoreUnavailableError(`EventStoreDB unavailable (${type}): ${(error as Error).message}`, error);
  }
  return error;
}

/** Order of $all: by commit position, then prepare position. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The $all position of an event read from $all or (server 22.6 and later) from a stream. */
export function positionOf(event: RecordedEvent | AllStreamRecordedEvent): Position {
  if (!event.position) {
    throw new EsdbMappingError(`Event ${event.id} came without its $all position: EventStoreDB 22.6 or later is required`);
  }
  return event.position;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
