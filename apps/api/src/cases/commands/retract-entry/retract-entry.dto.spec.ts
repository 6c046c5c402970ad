import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { RetractEntryDto } from './retract-entry.dto';

const valid = { reason: 'Entrée saisie dans le mauvais dossier.', expectedRevision: 12 };

describe('RetractEntryDto', () => {
  it('accepts a reason', async () => {
    expect(await validateBody(RetractEntryDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no reason', without(valid, 'reason'), 'reason'],
    ['a blank reason', { ...valid, reason: ' ' }, 'reason'],
    ['a reason that is not text', { ...valid, reason: ['erreur'] }, 'reason'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(RetractEntryDto, body)).toEqual([field]);
  });
});
