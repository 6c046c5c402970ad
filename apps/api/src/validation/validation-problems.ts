/**
 * From class-validator's error tree to the domain's bilingual FieldProblem list, one problem
 * per field, and the same checks for code that validates a body outside of a controller.
 */
import type { ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError, ValidatorOptions } from 'class-validator';
import { DomainError, type FieldProblem } from '@mc/domain';
import type { Sentences } from './field-decorators';

/** The options of every body validation: unknown fields are refused, not silently dropped. */
export const VALIDATOR_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/**
 * The path of a child error: `a.b`, or `a[0]` for an item of a list. Nest's pipe drops the
 * errors' `target`, so an item is recognised by its numeric property (our DTOs have no such field).
 */
function childPath(parentPath: string, error: ValidationError): string {
  const property = error.property;
  if (property === undefined) return parentPath;
  if (!parentPath) return property;
  return /^\d+$/.test(property) ? `${parentPath}[${property}]` : `${parentPath}.${property}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Our sentences name the leaf property (`kind`); rename it to the full path (`resources[0].kind`)
 * using the conventions of field-decorators.ts: « field » in French, the field first in English.
 */
function renamed(sentences: Sentences, leaf: string, path: string): Sentences {
  if (leaf === path) return sentences;
  const name = escape(leaf);
  return {
    fr: sentences.fr.replace(new RegExp(`« ${name}(?=[\\s\\[»])`), `« ${path}`),
    en: sentences.en.replace(new RegExp(`^${name}(?=[\\s\\[:,])`), path),
  };
}

function parsed(message: string): Sentences | null {
  if (!message.startsWith('{')) return null;
  try {
    const value = JSON.parse(message) as Partial<Sentences>;
    return typeof value.fr === 'string' && typeof value.en === 'string' ? { fr: value.fr, en: value.en } : null;
  } catch {
    return null;
  }
}

export function notAnObject(path: string): FieldProblem {
  return path
    ? { field: path, fr: `Le champ « ${path} » doit être un objet JSON.`, en: `${path} must be a JSON object.` }
    : { field: '', fr: 'Le corps de la requête doit être un objet JSON.', en: 'The request body must be a JSON object.' };
}

/** The sentences for one failed constraint: ours (JSON), or class-validator's own constraints. */
function sentencesFor(constraint: string, message: string, leaf: string, path: string): FieldProblem {
  const ours = parsed(message);
  if (ours) return { field: path, ...renamed(ours, leaf, path) };
  switch (constraint) {
    case 'whitelistValidation':
      return { field: path, fr: `Le champ « ${path} » n'est pas attendu.`, en: `${path} is not an expected field.` };
    case 'nestedValidation':
      return {
        field: path,
        fr: `Le champ « ${path} » doit être un objet ou une liste d'objets.`,
        en: `${path} must be an object or a list of objects.`,
      };
    case 'unknownValue':
      return notAnObject(path);
    default:
      // A built-in class-validator decorator used without our message: keep its English text.
      return { field: path, fr: `Le champ « ${path} » est invalide (${message}).`, en: `${path} is invalid (${message}).` };
  }
}

function collect(error: ValidationError, parentPath: string, out: FieldProblem[]): void {
  const path = childPath(parentPath, error);
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length > 0) {
    // One sentence per field, ours first; a field whose own value is wrong is not examined deeper.
    constraints.sort(([, a], [, b]) => Number(parsed(b) !== null) - Number(parsed(a) !== null));
    const [constraint, message] = constraints[0];
    out.push(sentencesFor(constraint, message, error.property ?? path, path));
    return;
  }
  for (const child of error.children ?? []) collect(child, path, out);
}

/** Flattens class-validator's errors into one bilingual problem per field path. */
export function toFieldProblems(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) collect(error, parentPath, out);
  const seen = new Set<string>();
  return out.filter((problem) => !seen.has(problem.field) && seen.add(problem.field));
}

/** For `new ValidationPipe({..., exceptionFactory})`: the domain error the exception filter maps to 400. */
export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  const problems = toFieldProblems(errors);
  return new DomainError('INVALID_INPUT', problems.length > 0 ? problems : [notAnObject('')]);
}

/** The global pipe's options, so that HTTP and validateBody apply exactly the same rules. */
export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  ...VALIDATOR_OPTIONS,
  transform: true,
  exceptionFactory: validationExceptionFactory,
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Validates a plain body against a DTO class as the HTTP pipe does; problems are prefixed by parentPath. */
export async function validateBody(dtoClass: new () => object, plain: unknown, parentPath = ''): Promise<FieldProblem[]> {
  if (!isPlainObject(plain)) return [notAnObject(parentPath)];
  const instance = plainToInstance(dtoClass, plain);
  return toFieldProblems(await validate(instance, VALIDATOR_OPTIONS), parentPath);
}
