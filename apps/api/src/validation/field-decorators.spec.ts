/** Where @nestjs/swagger keeps ApiProperty metadata (its constants are not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
import { SEVERITIES } from '@mc/domain';
import { EntryRef, FactDate, Flag, MAX_MINUTES, Minutes, NonEmptyObject, OneOf, Revision, Text, TextList } from './field-decorators';
import { minutesFromNow } from './spec-support';
import { validateBody } from './validation-problems';

class Sample {
  @Text({ max: 10 })
  title!: string;

  @Text({ max: 10, required: false })
  note?: string;

  @OneOf(SEVERITIES, { required: false })
  severity?: string;

  @FactDate({ required: false })
  occurredAt?: string;

  @FactDate({ required: false, notBefore: 'occurredAt' })
  endedAt?: string;

  @Flag()
  done?: boolean;

  @Minutes({ required: false })
  lost?: number;

  @EntryRef({ required: false })
  aboutEntryId?: string;

  @TextList({ required: false, maxItems: 2, maxLength: 5 })
  names?: string[];

  @NonEmptyObject({ required: false })
  changes?: Record<string, unknown>;

  @Revision()
  expectedRevision?: number;
}

async function problemOf(body: Record<string, unknown>) {
  const problems = await validateBody(Sample, { title: 'Coupure', ...body });
  expect(problems).toHaveLength(1);
  return problems[0];
}

const accepts = async (body: Record<string, unknown>) => expect(await validateBody(Sample, { title: 'Coupure', ...body })).toEqual([]);

describe('field decorators', () => {
  it('accept a body with only the required fields, and every optional field well filled', async () => {
    await accepts({});
    await accepts({
      note: '',
      severity: 'blocking',
      occurredAt: '2019-11-12T08:30:00+01:00',
      endedAt: '2019-11-14T09:00:00Z',
      done: false,
      lost: 0,
      aboutEntryId: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13',
      names: ['DGS', 'Élus'],
      changes: { title: 'x' },
      expectedRevision: 0,
    });
  });

  describe('Text', () => {
    it('requires a non-blank text when the field is required', async () => {
      expect(await problemOf({ title: undefined })).toEqual({ field: 'title', fr: 'Le champ « title » est obligatoire.', en: 'title is required.' });
      expect((await problemOf({ title: '   ' })).en).toBe('title may not be empty.');
    });

    it('counts characters, not UTF-16 units, and names the limit', async () => {
      await accepts({ title: 'Médiathèq😀' });
      expect(await problemOf({ title: 'Médiathèque' })).toEqual({
        field: 'title',
        fr: 'Le champ « title » dépasse 10 caractères (11 reçus).',
        en: 'title is longer than 10 characters (11 received).',
      });
    });

    it('refuses what is not a string', async () => {
      expect((await problemOf({ note: 12 })).fr).toBe('Le champ « note » doit être un texte.');
    });
  });

  it('OneOf lists the allowed values', async () => {
    expect(await problemOf({ severity: 'Blocking' })).toEqual({
      field: 'severity',
      fr: "Le champ « severity » doit valoir l'une des valeurs suivantes : blocking, non_blocking.",
      en: 'severity must be one of: blocking, non_blocking.',
    });
  });

  describe('FactDate', () => {
    it.each([
      ['without an offset', '2019-11-12T08:30:00', 'doit indiquer son fuseau horaire'],
      ['ten minutes ahead', minutesFromNow(10), 'est dans le futur'],
      ['not on the calendar', '2019-02-30T08:30:00+01:00', "n'est pas une date du calendrier valide"],
      ['not a date', 'mardi matin', 'doit être une date ISO-8601 avec fuseau'],
      ['a number', 1573543800000, 'doit être une date ISO-8601 avec fuseau'],
    ])('refuses a date %s, naming the field', async (_case, occurredAt, words) => {
      const problem = await problemOf({ occurredAt });
      expect(problem.field).toBe('occurredAt');
      expect(problem.fr).toContain('« occurredAt »');
      expect(problem.fr).toContain(words);
      expect(problem.en.startsWith('occurredAt ')).toBe(true);
    });

    it('tolerates a device clock a few minutes ahead', async () => {
      await accepts({ occurredAt: minutesFromNow(4) });
    });

    it('refuses an end before its start', async () => {
      expect(await problemOf({ occurredAt: '2019-11-12T08:30:00+01:00', endedAt: '2019-11-12T07:00:00Z' })).toEqual({
        field: 'endedAt',
        fr: 'Le champ « endedAt » ne peut pas être antérieur au champ « occurredAt ».',
        en: 'endedAt may not be earlier than occurredAt.',
      });
    });
  });

  it.each([['true'], [1], [null]])('Flag refuses %p', async (done) => {
    expect((await problemOf({ done })).field).toBe('done');
  });

  it.each([[1.5], [-1], [MAX_MINUTES + 1], ['90'], [Number.NaN]])('Minutes refuses %p', async (lost) => {
    expect((await problemOf({ lost })).en).toBe(`lost must be a whole number of minutes, from 0 to ${MAX_MINUTES} (ten years).`);
  });

  it('EntryRef wants a UUID', async () => {
    expect((await problemOf({ aboutEntryId: 'entrée 3' })).fr).toMatch(/^Le champ « aboutEntryId » doit être l'identifiant d'une entrée du dossier/);
  });

  describe('TextList', () => {
    it('names the faulty item', async () => {
      expect(await problemOf({ names: ['DGS', ' '] })).toEqual({
        field: 'names',
        fr: 'Le champ « names[1] » ne peut pas être vide.',
        en: 'names[1] may not be empty.',
      });
      expect((await problemOf({ names: ['DGS', 'Président'] })).en).toBe('names[1] is longer than 5 characters (9 received).');
    });

    it('bounds the number of items and wants a list', async () => {
      expect((await problemOf({ names: ['a', 'b', 'c'] })).en).toBe('names has more than 2 items (3 received).');
      expect((await problemOf({ names: 'DGS' })).en).toBe('names must be a list of texts.');
    });
  });

  it.each([[{}], [[]], ['title']])('NonEmptyObject refuses %p', async (changes) => {
    expect((await problemOf({ changes })).field).toBe('changes');
  });

  it('refuses null in an optional field', async () => {
    expect((await problemOf({ severity: null })).en).toBe('severity may not be null: leave it out when it has no value.');
  });

  it('describes the fields for OpenAPI', () => {
    const api = (property: string) => Reflect.getMetadata(API_MODEL_PROPERTIES, Sample.prototype, property);
    expect(api('severity')).toEqual(expect.objectContaining({ enum: ['blocking', 'non_blocking'], required: false }));
    expect(api('title')).toEqual(expect.objectContaining({ maxLength: 10, minLength: 1 }));
    expect(api('title').required).not.toBe(false);
    expect(api('occurredAt')).toEqual(expect.objectContaining({ format: 'date-time' }));
    expect(api('lost')).toEqual(expect.objectContaining({ type: 'integer', minimum: 0 }));
  });
});
