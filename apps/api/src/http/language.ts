import type { Request } from 'express';

export type Lang = 'fr' | 'en';

const LANGS: readonly Lang[] = ['fr', 'en'];

/**
 * French unless the caller asks for English: `?lang=en`, or an Accept-Language whose most
 * preferred language we speak is English (q-values honoured, `*` and unknown tags aside).
 */
export function languageOf(req: Pick<Request, 'query' | 'headers'>): Lang {
  const asked = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (asked === 'en' || asked === 'fr') return asked;
  const header = req.headers?.['accept-language'];
  return typeof header === 'string' ? preferredLanguage(header) : 'fr';
}

/** RFC 9110 §12.5.4: the spoken language of highest weight, the first listed on a tie; French by default. */
export function preferredLanguage(header: string): Lang {
  let best: { lang: Lang; q: number } | null = null;
  for (const range of header.split(',')) {
    const [tag, ...parameters] = range.split(';').map((part) => part.trim());
    const lang = LANGS.find((l) => tag.toLowerCase() === l || tag.toLowerCase().startsWith(`${l}-`));
    if (!lang) continue;
    const q = weightOf(parameters);
    if (q > 0 && (best === null || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'fr';
}

/** The `q` parameter (1 when absent); a malformed one counts as 0, as if the range were not there. */
function weightOf(parameters: string[]): number {
  const q = parameters.find((p) => /^q\s*=/i.test(p));
  if (q === undefined) return 1;
  const value = q.replace(/^q\s*=\s*/i, '');
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
}
