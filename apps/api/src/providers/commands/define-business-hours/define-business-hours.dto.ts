import { TEXT_LIMITS } from '@mc/domain';
import { Revision, Text, field } from '../../../validation/field-decorators';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * POST /providers/:id/business-hours (admin) — BusinessHoursDefined: the contract's support hours
 * for its `business_hours` commitments. The shapes are checked here; the provider decider checks
 * each range and date and names the one at fault.
 */
export class DefineBusinessHoursDto {
  @field(
    'weekly',
    (value, name) =>
      isObject(value) && Object.values(value).every(Array.isArray)
        ? null
        : {
            fr: `Le champ « ${name} » doit être un objet { "1": [{ "from": "09:00", "to": "12:00" }, ...], ... } (1 = lundi, 7 = dimanche).`,
            en: `${name} must be an object { "1": [{ "from": "09:00", "to": "12:00" }, ...], ... } (1 = Monday, 7 = Sunday).`,
          },
    {
      example: {
        1: [
          { from: '08:00', to: '12:00' },
          { from: '13:30', to: '18:00' },
        ],
        2: [{ from: '08:00', to: '18:00' }],
      },
      api: { type: 'object', additionalProperties: true },
    },
  )
  weekly!: Record<string, { from: string; to: string }[]>;

  @field(
    'closures',
    (value, name) =>
      Array.isArray(value) && value.every(isObject)
        ? null
        : {
            fr: `Le champ « ${name} » doit être une liste de périodes { "from": "AAAA-MM-JJ", "to": "AAAA-MM-JJ" }.`,
            en: `${name} must be a list of periods { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }.`,
          },
    { required: false, example: [{ from: '2019-12-24', to: '2020-01-01' }], api: { type: 'array', items: { type: 'object' } } },
  )
  closures?: { from: string; to: string }[];

  @Text({ max: TEXT_LIMITS.short, example: 'Contrat d’engagement, indicateur 3.2.1 (heures de support)' })
  source!: string;

  @Revision()
  expectedRevision?: number;
}
