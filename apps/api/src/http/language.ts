import type { Request } from 'express';

export type Lang = 'fr' | 'en';

/** French unless the caller asks for English (`?lang=en` or an Accept-Language starting with en). */
export function languageOf(req: Pick<Request, 'query' | 'headers'>): Lang {
  const asked = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (asked === 'en' || asked === 'fr') return asked;
  const header = req.headers?.['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'fr';
}
