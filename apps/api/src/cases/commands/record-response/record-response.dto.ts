import { RESPONSE_CHANNELS, RESPONSE_FORMS, RESPONSE_OUTCOMES, TEXT_LIMITS, type ResponseChannel, type ResponseForm, type ResponseOutcome } from '@mc/domain';
import { FactDate, OneOf, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/requests/:requestEntryId/responses — the request is named by the path. */
export class RecordResponseDto {
  @FactDate({ example: '2019-11-13T16:00:00+01:00' })
  receivedAt!: string;

  @OneOf(RESPONSE_CHANNELS, { example: 'internal_note' })
  channel!: ResponseChannel;

  @Text({ max: TEXT_LIMITS.short, example: 'Directrice générale des services' })
  from!: string;

  @OneOf(RESPONSE_FORMS, { example: 'written' })
  form!: ResponseForm;

  @OneOf(RESPONSE_OUTCOMES, { example: 'partial' })
  outcome!: ResponseOutcome;

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example: 'Écrit de la DGS : le prestataire a de son propre chef coupé le compte de la médiathèque. Rien sur une éventuelle sanction.',
  })
  summary?: string;

  @Revision()
  expectedRevision?: number;
}
