import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, Optional } from '@nestjs/common';
import { FileInterceptor, MulterModuleOptions } from '@nestjs/platform-express';
import { MULTER_MODULE_OPTIONS } from '@nestjs/platform-express/multer/files.constants';
import type { Observable } from 'rxjs';
import { DomainError } from '@mc/domain';

type Middleware = (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
interface Multer {
  single(field: string): Middleware;
}

/** The form part that carries the evidence file. */
export const FILE_FIELD = 'file';

/** The form itself, when a problem is not one of its fields (a cut body, a malformed part). */
const FORM = 'form';

const quoted = (name: string) => [...name].slice(0, 100).join('');

/**
 * The sentence for an error of multer or of its multipart parser (busboy), naming the part at
 * fault, or null for the errors left to Nest (a file too large is a 413, not a faulty field).
 * Multer's errors are told by their code, busboy's by their message (they have no code).
 */
export function uploadProblem(error: unknown): DomainError | null {
  const { code, field, message } = (error ?? {}) as { code?: unknown; field?: unknown; message?: unknown };
  const name = typeof field === 'string' ? quoted(field) : undefined;
  const problem = (at: string, fr: string, en: string) => DomainError.of('INVALID_INPUT', at, fr, en);
  switch (code) {
    case 'LIMIT_FILE_COUNT':
      return problem(
        FILE_FIELD,
        'Le champ « file » contient plusieurs fichiers : joignez un seul fichier par envoi.',
        'file holds several files: attach one file per upload.',
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return name === FILE_FIELD || name === undefined
        ? problem(
            FILE_FIELD,
            'Le champ « file » contient plusieurs fichiers : joignez un seul fichier par envoi.',
            'file holds several files: attach one file per upload.',
          )
        : problem(
            name,
            `Le champ « ${name} » n'attend pas de fichier : joignez le fichier dans le champ « file ».`,
            `${name} does not take a file: attach the file in the "file" field.`,
          );
    case 'LIMIT_FIELD_VALUE':
      return problem(
        name ?? FORM,
        `Le champ « ${name ?? FORM} » dépasse la taille permise pour un champ de texte.`,
        `${name ?? FORM} is longer than a text field may be.`,
      );
    case 'LIMIT_FIELD_KEY':
      return problem(FORM, 'Un nom de champ du formulaire est trop long.', 'A field name of the form is too long.');
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return problem(FORM, 'Le formulaire contient trop de champs.', 'The form has too many fields.');
    case 'MISSING_FIELD_NAME':
      return problem(
        FORM,
        'Une partie du formulaire n\'a pas de nom de champ (Content-Disposition: form-data; name="…").',
        'A part of the form has no field name (Content-Disposition: form-data; name="…").',
      );
    case 'LIMIT_FIELD_NESTING':
    case 'LIMIT_FIELD_ARRAY_INDEX':
    case 'INVALID_FIELD_NAME':
      return problem(name ?? FORM, `Le champ « ${name ?? FORM} » n'est pas attendu.`, `${name ?? FORM} is not an expected field.`);
  }
  if (code !== undefined) return null;
  switch (message) {
    case 'Unexpected end of form':
    case 'Unexpected end of file':
      return problem(
        FORM,
        "Le formulaire multipart s'arrête avant sa fin (envoi coupé) : renvoyez-le en entier ; rien n'a été enregistré.",
        'The multipart form ends before its end (the upload was cut): send it again in full; nothing was recorded.',
      );
    case 'Malformed part header':
      return problem(
        FORM,
        "Un en-tête de partie du formulaire multipart est mal formé : rien n'a été enregistré.",
        'A part header of the multipart form is malformed: nothing was recorded.',
      );
    case 'Multipart: Boundary not found':
      return problem(
        FORM,
        "L'en-tête Content-Type n'indique pas la limite (boundary) du formulaire multipart.",
        'The Content-Type header does not give the boundary of the multipart form.',
      );
  }
  return null;
}

/**
 * FileInterceptor for the `file` part, whose refusals say which part is at fault and what is
 * wrong with it (Nest's own say « Requête invalide » and nothing else). Everything else, the
 * removal of refused uploads included, is Nest's interceptor.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;

  constructor(@Optional() @Inject(MULTER_MODULE_OPTIONS) options: MulterModuleOptions = {}) {
    const Inner = FileInterceptor(FILE_FIELD);
    this.inner = new Inner(options);
    const multer = (this.inner as unknown as { multer: Multer }).multer;
    const single = multer.single.bind(multer);
    multer.single = (field) => {
      const middleware = single(field);
      return (req, res, next) => middleware(req, res, (error) => next(error ? (uploadProblem(error) ?? error) : undefined));
    };
  }

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return this.inner.intercept(context, next) as Promise<Observable<unknown>>;
  }
}
