import { TEXT_LIMITS } from '@mc/domain';
import { Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/reopen. */
export class ReopenCaseDto {
  @Text({ max: TEXT_LIMITS.text, example: 'Nouvelle coupure des accès de la médiathèque sans préavis.' })
  reason!: string;

  @Revision()
  expectedRevision?: number;
}
