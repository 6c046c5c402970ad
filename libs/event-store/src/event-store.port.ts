import type { EventMetadata } from '@mc/domain';
import type { ChainFailure } from './chain-failure';

/**
 * The EventStore port, shaped after EventStoreDB so both the embedded SQLite adapter and the
 * EventStoreDB adapter fit it (../shared/design/ARCHITECTURE.md, "The EventStore port").
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Expect the stream not to exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** Append whatever the stream's revision (still atomic, still chained). */
export const ANY_REVISION = 'any' as const;
export type ExpectedRevision = typeof NO_STREAM | typeof ANY_REVISION | number;

/** A stored event record, exactly as hashed (../shared/spec/evidence-bundle.md section 1). */
export interface StoredEvent<TData = Record<string, unknown>> {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: TData;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
}

/** What a writer hands to the store: the store adds recordedAt, revision, prevHash and hash. */
export interface EventToAppend {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Omit<EventMetadata, 'recordedAt'>;
}

export interface AppendResult {
  /** The records as stored, with their revision, recordedAt and hashes. */
  records: StoredEvent[];
  /** Revision of the last appended event: the expected revision of the next append. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface PositionedEvent {
  /** Global position in commit order, strictly increasing, starting at 1. */
  position: number;
  record: StoredEvent;
}

export interface ReadStreamOptions {
  /** First revision to read (forwards: lowest; backwards: highest). Default: start or end. */
  fromRevision?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is strictly greater than this (a checkpoint). Default 0. */
  after?: number;
  maxCount?: number;
}

export type AllEventHandler = (event: PositionedEvent) => void | Promise<void>;

export interface SubscribeAllOptions {
  /** Called once when the subscription has delivered everything stored when it caught up. */
  onCaughtUp?: () => void;
  /** Called if the handler throws or the store fails; the subscription stops. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically to one stream, if the stream is at `expectedRevision`.
   * Throws WrongExpectedRevisionError otherwise, and writes nothing.
   * Resolving means the events are durably stored.
   */
  append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult>;

  /** Throws StreamNotFoundError when the stream has no event. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** Revision of the stream's last event, null when it has none: a cheap way to know whether a stream moved since it was read. */
  streamRevision(streamId: string): Promise<number | null>;

  /** Every event of every stream in commit order. */
  readAll(options?: ReadAllOptions): Promise<PositionedEvent[]>;

  /** Catch-up from `after` (exclusive), then live. Handlers are called one at a time, in order. */
  subscribeAll(after: number, handler: AllEventHandler, options?: SubscribeAllOptions): Subscription;

  /** Position of the last stored event (0 when empty). */
  headPosition(): Promise<number>;

  close(): Promise<void>;
  /**
   * Optional: recomputes every link of every stream the adapter's own fast way (the SQLite
   * adapter hashes its stored canonical texts without parsing them). verifyJournal uses it when
   * present and reads everything back through readAll otherwise.
   */
  verifyChain?(): Promise<ChainCheck>;
}

/** The outcome of checking a whole journal's chains. */
export interface ChainCheck {
  events: number;
  streams: number;
  failure: ChainFailure | null;
}

export class StreamNotFoundError extends Error {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
    this.name = 'StreamNotFoundError';
  }
}

export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The store cannot write right now (disk full, read-only, locked). Nothing was written. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
