import { TEXT_LIMITS } from '@mc/domain';
import { Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/close. */
export class CloseCaseDto {
  @Text({ max: TEXT_LIMITS.text, example: 'Accès rétablis et réponse écrite reçue ; dossier transmis au représentant syndical.' })
  reason!: string;

  @Revision()
  expectedRevision?: number;
}
