import { checkFactDate, factDateMessage } from '@mc/domain';
import { field } from '../../validation/field-decorators';

/** A point in time given in a query string (asOf, from, to): ISO-8601 with an offset; the future and the distant past are allowed. */
function Instant(): PropertyDecorator {
  return field('instant', (value, name) => instantProblem(value, name), {
    required: false,
    api: { type: String, format: 'date-time', example: '2019-11-20T18:00:00+01:00' },
  });
}

function instantProblem(value: unknown, name: string) {
  const problem = checkFactDate(value, new Date());
  return problem && problem !== 'future' && problem !== 'too_old' ? factDateMessage(name, problem) : null;
}

/**
 * `from`, whose period must not end before it starts: `to`, or now when `to` is not given (the
 * end the scorecard and the changes use alike).
 */
function PeriodStart(): PropertyDecorator {
  return field(
    'periodStart',
    (value, name, object) => {
      const problem = instantProblem(value, name);
      if (problem) return problem;
      const to = object.to;
      if (to !== undefined && instantProblem(to, 'to') !== null) return null;
      const end = typeof to === 'string' ? Date.parse(to) : Date.now();
      return Date.parse(value as string) > end ? { fr: `Le paramètre « ${name} » doit précéder « to ».`, en: `${name} must come before to.` } : null;
    },
    { required: false, api: { type: String, format: 'date-time', example: '2019-11-01T00:00:00+01:00' } },
  );
}

/** `?lang=` is taken by every route (error messages follow it): a route with no other parameter takes this one only. */
export class LangQueryDto {
  @field('lang', (v, name) => (v === 'fr' || v === 'en' ? null : { fr: `Le paramètre « ${name} » vaut fr ou en.`, en: `${name} is fr or en.` }), {
    required: false,
    api: { enum: ['fr', 'en'] },
  })
  lang?: string;
}

export class AsOfQueryDto extends LangQueryDto {
  @Instant()
  asOf?: string;
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

export class ChangesQueryDto extends LangQueryDto {
  @PeriodStart()
  from?: string;

  @Instant()
  to?: string;
}
