import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { ReopenCaseDto } from './reopen-case.dto';

const valid = { reason: 'Nouvelle coupure des accès de la médiathèque sans préavis.', expectedRevision: 12 };

describe('ReopenCaseDto', () => {
  it('accepts a reason', async () => {
    expect(await validateBody(ReopenCaseDto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no reason', without(valid, 'reason'), 'reason'],
    ['a blank reason', { ...valid, reason: ' ' }, 'reason'],
    ['a reason that is not text', { ...valid, reason: ['erreur'] }, 'reason'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(ReopenCaseDto, body)).toEqual([field]);
  });
});
