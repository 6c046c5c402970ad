import { TEXT_LIMITS } from '@mc/domain';
import { MAX_SLA_TARGET_MINUTES, SLA_CALENDARS, SLA_METRICS, minimumTargetOf, type SlaCalendar, type SlaMetric } from '@mc/domain/provider/provider';
import { OneOf, Revision, Text, field } from '../../../validation/field-decorators';

/**
 * `target`: whole minutes, at least 1, except for prior_notice (the notice period owed), where
 * 0 means no notice is required. The bound depends on `metric`; a wrong metric is reported on
 * its own field, so the target is then only checked against the widest bound.
 */
function SlaTarget(): PropertyDecorator {
  return field(
    'slaTarget',
    (value, name, object) => {
      const metric = object.metric;
      const min = SLA_METRICS.includes(metric as SlaMetric) ? minimumTargetOf(metric as SlaMetric) : 0;
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_SLA_TARGET_MINUTES) return null;
      return {
        fr: `Le champ « ${name} » doit être un nombre entier de minutes, entre 1 et ${MAX_SLA_TARGET_MINUTES} (pour prior_notice, le préavis dû : 0 ou plus).`,
        en: `${name} must be a whole number of minutes, from 1 to ${MAX_SLA_TARGET_MINUTES} (for prior_notice, the notice owed: 0 or more).`,
      };
    },
    {
      description: 'Cible en minutes entières (4 heures = 240, 1 journée = 1440) ; pour prior_notice, le préavis dû (0 : aucun).',
      example: 240,
      api: { type: 'integer', minimum: 0, maximum: MAX_SLA_TARGET_MINUTES },
    },
  );
}

/** POST /providers/:id/sla (admin) — SlaCommitmentDefined; redefining a metric replaces its commitment. */
export class DefineSlaCommitmentDto {
  @OneOf(SLA_METRICS, { example: 'resolution_blocking' })
  metric!: SlaMetric;

  @SlaTarget()
  target!: number;

  @OneOf(SLA_CALENDARS, {
    example: 'business_hours',
    description: "24x7 : le délai court en continu ; business_hours : seulement pendant les heures d'ouverture du support.",
  })
  calendar!: SlaCalendar;

  @Text({ max: TEXT_LIMITS.short, example: "Contrat d'engagement, annexe 4, indicateur 3.3.2" })
  source!: string;

  @Revision()
  expectedRevision?: number;
}
