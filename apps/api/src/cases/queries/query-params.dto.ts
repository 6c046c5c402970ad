import { checkFactDate, factDateMessage } from '@mc/domain';
import { field } from '../../validation/field-decorators';

/** A point in time given in a query string (asOf, from, to): ISO-8601 with an offset; the future and the distant past are allowed. */
function Instant(): PropertyDecorator {
  return field(
    'instant',
    (value, name) => {
      const problem = checkFactDate(value, new Date());
      return problem && problem !== 'future' && problem !== 'too_old' ? factDateMessage(name, problem) : null;
    },
    { required: false, api: { type: String, format: 'date-time', example: '2019-11-20T18:00:00+01:00' } },
  );
}

export class AsOfQueryDto {
  @Instant()
  asOf?: string;

  @field('lang', (v, name) => (v === 'fr' || v === 'en' ? null : { fr: `Le paramètre « ${name} » vaut fr ou en.`, en: `${name} is fr or en.` }), {
    required: false,
  })
  lang?: string;
}

export class TimelineQueryDto extends AsOfQueryDto {
  @field(
    'basis',
    (v, name) =>
      v === 'recorded' || v === 'occurred'
        ? null
        : {
            fr: `Le paramètre « ${name} » vaut recorded (ce que le journal contenait) ou occurred (ce qui s’était produit).`,
            en: `${name} is recorded or occurred.`,
          },
    { required: false },
  )
  basis?: 'recorded' | 'occurred';
}

export class ChangesQueryDto {
  @Instant()
  from?: string;

  @Instant()
  to?: string;

  @field('lang', (v, name) => (v === 'fr' || v === 'en' ? null : { fr: `Le paramètre « ${name} » vaut fr ou en.`, en: `${name} is fr or en.` }), {
    required: false,
  })
  lang?: string;
}
