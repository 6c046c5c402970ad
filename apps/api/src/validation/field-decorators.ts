/**
 * Field decorators for request DTOs: each one wraps class-validator (plus the OpenAPI metadata)
 * so that a DTO reads as a list of fields, and every refusal is one bilingual sentence naming
 * the field. A decorator's `message` is a JSON string `{"fr": "...", "en": "..."}`, parsed back
 * by `toFieldProblems` (validation-problems.ts).
 *
 * Conventions, relied upon by `toFieldProblems` to rename a field by its full path
 * (`resources[0].kind`, `changes.occurredAt`): a French sentence names its field as « field »,
 * an English sentence starts with the field.
 *
 * Absent optional fields are accepted; `null` is refused everywhere (stored data has no nulls:
 * an optional field is absent or has a value). Corrections remove a field with `null`, which
 * validateEntryChanges handles before these decorators run.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { isUUID, ValidateBy, ValidateIf, ValidateNested, ValidationArguments } from 'class-validator';
import { checkFactDate, factDateMessage, RESOURCE_KINDS, TEXT_LIMITS, type ResourceKind } from '@mc/domain';

export interface Sentences {
  fr: string;
  en: string;
}

/** Returns the problem of a present, non-null value, or null when it is acceptable. */
type Check = (value: unknown, field: string, object: Record<string, unknown>) => Sentences | null;

interface FieldOptions {
  /** Defaults to true, except for Flag, Revision and the helpers documented otherwise. */
  required?: boolean;
  /** OpenAPI example (French, from the seed story). */
  example?: unknown;
  description?: string;
}

/** Ten years of minutes, leap days included: the largest duration a person can mean. */
export const MAX_MINUTES = 10 * 366 * 24 * 60;
export const MAX_RESOURCES = 20;

const missing = (field: string): Sentences => ({
  fr: `Le champ « ${field} » est obligatoire.`,
  en: `${field} is required.`,
});

const nullRefused = (field: string): Sentences => ({
  fr: `Le champ « ${field} » ne peut pas valoir null : omettez-le s'il n'a pas de valeur.`,
  en: `${field} may not be null: leave it out when it has no value.`,
});

const invalid = (field: string): Sentences => ({ fr: `Le champ « ${field} » est invalide.`, en: `${field} is invalid.` });

const charCount = (text: string): number => [...text].length;

function problemOf(check: Check, args: ValidationArguments): Sentences | null {
  const { value, property } = args;
  if (value === undefined) return missing(property);
  if (value === null) return nullRefused(property);
  return check(value, property, args.object as Record<string, unknown>);
}

/**
 * The building block: one class-validator constraint per field (so one sentence per field),
 * `ValidateIf` to let an optional field be absent, and the OpenAPI property.
 */
export function field(name: string, check: Check, options: FieldOptions & { api?: ApiPropertyOptions } = {}): PropertyDecorator {
  const required = options.required ?? true;
  const api: ApiPropertyOptions = {
    ...options.api,
    ...(options.example !== undefined ? { example: options.example } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  } as ApiPropertyOptions;
  const decorators: PropertyDecorator[] = [
    ValidateBy(
      { name, validator: { validate: (_value, args) => problemOf(check, args as ValidationArguments) === null } },
      {
        // The value was just refused, so recomputing gives its sentence (the generic one covers
        // the only time-dependent case: a date crossing the five-minute line in between).
        message: (args: ValidationArguments) => JSON.stringify(problemOf(check, args) ?? invalid(args.property)),
      },
    ),
    required ? ApiProperty(api) : ApiPropertyOptional(api),
  ];
  if (!required) decorators.unshift(ValidateIf((_object, value) => value !== undefined));
  return applyDecorators(...decorators);
}

// ---------------------------------------------------------------------------------------------
// Checks shared by several decorators.

export function textProblem(value: unknown, fieldName: string, max: number, required: boolean): Sentences | null {
  if (typeof value !== 'string') {
    return { fr: `Le champ « ${fieldName} » doit être un texte.`, en: `${fieldName} must be a text (a JSON string).` };
  }
  if (required && value.trim() === '') {
    return { fr: `Le champ « ${fieldName} » ne peut pas être vide.`, en: `${fieldName} may not be empty.` };
  }
  const length = charCount(value);
  if (length > max) {
    return {
      fr: `Le champ « ${fieldName} » dépasse ${max} caractères (${length} reçus).`,
      en: `${fieldName} is longer than ${max} characters (${length} received).`,
    };
  }
  return null;
}

function uuidProblem(value: unknown, fieldName: string, what: Sentences): Sentences | null {
  if (typeof value === 'string' && isUUID(value)) return null;
  return {
    fr: `Le champ « ${fieldName} » doit être ${what.fr} (un UUID, par exemple 3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13).`,
    en: `${fieldName} must be ${what.en} (a UUID, e.g. 3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13).`,
  };
}

// ---------------------------------------------------------------------------------------------
// Decorators.

/** A string kept verbatim (not trimmed); when required it must not be blank. */
export function Text(options: FieldOptions & { max: number }): PropertyDecorator {
  const required = options.required ?? true;
  return field('text', (value, name) => textProblem(value, name, options.max, required), {
    ...options,
    api: { type: String, maxLength: options.max, ...(required ? { minLength: 1 } : {}) },
  });
}

/** One of the values of a const array of the domain (e.g. INCIDENT_CATEGORIES). */
export function OneOf(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  const list = values.join(', ');
  return field(
    'oneOf',
    (value, name) =>
      typeof value === 'string' && values.includes(value)
        ? null
        : {
            fr: `Le champ « ${name} » doit valoir l'une des valeurs suivantes : ${list}.`,
            en: `${name} must be one of: ${list}.`,
          },
    { ...options, api: { enum: [...values], type: String } },
  );
}

/**
 * A date declared by a person: ISO-8601 with an offset, a real calendar date, at most five
 * minutes ahead of the server clock (the domain's rule, checkFactDate). `notBefore` names
 * another date field of the same body that this one may not precede (periodEnd / periodStart).
 */
export function FactDate(options: FieldOptions & { notBefore?: string } = {}): PropertyDecorator {
  const { notBefore } = options;
  return field(
    'factDate',
    (value, name, object) => {
      const now = new Date();
      const problem = checkFactDate(value, now);
      if (problem) return factDateMessage(name, problem);
      if (notBefore) {
        const other = object[notBefore];
        if (checkFactDate(other, now) === null && Date.parse(value as string) < Date.parse(other as string)) {
          return {
            fr: `Le champ « ${name} » ne peut pas être antérieur au champ « ${notBefore} ».`,
            en: `${name} may not be earlier than ${notBefore}.`,
          };
        }
      }
      return null;
    },
    { ...options, api: { type: String, format: 'date-time', example: options.example ?? '2019-11-12T08:30:00+01:00' } },
  );
}

/** A real JSON boolean (no "true", no 1). Optional unless told otherwise. */
export function Flag(options: FieldOptions = {}): PropertyDecorator {
  return field(
    'flag',
    (value, name) => (typeof value === 'boolean' ? null : { fr: `Le champ « ${name} » doit valoir true ou false.`, en: `${name} must be true or false.` }),
    { ...options, required: options.required ?? false, api: { type: Boolean } },
  );
}

/** A duration as a whole number of minutes, 0 to ten years. */
export function Minutes(options: FieldOptions = {}): PropertyDecorator {
  return field(
    'minutes',
    (value, name) =>
      typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_MINUTES
        ? null
        : {
            fr: `Le champ « ${name} » doit être un nombre entier de minutes, entre 0 et ${MAX_MINUTES} (dix ans).`,
            en: `${name} must be a whole number of minutes, from 0 to ${MAX_MINUTES} (ten years).`,
          },
    { ...options, api: { type: 'integer', minimum: 0, maximum: MAX_MINUTES } },
  );
}

/** The id of an entry of the same case; whether it exists is the handler's business. */
export function EntryRef(options: FieldOptions = {}): PropertyDecorator {
  return field('entryRef', (value, name) => uuidProblem(value, name, { fr: "l'identifiant d'une entrée du dossier", en: 'the id of an entry of the case' }), {
    ...options,
    api: { type: String, format: 'uuid' },
  });
}

/** Any other UUID reference (providerId...). */
export function Uuid(options: FieldOptions = {}): PropertyDecorator {
  return field('uuid', (value, name) => uuidProblem(value, name, { fr: 'un identifiant', en: 'an id' }), {
    ...options,
    api: { type: String, format: 'uuid' },
  });
}

/** A list of short texts (names, services...). When required it needs at least one item. */
export function TextList(options: FieldOptions & { maxItems?: number; maxLength?: number } = {}): PropertyDecorator {
  const required = options.required ?? true;
  const maxItems = options.maxItems ?? TEXT_LIMITS.listItems;
  const maxLength = options.maxLength ?? TEXT_LIMITS.short;
  return field(
    'textList',
    (value, name) => {
      if (!Array.isArray(value)) {
        return { fr: `Le champ « ${name} » doit être une liste de textes.`, en: `${name} must be a list of texts.` };
      }
      if (required && value.length === 0) {
        return { fr: `Le champ « ${name} » doit contenir au moins un élément.`, en: `${name} must have at least one item.` };
      }
      if (value.length > maxItems) {
        return {
          fr: `Le champ « ${name} » contient plus de ${maxItems} éléments (${value.length} reçus).`,
          en: `${name} has more than ${maxItems} items (${value.length} received).`,
        };
      }
      for (const [index, item] of value.entries()) {
        const problem = textProblem(item, `${name}[${index}]`, maxLength, true);
        if (problem) return problem;
      }
      return null;
    },
    { ...options, api: { type: String, isArray: true, maxItems, ...(required ? { minItems: 1 } : {}), items: { type: 'string', maxLength } } },
  );
}

/** `expectedRevision`: optional optimistic-concurrency guard, a whole number >= 0. */
export function Revision(): PropertyDecorator {
  return field(
    'revision',
    (value, name) =>
      typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? null
        : { fr: `Le champ « ${name} » doit être un nombre entier positif ou nul.`, en: `${name} must be a whole number, 0 or more.` },
    {
      required: false,
      description: "Révision du dossier attendue ; si le dossier a changé depuis, la requête est refusée (409) et rien n'est écrit.",
      api: { type: 'integer', minimum: 0, example: 4 },
    },
  );
}

/**
 * `expectedRevision` in a multipart form (an evidence upload), where every field is text: the
 * digits of a whole number >= 0, read as Revision() reads a JSON number.
 */
export function FormRevision(): PropertyDecorator {
  return field(
    'revision',
    (value, name) =>
      typeof value === 'string' && /^\d{1,15}$/.test(value)
        ? null
        : { fr: `Le champ « ${name} » doit être un nombre entier positif ou nul (en chiffres).`, en: `${name} must be a whole number, 0 or more (in digits).` },
    {
      required: false,
      description: "Révision du dossier attendue ; si le dossier a changé depuis, l'envoi est refusé (409) et rien n'est gardé, ni événement ni fichier.",
      api: { type: 'integer', minimum: 0, example: 4 },
    },
  );
}

/**
 * `expectedRevision` where there is no revision to expect yet (opening a case): refused with a
 * sentence that says why, rather than a 409 saying the case changed in the meantime. Not in
 * the OpenAPI document: the field is not part of that body.
 */
export function NoRevisionYet(what: Sentences): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy(
      { name: 'noRevisionYet', validator: { validate: () => false } },
      {
        message: (args: ValidationArguments) =>
          JSON.stringify({
            fr: `Le champ « ${args.property} » n'a pas de sens ${what.fr} : il n'y a pas encore de révision à attendre. Omettez-le.`,
            en: `${args.property} has no meaning ${what.en}: there is no revision to expect yet. Leave it out.`,
          }),
      },
    ),
  );
}

/** A non-empty JSON object with free keys (the `changes` of a correction, checked later per entry type). */
export function NonEmptyObject(options: FieldOptions = {}): PropertyDecorator {
  return field(
    'nonEmptyObject',
    (value, name) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0
        ? null
        : {
            fr: `Le champ « ${name} » doit être un objet non vide { champ: nouvelle valeur }.`,
            en: `${name} must be a non-empty object { field: new value }.`,
          },
    { ...options, api: { type: 'object', additionalProperties: true } },
  );
}

// ---------------------------------------------------------------------------------------------
// Resources: a list of nested objects, validated with ValidateNested + Type.

export class ResourceDto {
  @OneOf(RESOURCE_KINDS, { example: 'mailbox' })
  kind!: ResourceKind;

  @Text({ max: TEXT_LIMITS.title, required: false, example: 'Messagerie professionnelle de la médiathèque' })
  label?: string;
}

/**
 * `resources`: 1 to 20 items, each `{kind, label?}`. The list's own shape is checked first;
 * `toFieldProblems` reports the items' problems (`resources[0].kind`) only when it is right.
 */
export function Resources(options: FieldOptions = {}): PropertyDecorator {
  const shape = field(
    'resources',
    (value, name) => {
      const itemsAreObjects = Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
      if (itemsAreObjects && value.length >= 1 && value.length <= MAX_RESOURCES) return null;
      return {
        fr: `Le champ « ${name} » doit être une liste de 1 à ${MAX_RESOURCES} ressources { kind, label }, kind valant l'une des valeurs suivantes : ${RESOURCE_KINDS.join(', ')}.`,
        en: `${name} must be a list of 1 to ${MAX_RESOURCES} resources { kind, label }, kind being one of: ${RESOURCE_KINDS.join(', ')}.`,
      };
    },
    {
      ...options,
      example: options.example ?? [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server', label: 'Serveur de fichiers (dossiers du service)' }],
      api: { type: () => ResourceDto, isArray: true, minItems: 1, maxItems: MAX_RESOURCES },
    },
  );
  return applyDecorators(
    shape,
    ValidateNested(),
    Type(() => ResourceDto),
  );
}
