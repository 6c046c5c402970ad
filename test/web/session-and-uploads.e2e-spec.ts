import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, startWebApp } from './support/browser';

const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Findings 8 and 4 of the audit of the web pages: an expired session, and a file over the upload limit. */
describe('An expired session and the upload limit (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    const { token } = await web.t.user('bollywood', 'agent');
    caseId = (await web.t.http.post('/api/v1/cases').set(bearer(token)).send({ title: 'Comptes coupés' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const statusText = async (page: Page) => (await page.locator('#contenu').textContent()) ?? '';

  it('brings the person back to the form after logging in again, says the draft is back and that the file must be chosen again', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/new/incident`);
    const formUrl = page.url();
    await page.getByLabel(/Ce qui s’est passé/).fill('Messagerie coupée pendant la permanence');
    await page.getByLabel('Description').fill('Un long récit qu’on ne veut pas retaper.');
    await page.getByLabel(/Pièce jointe/).setInputFiles({ name: 'ecran-bloque.png', mimeType: 'image/png', buffer: PHOTO });

    // The service no longer knows the token (it expired).
    await page.evaluate(() => sessionStorage.setItem('mc.token', 'jeton-expiré'));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/#\/login\?expired=1&next=/);
    await eventually(async () => expect(await statusText(page)).toContain('Votre session a expiré'));
    expect(await statusText(page)).toContain('Vous reviendrez ensuite à la page où vous étiez');
    expect(await statusText(page)).toContain('Le fichier choisi (« ecran-bloque.png ») n’a pas pu être gardé');

    await page.getByLabel('Identifiant').fill('bollywood');
    await page.getByLabel('Mot de passe').fill('mot-de-passe-bollywood');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(formUrl);
    await eventually(async () => expect(await page.getByLabel(/Ce qui s’est passé/).inputValue()).toBe('Messagerie coupée pendant la permanence'));
    expect(await page.getByLabel('Description').inputValue()).toBe('Un long récit qu’on ne veut pas retaper.');
    await eventually(async () => expect(await statusText(page)).toContain('Brouillon retrouvé'));
    expect(await statusText(page)).toContain('Le fichier choisi (« ecran-bloque.png ») n’a pas pu être gardé : choisissez-le à nouveau');
    expect(problems).toEqual([]);
    await context.close();
  });
});
