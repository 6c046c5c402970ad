import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ProjectionRunner } from '@mc/projections';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG } from '../journal/journal.tokens';
import type { AppConfig } from '../config/config';

@ApiTags('santé')
@Controller('api')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
  ) {}

  @Public()
  @Get('health')
  async health() {
    const headPosition = await this.store.headPosition();
    return { status: 'ok', store: this.config.store, headPosition, readModelsPosition: this.runner.position() };
  }
}
