import { TEXT_LIMITS } from '@mc/domain';
import { NonEmptyObject, Revision, Text } from '../../../validation/field-decorators';

/**
 * POST /cases/:caseId/entries/:entryId/corrections — the entry is named by the path.
 * Only the shape of `changes` is checked here; its content depends on the entry's type and is
 * checked by validateEntryChanges (validation/entry-changes.ts) once the entry is known.
 */
export class CorrectEntryDto {
  @NonEmptyObject({
    description: "Champ -> nouvelle valeur ; null retire un champ facultatif. L'identité et les liens de l'entrée ne se corrigent pas.",
    example: { occurredAt: '2019-11-12T08:15:00+01:00' },
  })
  changes!: Record<string, unknown>;

  @Text({ max: TEXT_LIMITS.text, example: "L'heure notée était celle de mon arrivée au secrétariat, pas celle de la coupure." })
  reason!: string;

  @Revision()
  expectedRevision?: number;
}
