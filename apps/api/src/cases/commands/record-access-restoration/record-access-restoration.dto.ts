import { TEXT_LIMITS } from '@mc/domain';
import { EntryRef, FactDate, ResourceDto, Resources, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/access-restorations — AccessRestored, closing (part of) a cut-off. */
export class RecordAccessRestorationDto {
  @EntryRef({ description: "L'entrée de coupure (AccessCutOff) à laquelle ce rétablissement met fin." })
  cutOffEntryId!: string;

  @FactDate({ example: '2019-11-14T09:00:00+01:00' })
  occurredAt!: string;

  /** Absent: everything the cut-off took is back. */
  @Resources({ required: false, description: 'Absent : tout ce que la coupure avait retiré est rétabli.' })
  resources?: ResourceDto[];

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example: "Rétablissement après la saisie des 687 adresses des lecteurs dans le carnet d'adresses commun de la messagerie, exigée par le prestataire.",
  })
  conditions?: string;

  @Revision()
  expectedRevision?: number;
}
