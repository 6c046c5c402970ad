import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ProjectionRunner } from '@mc/projections';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../journal/journal.tokens';

export interface Health {
  status: 'ok';
  store: AppConfig['store'];
  headPosition: number;
  readModelsPosition: number;
}

export class GetHealthQuery extends Query<Health> {}

/** The store answers, and how far the read models have caught up with it. */
@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery, Health> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
  ) {}

  async execute(): Promise<Health> {
    return { status: 'ok', store: this.config.store, headPosition: await this.store.headPosition(), readModelsPosition: this.runner.position() };
  }
}
