import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CaseCommandType, Clock, DomainError, viewInstant } from '@mc/domain';
import { CLOCK } from '../journal/journal.tokens';
import { CorrelationId, CurrentActor } from '../auth/auth.decorators';
import { dtoData } from '../validation/dto-data';
import { validateEntryChanges } from '../validation/entry-changes';
import { AddNoteDto } from './commands/add-note/add-note.dto';
import { AddWitnessStatementDto } from './commands/add-witness-statement/add-witness-statement.dto';
import { CloseCaseDto } from './commands/close-case/close-case.dto';
import { ConfirmRequestReceiptDto } from './commands/confirm-request-receipt/confirm-request-receipt.dto';
import { CorrectEntryDto } from './commands/correct-entry/correct-entry.dto';
import { CaseWriteResult, ExecuteCaseCommand } from './commands/execute-case-command/execute-case-command.command';
import { OpenCaseDto } from './commands/open-case/open-case.dto';
import { RecordAccessCutOffDto } from './commands/record-access-cut-off/record-access-cut-off.dto';
import { RecordAccessRestorationDto } from './commands/record-access-restoration/record-access-restoration.dto';
import { RecordImpactDto } from './commands/record-impact/record-impact.dto';
import { RecordMeetingDto } from './commands/record-meeting/record-meeting.dto';
import { RecordProviderActionDto } from './commands/record-provider-action/record-provider-action.dto';
import { RecordResponseDto } from './commands/record-response/record-response.dto';
import { RecordWrittenRequestDto } from './commands/record-written-request/record-written-request.dto';
import { ReopenCaseDto } from './commands/reopen-case/reopen-case.dto';
import { ReportIncidentDto } from './commands/report-incident/report-incident.dto';
import { RetractEntryDto } from './commands/retract-entry/retract-entry.dto';
import {
  GetCaseChangesQuery,
  GetCaseEventsQuery,
  GetCaseQuery,
  GetOutagesQuery,
  GetRequestRegisterQuery,
  GetTimelineQuery,
  ListCasesQuery,
} from './queries/case-queries';
import { GetEntryQuery } from './queries/get-entry.query';
import { AsOfQueryDto, ChangesQueryDto, TimelineQueryDto } from './queries/query-params.dto';

interface Written {
  caseId: string;
  streamId: string;
  revision: number;
  recordedAt: string;
  hash: string;
}

/** HTTP edge of the case journal: validates, sends one command or query, shapes the answer. */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The instant a view was computed at, echoed as `asOf` alike by every view: now when none is given, never later than now. */
  private instantUsed(asOf: string | undefined): string {
    return viewInstant(asOf, this.clock.now());
  }

  private async write(
    caseId: string | null,
    type: CaseCommandType,
    dto: { expectedRevision?: number },
    actor: Actor,
    correlationId: string,
    extra: Record<string, unknown> = {},
  ): Promise<Written & Record<string, string | number>> {
    const result: CaseWriteResult = await this.commands.execute(
      new ExecuteCaseCommand(caseId, { type, data: { ...dtoData(dto), ...extra } }, actor, correlationId, dto.expectedRevision),
    );
    const written = { caseId: result.caseId, streamId: result.streamId, revision: result.revision, recordedAt: result.recordedAt, hash: result.hash };
    return result.assignedId ? { [result.assignedId.field]: result.assignedId.value, ...written } : written;
  }

  @Post()
  async open(@Body() dto: OpenCaseDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    const { caseId, ...rest } = await this.write(null, 'OpenCase', dto, actor, cid);
    return { id: caseId, ...rest };
  }

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.queries.execute(new ListCasesQuery(actor));
  }

  @Get(':caseId')
  async get(@Param('caseId') caseId: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor) {
    return { ...(await this.queries.execute(new GetCaseQuery(actor, caseId, q.asOf))), asOf: this.instantUsed(q.asOf) };
  }

  @Get(':caseId/timeline')
  /**
   * The timeline's `asOf` stays null for the live view, where no asOf was asked: the web pages
   * read a non-null one as « a replay » (pages/timeline.js). An asked one is echoed as the others.
   */
  async timeline(@Param('caseId') caseId: string, @Query() q: TimelineQueryDto, @CurrentActor() actor: Actor) {
    const timeline = await this.queries.execute(new GetTimelineQuery(actor, caseId, q.asOf, q.basis ?? 'recorded'));
    return { ...timeline, asOf: q.asOf === undefined ? null : this.instantUsed(q.asOf) };
  }

  @Get(':caseId/events')
  events(@Param('caseId') caseId: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetCaseEventsQuery(actor, caseId, q.asOf));
  }

  @Get(':caseId/changes')
  changes(@Param('caseId') caseId: string, @Query() q: ChangesQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetCaseChangesQuery(actor, caseId, q.from, q.to));
  }

  @Get(':caseId/requests')
  requests(@Param('caseId') caseId: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetRequestRegisterQuery(actor, caseId, q.asOf));
  }

  @Get(':caseId/outages')
  outages(@Param('caseId') caseId: string, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetOutagesQuery(actor, caseId, q.asOf));
  }

  @Post(':caseId/incidents')
  incident(@Param('caseId') caseId: string, @Body() dto: ReportIncidentDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'ReportIncident', dto, actor, cid);
  }

  @Post(':caseId/access-cutoffs')
  cutOff(@Param('caseId') caseId: string, @Body() dto: RecordAccessCutOffDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'RecordAccessCutOff', dto, actor, cid);
  }

  @Post(':caseId/access-restorations')
  restoration(@Param('caseId') caseId: string, @Body() dto: RecordAccessRestorationDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'RecordAccessRestoration', dto, actor, cid);
  }

  @Post(':caseId/provider-actions')
  providerAction(@Param('caseId') caseId: string, @Body() dto: RecordProviderActionDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'RecordProviderAction', dto, actor, cid);
  }

  @Post(':caseId/requests')
  request(@Param('caseId') caseId: string, @Body() dto: RecordWrittenRequestDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'RecordWrittenRequest', dto, actor, cid);
  }

  @Post(':caseId/requests/:requestEntryId/receipt')
  receipt(
    @Param('caseId') caseId: string,
    @Param('requestEntryId') requestEntryId: string,
    @Body() dto: ConfirmRequestReceiptDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    return this.write(caseId, 'ConfirmRequestReceipt', dto, actor, cid, { requestEntryId });
  }

  @Post(':caseId/requests/:requestEntryId/responses')
  response(
    @Param('caseId') caseId: string,
    @Param('requestEntryId') requestEntryId: string,
    @Body() dto: RecordResponseDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    return this.write(caseId, 'RecordResponse', dto, actor, cid, { requestEntryId });
  }

  @Post(':caseId/meetings')
  meeting(@Param('caseId') caseId: string, @Body() dto: RecordMeetingDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'RecordMeeting', dto, actor, cid);
  }

  @Post(':caseId/impacts')
  impact(@Param('caseId') caseId: string, @Body() dto: RecordImpactDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'RecordImpact', dto, actor, cid);
  }

  @Post(':caseId/witness-statements')
  witness(@Param('caseId') caseId: string, @Body() dto: AddWitnessStatementDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'AddWitnessStatement', dto, actor, cid);
  }

  @Post(':caseId/notes')
  note(@Param('caseId') caseId: string, @Body() dto: AddNoteDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'AddNote', dto, actor, cid);
  }

  @Post(':caseId/entries/:entryId/corrections')
  async correct(
    @Param('caseId') caseId: string,
    @Param('entryId') entryId: string,
    @Body() dto: CorrectEntryDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    // The changes are checked with the rules of the corrected entry's own kind.
    const target = await this.queries.execute(new GetEntryQuery(actor, caseId, entryId));
    const problems = await validateEntryChanges(target.type, target.data, dto.changes);
    if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems);
    return this.write(caseId, 'CorrectEntry', dto, actor, cid, { targetEntryId: entryId });
  }

  @Post(':caseId/entries/:entryId/retraction')
  retract(
    @Param('caseId') caseId: string,
    @Param('entryId') entryId: string,
    @Body() dto: RetractEntryDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() cid: string,
  ) {
    return this.write(caseId, 'RetractEntry', dto, actor, cid, { targetEntryId: entryId });
  }

  @Post(':caseId/close')
  close(@Param('caseId') caseId: string, @Body() dto: CloseCaseDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'CloseCase', dto, actor, cid);
  }

  @Post(':caseId/reopen')
  reopen(@Param('caseId') caseId: string, @Body() dto: ReopenCaseDto, @CurrentActor() actor: Actor, @CorrelationId() cid: string) {
    return this.write(caseId, 'ReopenCase', dto, actor, cid);
  }
}
