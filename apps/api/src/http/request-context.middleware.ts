import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestRefused } from './request-refused';

export interface RequestWithContext extends Request {
  correlationId?: string;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request a correlation id (the caller's X-Request-Id when sane), echoed back. */
export function requestContext(req: RequestWithContext, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  req.correlationId = given && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.correlationId);
  next();
}

/** The one route that takes a multipart form (an evidence file); every other API write takes JSON. */
const UPLOAD_ROUTE = /^\/api\/v1\/cases\/[^/]+\/evidence\/?$/;

/**
 * API writes take the media type their route reads, anything else is refused before it is parsed
 * (415): JSON in UTF-8, or the multipart form of an evidence upload. A body in another type or
 * charset would otherwise be ignored or decoded into other characters than those sent.
 */
export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) || !hasBody || !req.path.startsWith('/api/')) return next();
  const header = (req.headers['content-type'] ?? '').toLowerCase();
  const [type, ...parameters] = header.split(';').map((part) => part.trim());
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  const accepted = UPLOAD_ROUTE.test(req.path)
    ? type === 'multipart/form-data'
    : type === 'application/json' && (charset === undefined || charset === 'utf-8' || charset === 'utf8');
  if (accepted) return next();
  next(new RequestRefused(415, 'UNSUPPORTED_MEDIA_TYPE', UPLOAD_ROUTE.test(req.path) ? SEND_A_FORM : SEND_JSON));
}

const SEND_JSON = {
  fr: 'Type de contenu non accepté : envoyez du JSON en UTF-8 (application/json).',
  en: 'Unsupported content type: send JSON in UTF-8 (application/json).',
};

const SEND_A_FORM = {
  fr: 'Type de contenu non accepté : envoyez le fichier dans un formulaire multipart (multipart/form-data), champ « file ».',
  en: 'Unsupported content type: send the file in a multipart form (multipart/form-data), field "file".',
};
