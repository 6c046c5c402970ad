import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, startWebApp } from './support/browser';

/** The service's upload limit in these tests: 2 MiB, as an administrator may set MC_MAX_UPLOAD_BYTES. */
const LIMIT = 2 * 1024 * 1024;
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Findings 8 and 4 of the audit of the web pages: an expired session, and a file over the upload limit. */
describe('An expired session and the upload limit (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp({ MC_MAX_UPLOAD_BYTES: String(LIMIT) });
    ({ token } = await web.t.user('bollywood', 'agent'));
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
    await page.locator('label.fr-label', { hasText: 'Action du prestataire' }).click();
    await page.locator('label.fr-label', { hasText: /^Bloquant/ }).click();
    await page.getByLabel(/Pièce jointe/).setInputFiles({ name: 'ecran-bloque.png', mimeType: 'image/png', buffer: PHOTO });

    // The service no longer knows the token (it expired).
    await page.evaluate("sessionStorage.setItem('mc.token', 'jeton-expiré')");
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

  it('tells the pages the upload limit on GET /api/v1/me', async () => {
    const me = (await web.t.http.get('/api/v1/me').set(bearer(token)).expect(200)).body;
    expect(me).toMatchObject({ username: 'bollywood', role: 'agent', limits: { maxUploadBytes: LIMIT } });
  });

  /** 3 000 000 bytes: 2,9 Mo, over the 2 Mo limit. */
  const bigFile = { name: 'gros-fichier.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(3_000_000, 0x25) };
  const evidenceCount = async () =>
    (await web.t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(token)).expect(200)).body.entries.reduce(
      (n: number, e: any) => n + (e.evidence?.length ?? 0) + (e.type === 'EvidenceAttached' ? 1 : 0),
      0,
    );

  it('refuses a file over the limit as soon as it is chosen, saying its size and the limit, and sends nothing', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    const uploads: string[] = [];
    page.on('request', (r) => r.url().endsWith('/evidence') && r.method() === 'POST' && uploads.push(r.url()));
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/evidence`);
    const file = page.getByLabel(/Fichier/);
    await eventually(async () => expect(await statusText(page)).toContain('(2 Mo au plus)'));
    await file.setInputFiles(bigFile);
    await eventually(async () => expect(await statusText(page)).toContain('Ce fichier fait 2,9 Mo ; la limite est de 2 Mo.'));
    expect(await file.evaluate((input: { files: { length: number } | null }) => input.files?.length ?? 0)).toBe(0);
    expect(await statusText(page)).not.toContain('gros-fichier.pdf (');

    // The same on an entry form: the entry is not sent with a file that would be refused.
    await page.goto(`${web.url}/#/cases/${caseId}/new/incident`);
    await page.getByLabel(/Pièce jointe/).setInputFiles(bigFile);
    await eventually(async () => expect(await statusText(page)).toContain('Ce fichier fait 2,9 Mo ; la limite est de 2 Mo.'));
    expect(uploads).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says the size and the limit when the service refuses a file as too large (413)', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    // The page was told a larger limit (the administrator lowered it since): the service has the last word.
    await page.route(
      '**/api/v1/me',
      async (route) => {
        const answer = await route.fetch();
        await route.fulfill({ response: answer, json: { ...(await answer.json()), limits: { maxUploadBytes: 100 * LIMIT } } });
      },
      { times: 1 },
    );
    const before = await evidenceCount();
    await page.goto(`${web.url}/#/cases/${caseId}/evidence`);
    await page.getByLabel(/Fichier/).setInputFiles(bigFile);
    await page.getByText('gros-fichier.pdf (2,9 Mo)').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Envoyer la pièce' }).click();
    await eventually(async () => expect(await statusText(page)).toContain('Ce fichier fait 2,9 Mo ; la limite est de 2 Mo.'));
    expect(await statusText(page)).not.toContain('La requête dépasse');
    expect(await evidenceCount()).toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  });
});
