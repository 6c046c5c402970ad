import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ProviderView, loadProvider, providerView } from '../../provider-stream';
import { ProviderIndex } from './provider-index';

/** GET /providers: every registered provider with its commitments in force, for any signed-in user. */
export class ListProvidersQuery extends Query<ProviderView[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}

@QueryHandler(ListProvidersQuery)
export class ListProvidersHandler implements IQueryHandler<ListProvidersQuery, ProviderView[]> {
  /** Owned by this (singleton) handler: see ProviderIndex for why it is not a read model. */
  private readonly index = new ProviderIndex();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<ProviderView[]> {
    const ids = await this.index.providerIds(this.store);
    const loaded = await Promise.all(ids.map((id) => loadProvider(this.store, id)));
    return loaded
      .filter((p) => p.state.exists)
      .map(providerView)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.registeredAt.localeCompare(b.registeredAt));
  }
}
