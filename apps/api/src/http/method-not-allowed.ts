import type { Request, Response } from 'express';
import { RequestRefused } from './request-refused';

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** The methods the routes matching `path` answer (HEAD with GET), from express's router. */
export function allowedMethods(layers: readonly RouteLayer[], path: string): string[] {
  const methods = new Set<string>();
  for (const layer of layers) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * A method an API path does not take is a 405 with the methods it does take (Allow), not a 404:
 * the routes are public knowledge (the OpenAPI document), so this says nothing of what exists,
 * and a case that does not exist is still a 404 on the methods the route has. OPTIONS is one
 * such method: there is no CORS, so nothing is preflighted.
 *
 * Asked only once no route took the request (the router's "not found"), so that the requests
 * routes do answer never pay for a second walk of the router.
 */
export function otherMethodRefusal(req: Request, res: Response): RequestRefused | null {
  if (!req.path.startsWith('/api/') || req.route !== undefined) return null;
  const router = (req.app as unknown as { router?: { stack: RouteLayer[] } }).router;
  const allowed = allowedMethods(router?.stack ?? [], req.path);
  if (allowed.length === 0 || allowed.includes(req.method)) return null;
  res.setHeader('Allow', allowed.join(', '));
  return new RequestRefused(405, 'METHOD_NOT_ALLOWED', {
    fr: `La méthode ${req.method} n’est pas acceptée à cette adresse ; elle accepte : ${allowed.join(', ')}.`,
    en: `The ${req.method} method is not accepted at this address; it accepts: ${allowed.join(', ')}.`,
  });
}
