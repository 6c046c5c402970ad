import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { AddNoteDto } from './add-note.dto';

const valid = {
  text: "À la question « s'agit-il d'une sanction disciplinaire ? », aucune réponse ne nous a été faite oralement.",
  aboutEntryId: '0b7f7c1e-3d3a-4c59-9d0e-2a6f8e1b9c41',
};

describe('AddNoteDto', () => {
  it('accepts a note, with or without the entry it is about', async () => {
    expect(await validateBody(AddNoteDto, valid)).toEqual([]);
    expect(await validateBody(AddNoteDto, without(valid, 'aboutEntryId'))).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no text', without(valid, 'text'), 'text'],
    ['a text over 20,000 characters', { ...valid, text: 'n'.repeat(20_001) }, 'text'],
    ['a null aboutEntryId', { ...valid, aboutEntryId: null }, 'aboutEntryId'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(AddNoteDto, body)).toEqual([field]);
  });
});
