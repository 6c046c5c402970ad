import { ANY, BACKWARDS, END, NO_STREAM, START, STREAM_EXISTS, StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { EsdbClient, EsdbSubscription } from '../esdb-client';

/**
 * An in-memory stand-in for EventStoreDBClient, behaving as the client's documentation and
 * types describe the server: per-stream revisions from 0, expected revision checks answered
 * with WrongExpectedVersionError (idempotent when the same event ids are already there),
 * StreamNotFoundError when reading a missing stream, one $all order with `{commit, prepare}`
 * positions (the events of one append share a commit position), system events (`$`-prefixed
 * types and streams) interleaved in $all, readAll from a position inclusive, subscribeToAll from
 * a position exclusive and then live, data and metadata stored as JSON bytes.
 *
 * It is a test double: passing the contract over it is NOT proof that the adapter works with a
 * real server. That proof is the same contract run with EVENTSTORE_CONNECTION_STRING set.
 */
export class FakeEsdbClient implements EsdbClient {
  private readonly streams = new Map<string, AllStreamRecordedEvent[]>();
  private readonly all: AllStreamRecordedEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private logPosition = 1000n;
  private writes = 0;
  /** When true, every call fails as an unreachable cluster does, and live subscriptions drop. */
  private down = false;
  /** Calls made, by method name, for assertions on what the adapter asked. */
  readonly calls: Array<{ method: string; args: unknown[] }> = [];

  constructor() {
    this.writeSystemEvent('$settings', '$metadata');
  }

  setDown(down: boolean): void {
    this.down = down;
    for (const listener of this.listeners) listener();
  }

  async appendToStream(streamName: string, events: EventData | EventData[], options: AppendToStreamOptions = {}): Promise<AppendResult> {
    this.calls.push({ method: 'appendToStream', args: [streamName, events, options] });
    await tick();
    this.ensureUp();
    const batch = Array.isArray(events) ? events : [events];
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const expected = options.expectedRevision ?? ANY;
    const matches =
      expected === ANY || (expected === NO_STREAM && current === NO_STREAM) || (expected === STREAM_EXISTS && current !== NO_STREAM) || expected === current;
    if (!matches) {
      // Idempotence: the same ids already written right after the expected revision.
      const start = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : -1;
      const already = start >= 0 && batch.every((e, i) => stream[start + i]?.id === e.id);
      if (already) return { success: true, nextExpectedRevision: BigInt(start + batch.length - 1), position: stream[start + batch.length - 1].position };
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    }
    const commit = this.logPosition;
    const written = batch.map((e) => {
      const data = JSON.stringify(e.data);
      const metadata = e.metadata === undefined ? '' : JSON.stringify(e.metadata);
      const prepare = this.logPosition;
      this.logPosition += BigInt(100 + Buffer.byteLength(data) + Buffer.byteLength(metadata));
      const recorded: AllStreamRecordedEvent = {
        streamId: streamName,
        id: e.id.toLowerCase(),
        isJson: true,
        revision: BigInt(stream.length),
        type: e.type,
        created: new Date(),
        data: JSON.parse(Buffer.from(data, 'utf8').toString('utf8')) as never,
        metadata: metadata ? (JSON.parse(metadata) as never) : undefined,
        position: { commit, prepare },
      } as AllStreamRecordedEvent;
      stream.push(recorded);
      this.all.push(recorded);
      return recorded;
    });
    this.streams.set(streamName, stream);
    if (++this.writes % 3 === 0) this.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    for (const listener of this.listeners) listener();
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<ResolvedEvent> {
    this.calls.push({ method: 'readStream', args: [streamName, options] });
    return this.streamEvents(streamName, options);
  }

  private async *streamEvents(streamName: string, options: ReadStreamOptions): AsyncGenerator<ResolvedEvent> {
    {
      await tick();
      this.ensureUp();
      const stream = this.streams.get(streamName);
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backwards ? END : START);
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      let selected = backwards ? [...stream].reverse() : stream;
      if (typeof from === 'bigint') selected = selected.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
      for (const event of selected.slice(0, max)) yield resolved(event);
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', args: [options] });
    return this.allEvents(options);
  }

  private async *allEvents(options: ReadAllOptions): AsyncGenerator<AllStreamResolvedEvent> {
    {
      await tick();
      this.ensureUp();
      const backwards = options.direction === BACKWARDS;
      const from = options.fromPosition ?? (backwards ? END : START);
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      let selected = backwards ? [...this.all].reverse() : [...this.all];
      if (typeof from === 'object') selected = selected.filter((e) => (backwards ? compare(e.position, from) <= 0 : compare(e.position, from) >= 0));
      for (const event of selected.slice(0, max)) yield resolved(event);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EsdbSubscription {
    this.calls.push({ method: 'subscribeToAll', args: [options] });
    const regex = options.filter && 'regex' in options.filter ? new RegExp(options.filter.regex) : null;
    const from = options.fromPosition ?? START;
    let next = from === END ? this.all.length : typeof from === 'object' ? this.all.findIndex((e) => compare(e.position, from) > 0) : 0;
    if (next < 0) next = this.all.length;
    let ended = false;
    let wake: (() => void) | null = null;
    const listener = () => wake?.();
    this.listeners.add(listener);
    const finish = () => {
      ended = true;
      this.listeners.delete(listener);
      wake?.();
    };
    const iterator = async function* (this: FakeEsdbClient) {
      try {
        await tick();
        for (;;) {
          if (ended) return;
          this.ensureUp();
          if (next < this.all.length) {
            const event = this.all[next++];
            if (regex && !regex.test(event.type)) continue;
            yield resolved(event);
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      } finally {
        finish();
      }
    }.call(this);
    return {
      [Symbol.asyncIterator]: () => iterator,
      unsubscribe: async () => finish(),
    };
  }

  async dispose(): Promise<void> {
    for (const listener of [...this.listeners]) listener();
  }

  /** Every event as stored, system ones included (for tests). */
  stored(): AllStreamRecordedEvent[] {
    return [...this.all];
  }

  /** Replaces the stored data of an event, as someone with direct access to the cluster could. */
  tamper(streamName: string, revision: number, data: Record<string, unknown>): void {
    const event = this.streams.get(streamName)![revision];
    (event as { data: unknown }).data = data;
  }

  private writeSystemEvent(streamName: string, type: string): void {
    const stream = this.streams.get(streamName) ?? [];
    const position = { commit: this.logPosition, prepare: this.logPosition };
    this.logPosition += 200n;
    const event = {
      streamId: streamName,
      id: crypto.randomUUID(),
      isJson: true,
      revision: BigInt(stream.length),
      type,
      created: new Date(),
      data: { system: true },
      metadata: undefined,
      position,
    } as AllStreamRecordedEvent;
    stream.push(event);
    this.streams.set(streamName, stream);
    this.all.push(event);
  }

  private ensureUp(): void {
    if (this.down) throw new UnavailableError(undefined, 'fake cluster unavailable');
  }
}

function resolved<E extends AllStreamRecordedEvent>(event: E): AllStreamResolvedEvent & ResolvedEvent {
  return { event, commitPosition: event.position.commit } as AllStreamResolvedEvent & ResolvedEvent;
}

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
