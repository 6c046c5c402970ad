import { DECIDED_BY, PRIOR_NOTICE, TEXT_LIMITS, type DecidedBy, type PriorNotice } from '@mc/domain';
import { FactDate, OneOf, ResourceDto, Resources, Revision, Text, TextList } from '../../../validation/field-decorators';

/** POST /cases/:caseId/access-cutoffs — AccessCutOff, which opens an outage. */
export class RecordAccessCutOffDto {
  @FactDate({ example: '2019-11-12T08:30:00+01:00' })
  occurredAt!: string;

  @Resources()
  resources!: ResourceDto[];

  @TextList({ required: false, example: ['Responsable de la médiathèque', 'Assistante de conservation'] })
  affectedPeople?: string[];

  @OneOf(DECIDED_BY, { example: 'provider' })
  decidedBy!: DecidedBy;

  @OneOf(PRIOR_NOTICE, { example: 'none' })
  priorNotice!: PriorNotice;

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example: "Le prestataire ne souhaite plus endosser la responsabilité d'un mauvais usage de la messagerie (écrit de la DGS).",
  })
  reasonGiven?: string;

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example: 'Accès coupés par le prestataire de son propre chef, sans en référer à quiconque, après le mailing du samedi (687 envois, 87 retours).',
  })
  description?: string;

  @Revision()
  expectedRevision?: number;
}
