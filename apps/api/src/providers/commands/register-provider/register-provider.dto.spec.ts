import { faultyFields } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RegisterProviderDto } from './register-provider.dto';

describe('RegisterProviderDto', () => {
  it('accepts a name alone, or with the contract, services and contact', async () => {
    expect(await validateBody(RegisterProviderDto, { name: 'Bordeaux Métropole — DGNSI' })).toEqual([]);
    expect(
      await validateBody(RegisterProviderDto, {
        name: 'Bordeaux Métropole — DGNSI',
        contractReference: "Contrat d'engagement, avenant n°2",
        services: ['Messagerie'],
        contact: 'Centre de services',
      }),
    ).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['no name', { contractReference: 'x' }, 'name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['services as a text', { name: 'P', services: 'Messagerie' }, 'services'],
    ['a blank service', { name: 'P', services: [''] }, 'services'],
    ['an unknown field', { name: 'P', id: 'x' }, 'id'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RegisterProviderDto, body)).toEqual([field]);
  });
});
