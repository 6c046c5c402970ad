import { commonRefusals, faultyFields, without } from '../../../validation/spec-support';
import { validateBody } from '../../../validation/validation-problems';
import { OpenCaseDto } from './open-case.dto';

const valid = {
  title: 'Coupure de la messagerie et du serveur de fichiers de la médiathèque',
  summary: "Le prestataire d'infogérance a coupé sans préavis nos accès après le mailing du samedi aux lecteurs.",
  service: 'Médiathèque',
  organisation: 'Communauté de communes',
  providerId: '5c0e4f3a-2b1d-4e6f-8a9b-0c1d2e3f4a5b',
};

describe('OpenCaseDto', () => {
  it('accepts a full body and a title alone', async () => {
    expect(await validateBody(OpenCaseDto, valid)).toEqual([]);
  });

  it('refuses expectedRevision, whatever its value, saying it has no meaning when opening a case', async () => {
    for (const expectedRevision of [0, 3, -1, null, 'x']) {
      const problems = await validateBody(OpenCaseDto, { title: valid.title, expectedRevision });
      expect(problems).toEqual([
        {
          field: 'expectedRevision',
          fr: "Le champ « expectedRevision » n'a pas de sens à l'ouverture d'un dossier : il n'y a pas encore de révision à attendre. Omettez-le.",
          en: 'expectedRevision has no meaning when opening a case: there is no revision to expect yet. Leave it out.',
        },
      ]);
    }
  });

  it('accepts a title of exactly 200 characters', async () => {
    expect(await validateBody(OpenCaseDto, { title: 'é'.repeat(200) })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ...commonRefusals(valid),
    ['no title', without(valid, 'title'), 'title'],
    ['a blank title', { ...valid, title: '  ' }, 'title'],
    ['a title of 201 characters', { ...valid, title: 'a'.repeat(201) }, 'title'],
    ['a providerId that is not a UUID', { ...valid, providerId: 'prestataire-42' }, 'providerId'],
    ['a null service', { ...valid, service: null }, 'service'],
  ])('refuses %s', async (_case, body, field) => {
    expect(await faultyFields(OpenCaseDto, body)).toEqual([field]);
  });

  it('names the title and its limit in both languages', async () => {
    const [problem] = await validateBody(OpenCaseDto, { title: 'a'.repeat(201) });
    expect(problem.fr).toBe('Le champ « title » dépasse 200 caractères (201 reçus).');
    expect(problem.en).toBe('title is longer than 200 characters (201 received).');
  });
});
