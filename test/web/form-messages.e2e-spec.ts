import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, startWebApp } from './support/browser';

/**
 * Findings 5, 13 and 14 of the audit of the web pages: messages in developer language (JSON, « file »,
 * « occurredAt »), empty login fields sent anyway, errors in rounds, an old success banner beside a new
 * error, a required field without its asterisk.
 */
describe('Form messages in the person’s words, all at once (Chromium)', () => {
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

  const text = async (page: Page) => (await page.locator('#contenu').textContent()) ?? '';
  /** The API calls the page makes, as `METHOD /path`. */
  const calls = (page: Page) => {
    const seen: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && seen.push(`${r.method()} ${new URL(r.url()).pathname}`));
    return seen;
  };

  it('login: says which field is empty and sends nothing', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    const seen = calls(page);
    await page.goto(`${web.url}/#/login`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(async () => expect(await text(page)).toContain('Saisissez votre identifiant.'));
    expect(await text(page)).toContain('Saisissez votre mot de passe.');
    expect(await text(page)).not.toContain('incorrect');
    expect(seen.filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('entry form: every missing field at once, and other fields named by their label', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    const seen = calls(page);
    await page.goto(`${web.url}/#/cases/${caseId}/new/incident`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' });
    await eventually(async () => expect(await summary.textContent()).toContain('Le champ « Ce qui s’est passé, en une phrase » est obligatoire.'));
    expect(await summary.textContent()).toContain('Le champ « Catégorie » est obligatoire.');
    expect(await summary.textContent()).toContain('Le champ « Gravité » est obligatoire.');
    expect(seen.filter((c) => c.startsWith('POST'))).toEqual([]);

    // The service's rule names the other field by its JSON name: the page shows its label.
    await page.getByLabel(/Ce qui s’est passé/).fill('Coupure');
    await page.locator('label.fr-label', { hasText: 'Action du prestataire' }).click();
    await page.locator('label.fr-label', { hasText: /^Bloquant/ }).click();
    await page.getByLabel('Date et heure des faits').fill('2019-11-12T10:00');
    await page.getByLabel(/Fin \(si c’est terminé\)/).fill('2019-11-12T09:00');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await summary.textContent()).toContain('« Date et heure des faits »'));
    expect(await text(page)).not.toContain('occurredAt');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('attachment: the file is marked required and its absence said plainly, before sending', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    const seen = calls(page);
    await page.goto(`${web.url}/#/cases/${caseId}/evidence`);
    const label = page.locator('label', { hasText: 'Fichier' }).first();
    await eventually(async () => expect(await label.textContent()).toContain('*'));
    await page.getByRole('button', { name: 'Envoyer la pièce' }).click();
    await eventually(async () => expect(await text(page)).toContain('Choisissez le fichier à joindre.'));
    expect(await text(page)).not.toContain('multipart');
    expect(seen.filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sharing: an empty union name is said in words, not in JSON', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/sharing`);
    await page.getByLabel('Nom du syndicat').fill('');
    await page.getByRole('button', { name: 'Partager' }).click();
    await eventually(async () => expect(await text(page)).toContain('Le champ « Nom du syndicat » est obligatoire.'));
    expect(await text(page)).not.toContain('"kind"');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('administration: the union of a union rep is marked required, and an old success banner leaves when a new error comes', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'admin', 'motdepasse-admin-e2e', /#\/admin/);
    await page.getByRole('button', { name: 'Créer le compte' }).waitFor({ state: 'visible' });
    const create = async (username: string, role: string) => {
      await page.getByLabel(/^Identifiant/).fill(username);
      await page.getByLabel(/^Rôle/).selectOption(role);
      await page.getByLabel(/^Mot de passe/).fill('mot-de-passe-tres-long');
      await page.getByRole('button', { name: 'Créer le compte' }).click();
    };
    await create('bibliotheque', 'agent');
    await eventually(async () => expect(await text(page)).toContain('« bibliotheque »'));
    await page.getByLabel(/^Rôle/).selectOption('union_rep');
    expect(await page.locator('label', { hasText: 'Syndicat' }).first().textContent()).toContain('*');
    await create('ferris', 'union_rep');
    await eventually(async () => expect(await text(page)).toContain('Le champ « Syndicat » est obligatoire.'));
    expect(await page.locator('#contenu .fr-alert--success').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
