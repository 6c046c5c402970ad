import { TEXT_LIMITS } from '@mc/domain';
import { EntryRef, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/witness-statements — WitnessStatementAdded. */
export class AddWitnessStatementDto {
  @Text({ max: TEXT_LIMITS.short, example: 'Collègue médiathécaire' })
  witness!: string;

  @Text({
    max: TEXT_LIMITS.text,
    example: "Mardi matin, je n'avais plus accès à ma boîte mail ni au serveur ; au secrétariat on m'a dit que la DGS voulait nous parler.",
  })
  statement!: string;

  @EntryRef({ required: false, description: "L'entrée dont parle ce témoignage." })
  aboutEntryId?: string;

  @Revision()
  expectedRevision?: number;
}
