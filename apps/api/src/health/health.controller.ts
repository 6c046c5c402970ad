import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { GetHealthQuery } from './health.query';

@ApiTags('santé')
@Controller('api')
export class HealthController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get('health')
  health() {
    return this.queries.execute(new GetHealthQuery());
  }
}
