import { INCIDENT_CATEGORIES, SEVERITIES, TEXT_LIMITS, type IncidentCategory, type Severity } from '@mc/domain';
import { FactDate, OneOf, Revision, Text, TextList } from '../../../validation/field-decorators';

/** POST /cases/:caseId/incidents — IncidentReported; the server assigns entryId. */
export class ReportIncidentDto {
  @FactDate({ example: '2019-11-12T08:45:00+01:00' })
  occurredAt!: string;

  @FactDate({ required: false, notBefore: 'occurredAt', example: '2019-11-14T10:00:00+01:00' })
  endedAt?: string;

  @Text({ max: TEXT_LIMITS.title, example: 'Plus aucun accès à la messagerie, au tchat ni au serveur de fichiers' })
  title!: string;

  @Text({
    max: TEXT_LIMITS.text,
    required: false,
    example:
      "En reprenant notre poste mardi matin, ma collègue et moi n'avions plus accès à notre boîte mail, au tchat ni au serveur (donc plus accès à nos dossiers).",
  })
  description?: string;

  @OneOf(INCIDENT_CATEGORIES, { example: 'provider_action' })
  category!: IncidentCategory;

  @OneOf(SEVERITIES, { example: 'blocking' })
  severity!: Severity;

  @TextList({ required: false, example: ['Médiathèque', 'Prêt et retours (PMB)'] })
  affectedServices?: string[];

  @TextList({ required: false, example: ['Collègue médiathécaire'] })
  witnesses?: string[];

  @Revision()
  expectedRevision?: number;
}
