import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorCode } from '@mc/domain';
import { JournalFileUnreadableError } from '@mc/event-store/errors';
import { StoreUnavailableError, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';
import { languageOf, Lang } from './language';
import { otherMethodRefusal } from './method-not-allowed';
import { RequestRefused } from './request-refused';

const STATUS_OF_CODE: Record<DomainErrorCode, number> = {
  INVALID_INPUT: 400,
  RULE_VIOLATED: 422,
  NOT_FOUND: 404,
  CASE_CLOSED: 409,
  STATE_CONFLICT: 409,
  REVISION_CONFLICT: 409,
  FORBIDDEN: 403,
  MEDIA_TYPE_REFUSED: 415,
  TOO_MANY_ATTEMPTS: 429,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Bilingual sentences for the errors raised by the framework rather than by our code. */
const GENERIC: Record<number, { fr: string; en: string }> = {
  400: { fr: 'Requête invalide.', en: 'Invalid request.' },
  401: {
    fr: 'Authentification requise : connectez-vous.',
    en: 'Authentication required: log in.',
  },
  403: { fr: 'Action non autorisée.', en: 'Action not allowed.' },
  404: { fr: 'Ressource introuvable.', en: 'Resource not found.' },
  413: {
    fr: 'La requête dépasse la taille autorisée.',
    en: 'The request exceeds the allowed size.',
  },
  415: {
    fr: 'Type de contenu non accepté : envoyez du JSON (application/json).',
    en: 'Unsupported content type: send JSON (application/json).',
  },
  429: {
    fr: 'Trop de requêtes : réessayez dans un instant.',
    en: 'Too many requests: try again shortly.',
  },
  500: { fr: 'Erreur interne du service.', en: 'Internal service error.' },
  503: {
    fr: 'Le journal ne peut pas écrire pour le moment (espace disque ou droits) ; rien n’a été enregistré.',
    en: 'The journal cannot write right now (disk space or permissions); nothing was recorded.',
  },
};

interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string[];
  fields?: { field: string; message: string }[];
}

/**
 * File-system refusals that mean the data directory cannot take bytes right now (full, over
 * quota, read-only, rights taken away, failing disk): for an upload or an export as for the
 * journal, a 503 that says nothing was recorded, not an internal error.
 */
const STORAGE_REFUSALS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

function isStorageRefusal(e: unknown): boolean {
  // Not `instanceof Error`: Node's own errors may come from another realm (a test's VM context).
  const err = e as NodeJS.ErrnoException | null;
  return typeof err?.syscall === 'string' && typeof err.code === 'string' && STORAGE_REFUSALS.has(err.code);
}

/**
 * zlib's refusal of a body that is not compressed as its Content-Encoding says: Z_DATA_ERROR,
 * Z_BUF_ERROR... for gzip and deflate, ERR__ERROR_FORMAT_... for brotli.
 */
function isUndecodableBody(e: unknown): boolean {
  const err = e as { code?: unknown; errno?: unknown } | null;
  return typeof err?.code === 'string' && /^(Z_|ERR__ERROR_)/.test(err.code) && typeof err.errno === 'number';
}

/** Errors raised by body-parser carry an HTTP status and a `type`. */
function bodyParserStatus(e: unknown): number | null {
  const err = e as { type?: unknown; status?: unknown };
  if (typeof err?.type === 'string' && err.type.startsWith('entity.') && typeof err.status === 'number') return err.status;
  if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') return 415;
  return null;
}

const logger = new Logger('Errors');

/** One place where every error becomes the API's answer (API.md "Errors"), in the caller's language. */
export function sendError(exception: unknown, req: Request, res: Response): void {
  const refusal = exception instanceof NotFoundException ? otherMethodRefusal(req, res) : null;
  const body = errorBody(refusal ?? exception, languageOf(req));
  if (body.statusCode >= 500) {
    // Method and path only: bodies may hold passwords or case content.
    logger.error(`${req.method} ${req.path} -> ${body.statusCode}`, exception instanceof Error ? exception.stack : String(exception));
  }
  const retryAfter = (exception as { retryAfterSeconds?: unknown })?.retryAfterSeconds;
  if (!res.headersSent && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  if (!res.headersSent) res.status(body.statusCode).json(body);
}

/** For errors raised inside Nest (controllers, guards, pipes, handlers). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendError(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }
}

/** For errors raised by Express middleware before Nest (body parsing). */
export function expressErrorHandler(err: unknown, req: Request, res: Response, _next: (e?: unknown) => void): void {
  sendError(err, req, res);
}

function errorBody(e: unknown, lang: Lang): ErrorBody {
  if (e instanceof DomainError) {
    const statusCode = STATUS_OF_CODE[e.code];
    return {
      statusCode,
      error: REASON[statusCode],
      code: e.code,
      message: e.problems.map((p) => p[lang]),
      fields: e.problems.map((p) => ({ field: p.field, message: p[lang] })),
    };
  }
  if (e instanceof WrongExpectedRevisionError) return generic(409, 'REVISION_CONFLICT', lang);
  // A damaged journal file is the store being unavailable too: the sentence for the operator is in the log.
  if (e instanceof StoreUnavailableError || e instanceof JournalFileUnreadableError || isStorageRefusal(e)) return generic(503, 'STORE_UNAVAILABLE', lang);
  if (e instanceof RequestRefused) return generic(e.getStatus(), e.code, lang, e.sentence);
  if (isUndecodableBody(e)) {
    return generic(400, 'UNREADABLE_BODY', lang, {
      fr: 'Le corps de la requête ne peut pas être décompressé comme l’annonce son en-tête Content-Encoding : envoyez-le tel quel, sans cet en-tête.',
      en: 'The request body cannot be decompressed as its Content-Encoding header says: send it as is, without that header.',
    });
  }
  const parserStatus = bodyParserStatus(e);
  if (parserStatus === 400) {
    return generic(400, 'INVALID_JSON', lang, {
      fr: 'Le corps de la requête n’est pas un JSON valide.',
      en: 'The request body is not valid JSON.',
    });
  }
  if (parserStatus !== null) {
    return generic(parserStatus, parserStatus === 413 ? 'PAYLOAD_TOO_LARGE' : parserStatus === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'REQUEST_REFUSED', lang);
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const code = status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : `HTTP_${status}`;
    return generic(status, code, lang);
  }
  return generic(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', lang);
}

function generic(statusCode: number, code: string, lang: Lang, sentence?: { fr: string; en: string }): ErrorBody {
  const s = sentence ?? GENERIC[statusCode] ?? GENERIC[statusCode >= 500 ? 500 : 400];
  return {
    statusCode,
    error: REASON[statusCode] ?? 'Error',
    code,
    message: [s[lang]],
  };
}
