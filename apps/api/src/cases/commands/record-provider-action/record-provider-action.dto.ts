import { PROVIDER_ACTIONS, TEXT_LIMITS, type ProviderAction } from '@mc/domain';
import { FactDate, Flag, OneOf, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/provider-actions — ProviderActionRecorded. */
export class RecordProviderActionDto {
  @FactDate({ example: '2019-11-12T08:30:00+01:00' })
  occurredAt!: string;

  @OneOf(PROVIDER_ACTIONS, { example: 'demand' })
  action!: ProviderAction;

  @Text({
    max: TEXT_LIMITS.text,
    example:
      "Le prestataire exige que les adresses et numéros de téléphone des lecteurs soient saisis dans le carnet d'adresses de la messagerie, au lieu des envois par PMB.",
  })
  description!: string;

  @Text({ max: TEXT_LIMITS.short, required: false, example: 'Personne (selon la DGS, le prestataire a agi de son propre chef)' })
  authorizedBy?: string;

  @Flag({ example: false })
  notifiedBeforehand?: boolean;

  @Revision()
  expectedRevision?: number;
}
