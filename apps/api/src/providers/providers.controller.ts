import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiFile } from '../http/openapi';
import type { Response } from 'express';
import type { AccountView } from '@mc/access';
import type { Actor } from '@mc/domain';
import type { BusinessHoursDefinedData, ProviderCommand, ProviderRegisteredData, SlaCommitmentDefinedData, SlaMetric } from '@mc/domain/provider/provider';
import { CorrelationId, CurrentAccount, CurrentActor } from '../auth/auth.decorators';
import { ChangesQueryDto } from '../cases/queries/query-params.dto';
import { sendExportedFile } from '../exports/send-exported-file';
import { ExportProviderReportCommand } from './scorecard/export-provider-report.command';
import { GetProviderScorecardQuery } from './scorecard/provider-scorecard.query';
import { dtoData } from '../validation/dto-data';
import { DefineBusinessHoursDto } from './commands/define-business-hours/define-business-hours.dto';
import { DefineSlaCommitmentDto } from './commands/define-sla-commitment/define-sla-commitment.dto';
import { ExecuteProviderCommand, ProviderWriteResult } from './commands/execute-provider-command/execute-provider-command.command';
import { RegisterProviderDto } from './commands/register-provider/register-provider.dto';
import { WithdrawSlaCommitmentDto } from './commands/withdraw-sla-commitment/withdraw-sla-commitment.dto';
import { GetProviderQuery } from './queries/get-provider/get-provider.query';
import { ListProvidersQuery } from './queries/list-providers/list-providers.query';
import { RecordsAnExport } from '../exports/records-an-export';

/**
 * HTTP edge of the provider register: providers and the service levels their contract commits
 * them to. Anyone signed in reads it (cases measure outages against it); only admins write it.
 */
@ApiTags('prestataires')
@ApiBearerAuth()
@Controller('api/v1/providers')
export class ProvidersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async write(providerId: string | null, command: ProviderCommand, actor: Actor, correlationId: string, expectedRevision?: number) {
    const result: ProviderWriteResult = await this.commands.execute(new ExecuteProviderCommand(providerId, command, actor, correlationId, expectedRevision));
    return { id: result.id, streamId: result.streamId, revision: result.revision, recordedAt: result.recordedAt, hash: result.hash };
  }

  @Post()
  register(@Body() dto: RegisterProviderDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(null, { type: 'RegisterProvider', data: dtoData(dto) as unknown as ProviderRegisteredData }, actor, cid);
  }

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.queries.execute(new ListProvidersQuery(actor));
  }

  @Get(':providerId')
  get(@Param('providerId') providerId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetProviderQuery(actor, providerId));
  }

  @Post(':providerId/sla')
  defineSla(@Param('providerId') providerId: string, @Body() dto: DefineSlaCommitmentDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    const data = dtoData(dto) as unknown as SlaCommitmentDefinedData;
    return this.write(providerId, { type: 'DefineSlaCommitment', data }, actor, cid, dto.expectedRevision);
  }

  /** The contract's support hours, for its business_hours commitments (the seed contract's apply until defined). */
  @Post(':providerId/business-hours')
  defineBusinessHours(
    @Param('providerId') providerId: string,
    @Body() dto: DefineBusinessHoursDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    const data = dtoData(dto) as unknown as BusinessHoursDefinedData;
    return this.write(providerId, { type: 'DefineBusinessHours', data }, actor, cid, dto.expectedRevision);
  }

  @Delete(':providerId/sla/:metric')
  withdrawSla(
    @Param('providerId') providerId: string,
    @Param('metric') metric: string,
    @Body() dto: WithdrawSlaCommitmentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    // The decider refuses a metric outside the catalog (400) or not in force (404).
    const data = { metric: metric as SlaMetric, reason: dto.reason };
    return this.write(providerId, { type: 'WithdrawSlaCommitment', data }, actor, cid, dto.expectedRevision);
  }

  /** The provider's evaluation over the cases the caller may see, facts dated from..to (default: everything up to now). */
  @Get(':providerId/scorecard')
  scorecard(@Param('providerId') providerId: string, @Query() q: ChangesQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetProviderScorecardQuery(actor, providerId, q.from, q.to));
  }

  /** The same evaluation as a PDF report for the executive; the export is recorded on the provider stream. */
  @Get(':providerId/report.pdf')
  @RecordsAnExport()
  @ApiFile('application/pdf', 'Le rapport en PDF ; l’export est enregistré (ProviderReportExported) avant l’envoi.')
  async report(
    @Param('providerId') providerId: string,
    @Query() q: ChangesQueryDto,
    @CurrentAccount() account: AccountView,
    @CorrelationId() cid: string,
    @Res() res: Response,
  ) {
    sendExportedFile(res, await this.commands.execute(new ExportProviderReportCommand(account, providerId, q.from, q.to, q.lang === 'en' ? 'en' : 'fr', cid)));
  }
}
