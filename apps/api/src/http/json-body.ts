import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DomainError } from '@mc/domain';
import { RequestRefused } from './request-refused';

/**
 * JSON request bodies, read and checked once before any route sees them: what is stored is the
 * text the person sent, so a body that cannot be kept as sent is refused (400) rather than
 * altered or left to fail deeper down.
 */

/** Far deeper than any body of the API (a correction's changes of a list of resources: 4 levels). */
export const MAX_BODY_DEPTH = 32;

/** In unicode mode a well-formed surrogate pair is one code point: only lone surrogates match. */
const LONE_SURROGATE = /\p{Cs}/u;

/** express.json, refusing bytes that are not UTF-8 instead of replacing them with U+FFFD. */
export function jsonBodyParser(limit: number): RequestHandler {
  return express.json({ limit, verify: requireUtf8 });
}

function requireUtf8(_req: unknown, _res: unknown, bytes: Buffer): void {
  if (!isUtf8(bytes)) {
    throw new RequestRefused(400, 'INVALID_UTF8', {
      fr: 'Le corps de la requête contient des octets qui ne sont pas du texte UTF-8 : envoyez-le en UTF-8, rien n’a été enregistré.',
      en: 'The request body holds bytes that are not UTF-8 text: send it as UTF-8; nothing was recorded.',
    });
  }
}

/**
 * A parsed JSON body must be an object, of reasonable depth, whose texts all have a UTF-8 form
 * (JSON's `\ud800` escape can write half of a character, which no one can store or hash).
 */
export function checkJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return next();
  if (Array.isArray(body)) {
    return next(
      DomainError.of(
        'INVALID_INPUT',
        'body',
        'Le corps de la requête doit être un objet JSON ({ … }), pas une liste.',
        'The request body must be a JSON object ({ … }), not an array.',
      ),
    );
  }
  const problem = problemIn(body, 0);
  if (problem === null) return next();
  if (problem.kind === 'depth') {
    return next(
      DomainError.of(
        'INVALID_INPUT',
        'body',
        `Le corps de la requête est imbriqué sur plus de ${MAX_BODY_DEPTH} niveaux.`,
        `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
      ),
    );
  }
  const field = fieldPath(problem.path);
  return next(
    DomainError.of(
      'INVALID_INPUT',
      field,
      `Le champ « ${field} » contient un caractère invalide (une moitié de caractère UTF-16 isolée).`,
      `${field} contains an invalid character (a lone UTF-16 surrogate).`,
    ),
  );
}

interface Problem {
  kind: 'depth' | 'character';
  /** From the body down to the faulty value (built on the way back, only when there is a problem). */
  path: (string | number)[];
}

function problemIn(value: unknown, depth: number): Problem | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? { kind: 'character', path: [] } : null;
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_BODY_DEPTH) return { kind: 'depth', path: [] };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = problemIn(value[index], depth + 1);
      if (problem) return (problem.path.unshift(index), problem);
    }
    return null;
  }
  for (const [key, member] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return { kind: 'character', path: [key.replace(/\p{Cs}/gu, '\ufffd')] };
    const problem = problemIn(member, depth + 1);
    if (problem) return (problem.path.unshift(key), problem);
  }
  return null;
}

/** `resources[0].label`, as the validation sentences name nested fields. */
function fieldPath(path: (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
