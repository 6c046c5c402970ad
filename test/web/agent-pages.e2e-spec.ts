import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import { DESKTOP, PHONE, WebApp, eventually, launchBrowser, logIn, newPage, screenshot, startWebApp } from './support/browser';

/** A 1x1 PNG, as a phone's camera would give (smaller). */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Ticks a radio or checkbox by its label, as a person does (DSFR draws the box on the label). */
async function choose(page: Page, label: string | RegExp): Promise<void> {
  await page.locator('label.fr-label', { hasText: label }).first().click();
  expect(await page.getByLabel(label).first().isChecked()).toBe(true);
}

describe('Web pages for agents (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    await web.t.user('bollywood', 'agent', { displayName: 'Bollywood (médiathèque)' });
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('serves the pages at / with a strict content security policy, and the DSFR at /dsfr/', async () => {
    const page = await fetch(`${web.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    const html = await page.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline handler
    expect((await fetch(`${web.url}/dsfr/dsfr.min.css`)).status).toBe(200);
    // Marianne is licensed to State services only: not served.
    expect((await fetch(`${web.url}/dsfr/fonts/Marianne-Regular.woff2`)).status).toBe(404);
    expect((await fetch(`${web.url}/dsfr/package.json`)).status).toBe(404);
    // The API keeps its own answers.
    expect((await fetch(`${web.url}/api/v1/cases`)).status).toBe(401);
  });

  async function openNewCase(page: Page, title: string): Promise<string> {
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).click();
    await page.getByLabel('Titre du dossier').fill(title);
    await page.getByLabel('Service').fill('Médiathèque');
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
    return /#\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1];
  }

  it('lets an agent log in, open a case, file an incident with a photo and see it on the timeline', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await page.goto(`${web.url}/`);
    await page.waitForURL(/#\/login/);
    await screenshot(page, 'desktop-login');
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await eventually(async () => expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe('Mes dossiers'));
    const caseId = await openNewCase(page, 'Coupure des accès de la médiathèque');

    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await screenshot(page, 'desktop-entry-kinds');
    await page.getByRole('link', { name: /^Incident/ }).click();
    const when = page.getByLabel('Date et heure des faits');
    expect(await when.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/); // defaults to now
    await when.fill('2019-11-12T08:30');
    await page.getByLabel(/Ce qui s’est passé/).fill('Plus aucun accès à la messagerie ni au serveur');
    await choose(page, 'Action du prestataire');
    await choose(page, /^Bloquant/);
    await page.getByLabel('Description').fill('En reprenant notre poste mardi matin, plus de boîte mail, de tchat ni de serveur.');
    await page.getByLabel(/Pièce jointe/).setInputFiles({ name: 'ecran-bloque.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByText('ecran-bloque.png').waitFor({ state: 'visible' });
    await screenshot(page, 'desktop-incident-form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await page.waitForURL(new RegExp(`#/cases/${caseId}$`));
    await eventually(async () => expect(await page.getByRole('status').first().textContent()).toContain('Entrée enregistrée'));
    await eventually(async () => expect(await page.getByRole('status').first().textContent()).toContain('Pièce jointe enregistrée'));
    const entry = page.locator('#timeline > li').filter({ hasText: 'Plus aucun accès à la messagerie' });
    await eventually(async () => expect(await entry.textContent()).toContain('12 nov. 2019, 08:30')); // the facts, Europe/Paris
    await eventually(async () => expect(await entry.textContent()).toContain('Enregistré'));
    await eventually(async () => expect(await entry.textContent()).toContain('enregistré tardivement'));
    await eventually(async () => expect(await entry.textContent()).toContain('Action du prestataire'));
    await entry.getByRole('button', { name: 'Télécharger ecran-bloque.png' }).waitFor({ state: 'visible' });
    await screenshot(page, 'desktop-timeline');

    // The API holds exactly what the page sent: an ISO date with the browser's offset.
    const token = await web.t.login('bollywood', 'mot-de-passe-bollywood');
    const timeline = (await web.t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(token)).expect(200)).body;
    const incident = timeline.entries.find((e: any) => e.type === 'IncidentReported');
    expect(incident.data).toMatchObject({ occurredAt: '2019-11-12T08:30:00+01:00', category: 'provider_action', severity: 'blocking' });
    expect(incident.evidence).toHaveLength(1);

    // The attachment comes back with the bearer token, as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: 'Télécharger ecran-bloque.png' }).click()]);
    expect(download.suggestedFilename()).toBe('ecran-bloque.png');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps what was typed on a failed submit and shows each API error next to its field', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.getByRole('link', { name: 'Coupure des accès de la médiathèque' }).click();
    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await page.getByRole('link', { name: /^Incident/ }).click();
    await page.getByLabel(/Ce qui s’est passé/).fill('Prise en main à distance sans prévenir');
    await page.getByLabel('Description').fill('Le curseur bougeait tout seul.');
    await choose(page, /^Bloquant/);
    // No category chosen: the API refuses it and names the field.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' });
    await summary.waitFor({ state: 'visible' });
    await eventually(async () => expect(await summary.textContent()).toContain('Catégorie'));
    const category = page.getByRole('group', { name: /Catégorie/ });
    await eventually(async () => expect(await category.getAttribute('class')).toMatch(/fr-fieldset--error/));
    // The API names the field « category »; next to it the person reads its label.
    await eventually(async () => expect(await category.locator('.fr-message--error').textContent()).toBe('Le champ « Catégorie » est obligatoire.'));
    await eventually(async () => expect(await page.getByLabel(/Ce qui s’est passé/).inputValue()).toBe('Prise en main à distance sans prévenir'));
    await eventually(async () => expect(await page.getByLabel('Description').inputValue()).toBe('Le curseur bougeait tout seul.'));
    expect(await page.getByLabel(/^Bloquant/).isChecked()).toBe(true);
    await screenshot(page, 'desktop-incident-errors');

    // A date in the future: the error sits under the date field, described by it.
    await page.getByLabel('Date et heure des faits').fill('2099-01-01T10:00');
    await choose(page, 'Pression ou reproche');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const when = page.getByLabel('Date et heure des faits');
    await eventually(async () => expect(await when.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (await when.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!;
    await eventually(async () => expect(await page.locator(`#${errorId}`).textContent()).toContain('« Date et heure des faits »'));

    // A reload loses nothing: the draft is kept in the tab's session.
    await page.reload();
    await eventually(async () => expect(await page.getByLabel(/Ce qui s’est passé/).inputValue()).toBe('Prise en main à distance sans prévenir'));
    await page.getByText('Brouillon retrouvé').waitFor({ state: 'visible' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('files a cut-off and its restoration, corrects an entry and retracts another, both versions staying visible', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.getByRole('link', { name: 'Coupure des accès de la médiathèque' }).click();
    const caseUrl = page.url();

    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await page.getByRole('link', { name: /^Coupure d’accès/ }).click();
    await page.getByLabel('Date et heure des faits').fill('2019-11-12T08:00');
    await choose(page, 'Messagerie');
    await choose(page, /^Serveur de fichiers/);
    await choose(page, 'Le prestataire');
    await choose(page, 'Non, aucun préavis');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await page.locator('#timeline').textContent()).toContain('Messagerie, Serveur de fichiers (dossiers)'));

    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await page.getByRole('link', { name: /^Rétablissement/ }).click();
    await page.getByLabel('Coupure concernée').selectOption({ index: 1 });
    await page.getByLabel('Date et heure des faits').fill('2019-11-14T09:00');
    await page.getByLabel('Conditions posées au rétablissement').fill('Saisie des 687 adresses dans le carnet commun.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await page.locator('#timeline').textContent()).toContain('Saisie des 687 adresses'));

    // Correct the incident's title: the original stays, with the reason.
    const incident = page.locator('#timeline > li').filter({ hasText: 'Plus aucun accès à la messagerie ni au serveur' });
    await incident.getByRole('link', { name: 'Corriger' }).click();
    await page.getByLabel(/Ce qui s’est passé/).fill('Plus aucun accès à la messagerie, au tchat ni au serveur');
    await page.getByLabel('Pourquoi cette correction ?').fill('J’avais oublié le tchat.');
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await page.waitForURL(caseUrl);
    const corrected = page.locator('#timeline > li').filter({ hasText: 'Plus aucun accès à la messagerie, au tchat ni au serveur' });
    await eventually(async () => expect(await corrected.textContent()).toContain('J’avais oublié le tchat.'));
    expect(await corrected.locator('del').first().textContent()).toContain('Plus aucun accès à la messagerie ni au serveur');

    // Retract the restoration: it stays, struck through, with the reason.
    const restoration = page.locator('#timeline > li').filter({ hasText: 'Saisie des 687 adresses' });
    await restoration.getByRole('link', { name: 'Retirer' }).click();
    await page.getByLabel('Pourquoi retirer cette entrée ?').fill('Les accès n’étaient pas revenus ce jour-là.');
    await page.getByRole('button', { name: 'Retirer l’entrée' }).click();
    await page.waitForURL(caseUrl);
    const retracted = page.locator('#timeline > li.mc-entry--retracted');
    await eventually(async () => expect(await retracted.textContent()).toContain('Les accès n’étaient pas revenus ce jour-là.'));
    expect(await retracted.textContent()).toContain('Saisie des 687 adresses');
    await screenshot(page, 'desktop-timeline-corrections');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to English and back, and the API answers in the same language', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await eventually(async () => expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe('My cases'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Coupure des accès de la médiathèque' }).click();
    await page.getByRole('link', { name: 'Add an entry' }).click();
    await page.getByRole('link', { name: /^Note/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // Next to the field, the API's message names the field by its label, not by its JSON name.
    await eventually(async () => expect(await page.locator('.fr-error-text:not([hidden])').first().textContent()).toContain('Note is required'));
    expect(await page.locator('.fr-alert--error').textContent()).not.toContain('text is required');
    await screenshot(page, 'desktop-english-note-errors');
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await eventually(async () => expect((await page.getByRole('heading', { level: 2 }).first().textContent())?.trim()).toBe('Note'));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () =>
      expect(await page.locator('.fr-error-text:not([hidden])').first().textContent()).toContain('Le champ « Note » est obligatoire'),
    );
    await context.close();
  });

  it('files an incident on a phone-sized screen', async () => {
    const { context, page, problems } = await newPage(browser, PHONE);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await screenshot(page, 'phone-cases');
    await page.getByRole('link', { name: 'Coupure des accès de la médiathèque' }).click();
    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await screenshot(page, 'phone-entry-kinds');
    await page.getByRole('link', { name: /^Incident/ }).click();
    await page.getByLabel(/Ce qui s’est passé/).fill('Serveur de fichiers inaccessible');
    await choose(page, 'Panne ou coupure');
    await choose(page, /^Bloquant/);
    await page.getByLabel(/Pièce jointe/).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
    await screenshot(page, 'phone-incident-form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await page.locator('#timeline').textContent()).toContain('Serveur de fichiers inaccessible'));
    await screenshot(page, 'phone-timeline');
    // Nothing wider than the screen.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow as number).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
