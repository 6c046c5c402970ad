import { TEXT_LIMITS } from '@mc/domain';
import { FactDate, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/requests/:requestEntryId/receipt — the request is named by the path. */
export class ConfirmRequestReceiptDto {
  @FactDate({ example: '2019-11-14T10:15:00+01:00' })
  receivedAt!: string;

  @Text({ max: TEXT_LIMITS.short, required: false, example: 'Accusé de réception signé par le secrétariat général' })
  proof?: string;

  @Revision()
  expectedRevision?: number;
}
