import { TEXT_LIMITS } from '@mc/domain';
import { FactDate, Flag, Revision, Text, TextList } from '../../../validation/field-decorators';

/** POST /cases/:caseId/meetings — MeetingHeld. */
export class RecordMeetingDto {
  @FactDate({ example: '2018-11-20T14:00:00+01:00' })
  occurredAt!: string;

  @TextList({
    example: ['Le prestataire', 'Vice-président au numérique', 'Vice-président à la culture', 'DGS', 'Responsable du pôle service à la population'],
  })
  participants!: string[];

  @Text({
    max: TEXT_LIMITS.text,
    example:
      "Il nous a été rappelé que le prestataire avait toute la confiance des élus ; il nous a été reproché de ne pas savoir lire les messages d'erreur des retours de mails.",
  })
  summary!: string;

  @Flag({ example: false })
  minutesAvailable?: boolean;

  @Revision()
  expectedRevision?: number;
}
