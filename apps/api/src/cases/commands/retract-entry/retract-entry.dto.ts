import { TEXT_LIMITS } from '@mc/domain';
import { Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/entries/:entryId/retraction — the entry stays, marked retracted. */
export class RetractEntryDto {
  @Text({ max: TEXT_LIMITS.text, example: 'Entrée saisie dans le mauvais dossier.' })
  reason!: string;

  @Revision()
  expectedRevision?: number;
}
