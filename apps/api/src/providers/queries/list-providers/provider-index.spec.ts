import type { Actor } from '@mc/domain';
import type { EventStore, ReadAllOptions } from '@mc/event-store/event-store.port';
import { InMemoryEventStore } from '@mc/projections/testing/in-memory-event-store';
import { ProviderIndex } from './provider-index';

const admin: Actor = { id: 'adm', username: 'admin', role: 'admin' };
const event = (type: string) => ({
  eventId: `${type}-${Math.random()}`,
  type,
  data: {},
  metadata: { schemaVersion: 1, actor: admin, correlationId: 'c', causationId: 'c' },
});

/** Counts what readAll was asked for. */
function spied(store: EventStore): EventStore & { calls: ReadAllOptions[] } {
  const spy = Object.create(store) as EventStore & { calls: ReadAllOptions[] };
  spy.calls = [];
  spy.readAll = (options = {}) => {
    spy.calls.push(options);
    return store.readAll(options);
  };
  return spy;
}

describe('ProviderIndex', () => {
  it('finds provider streams by their first event, in pages, and reads on from its checkpoint', async () => {
    const store = spied(new InMemoryEventStore());
    await store.append('provider-p1', [event('ProviderRegistered'), event('SlaCommitmentDefined')], 'no_stream');
    for (let i = 0; i < 5; i++) await store.append(`case-${i}`, [event('CaseOpened')], 'no_stream');
    await store.append('provider-p2', [event('ProviderRegistered')], 'no_stream');
    const index = new ProviderIndex(3);

    expect(await index.providerIds(store)).toEqual(['p1', 'p2']);
    expect(store.calls.map((c) => c.after)).toEqual([0, 3, 6]);

    await store.append('provider-p1', [event('SlaCommitmentWithdrawn')], 1);
    await store.append('provider-p3', [event('ProviderRegistered')], 'no_stream');
    store.calls.length = 0;
    expect(await index.providerIds(store)).toEqual(['p1', 'p2', 'p3']);
    expect(store.calls.map((c) => c.after)).toEqual([8]);
  });

  it('serves concurrent requests without listing a provider twice', async () => {
    const store = new InMemoryEventStore();
    await store.append('provider-p1', [event('ProviderRegistered')], 'no_stream');
    const index = new ProviderIndex(1);
    const answers = await Promise.all([index.providerIds(store), index.providerIds(store), index.providerIds(store)]);
    expect(answers).toEqual([['p1'], ['p1'], ['p1']]);
  });
});
