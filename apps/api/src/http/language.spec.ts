import { languageOf, preferredLanguage } from './language';

describe('languageOf', () => {
  const req = (acceptLanguage?: string, lang?: string) => ({
    query: lang === undefined ? {} : { lang },
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  });

  it('answers French by default', () => {
    expect(languageOf(req())).toBe('fr');
    expect(languageOf(req(''))).toBe('fr');
    expect(languageOf(req('*'))).toBe('fr');
    expect(languageOf(req('de-DE'))).toBe('fr');
  });

  it('takes ?lang= before the header', () => {
    expect(languageOf(req('fr', 'en'))).toBe('en');
    expect(languageOf(req('en', 'fr'))).toBe('fr');
  });

  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr;q=0.1,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE,en;q=0.5,fr;q=0.4', 'en'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en;q=0.5,fr;q=0.5', 'en'],
    ['en;q=0,fr;q=0.1', 'fr'],
    ['en;q=0', 'fr'],
    ['en;q=2', 'fr'],
    ['english', 'fr'],
    [' EN-gb ; Q=0.8 , fr ; q=0.3', 'en'],
  ])('given Accept-Language %p, answers %p', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
