import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fixedClock } from '@mc/domain';
import { describeEventStoreContract, inTempDir } from '@mc/event-store/contract/event-store.contract';
import {
  ANY_REVISION,
  ChainVerifier,
  DuplicateEventIdError,
  NO_STREAM,
  SqliteEventStore,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  type EventToAppend,
  type PositionedEvent,
} from '@mc/event-store';

const START = '2026-03-02T08:30:00.000Z';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mc-event-store-'));
}

/** The shared contract, on a fresh journal file per test: appends written by the writer thread (default) or on the store's own connection. */
for (const writer of ['thread', 'inline'] as const) {
  describeEventStoreContract(
    `sqlite (writer: ${writer})`,
    inTempDir((dir, clock) => new SqliteEventStore({ file: path.join(dir, 'events.db'), clock, writer })),
  );
}

function newEvent(data: Record<string, unknown> = {}, eventId = randomUUID()): EventToAppend {
  return {
    eventId,
    type: 'SqliteTestHappened',
    data,
    metadata: {
      schemaVersion: 1,
      actor: { id: 'u1', username: 'agent.dupont', role: 'agent' },
      correlationId: 'c1',
      causationId: 'c1',
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  let clock: ReturnType<typeof fixedClock>;
  const opened: SqliteEventStore[] = [];
  const open = (pollIntervalMs?: number): SqliteEventStore => {
    const store = new SqliteEventStore({ file, clock, pollIntervalMs });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'events.db');
    clock = fixedClock(START);
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs with WAL and synchronous FULL', () => {
    expect(open().settings()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 5000 });
  });

  it('refuses UPDATE and DELETE, even through another connection', async () => {
    const store = open();
    await store.append('case-1', [newEvent({ title: 'original' })], NO_STREAM);
    const raw = new Database(file);
    try {
      expect(() => raw.prepare(`UPDATE events SET data = '{"title":"forged"}'`).run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      expect(raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    } finally {
      raw.close();
    }
    const [record] = await store.readStream('case-1');
    expect(record.data).toEqual({ title: 'original' });
  });

  it('keeps the events across close and reopen, and the chain goes on', async () => {
    const first = open();
    const written = await first.append('case-1', [newEvent({ n: 1 }), newEvent({ n: 2 })], NO_STREAM);
    await first.close();

    clock.advance(60_000);
    const second = open();
    expect(await second.readStream('case-1')).toEqual(written.records);
    expect(await second.headPosition()).toBe(written.position);
    const next = await second.append('case-1', [newEvent({ n: 3 })], 1);
    expect(next.records[0].prevHash).toBe(written.records[1].hash);
    expect(next.position).toBe(written.position + 1);
    expect(ChainVerifier.verifyStream(await second.readStream('case-1'))).toBeNull();
  });

  it('works in memory', async () => {
    const store = new SqliteEventStore({ file: ':memory:', clock });
    opened.push(store);
    const result = await store.append('case-1', [newEvent()], NO_STREAM);
    expect(await store.readStream('case-1')).toEqual(result.records);
  });

  describe('group commit', () => {
    it('commits appends made in the same turn together; a refused one undoes only itself', async () => {
      const store = open();
      await store.append('case-1', [newEvent()], NO_STREAM);
      const outcomes = await Promise.allSettled([
        store.append('case-a', [newEvent()], NO_STREAM),
        store.append('case-1', [newEvent()], 5), // wrong revision, in the middle of the batch
        store.append('case-b', [newEvent(), newEvent()], NO_STREAM),
        store.append('case-1', [newEvent()], 0),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      const positions = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ position: number }>).value.position);
      expect(positions).toEqual([2, 4, 5]);
      expect((await store.readAll()).map((e) => e.record.streamId)).toEqual(['case-1', 'case-a', 'case-b', 'case-b', 'case-1']);
      expect(ChainVerifier.verifyStream(await store.readStream('case-1'))).toBeNull();
    });

    it('answers appends still queued when the store closes', async () => {
      const store = open();
      const pending = store.append('case-1', [newEvent()], NO_STREAM);
      await store.close();
      expect((await pending).records[0].revision).toBe(0);
      const reopened = open();
      expect((await reopened.readStream('case-1')).length).toBe(1);
    });
  });

  describe('writer thread', () => {
    it('keeps one stream in order across the batches it has in flight', async () => {
      const store = open();
      const appends = Array.from({ length: 60 }, (_, revision) =>
        store.append('case-1', [newEvent({ n: revision })], revision === 0 ? NO_STREAM : revision - 1),
      );
      const results = await Promise.all(appends);
      expect(results.map((r) => r.records[0].revision)).toEqual(Array.from({ length: 60 }, (_, i) => i));
      const stored = await store.readStream('case-1');
      expect(stored.map((r) => r.data.n)).toEqual(Array.from({ length: 60 }, (_, i) => i));
      expect(stored).toEqual(results.map((r) => r.records[0]));
      expect(ChainVerifier.verifyStream(stored)).toBeNull();
    });

    it('refuses a malformed event at once, and stores the appends made beside it', async () => {
      const store = open();
      const outcomes = await Promise.allSettled([
        store.append('case-a', [newEvent({ n: 1 })], NO_STREAM),
        store.append('case-b', [newEvent({ n: Number.NaN })], NO_STREAM),
        store.append('case-c', [newEvent({ n: 3 })], NO_STREAM),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/non-finite number/);
      expect((await store.readAll()).map((e) => e.record.streamId)).toEqual(['case-a', 'case-c']);
    });

    it('starts a new thread after its thread stopped, and goes on with the chain', async () => {
      const store = open();
      await store.append('case-1', [newEvent()], NO_STREAM);
      const writer = (store as unknown as { writer: { worker: { terminate(): Promise<number> } | null } }).writer;
      await writer.worker!.terminate();
      const next = await store.append('case-1', [newEvent()], 0);
      expect(next.records[0].revision).toBe(1);
      expect(ChainVerifier.verifyStream(await store.readStream('case-1'))).toBeNull();
    });
  });

  describe('idempotent retry and duplicate event ids', () => {
    it('answers a retried append with what is stored, writing nothing', async () => {
      const store = open();
      const batch = [newEvent({ n: 0 }), newEvent({ n: 1 })];
      const first = await store.append('case-1', batch, NO_STREAM);
      clock.advance(5_000);
      const retried = await store.append('case-1', batch, NO_STREAM);
      expect(retried).toEqual(first);

      const third = newEvent({ n: 2 });
      const appended = await store.append('case-1', [third], 1);
      await store.append('case-1', [newEvent({ n: 3 })], 2);
      // The stream has moved on since, but this is still the same append.
      expect(await store.append('case-1', [third], 1)).toEqual(appended);
      expect(await store.append('case-1', [third], ANY_REVISION)).toEqual(appended);
      expect((await store.readStream('case-1')).map((r) => r.revision)).toEqual([0, 1, 2, 3]);
      expect(await store.headPosition()).toBe(4);
    });

    it('refuses any other reuse of a stored event id, writing nothing', async () => {
      const store = open();
      const [a, b] = [newEvent(), newEvent()];
      await store.append('case-1', [a, b], NO_STREAM);
      const attempts = [
        store.append('case-2', [a], NO_STREAM), // another stream
        store.append('case-1', [a], 1), // same stream, another revision
        store.append('case-1', [a, newEvent()], NO_STREAM), // only part of the batch matches
        store.append('case-1', [newEvent(), b], 1), // not the first event
      ];
      for (const attempt of attempts) {
        const error = await attempt.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
      }
      expect(await store.headPosition()).toBe(2);
    });

    it('rolls back a batch that repeats an event id', async () => {
      const store = open();
      await store.append('case-1', [newEvent()], NO_STREAM);
      const twice = newEvent();
      const error = await store.append('case-1', [newEvent(), twice, twice], 0).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DUPLICATE_EVENT_ID', eventId: twice.eventId });
      expect(await store.headPosition()).toBe(1);
      // Positions stay dense after the rollback.
      expect((await store.append('case-1', [newEvent()], 0)).position).toBe(2);
    });
  });

  describe('subscriptions', () => {
    it('is woken by its own appends at once, without waiting for the poll', async () => {
      const store = open(60_000);
      const seen: PositionedEvent[] = [];
      let caughtUp = false;
      const subscription = store.subscribeAll(0, (e) => void seen.push(e), { onCaughtUp: () => (caughtUp = true) });
      await waitFor(() => caughtUp);
      const started = Date.now();
      await store.append('case-1', [newEvent()], NO_STREAM);
      // The poll interval is a minute: anything well under it proves the append itself woke it.
      await waitFor(() => seen.length === 1, 30_000);
      expect(Date.now() - started).toBeLessThan(30_000);
      await subscription.stop();
    });

    it('sees events appended by another connection to the same file by polling', async () => {
      const reader = open(50);
      const writer = open(60_000);
      const seen: PositionedEvent[] = [];
      const subscription = reader.subscribeAll(0, (e) => void seen.push(e));
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await writer.append('case-1', [newEvent({ i })], ANY_REVISION));
      await waitFor(() => seen.length === 3);
      expect(seen.map((e) => e.record)).toEqual(results.flatMap((r) => r.records));
      expect(seen.map((e) => e.position)).toEqual([1, 2, 3]);
      await subscription.stop();
    });

    it('delivers its own appends as a read from the file gives them, each subscriber its own copy, in order with those of another connection', async () => {
      const store = open(20);
      const other = open(60_000);
      const first: PositionedEvent[] = [];
      const second: PositionedEvent[] = [];
      const a = store.subscribeAll(0, (e) => {
        first.push(e);
        (e.record.data as { n?: number }).n = -1; // a careless subscriber
        (e.record.metadata as { correlationId: string }).correlationId = 'changed';
      });
      const b = store.subscribeAll(0, (e) => void second.push(e));
      const ours = await store.append('case-1', [newEvent({ n: 1 }), newEvent({ n: 2 })], NO_STREAM);
      await other.append('case-2', [newEvent({ n: 3 })], NO_STREAM); // position 3, not written by this store
      const again = await store.append('case-1', [newEvent({ n: 4 })], 1);
      ours.records[0].data.n = 99; // a careless appender
      await waitFor(() => second.length === 4);
      const fromFile = await store.readAll();
      expect(second.map((e) => e.position)).toEqual([1, 2, 3, 4]);
      expect(second).toEqual(fromFile);
      // Key order too: metadata comes canonical, as stored.
      expect(second.map((e) => JSON.stringify(e.record))).toEqual(fromFile.map((e) => JSON.stringify(e.record)));
      expect(first.map((e) => e.record.eventId)).toEqual(fromFile.map((e) => e.record.eventId));
      expect(second[3].record).not.toBe(again.records[0]);
      await Promise.all([a.stop(), b.stop()]);
    });

    it('delivers every event once, in position order, while its batches are in flight and another connection writes between them', async () => {
      const store = open(20);
      const other = open(60_000);
      const seen: PositionedEvent[] = [];
      const subscription = store.subscribeAll(0, (e) => void seen.push(e));
      const writers = Array.from({ length: 12 }, async (_, w) => {
        for (let i = 0; i < 25; i++) {
          if (w === 0 && i % 5 === 0) await other.append('case-other', [newEvent({ i })], ANY_REVISION);
          await store.append(`case-${w}`, [newEvent({ w, i })], ANY_REVISION);
        }
      });
      await Promise.all(writers);
      const all = await store.readAll();
      expect(all.length).toBe(12 * 25 + 5);
      await waitFor(() => seen.length >= all.length);
      expect(seen).toEqual(all);
      await subscription.stop();
    });

    /**
     * Sends 8 appends to the writer, subscribes from `after` while they are in flight, and says how
     * many events had been delivered when the subscription said it had caught up.
     */
    async function caughtUpWithAppendsInFlight(store: SqliteEventStore, after: number): Promise<number> {
      const inFlight = Array.from({ length: 8 }, (_, i) => store.append(`case-late-${i}`, [newEvent({ i })], NO_STREAM));
      await new Promise((resolve) => setImmediate(resolve)); // the batch is on its way to the writer
      let seenWhenCaughtUp = -1;
      const seen: PositionedEvent[] = [];
      const subscription = store.subscribeAll(after, (e) => void seen.push(e), { onCaughtUp: () => (seenWhenCaughtUp = seen.length) });
      await Promise.all(inFlight);
      await waitFor(() => seenWhenCaughtUp >= 0 && seen.length === 16);
      await subscription.stop();
      return seenWhenCaughtUp;
    }

    it('catches up from the file before it says so, even while appends are in flight', async () => {
      const store = open();
      for (let i = 0; i < 4; i++) await store.append(`case-${i}`, [newEvent({ i }), newEvent({ i })], NO_STREAM);
      expect(await caughtUpWithAppendsInFlight(store, 0)).toBeGreaterThanOrEqual(8);
    });

    it('catches up from the file before it says so when it starts after appends nobody was subscribed to', async () => {
      const store = open();
      const early = store.subscribeAll(0, () => undefined);
      await store.append('case-0', [newEvent()], NO_STREAM); // kept for the early subscriber
      await early.stop();
      for (let i = 1; i < 5; i++) await store.append(`case-${i}`, [newEvent(), newEvent()], NO_STREAM); // nobody subscribed
      expect(await caughtUpWithAppendsInFlight(store, 1)).toBeGreaterThanOrEqual(8);
    });

    it('catches up across several batches without loss or repetition', async () => {
      const store = open();
      for (let i = 0; i < 12; i++) {
        await store.append(
          `case-${i % 3}`,
          Array.from({ length: 100 }, (_, j) => newEvent({ i, j })),
          ANY_REVISION,
        );
      }
      const positions: number[] = [];
      let caughtUpAt = -1;
      const subscription = store.subscribeAll(50, (e) => void positions.push(e.position), {
        onCaughtUp: () => (caughtUpAt = positions.length),
      });
      await waitFor(() => caughtUpAt >= 0);
      expect(positions).toEqual(Array.from({ length: 1150 }, (_, i) => i + 51));
      await subscription.stop();
    });

    it('stops its subscriptions on close', async () => {
      const store = new SqliteEventStore({ file, clock });
      let caughtUp = false;
      const subscription = store.subscribeAll(0, () => undefined, { onCaughtUp: () => (caughtUp = true) });
      await waitFor(() => caughtUp);
      await store.close();
      await expect(subscription.stop()).resolves.toBeUndefined();
      await expect(store.append('case-1', [newEvent()], NO_STREAM)).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });

  it('continues a stream after another connection appended to it, wherever each store last saw its head', async () => {
    const first = open();
    const second = open();
    await first.append('case-1', [newEvent({ n: 0 })], NO_STREAM);
    const theirs = await second.append('case-1', [newEvent({ n: 1 })], 0);
    await expect(first.append('case-1', [newEvent({ n: 2 })], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const ours = await first.append('case-1', [newEvent({ n: 2 }), newEvent({ n: 3 })], 1);
    expect(ours.records[0]).toMatchObject({ revision: 2, prevHash: theirs.records[0].hash });
    await second.append('case-1', [newEvent({ n: 4 })], 3);
    const stream = await first.readStream('case-1');
    expect(stream.map((r) => r.data.n)).toEqual([0, 1, 2, 3, 4]);
    expect(ChainVerifier.verifyStream(stream)).toBeNull();
  });

  it('serialises appends from several processes into one valid chain', async () => {
    open(); // creates the schema
    const writers = 3;
    const perWriter = 100;
    // Each child loads the adapter's TypeScript source, says "ready", waits for "go", then appends.
    const script = `
      require('ts-node').register({ transpileOnly: true });
      const { SqliteEventStore } = require(${JSON.stringify(path.join(__dirname, 'sqlite-event-store.ts'))});
      const store = new SqliteEventStore({ file: process.argv[1], clock: { now: () => new Date() } });
      const meta = { schemaVersion: 1, actor: { id: 'u', username: 'u', role: 'agent' }, correlationId: 'c', causationId: 'c' };
      process.stdout.write('ready\\n');
      process.stdin.once('data', async () => {
        for (let i = 0; i < ${perWriter}; i++) {
          await store.append('case-shared', [{ eventId: process.pid + '-' + i, type: 'T', data: { i }, metadata: meta }], 'any');
          await new Promise((resolve) => setTimeout(resolve, 2)); // give the other writers a chance at the lock
        }
        await store.close();
        process.exit(0);
      });`;
    const children = Array.from({ length: writers }, () =>
      spawn(process.execPath, ['-e', script, file], { cwd: path.resolve(__dirname, '../../../..'), stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const exits = children.map((child) => new Promise<number | null>((resolve) => child.on('exit', resolve)));
    await Promise.all(children.map((child) => new Promise((resolve) => child.stdout.once('data', resolve))));
    for (const child of children) child.stdin.write('go\n');
    expect(await Promise.all(exits)).toEqual(children.map(() => 0));

    const stream = await opened[0].readStream('case-shared');
    expect(stream.map((r) => r.revision)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i));
    expect(ChainVerifier.verifyStream(stream)).toBeNull();
    // The writers really ran at the same time: their events are interleaved.
    const switches = stream.filter((r, i) => i > 0 && r.eventId.split('-')[0] !== stream[i - 1].eventId.split('-')[0]);
    expect(switches.length).toBeGreaterThan(writers - 1);
  }, 60_000);

  describe('unavailable store', () => {
    it('maps a read-only data file to StoreUnavailableError', async () => {
      const setup = open();
      await setup.append('case-1', [newEvent()], NO_STREAM);
      await setup.close();
      // root ignores file modes, so as root the file is made immutable instead (chattr +i).
      const asRoot = process.getuid?.() === 0;
      try {
        if (asRoot) execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
        else fs.chmodSync(file, 0o444);
      } catch {
        console.warn('Cannot make the data file read-only here (chattr +i refused): test skipped');
        return;
      }
      try {
        const store = open();
        const error = await store.append('case-1', [newEvent()], 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect((error as StoreUnavailableError).message).toMatch(/SQLITE_READONLY/);
        expect((await store.readStream('case-1')).length).toBe(1);
      } finally {
        if (asRoot) execFileSync('chattr', ['-i', file]);
        else fs.chmodSync(file, 0o644);
      }
    });

    it('maps a write lock held too long by another process to StoreUnavailableError, writing nothing', async () => {
      const store = open();
      await store.append('case-1', [newEvent()], NO_STREAM);
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      try {
        const error = await store.append('case-1', [newEvent()], 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect((error as StoreUnavailableError).message).toMatch(/SQLITE_BUSY/);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      expect(await store.headPosition()).toBe(1);
      expect((await store.append('case-1', [newEvent()], 0)).records[0].revision).toBe(1);
    }, 15_000);
  });
});
