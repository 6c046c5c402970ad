import { commonRefusals, faultyFields, without } from '../../validation/spec-support';
import { validateBody } from '../../validation/validation-problems';
import { CloseCaseDto } from './close-case/close-case.dto';
import { ReopenCaseDto } from './reopen-case/reopen-case.dto';
import { RetractEntryDto } from './retract-entry/retract-entry.dto';

/** Closing, reopening and retracting each take a reason, with the same rules. */
describe.each<[string, new () => object, string]>([
  ['CloseCaseDto', CloseCaseDto, 'Accès rétablis et réponse écrite reçue ; dossier transmis au représentant syndical.'],
  ['ReopenCaseDto', ReopenCaseDto, 'Nouvelle coupure de la messagerie ce matin.'],
  ['RetractEntryDto', RetractEntryDto, 'Entrée saisie dans le mauvais dossier.'],
])('%s', (_name, Dto, reason) => {
  const valid = { reason, expectedRevision: 12 };

  it('accepts a reason', async () => {
    expect(await validateBody(Dto, valid)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no reason', without(valid, 'reason'), 'reason'],
    ['a blank reason', { ...valid, reason: ' ' }, 'reason'],
    ['a reason that is not text', { ...valid, reason: ['erreur'] }, 'reason'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(Dto, body)).toEqual([field]);
  });
});
