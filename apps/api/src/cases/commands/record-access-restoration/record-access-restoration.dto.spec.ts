import { commonRefusals, faultyFields, minutesFromNow, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RecordAccessRestorationDto } from './record-access-restoration.dto';

const valid = {
  cutOffEntryId: '0b7f7c1e-3d3a-4c59-9d0e-2a6f8e1b9c41',
  occurredAt: '2019-11-14T09:00:00+01:00',
  conditions: "Après la saisie des 687 adresses des lecteurs dans le carnet d'adresses de la messagerie, exigée par le prestataire.",
};

describe('RecordAccessRestorationDto', () => {
  it('accepts a full restoration (no resources) and a partial one', async () => {
    expect(await validateBody(RecordAccessRestorationDto, valid)).toEqual([]);
    expect(await validateBody(RecordAccessRestorationDto, { ...valid, resources: [{ kind: 'file_server' }] })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no cutOffEntryId', without(valid, 'cutOffEntryId'), 'cutOffEntryId'],
    ['a cutOffEntryId that is not a UUID', { ...valid, cutOffEntryId: 'coupure du 12' }, 'cutOffEntryId'],
    ['occurredAt ten minutes ahead', { ...valid, occurredAt: minutesFromNow(10) }, 'occurredAt'],
    ['an empty resources list', { ...valid, resources: [] }, 'resources'],
    ['a nested resource with a bad kind', { ...valid, resources: [{ kind: 'email' }] }, 'resources[0].kind'],
    ['null resources', { ...valid, resources: null }, 'resources'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RecordAccessRestorationDto, body)).toEqual([field]);
  });
});
