import { REQUEST_CHANNELS, REQUEST_KINDS, TEXT_LIMITS, type RequestChannel, type RequestKind } from '@mc/domain';
import { FactDate, OneOf, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/requests — WrittenRequestSent: a request that expects an answer. */
export class RecordWrittenRequestDto {
  @FactDate({ example: '2019-11-13T11:00:00+01:00' })
  sentAt!: string;

  @OneOf(REQUEST_CHANNELS, { example: 'letter' })
  channel!: RequestChannel;

  @Text({ max: TEXT_LIMITS.short, example: 'Les deux agents de la médiathèque' })
  from!: string;

  @Text({ max: TEXT_LIMITS.short, example: 'Monsieur le Président' })
  to!: string;

  @Text({ max: TEXT_LIMITS.title, example: "Coupure de nos accès informatiques : s'agit-il d'une sanction disciplinaire ?" })
  subject!: string;

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example: 'Nous vous demandons si la coupure de nos accès constitue une sanction disciplinaire et, dans ce cas, quels en sont le motif et la durée.',
  })
  body?: string;

  @OneOf(REQUEST_KINDS, { example: 'question_to_hierarchy' })
  kind!: RequestKind;

  @Text({ max: TEXT_LIMITS.short, required: false, example: 'fr-2026' })
  deadlinePolicy?: string;

  @Revision()
  expectedRevision?: number;
}
