import { AccessPolicy } from '@mc/access';
import { Actor, DomainError, fixedClock } from '@mc/domain';
import { SqliteEventStore } from '@mc/event-store';
import { EventStore, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';
import { ChainVerifier } from '@mc/event-store/hash-chain';
import { CaseStateCache } from '../../../journal/case-state-cache';
import { ExecuteCaseCommand } from './execute-case-command.command';
import { ExecuteCaseCommandHandler, MAX_APPEND_ATTEMPTS } from './execute-case-command.handler';

const agent: Actor = { id: 'a1', username: 'bollywood', role: 'agent' };

/** A store where another writer slips an event in before each of our first `conflicts` appends. */
function racingStore(store: EventStore, conflicts: number): EventStore & { attempts: number } {
  let left = conflicts;
  const racing = Object.create(store) as EventStore & { attempts: number };
  racing.attempts = 0;
  racing.append = async (streamId, events, expected) => {
    racing.attempts++;
    if (left-- > 0) {
      await store.append(streamId, [{ ...events[0], eventId: `intruder-${left}`, data: { entryId: `intruder-${left}`, text: 'autre rédacteur' } }], expected);
    }
    return store.append(streamId, events, expected);
  };
  return racing;
}

describe('ExecuteCaseCommandHandler under concurrent writers', () => {
  const clock = fixedClock('2019-11-20T10:00:00.000Z');
  let store: SqliteEventStore;
  let caseId: string;

  beforeEach(async () => {
    store = new SqliteEventStore({ file: ':memory:', clock });
    const open = new ExecuteCaseCommandHandler(store, clock, new AccessPolicy(), new CaseStateCache(store));
    caseId = (await open.execute(new ExecuteCaseCommand(null, { type: 'OpenCase', data: { title: 'Coupure' } }, agent, 'c'))).caseId;
  });
  afterEach(() => store.close());

  const note = () => new ExecuteCaseCommand(caseId, { type: 'AddNote', data: { text: 'à consigner' } }, agent, 'c');

  it('decides again after another writer got in first, and appends after it: no fork', async () => {
    const racing = racingStore(store, 2);
    const result = await new ExecuteCaseCommandHandler(racing, clock, new AccessPolicy(), new CaseStateCache(racing)).execute(note());
    expect(racing.attempts).toBe(3);
    expect(result.revision).toBe(3);
    const stream = await store.readStream(`case-${caseId}`);
    expect(stream.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    expect(stream[3].prevHash).toBe(stream[2].hash);
  });

  it(`gives up with a revision conflict after ${MAX_APPEND_ATTEMPTS} attempts`, async () => {
    const racing = racingStore(store, 1000);
    const refusal = await new ExecuteCaseCommandHandler(racing, clock, new AccessPolicy(), new CaseStateCache(racing)).execute(note()).catch((e) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe('REVISION_CONFLICT');
    expect(racing.attempts).toBe(MAX_APPEND_ATTEMPTS);
  });

  it('does not retry when the client named the revision it expected', async () => {
    const racing = racingStore(store, 1);
    const refusal = await new ExecuteCaseCommandHandler(racing, clock, new AccessPolicy(), new CaseStateCache(racing))
      .execute(new ExecuteCaseCommand(caseId, { type: 'AddNote', data: { text: 'x' } }, agent, 'c', 0))
      .catch((e) => e);
    expect(refusal.code).toBe('REVISION_CONFLICT');
    expect(racing.attempts).toBe(1);
    expect(refusal).not.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('lets concurrent writers to one case take turns: all land at the first attempt, chained', async () => {
    let appends = 0;
    const counting = Object.create(store) as EventStore;
    counting.append = (streamId, events, expected) => {
      appends++;
      return store.append(streamId, events, expected);
    };
    const handler = new ExecuteCaseCommandHandler(counting, clock, new AccessPolicy(), new CaseStateCache(counting));
    const results = await Promise.all(Array.from({ length: 32 }, () => handler.execute(note())));
    expect(appends).toBe(32);
    expect(results.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const stream = await store.readStream(`case-${caseId}`);
    expect(stream).toHaveLength(33);
    expect(ChainVerifier.verifyStream(stream)).toBeNull();
  });

  it('drops the folded state when an append is refused, and decides again on what the store holds', async () => {
    const cache = new CaseStateCache(store);
    const handler = new ExecuteCaseCommandHandler(store, clock, new AccessPolicy(), cache);
    await handler.execute(note());
    // Another process writes behind the cache's back.
    const other = new ExecuteCaseCommandHandler(store, clock, new AccessPolicy(), new CaseStateCache(store));
    await other.execute(note());
    const result = await handler.execute(note());
    expect(result.revision).toBe(3);
    expect(ChainVerifier.verifyStream(await store.readStream(`case-${caseId}`))).toBeNull();
  });
});
