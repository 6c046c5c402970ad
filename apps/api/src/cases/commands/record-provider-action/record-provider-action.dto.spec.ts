import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordProviderActionDto } from './record-provider-action.dto';

const valid = {
  occurredAt: '2019-11-12T09:30:00+01:00',
  action: 'demand',
  description:
    "Le prestataire exige que les 687 adresses des lecteurs soient saisies dans le carnet d'adresses de la messagerie pour rétablir l'accès au serveur.",
  authorizedBy: 'Personne, selon la DGS',
  notifiedBeforehand: false,
};

describe('RecordProviderActionDto', () => {
  it('accepts a demand made without prior notice', async () => {
    expect(await validateBody(RecordProviderActionDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no description', without(valid, 'description'), 'description'],
    ['an unknown action', { ...valid, action: 'coupure' }, 'action'],
    ['notifiedBeforehand as a string', { ...valid, notifiedBeforehand: 'false' }, 'notifiedBeforehand'],
    ['occurredAt on 2019-02-30', { ...valid, occurredAt: '2019-02-30T09:30:00+01:00' }, 'occurredAt'],
    ['a description over 20,000 characters', { ...valid, description: 'd'.repeat(20_001) }, 'description'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordProviderActionDto, body)).toEqual([field]);
  });
});
