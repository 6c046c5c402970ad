import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * The part of `EventStoreDBClient` (@eventstore/db-client 6.x) the adapter uses, so that the
 * real client fits as it is and the unit tests can hand in an in-memory fake instead.
 * Reads come back as async iterables (the client's StreamingRead is a Readable, which is one).
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: EventData | EventData[], options?: AppendToStreamOptions): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): EsdbRead<ResolvedEvent>;
  readAll(options?: ReadAllOptions): EsdbRead<AllStreamResolvedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): EsdbSubscription;
  dispose(): Promise<void>;
}

/** A finite read (StreamingRead). */
export type EsdbRead<E> = AsyncIterable<E>;

/** A live subscription (AllStreamSubscription): iterate it; unsubscribe() ends the iteration. */
export interface EsdbSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}
