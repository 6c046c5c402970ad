import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

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

/** API writes take JSON; anything else is refused before it is parsed (415), multipart uploads excepted. */
export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) || !hasBody || !req.path.startsWith('/api/')) return next();
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json') || type.startsWith('multipart/form-data')) return next();
  // Shaped like body-parser's own errors, so that the same error handler answers 415.
  next(
    Object.assign(new Error(`Unsupported content type ${type || '(none)'}`), {
      status: 415,
      type: 'entity.unsupported',
    }),
  );
}
