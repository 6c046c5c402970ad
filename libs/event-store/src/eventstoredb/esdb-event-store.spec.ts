import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fixedClock } from '@mc/domain';
import { describeEventStoreContract, inTempDir } from '@mc/event-store/contract/event-store.contract';
import {
  ANY_REVISION,
  ChainVerifier,
  DuplicateEventIdError,
  NO_STREAM,
  SealedImportError,
  SqliteEventStore,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  type EventToAppend,
  type PositionedEvent,
} from '@mc/event-store';
import { EsdbEventStore } from './esdb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';

/**
 * The EventStoreDB adapter over an in-memory fake of the client (testing/fake-esdb-client.ts).
 * This checks the adapter's logic — chain, revisions, retries, position numbering, catch-up and
 * reconnection — against the server behaviour the client documents. It is NOT proof that the
 * adapter works with a real EventStoreDB: esdb-event-store.live.spec.ts runs the same contract
 * against a real server when EVENTSTORE_CONNECTION_STRING is set.
 */

const START = '2026-03-02T08:30:00.000Z';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mc-esdb-'));
}

describeEventStoreContract(
  'eventstoredb (in-memory fake client)',
  inTempDir((dir, clock) => new EsdbEventStore({ client: new FakeEsdbClient(), clock, positionIndexFile: path.join(dir, 'positions.sqlite') })),
);

function newEvent(data: Record<string, unknown> = {}, eventId = randomUUID()): EventToAppend {
  return {
    eventId,
    type: 'EsdbTestHappened',
    data,
    metadata: { schemaVersion: 1, actor: { id: 'u1', username: 'agent.dupont', role: 'agent' }, correlationId: 'c1', causationId: 'c1' },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('EsdbEventStore over the fake client', () => {
  let dir: string;
  let client: FakeEsdbClient;
  let clock: ReturnType<typeof fixedClock>;
  const opened: Array<{ close(): Promise<void> }> = [];
  const open = (positionIndexFile = path.join(dir, 'positions.sqlite'), c: FakeEsdbClient = client): EsdbEventStore => {
    const store = new EsdbEventStore({ client: c, clock, positionIndexFile, reconnectDelayMs: 20 });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
    client = new FakeEsdbClient();
    clock = fixedClock(START);
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('appends with the revision it read and the events’ own ids, chain fields in the metadata', async () => {
    const store = open();
    await store.append('case-1', [newEvent({ n: 1 })], NO_STREAM);
    const event = newEvent({ n: 2 });
    await store.append('case-1', [event], 0);
    const appends = client.calls.filter((c) => c.method === 'appendToStream');
    expect(appends.map((c) => (c.args[2] as { expectedRevision: unknown }).expectedRevision)).toEqual(['no_stream', 0n]);
    const [sent] = appends[1].args[1] as Array<{ id: string; metadata: Record<string, unknown> }>;
    expect(sent.id).toBe(event.eventId);
    expect(Object.keys(sent.metadata).sort()).toEqual(['$causationId', '$correlationId', 'format', 'hash', 'metadata', 'prevHash']);
  });

  it('sends a concrete expected revision for ANY_REVISION, so a concurrent instance cannot fork the chain', async () => {
    const a = open(path.join(dir, 'a.sqlite'));
    const b = open(path.join(dir, 'b.sqlite'));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).append('case-1', [newEvent({ i })], ANY_REVISION)));
    expect(results.map((r) => r.records[0].revision).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ChainVerifier.verifyStream(await a.readStream('case-1'))).toBeNull();
    const expectations = client.calls.filter((c) => c.method === 'appendToStream').map((c) => (c.args[2] as { expectedRevision: unknown }).expectedRevision);
    expect(expectations).not.toContain('any');
  });

  it('answers a retried append with what is stored instead of a conflict', async () => {
    const store = open();
    const events = [newEvent({ n: 1 }), newEvent({ n: 2 })];
    const first = await store.append('case-1', events, NO_STREAM);
    clock.advance(60_000);
    expect(await store.append('case-1', events, NO_STREAM)).toEqual(first);
    const next = await store.append('case-1', [newEvent()], 1);
    expect(
      await store.append(
        'case-1',
        [next.records[0]].map((r) => ({ ...newEvent(), eventId: r.eventId })),
        1,
      ),
    ).toEqual(next);
    expect(
      await store.append(
        'case-1',
        [next.records[0]].map((r) => ({ ...newEvent(), eventId: r.eventId })),
        ANY_REVISION,
      ),
    ).toEqual(next);
    expect((await store.readStream('case-1')).length).toBe(3);
    // Other ids at that place are a conflict; ending with the stored head's id is a reuse of that id.
    await expect(store.append('case-1', [newEvent()], 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(store.append('case-1', [newEvent(), { ...newEvent(), eventId: next.records[0].eventId }], ANY_REVISION)).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
  });

  it('numbers positions identically in two instances, with their own index files', async () => {
    const a = open(path.join(dir, 'a.sqlite'));
    await a.append('case-1', [newEvent(), newEvent(), newEvent()], NO_STREAM);
    await a.append('case-2', [newEvent()], NO_STREAM);
    await a.append('case-1', [newEvent()], 2);
    const b = open(path.join(dir, 'b.sqlite'));
    const fromA = await a.readAll();
    expect(fromA.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await b.readAll({ after: 3 })).toEqual(fromA.slice(3));
    expect(await b.headPosition()).toBe(5);
    // A lost index file is rebuilt from $all with the same numbers.
    const c = open(path.join(dir, 'c.sqlite'));
    expect(await c.readAll({ after: 2, maxCount: 2 })).toEqual(fromA.slice(2, 4));
  });

  it('leaves system events and other applications’ events out of $all', async () => {
    const store = open();
    await client.appendToStream('orders-1', [
      { id: randomUUID(), contentType: 'application/json', type: 'OrderPlaced', data: { total: 3 }, metadata: undefined },
    ]);
    await store.append('case-1', [newEvent()], NO_STREAM);
    await store.append('case-1', [newEvent()], 0);
    await store.append('case-1', [newEvent()], 1);
    expect(client.stored().some((e) => e.type.startsWith('$'))).toBe(true);
    const all = await store.readAll();
    expect(all.map((e) => [e.position, e.record.streamId, e.record.revision])).toEqual([
      [1, 'case-1', 0],
      [2, 'case-1', 1],
      [3, 'case-1', 2],
    ]);
  });

  it('imports sealed records verbatim, and refuses ones that do not continue the chain', async () => {
    const source = new SqliteEventStore({ file: path.join(dir, 'source.sqlite'), clock });
    opened.push(source);
    await source.append('case-1', [newEvent({ n: 1 }), newEvent({ n: 2 })], NO_STREAM);
    clock.advance(3_600_000);
    await source.append('case-1', [newEvent({ n: 3 })], 1);
    const records = await source.readStream('case-1');
    const store = open();
    clock.advance(86_400_000); // the target's clock plays no part
    await store.appendSealed('case-1', records.slice(0, 2));
    await expect(store.appendSealed('case-1', records.slice(0, 1))).rejects.toBeInstanceOf(SealedImportError);
    const forged = { ...records[2], data: { n: 4 } };
    await expect(store.appendSealed('case-1', [forged])).rejects.toThrow(/differs from the recomputed/);
    await store.appendSealed('case-1', records.slice(2));
    expect(await store.readStream('case-1')).toEqual(records);
  });

  it('reads a tampered event as it is, so that the chain check reports it', async () => {
    const store = open();
    await store.append('case-1', [newEvent({ title: 'original' }), newEvent()], NO_STREAM);
    client.tamper('case-1', 0, { title: 'forged' });
    const failure = ChainVerifier.verifyStream(await store.readStream('case-1'));
    expect(failure).toMatchObject({ streamId: 'case-1', revision: 0, reason: 'hash_mismatch' });
  });

  it('maps an unreachable cluster to StoreUnavailableError', async () => {
    const store = open();
    client.setDown(true);
    await expect(store.append('case-1', [newEvent()], NO_STREAM)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readStream('case-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('subscribes again from the last delivered position when the cluster comes back', async () => {
    const store = open();
    await store.append('case-1', [newEvent({ n: 0 })], NO_STREAM);
    const seen: PositionedEvent[] = [];
    const errors: unknown[] = [];
    let caughtUp = 0;
    const subscription = store.subscribeAll(0, (e) => void seen.push(e), { onCaughtUp: () => caughtUp++, onError: (e) => errors.push(e) });
    try {
      await waitFor(() => caughtUp === 1);
      await store.append('case-1', [newEvent({ n: 1 })], 0);
      await waitFor(() => seen.length === 2);
      client.setDown(true);
      await new Promise((resolve) => setTimeout(resolve, 60));
      client.setDown(false);
      await store.append('case-1', [newEvent({ n: 2 }), newEvent({ n: 3 })], 1);
      await waitFor(() => seen.length === 4);
      expect(seen.map((e) => [e.position, e.record.revision])).toEqual([
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 3],
      ]);
      expect(errors).toEqual([]);
      expect(caughtUp).toBe(1);
      expect(client.calls.filter((c) => c.method === 'subscribeToAll').length).toBeGreaterThanOrEqual(2);
    } finally {
      await subscription.stop();
    }
  });
});
