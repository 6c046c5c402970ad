import type { Browser, Page } from 'playwright-core';
import { bearer, seedSmallCase } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, startWebApp } from './support/browser';

const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Calls the page's own i18n module in the page's language (the module the pages use, no copy). */
const i18n = (page: Page, lang: 'fr' | 'en', expression: string): Promise<any> =>
  page.evaluate(
    `(async () => {
      localStorage.setItem('mc.lang', '${lang}');
      const { t, colon } = await import('/js/i18n.js');
      const { shortened } = await import('/js/target-options.js');
      return ${expression};
    })()`,
  );

/** Web audit findings 16 to 20, the polish: plurals, numbers, colons, titles, icons, dates. */
describe('Wording on the web pages (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    const agent = (await web.t.user('bollywood', 'agent', { displayName: 'Bollywood (médiathèque)' })).token;
    const seeded = await seedSmallCase(web.t, agent);
    caseId = seeded.caseId;
    await web.t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set(bearer(agent))
      .send({ cutOffEntryId: seeded.cutOffId, occurredAt: '2019-11-14T09:00:00+01:00', conditions: 'Saisir les 687 adresses dans le carnet commun.' })
      .expect(201);
    await web.t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(bearer(agent))
      .field('aboutEntryId', seeded.cutOffId)
      .field('capturedAt', '2019-11-12T08:05:00+01:00')
      .attach('file', PHOTO, { filename: 'ecran.png', contentType: 'image/png' })
      .expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('writes counts in words and numbers as each language does, colons as French typography wants, and shortens with « … »', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${web.url}/`);
    expect(await i18n(page, 'fr', `t('timeline.late', { days: 2568 })`)).toBe('enregistré tardivement (2\u202f568 jours après les faits)');
    expect(await i18n(page, 'fr', `[0, 1, 2].map((n) => t('timeline.entryCount', { n }))`)).toEqual(['0 entrée', '1 entrée', '2 entrées']);
    expect(await i18n(page, 'fr', `t('cases.entries', { n: 4, e: 1 })`)).toBe('4 entrées, 1 pièce');
    expect(await i18n(page, 'en', `[0, 1, 2].map((n) => t('timeline.entryCount', { n }))`)).toEqual(['0 entries', '1 entry', '2 entries']);
    expect(await i18n(page, 'en', `t('timeline.late', { days: 2568 })`)).toBe('recorded late (2,568 days after the facts)');
    expect(await i18n(page, 'fr', `colon('Faits')`)).toBe('Faits\u202f: ');
    expect(await i18n(page, 'en', `colon('Facts')`)).toBe('Facts: ');
    const long = 'Le prestataire exige la saisie des 687 adresses dans le carnet d’adresses commun « Médiathèque » avant tout rétablissement';
    const short = await i18n(page, 'fr', `shortened(${JSON.stringify(long)}, 80)`);
    expect(short.length).toBeLessThanOrEqual(80);
    expect(short).toMatch(/ [^ ]+…$/);
    expect(await i18n(page, 'fr', `shortened('court', 80)`)).toBe('court');
    await context.close();
  });

  it('heads a restoration by its cut-off, gives the facts’ date once, the photo’s date, a strike-through « Retirer » and a plain header', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}`);
    const restoration = page.locator('#timeline > li[data-type="AccessRestored"]');
    await eventually(async () => expect(await restoration.locator('h3').textContent()).toBe('Rétablissement des accès coupés le 12 nov. 2019, 08:30'));
    expect(await restoration.textContent()).toContain('Saisir les 687 adresses');
    const cutOff = page.locator('#timeline > li[data-type="AccessCutOff"]');
    expect(await cutOff.locator('dt', { hasText: 'Date et heure des faits' }).count()).toBe(0);
    expect(await cutOff.locator('.mc-dates strong').first().textContent()).toBe('Faits\u202f: ');
    expect(await cutOff.locator('.mc-captured').textContent()).toContain('photo ou document du 12 nov. 2019, 08:05');
    expect(await cutOff.getByText(/ENREGISTRÉ TARDIVEMENT|enregistré tardivement/).textContent()).toMatch(/\d\u202f\d{3} jours après les faits/);
    const retract = cutOff.getByRole('link', { name: 'Retirer' });
    expect(await retract.getAttribute('class')).toContain('fr-icon-strikethrough');
    expect(await retract.getAttribute('class')).not.toContain('delete');
    expect(await page.locator('.mc-user').textContent()).toBe('Bollywood (médiathèque) · agent');

    await page.goto(`${web.url}/#/deadlines`);
    await eventually(async () => expect(await page.locator('label[for="within"]').textContent()).toBe('Dans les … prochains jours'));
    expect(problems).toEqual([]);
    await context.close();
  });
});
