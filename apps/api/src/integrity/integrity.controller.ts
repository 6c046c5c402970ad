import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@mc/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { LangQueryDto } from '../cases/queries/query-params.dto';
import { VerifyJournalQuery } from './verify-journal.query';

@ApiTags('intégrité')
@ApiBearerAuth()
@Controller('api/v1/integrity')
export class IntegrityController {
  constructor(private readonly queries: QueryBus) {}

  /** Admin: recompute every hash of every stream; the first broken link names its stream and revision. */
  @Get('verify')
  verify(@Query() _query: LangQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new VerifyJournalQuery(actor));
  }
}
