import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ProviderView, loadExistingProvider, providerView } from '../../provider-stream';

/** GET /providers/:id: one provider with its commitments in force; 404 when unknown. */
export class GetProviderQuery extends Query<ProviderView> {
  constructor(
    readonly actor: Actor,
    readonly providerId: string,
  ) {
    super();
  }
}

@QueryHandler(GetProviderQuery)
export class GetProviderHandler implements IQueryHandler<GetProviderQuery, ProviderView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ providerId }: GetProviderQuery): Promise<ProviderView> {
    return providerView(await loadExistingProvider(this.store, providerId));
  }
}
