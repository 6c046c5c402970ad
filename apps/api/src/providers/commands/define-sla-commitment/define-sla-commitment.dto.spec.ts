import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { DefineSlaCommitmentDto } from './define-sla-commitment.dto';

const valid = { metric: 'resolution_blocking', target: 240, calendar: 'business_hours', source: "Contrat d'engagement, annexe 4, indicateur 3.3.2" };

describe('DefineSlaCommitmentDto', () => {
  it('accepts the seed contract’s blocking-incident resolution time, and a prior notice of 0', async () => {
    expect(await validateBody(DefineSlaCommitmentDto, valid)).toEqual([]);
    expect(await validateBody(DefineSlaCommitmentDto, { ...valid, metric: 'prior_notice', target: 0, calendar: '24x7' })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['an unknown metric', { ...valid, metric: 'uptime' }, 'metric'],
    ['no metric', without(valid, 'metric'), 'metric'],
    ['a zero target for a resolution time', { ...valid, target: 0 }, 'target'],
    ['a float target', { ...valid, target: 240.5 }, 'target'],
    ['a target as a string', { ...valid, target: '240' }, 'target'],
    ['a null target', { ...valid, target: null }, 'target'],
    ['an unknown calendar', { ...valid, calendar: 'weekdays' }, 'calendar'],
    ['no calendar', without(valid, 'calendar'), 'calendar'],
    ['no source', without(valid, 'source'), 'source'],
    ['a source over 500 characters', { ...valid, source: 'x'.repeat(501) }, 'source'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(DefineSlaCommitmentDto, body)).toEqual([field]);
  });

  it('reports a wrong metric on its own field, not on the target', async () => {
    expect(await faultyFields(DefineSlaCommitmentDto, { ...valid, metric: 'uptime', target: 0 })).toEqual(['metric']);
  });
});
