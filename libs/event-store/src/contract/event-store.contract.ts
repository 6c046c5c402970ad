import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { fixedClock } from '@mc/domain';
import {
  ANY_REVISION,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type PositionedEvent,
  type StoredEvent,
} from '../event-store.port';

/**
 * The behaviour every EventStore adapter must have. Each test builds a fresh store with
 * `factory`; `cleanup` closes it and removes what it created. Stream names are random and
 * global reads are filtered to the test's own streams, so the suite also runs against a shared
 * server (EventStoreDB) that already holds other events.
 *
 * The hash chain is recomputed here independently of ../hash-chain.ts.
 */
export interface EventStoreContractContext {
  store: EventStore;
  clock: ReturnType<typeof fixedClock>;
  cleanup: () => Promise<void>;
}

/**
 * The usual factory: a store built in a fresh temporary folder, with a fixed clock; cleanup
 * closes the store and removes the folder.
 */
export function inTempDir(
  build: (dir: string, clock: ReturnType<typeof fixedClock>) => EventStore | Promise<EventStore>,
): () => Promise<EventStoreContractContext> {
  return async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-contract-'));
    const clock = fixedClock('2026-03-02T08:30:00.000Z');
    const store = await build(dir, clock);
    return {
      store,
      clock,
      cleanup: async () => {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

export function describeEventStoreContract(adapterName: string, factory: () => Promise<EventStoreContractContext>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let ctx: EventStoreContractContext;
    let store: EventStore;

    beforeEach(async () => {
      ctx = await factory();
      store = ctx.store;
      ctx.clock.set('2026-03-02T08:30:00.000Z');
    });

    afterEach(async () => {
      await ctx.cleanup();
    });

    describe('append and expected revision', () => {
      it('creates a stream with NO_STREAM and refuses a second NO_STREAM', async () => {
        const streamId = newStream();
        const result = await store.append(streamId, [newEvent()], NO_STREAM);
        expect(result.records.map((r) => r.revision)).toEqual([0]);
        expect(result.nextExpectedRevision).toBe(0);
        expect(result.position).toBeGreaterThan(0);

        const conflict = await catchError(store.append(streamId, [newEvent()], NO_STREAM));
        expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
        expect(conflict).toMatchObject({ streamId, expected: NO_STREAM, actual: 0 });
        expect(await store.readStream(streamId)).toEqual(result.records);
      });

      it('refuses a wrong numeric revision with the actual one, and writes nothing', async () => {
        const streamId = newStream();
        await store.append(streamId, [newEvent(), newEvent()], NO_STREAM);
        const before = await store.readStream(streamId);
        const head = await store.headPosition();

        for (const expected of [0, 2, 7]) {
          const error = await catchError(store.append(streamId, [newEvent()], expected));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ streamId, expected, actual: 1 });
        }
        const missing = newStream();
        const onMissing = await catchError(store.append(missing, [newEvent()], 0));
        expect(onMissing).toMatchObject({ streamId: missing, expected: 0, actual: -1 });

        expect(await store.readStream(streamId)).toEqual(before);
        expect(await store.headPosition()).toBe(head);
        await expect(store.readStream(missing)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(ownEvents(await store.readAll({ after: head }), [streamId, missing])).toEqual([]);
      });

      it('appends with the right numeric revision', async () => {
        const streamId = newStream();
        const first = await store.append(streamId, [newEvent()], NO_STREAM);
        const second = await store.append(streamId, [newEvent()], first.nextExpectedRevision);
        expect(second.records[0].revision).toBe(1);
        expect(second.nextExpectedRevision).toBe(1);
        expect(second.position).toBeGreaterThan(first.position);
      });

      it('appends with ANY_REVISION to a new and to an existing stream', async () => {
        const streamId = newStream();
        const first = await store.append(streamId, [newEvent()], ANY_REVISION);
        const second = await store.append(streamId, [newEvent(), newEvent()], ANY_REVISION);
        expect(first.records[0].revision).toBe(0);
        expect(second.records.map((r) => r.revision)).toEqual([1, 2]);
        expect(second.records[0].prevHash).toBe(first.records[0].hash);
        expectValidChain(await store.readStream(streamId));
      });

      it('appends several events atomically, with consecutive revisions and increasing positions', async () => {
        const streamId = newStream();
        await store.append(streamId, [newEvent()], NO_STREAM);
        const head = await store.headPosition();
        const events = [newEvent({ n: 1 }), newEvent({ n: 2 }), newEvent({ n: 3 })];
        const result = await store.append(streamId, events, 0);

        expect(result.records.map((r) => [r.revision, r.eventId])).toEqual(events.map((e, i) => [i + 1, e.eventId]));
        expect(result.nextExpectedRevision).toBe(3);
        const all = ownEvents(await store.readAll({ after: head }), [streamId]);
        expect(all.map((e) => e.record)).toEqual(result.records);
        expect(all[1].position).toBeGreaterThan(all[0].position);
        expect(all[2].position).toBeGreaterThan(all[1].position);
        expect(result.position).toBe(all[2].position);
      });

      it('writes none of a batch when one of its events cannot be stored', async () => {
        const streamId = newStream();
        await store.append(streamId, [newEvent()], NO_STREAM);
        const head = await store.headPosition();
        const bad = [newEvent({ ok: true }), newEvent({ ok: true }), newEvent({ amount: Number.NaN })];
        await expect(store.append(streamId, bad, 0)).rejects.toThrow();
        expect((await store.readStream(streamId)).length).toBe(1);
        expect(ownEvents(await store.readAll({ after: head }), [streamId])).toEqual([]);
      });

      it('lets exactly one of many concurrent appends at the same revision win, without gap or fork', async () => {
        const streamId = newStream();
        await store.append(streamId, [newEvent()], NO_STREAM);
        const contenders = Array.from({ length: 20 }, (_, i) => newEvent({ contender: i }));
        const outcomes = await Promise.allSettled(contenders.map((e) => store.append(streamId, [e], 0)));

        const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(outcome.reason).toMatchObject({ expected: 0, actual: 1 });
          }
        }
        const stream = await store.readStream(streamId);
        expect(stream.map((r) => r.revision)).toEqual([0, 1]);
        expect(stream[1].eventId).toBe(contenders[won[0]].eventId);
        expectValidChain(stream);
      });

      it('serialises concurrent ANY_REVISION appends into one chain', async () => {
        const streamId = newStream();
        const events = Array.from({ length: 20 }, (_, i) => newEvent({ n: i }));
        const results = await Promise.all(events.map((e) => store.append(streamId, [e], ANY_REVISION)));
        const stream = await store.readStream(streamId);
        expect(stream.map((r) => r.revision)).toEqual(events.map((_, i) => i));
        expect(new Set(stream.map((r) => r.eventId))).toEqual(new Set(events.map((e) => e.eventId)));
        expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(20);
        expectValidChain(stream);
      });
    });

    describe('readStream', () => {
      let streamId: string;
      let written: StoredEvent[];

      beforeEach(async () => {
        streamId = newStream();
        written = [];
        for (let i = 0; i < 5; i++) {
          written.push(...(await store.append(streamId, [newEvent({ i })], ANY_REVISION)).records);
          await store.append(newStream(), [newEvent({ other: i })], NO_STREAM);
        }
      });

      it('reads forwards and backwards', async () => {
        expect(await store.readStream(streamId)).toEqual(written);
        expect(await store.readStream(streamId, { direction: 'forwards' })).toEqual(written);
        expect(await store.readStream(streamId, { direction: 'backwards' })).toEqual([...written].reverse());
      });

      it('honours fromRevision and maxCount in both directions', async () => {
        expect(revisions(await store.readStream(streamId, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(streamId, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
        expect(revisions(await store.readStream(streamId, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
        expect(revisions(await store.readStream(streamId, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
        expect(await store.readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });

      it('gives the revision of the last event, null for a stream without events', async () => {
        const streamId = newStream();
        expect(await store.streamRevision(streamId)).toBeNull();
        await store.append(streamId, [newEvent(), newEvent()], NO_STREAM);
        expect(await store.streamRevision(streamId)).toBe(1);
        await store.append(streamId, [newEvent()], 1);
        expect(await store.streamRevision(streamId)).toBe(2);
      });

      it('throws StreamNotFoundError for a stream without events', async () => {
        const missing = newStream();
        const error = await catchError(store.readStream(missing));
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ streamId: missing });
      });
    });

    describe('readAll and headPosition', () => {
      it('returns every stream in commit order with strictly increasing positions', async () => {
        const head = await store.headPosition();
        const a = newStream();
        const b = newStream();
        const appended: StoredEvent[] = [];
        const batchEnds: number[] = [];
        for (const [streamId, n] of [
          [a, 1],
          [b, 2],
          [a, 1],
          [b, 1],
          [a, 2],
        ] as const) {
          const result = await store.append(
            streamId,
            Array.from({ length: n }, () => newEvent()),
            ANY_REVISION,
          );
          appended.push(...result.records);
          batchEnds.push(result.position);
        }
        const all = ownEvents(await store.readAll({ after: head }), [a, b]);
        expect(all.map((e) => e.record)).toEqual(appended);
        // The position an append reports is that of its last event.
        expect([0, 2, 3, 4, 6].map((i) => all[i].position)).toEqual(batchEnds);
        for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
        expect(all[0].position).toBeGreaterThan(head);
        expect(await store.headPosition()).toBe(all[all.length - 1].position);

        const checkpoint = all[3].position;
        const rest = ownEvents(await store.readAll({ after: checkpoint }), [a, b]);
        expect(rest).toEqual(all.slice(4));
        const page = await store.readAll({ after: checkpoint, maxCount: 2 });
        expect(page).toEqual(all.slice(4, 6));
        expect(await store.readAll({ after: await store.headPosition() })).toEqual([]);
      });
    });

    describe('subscribeAll', () => {
      it('catches up from a checkpoint, reports it once, then delivers live appends in order', async () => {
        const streamId = newStream();
        const head = await store.headPosition();
        await store.append(
          streamId,
          Array.from({ length: 5 }, (_, i) => newEvent({ i })),
          NO_STREAM,
        );
        const checkpoint = ownEvents(await store.readAll({ after: head }), [streamId])[1].position;
        const seen: PositionedEvent[] = [];
        let caughtUp = 0;
        let seenAtCatchUp = -1;
        const errors: unknown[] = [];
        const subscription = store.subscribeAll(checkpoint, (event) => void seen.push(event), {
          onCaughtUp: () => {
            caughtUp += 1;
            seenAtCatchUp = ownEvents(seen, [streamId]).length;
          },
          onError: (error) => errors.push(error),
        });
        try {
          await waitFor(() => caughtUp === 1);
          expect(seenAtCatchUp).toBe(3);
          const live1 = await store.append(streamId, [newEvent({ live: 1 })], 4);
          const live2 = await store.append(streamId, [newEvent({ live: 2 }), newEvent({ live: 3 })], 5);
          await waitFor(() => ownEvents(seen, [streamId]).length === 6);

          const mine = ownEvents(seen, [streamId]);
          expect(mine.map((e) => e.record.revision)).toEqual([2, 3, 4, 5, 6, 7]);
          expect(mine.slice(3).map((e) => e.record)).toEqual([...live1.records, ...live2.records]);
          expect(mine[mine.length - 1].position).toBe(live2.position);
          for (let i = 1; i < seen.length; i++) expect(seen[i].position).toBeGreaterThan(seen[i - 1].position);
          expect(seen[0].position).toBeGreaterThan(checkpoint);
        } finally {
          await subscription.stop();
        }
        const delivered = seen.length;
        await store.append(streamId, [newEvent({ afterStop: true })], 7);
        await sleep(150);
        expect(seen.length).toBe(delivered);
        expect(caughtUp).toBe(1);
        expect(errors).toEqual([]);
      });

      it('stop() waits for the handler in progress and no handler runs afterwards', async () => {
        const streamId = newStream();
        const head = await store.headPosition();
        await store.append(
          streamId,
          Array.from({ length: 3 }, () => newEvent()),
          NO_STREAM,
        );
        let started = 0;
        let finished = 0;
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const subscription = store.subscribeAll(head, async () => {
          started += 1;
          await gate;
          finished += 1;
        });
        await waitFor(() => started === 1);
        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await sleep(30);
        expect(stopped).toBe(false); // the first handler is still running
        release();
        await stopping;
        expect([started, finished]).toEqual([1, 1]);
        await store.append(streamId, [newEvent()], 2);
        await sleep(150);
        expect(started).toBe(1);
      });

      it('stops and reports to onError when the handler throws', async () => {
        const streamId = newStream();
        const head = await store.headPosition();
        await store.append(streamId, [newEvent(), newEvent(), newEvent()], NO_STREAM);
        const failure = new Error('projection failed');
        const calls: number[] = [];
        const errors: unknown[] = [];
        const subscription = store.subscribeAll(
          head,
          (event) => {
            if (event.record.streamId !== streamId) return;
            calls.push(event.record.revision);
            if (event.record.revision === 1) throw failure;
          },
          { onError: (error) => errors.push(error) },
        );
        await waitFor(() => errors.length === 1);
        await store.append(streamId, [newEvent()], 2);
        await sleep(150);
        expect(errors).toEqual([failure]);
        expect(calls).toEqual([0, 1]);
        await subscription.stop();
      });
    });

    describe('hash chain and recordedAt', () => {
      it('chains every record from the genesis prevHash, recomputable independently', async () => {
        const streamId = newStream();
        const first = await store.append(streamId, [newEvent({ a: 1 }), newEvent({ b: [1, 2] })], NO_STREAM);
        const second = await store.append(streamId, [newEvent({ c: { d: null } })], 1);
        const stream = await store.readStream(streamId);
        expect(stream).toEqual([...first.records, ...second.records]);
        expect(stream[0].prevHash).toBe('0'.repeat(64));
        expect(stream[1].prevHash).toBe(stream[0].hash);
        expect(stream[2].prevHash).toBe(stream[1].hash);
        for (const record of stream) {
          expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(independentHash(record)).toBe(record.hash);
          expect(Object.keys(record).sort()).toEqual(['data', 'eventId', 'hash', 'metadata', 'prevHash', 'revision', 'streamId', 'type']);
        }
        // A different stream starts its own chain.
        const other = await store.append(newStream(), [newEvent({ a: 1 })], NO_STREAM);
        expect(other.records[0].prevHash).toBe('0'.repeat(64));
      });

      it('stamps recordedAt from the store clock, ignoring one sent by the client', async () => {
        const streamId = newStream();
        const forged = newEvent({ x: 1 });
        (forged.metadata as Record<string, unknown>).recordedAt = '2001-01-01T00:00:00.000Z';
        ctx.clock.set('2026-03-02T09:15:30.123Z');
        const result = await store.append(streamId, [forged, newEvent()], NO_STREAM);
        expect(result.records.map((r) => r.metadata.recordedAt)).toEqual(['2026-03-02T09:15:30.123Z', '2026-03-02T09:15:30.123Z']);
        const stored = await store.readStream(streamId);
        expect(stored[0].metadata.recordedAt).toBe('2026-03-02T09:15:30.123Z');
        expect(stored[0].metadata).toEqual({ ...forged.metadata, recordedAt: '2026-03-02T09:15:30.123Z' });
        expectValidChain(stored);
      });

      it('never stamps a recordedAt earlier than the previous one, even when the clock goes back', async () => {
        const streamId = newStream();
        ctx.clock.set('2026-03-02T10:00:00.500Z');
        await store.append(streamId, [newEvent()], NO_STREAM);
        ctx.clock.set('2026-03-02T09:00:00.000Z'); // one hour back
        const back = await store.append(streamId, [newEvent()], 0);
        expect(back.records[0].metadata.recordedAt).toBe('2026-03-02T10:00:00.500Z');
        ctx.clock.set('2026-03-02T10:00:01.000+00:00');
        const forward = await store.append(streamId, [newEvent()], 1);
        expect(forward.records[0].metadata.recordedAt).toBe('2026-03-02T10:00:01.000Z');
        // A new stream is not held back by another stream's time.
        ctx.clock.set('2026-03-02T09:30:00.000Z');
        const fresh = await store.append(newStream(), [newEvent()], NO_STREAM);
        expect(fresh.records[0].metadata.recordedAt).toBe('2026-03-02T09:30:00.000Z');
        expectValidChain(await store.readStream(streamId));
      });
    });

    describe('payloads', () => {
      it('round-trips large payloads exactly: a 2 MB string and a 5,000-element array', async () => {
        const streamId = newStream();
        const unit = 'Lorem ipsum dolor sit amet, « coupure » 🙂 ';
        const big = unit.repeat(Math.ceil(2_000_000 / unit.length));
        const items = Array.from({ length: 5_000 }, (_, i) => ({ i, label: `élément ${i}`, ratio: i / 7 }));
        const result = await store.append(streamId, [newEvent({ big }), newEvent({ items })], NO_STREAM);
        const stored = await store.readStream(streamId);
        expect(stored).toEqual(result.records);
        expect((stored[0].data as { big: string }).big).toBe(big);
        expect((stored[1].data as { items: unknown[] }).items).toEqual(items);
        expectValidChain(stored);
      });

      it('round-trips French and other Unicode text exactly', async () => {
        const streamId = newStream();
        const text = 'Coupure d’accès à la messagerie « sans préavis » : cœur, œuvre, 25 €, ça marche 🙂 👩‍💻 — fin.';
        const data = {
          title: text,
          'clé é': 'Œ', // non-ASCII member names
          '😀': 'astral key',
          ﬁ: 'BMP key above the surrogates',
          nested: { list: ['é', 'œ', '’', '«', '»', '€', '🙂'], control: 'tab\tnewline\nquote"backslash\\' },
        };
        const result = await store.append(streamId, [newEvent(data)], NO_STREAM);
        const [stored] = await store.readStream(streamId);
        expect(stored.data).toEqual(data);
        expect(stored).toEqual(result.records[0]);
        expect(independentHash(stored)).toBe(stored.hash);
      });

      it('returns what it stores: undefined members dropped, dates as strings', async () => {
        const streamId = newStream();
        const event = newEvent({ kept: 1, dropped: undefined, when: new Date('2026-01-05T10:00:00.000Z') });
        const result = await store.append(streamId, [event], NO_STREAM);
        expect(result.records[0].data).toEqual({ kept: 1, when: '2026-01-05T10:00:00.000Z' });
        expect(Object.keys(result.records[0].data)).not.toContain('dropped');
        expect(await store.readStream(streamId)).toEqual(result.records);
        expect(independentHash(result.records[0])).toBe(result.records[0].hash);
      });
    });
  });
}

function newStream(): string {
  return `test-${randomUUID()}`;
}

function newEvent(data: Record<string, unknown> = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'ContractTestHappened',
    data,
    metadata: {
      schemaVersion: 1,
      actor: { id: 'user-1', username: 'agent.dupont', role: 'agent' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
    },
  };
}

/** The spec's hash, written out again so that the store's own code is not checking itself. */
function independentHash(record: StoredEvent): string {
  const { hash: _hash, ...withoutHash } = record;
  return createHash('sha256')
    .update(Buffer.from(canonicalize(withoutHash) as string, 'utf8'))
    .digest('hex');
}

function expectValidChain(stream: StoredEvent[]): void {
  stream.forEach((record, i) => {
    expect(record.revision).toBe(i);
    expect(record.prevHash).toBe(i === 0 ? '0'.repeat(64) : stream[i - 1].hash);
    expect(independentHash(record)).toBe(record.hash);
    if (i > 0) expect(record.metadata.recordedAt >= stream[i - 1].metadata.recordedAt).toBe(true);
  });
}

function ownEvents(events: PositionedEvent[], streams: string[]): PositionedEvent[] {
  return events.filter((e) => streams.includes(e.record.streamId));
}

function revisions(records: StoredEvent[]): number[] {
  return records.map((r) => r.revision);
}

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
