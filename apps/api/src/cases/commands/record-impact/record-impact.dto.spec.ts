import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordImpactDto } from './record-impact.dto';

const valid = {
  periodStart: '2019-11-12T08:30:00+01:00',
  periodEnd: '2019-11-14T09:00:00+01:00',
  hoursLost: 2 * 2 * 7 * 60,
  tasksBlocked: ['Commandes de documents', 'Suivi du budget', 'Accès aux dossiers du service'],
  extraStaff: "Deux agents supplémentaires pour saisir les 687 adresses dans le carnet d'adresses",
  publicImpact: 'Plus de relances ni de réservations envoyées aux lecteurs pendant deux jours.',
};

describe('RecordImpactDto', () => {
  it('accepts two days lost by two agents, in minutes', async () => {
    expect(await validateBody(RecordImpactDto, valid)).toEqual([]);
    expect(await validateBody(RecordImpactDto, { ...valid, hoursLost: 0 })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['a float in hoursLost', { ...valid, hoursLost: 27.5 }, 'hoursLost'],
    ['hoursLost as a string', { ...valid, hoursLost: '1680' }, 'hoursLost'],
    ['a negative hoursLost', { ...valid, hoursLost: -60 }, 'hoursLost'],
    ['no periodEnd', without(valid, 'periodEnd'), 'periodEnd'],
    ['periodEnd before periodStart', { ...valid, periodEnd: '2019-11-11T09:00:00+01:00' }, 'periodEnd'],
    ['periodStart without offset', { ...valid, periodStart: '2019-11-12T08:30:00.000' }, 'periodStart'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordImpactDto, body)).toEqual([field]);
  });
});
