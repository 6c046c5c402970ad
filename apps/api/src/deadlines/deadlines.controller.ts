import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@mc/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { field } from '../validation/field-decorators';
import { UpcomingDeadlinesQuery } from './upcoming-deadlines.query';

const WITHIN = /^(\d{1,3})d$/;

export class DeadlinesQueryDto {
  @field(
    'within',
    (v, name) =>
      typeof v === 'string' && WITHIN.test(v) && Number(WITHIN.exec(v)![1]) >= 1 && Number(WITHIN.exec(v)![1]) <= 366
        ? null
        : {
            fr: `Le paramètre « ${name} » est un nombre de jours de 1 à 366 suivi de d, par exemple 14d.`,
            en: `${name} is a number of days from 1 to 366 followed by d, e.g. 14d.`,
          },
    { required: false, api: { example: '14d' } },
  )
  within?: string;
}

@ApiTags('délais')
@ApiBearerAuth()
@Controller('api/v1/deadlines')
export class DeadlinesController {
  constructor(private readonly queries: QueryBus) {}

  /** What falls due soon across the caller's cases (default: 14 days). */
  @Get()
  upcoming(@Query() q: DeadlinesQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new UpcomingDeadlinesQuery(actor, Number(WITHIN.exec(q.within ?? '14d')![1])));
  }
}
