import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@mc/domain';
import { CorrelationId, CurrentActor } from '../auth/auth.decorators';
import { CaseWriteResult, ExecuteCaseCommand } from '../cases/commands/execute-case-command/execute-case-command.command';
import { AsOfQueryDto } from '../cases/queries/query-params.dto';
import { ShareCaseCommand } from './share-case.command';
import { RevokeShareDto, ShareCaseDto } from './share-case.dto';
import { GetAccessOnDateQuery, GetAuditTrailQuery, ListSharesQuery } from './sharing.queries';

const written = (r: CaseWriteResult) => ({ caseId: r.caseId, streamId: r.streamId, revision: r.revision, recordedAt: r.recordedAt, hash: r.hash });

/** Who may see a case, and what they did with it: grants, revocations, the audit trail. */
@ApiTags('partage')
@ApiBearerAuth()
@Controller('api/v1/cases/:caseId')
export class SharingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('shares')
  async share(@Param('caseId') caseId: string, @Body() dto: ShareCaseDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    const result = await this.commands.execute(new ShareCaseCommand(caseId, dto.grantee, dto.permission, actor, cid, dto.expectedRevision));
    return { grantId: result.assignedId!.value, ...written(result) };
  }

  @Get('shares')
  shares(@Param('caseId') caseId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListSharesQuery(actor, caseId));
  }

  @Delete('shares/:grantId')
  @HttpCode(200)
  async revoke(
    @Param('caseId') caseId: string,
    @Param('grantId') grantId: string,
    @Body() dto: RevokeShareDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    const result = await this.commands.execute(
      new ExecuteCaseCommand(caseId, { type: 'RevokeCaseAccess', data: { grantId, reason: dto.reason } }, actor, cid, dto.expectedRevision),
    );
    return { grantId, ...written(result) };
  }

  @Get('audit')
  audit(@Param('caseId') caseId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetAuditTrailQuery(actor, caseId));
  }

  @Get('access')
  access(@Param('caseId') caseId: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetAccessOnDateQuery(actor, caseId, q.asOf));
  }
}
