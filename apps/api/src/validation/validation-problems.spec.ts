import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@mc/domain';
import { RecordAccessCutOffDto } from '../cases/commands/record-access-cut-off/record-access-cut-off.dto';
import { OpenCaseDto } from '../cases/commands/open-case/open-case.dto';
import { validateBody, validationExceptionFactory, VALIDATION_PIPE_OPTIONS } from './validation-problems';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';

const cutOff = {
  occurredAt: '2019-11-12T08:30:00+01:00',
  resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server', label: 'Serveur de fichiers' }],
  decidedBy: 'provider',
  priorNotice: 'none',
};

async function pipe(dto: new () => object, body: unknown): Promise<DomainError> {
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto };
  try {
    await new ValidationPipe(VALIDATION_PIPE_OPTIONS).transform(body, metadata);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the pipe accepted the body');
}

describe('toFieldProblems and validationExceptionFactory', () => {
  it('gives one French and one English sentence per faulty field, each naming it', async () => {
    const error = validationExceptionFactory(
      await validate(plainToInstance(OpenCaseDto, { title: '', organisation: 42 }), { whitelist: true, forbidNonWhitelisted: true }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems).toEqual([
      { field: 'title', fr: 'Le champ « title » ne peut pas être vide.', en: 'title may not be empty.' },
      { field: 'organisation', fr: 'Le champ « organisation » doit être un texte.', en: 'organisation must be a text (a JSON string).' },
    ]);
  });

  it('names an unknown field in both languages', async () => {
    expect(await validateBody(OpenCaseDto, { title: 'Coupure', severity: 'blocking' })).toEqual([
      { field: 'severity', fr: "Le champ « severity » n'est pas attendu.", en: 'severity is not an expected field.' },
    ]);
  });

  it('names a nested field by its path, in the sentences too', async () => {
    const problems = await validateBody(RecordAccessCutOffDto, { ...cutOff, resources: [{ kind: 'printer' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('resources[0].kind');
    expect(problems[0].fr).toMatch(/^Le champ « resources\[0\]\.kind » doit valoir l'une des valeurs suivantes : mailbox, chat/);
    expect(problems[0].en).toMatch(/^resources\[0\]\.kind must be one of: mailbox, chat/);
  });

  it('names an unknown field inside a nested object by its path', async () => {
    const body = { ...cutOff, resources: [{ kind: 'chat' }, { kind: 'mailbox', owner: 'DGS' }] };
    expect((await validateBody(RecordAccessCutOffDto, body)).map((p) => p.field)).toEqual(['resources[1].owner']);
  });

  it.each([
    ['not a list', 'mailbox'],
    ['a list of strings', ['mailbox']],
    ['a list holding null', [null]],
    ['a list of lists', [[{ kind: 'mailbox' }]]],
    ['an empty list', []],
    ['more than 20 resources', Array.from({ length: 21 }, () => ({ kind: 'phone' }))],
  ])('refuses resources that are %s with one sentence on the list itself', async (_case, resources) => {
    const problems = await validateBody(RecordAccessCutOffDto, { ...cutOff, resources });
    expect(problems.map((p) => p.field)).toEqual(['resources']);
    expect(problems[0].fr).toContain('Le champ « resources » doit être une liste de 1 à 20 ressources');
  });

  it.each([
    ['a list', [{ title: 'Coupure' }]],
    ['a string', 'Coupure'],
    ['null', null],
  ])('refuses a body that is %s', async (_case, body) => {
    expect(await validateBody(OpenCaseDto, body)).toEqual([
      { field: '', fr: 'Le corps de la requête doit être un objet JSON.', en: 'The request body must be a JSON object.' },
    ]);
  });

  it('refuses null for an optional field, saying to leave it out', async () => {
    expect(await validateBody(OpenCaseDto, { title: 'Coupure', summary: null })).toEqual([
      {
        field: 'summary',
        fr: "Le champ « summary » ne peut pas valoir null : omettez-le s'il n'a pas de valeur.",
        en: 'summary may not be null: leave it out when it has no value.',
      },
    ]);
  });

  it('is what the Nest ValidationPipe throws, with the same rules', async () => {
    const error = await pipe(RecordAccessCutOffDto, { ...cutOff, occurredAt: '2019-11-12T08:30:00', extra: true });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.problems.map((p) => p.field)).toEqual(['extra', 'occurredAt']);
    expect(error.problems.every((p) => p.fr.length > 0 && p.en.length > 0)).toBe(true);
    // Nest validates a list body as the DTO itself: still a 400, the list's indices being unknown fields.
    expect((await pipe(OpenCaseDto, [{ title: 'Coupure' }])).problems.map((p) => p.field)).toEqual(['0', 'title']);
    expect((await pipe(OpenCaseDto, 'Coupure')).problems.map((p) => p.field)).toEqual(['title']);
  });

  it('lets the pipe hand a valid body over as a DTO instance', async () => {
    const dto = await new ValidationPipe(VALIDATION_PIPE_OPTIONS).transform(cutOff, { type: 'body', metatype: RecordAccessCutOffDto });
    expect(dto).toBeInstanceOf(RecordAccessCutOffDto);
    expect(dto.resources[2]).toEqual(expect.objectContaining({ kind: 'file_server', label: 'Serveur de fichiers' }));
  });
});
