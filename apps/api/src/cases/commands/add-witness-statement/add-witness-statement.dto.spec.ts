import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { AddWitnessStatementDto } from './add-witness-statement.dto';

const valid = {
  witness: 'Collègue médiathécaire',
  statement: "Mardi matin, je n'avais plus accès à ma boîte mail ni au serveur ; au secrétariat on m'a dit que la DGS voulait nous parler.",
  aboutEntryId: '0b7f7c1e-3d3a-4c59-9d0e-2a6f8e1b9c41',
};

describe('AddWitnessStatementDto', () => {
  it('accepts a statement about an entry, and one about the case', async () => {
    expect(await validateBody(AddWitnessStatementDto, valid)).toEqual([]);
    expect(await validateBody(AddWitnessStatementDto, without(valid, 'aboutEntryId'))).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no witness', without(valid, 'witness'), 'witness'],
    ['a blank statement', { ...valid, statement: '\n\t ' }, 'statement'],
    ['an aboutEntryId that is not a UUID', { ...valid, aboutEntryId: 12 }, 'aboutEntryId'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(AddWitnessStatementDto, body)).toEqual([field]);
  });
});
