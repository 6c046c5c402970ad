import { TEXT_LIMITS } from '@mc/domain';
import { FactDate, Minutes, Revision, Text, TextList } from '../../../validation/field-decorators';

/** POST /cases/:caseId/impacts — ImpactRecorded: the cost to the public service. */
export class RecordImpactDto {
  @FactDate({ example: '2019-11-12T08:30:00+01:00' })
  periodStart!: string;

  @FactDate({ notBefore: 'periodStart', example: '2019-11-14T09:00:00+01:00' })
  periodEnd!: string;

  /** Working time lost, in whole minutes (the field's name is historical: EVENTS.md). */
  @Minutes({ required: false, description: 'Temps de travail perdu, en minutes entières.', example: 1680 })
  hoursLost?: number;

  @TextList({ required: false, example: ['Commandes de documents', 'Suivi du budget', 'Accès aux dossiers du service'] })
  tasksBlocked?: string[];

  @Text({ max: TEXT_LIMITS.text, required: false, example: "Deux agents supplémentaires pour saisir les 687 adresses dans le carnet d'adresses" })
  extraStaff?: string;

  @Text({ max: TEXT_LIMITS.text, required: false, example: 'Plus de relances ni de réservations envoyées aux lecteurs pendant deux jours.' })
  publicImpact?: string;

  @Revision()
  expectedRevision?: number;
}
