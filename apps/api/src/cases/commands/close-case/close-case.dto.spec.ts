import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { CloseCaseDto } from './close-case.dto';

const valid = { reason: 'Accès rétablis et réponse écrite reçue ; dossier transmis au représentant syndical.', expectedRevision: 12 };

describe('CloseCaseDto', () => {
  it('accepts a reason', async () => {
    expect(await validateBody(CloseCaseDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no reason', without(valid, 'reason'), 'reason'],
    ['a blank reason', { ...valid, reason: ' ' }, 'reason'],
    ['a reason that is not text', { ...valid, reason: ['erreur'] }, 'reason'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(CloseCaseDto, body)).toEqual([field]);
  });
});
