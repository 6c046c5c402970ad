import { TEXT_LIMITS } from '@mc/domain';
import { Revision, Text } from '../../../validation/field-decorators';

/** DELETE /providers/:id/sla/:metric (admin) — SlaCommitmentWithdrawn; the metric is in the path. */
export class WithdrawSlaCommitmentDto {
  @Text({ max: TEXT_LIMITS.text, example: "Indicateur supprimé par l'avenant n°3 au contrat d'engagement." })
  reason!: string;

  @Revision()
  expectedRevision?: number;
}
