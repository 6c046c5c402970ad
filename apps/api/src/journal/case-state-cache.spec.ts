import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor, fixedClock } from '@mc/domain';
import { SqliteEventStore } from '@mc/event-store';
import { EventStore, NO_STREAM, ReadStreamOptions } from '@mc/event-store/event-store.port';
import { CaseStateCache } from './case-state-cache';

const agent: Actor = { id: 'a1', username: 'bollywood', role: 'agent' };
const meta = { schemaVersion: 1, actor: agent, correlationId: 'c', causationId: 'c' };
const note = (n: number) => ({ eventId: `e-${n}-${Math.random()}`, type: 'NoteAdded', data: { entryId: `n${n}`, text: `note ${n}` }, metadata: meta });

describe('CaseStateCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-cache-'));
  const file = join(dir, 'journal.sqlite');
  const clock = fixedClock('2019-11-20T10:00:00.000Z');
  const store = new SqliteEventStore({ file, clock });
  const reads: (ReadStreamOptions | undefined)[] = [];
  const counting = Object.create(store) as EventStore;
  counting.readStream = (streamId, options) => {
    reads.push(options);
    return store.readStream(streamId, options);
  };

  beforeAll(async () => {
    await store.append('case-x', [{ eventId: 'open', type: 'CaseOpened', data: { title: 'Coupure' }, metadata: meta }], NO_STREAM);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds the whole stream once, then reads only what was recorded since', async () => {
    const cache = new CaseStateCache(counting);
    expect((await cache.load('x')).revision).toBe(0);
    await store.append('case-x', [note(1), note(2)], 0);
    const { state, revision } = await cache.load('x');
    expect(revision).toBe(2);
    expect([...state.entries.keys()]).toEqual(['n1', 'n2']);
    expect(state.ownerId).toBe('a1');
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 1]);
  });

  it('sees writes made by another process on the same file', async () => {
    const cache = new CaseStateCache(store);
    await cache.load('x');
    const other = new SqliteEventStore({ file, clock });
    await other.append('case-x', [note(3)], 2);
    await other.close();
    expect((await cache.load('x')).revision).toBe(3);
  });

  it('applies each revision once when loads overlap', async () => {
    const cache = new CaseStateCache(store);
    await cache.load('x');
    await store.append('case-x', [note(4)], 3);
    const [a, b] = await Promise.all([cache.load('x'), cache.load('x')]);
    expect(a.revision).toBe(4);
    expect(b.revision).toBe(4);
    expect([...a.state.entries.keys()]).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('answers an empty state for a case that does not exist, and forgets the oldest beyond its capacity', async () => {
    const cache = new CaseStateCache(counting, 1);
    expect(await cache.load('nope')).toEqual({ state: expect.objectContaining({ status: 'none' }), revision: null });
    await store.append('case-y', [{ eventId: 'open-y', type: 'CaseOpened', data: { title: 'Autre' }, metadata: meta }], NO_STREAM);
    await cache.load('x');
    reads.length = 0;
    await cache.load('x');
    await cache.load('y');
    await cache.load('x');
    expect(reads.map((r) => r?.fromRevision)).toEqual([5, 0, 0]);
  });

  it('settled() waits for the appends queued so far, stored or refused, and no longer', async () => {
    // A store that holds each append until told to let it through, as a group commit does.
    const held: (() => void)[] = [];
    const slow = Object.create(store) as EventStore;
    slow.append = (streamId, events, expected) =>
      new Promise((resolve, reject) => held.push(() => void store.append(streamId, events, expected).then(resolve, reject)));
    const cache = new CaseStateCache(slow);
    const head = (await store.readStream('case-x')).length - 1;
    const first = cache.write('x', () => [note(10)]);
    const second = cache.write('x', () => [note(11)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(held).toHaveLength(2);

    let settled = false;
    const waiting = cache.settled('x').then(() => (settled = true));
    held[0]();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    held[1]();
    await second;
    await waiting;
    expect((await store.readStream('case-x')).length - 1).toBe(head + 2);

    // Nothing queued: at once; and a refused append settles too.
    await cache.settled('x');
    const refused = cache.write('x', () => [note(12)]).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    await store.append('case-x', [note(13)], head + 2);
    held[2]();
    await cache.settled('x');
    expect(await refused).toBeInstanceOf(Error);
  });
});
