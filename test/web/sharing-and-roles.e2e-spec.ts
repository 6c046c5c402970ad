import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { bearer, seedSmallCase } from '../support/test-app';
import { DESKTOP, PHONE, WebApp, eventually, launchBrowser, logIn, newPage, screenshot, startWebApp } from './support/browser';

const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function choose(page: Page, label: string | RegExp): Promise<void> {
  await page.locator('label.fr-label', { hasText: label }).first().click();
}

const textOf = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

/**
 * The scenario across roles: the agent files an incident with an attachment, shares the
 * case with their union, the union representative downloads the dossier; management replays it.
 */
describe('Web pages across roles (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;
  let agentToken: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    agentToken = (await web.t.user('bollywood', 'agent', { displayName: 'Bollywood' })).token;
    await web.t.user('delegue', 'union_rep', { union: 'CGT', displayName: 'Délégué CGT' });
    await web.t.user('direction', 'manager', { displayName: 'DGS' });
    caseId = (await seedSmallCase(web.t, agentToken)).caseId;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('agent: files an incident with an attachment, then shares the case with the union', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.getByRole('link', { name: 'Coupure' }).click();
    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await page.getByRole('link', { name: /^Incident/ }).click();
    await page.getByLabel(/Ce qui s’est passé/).fill('Le prestataire exige la saisie des 687 adresses');
    await choose(page, 'Pression ou reproche');
    await choose(page, /^Bloquant/);
    await page.getByLabel(/Pièce jointe/).setInputFiles({ name: 'courriel-dgs.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await textOf(page, '#timeline')).toContain('Le prestataire exige la saisie des 687 adresses'));
    await page.getByRole('button', { name: 'Télécharger courriel-dgs.png' }).waitFor();

    await page.getByRole('link', { name: 'Partage' }).click();
    await page.getByLabel('Nom du syndicat').fill('CGT');
    await choose(page, 'lecture et export');
    await page.getByRole('button', { name: 'Partager' }).click();
    await eventually(async () => expect(await textOf(page, '#shares')).toContain('Syndicat CGT'));
    await eventually(async () => expect(await textOf(page, '#shares')).toContain('actif'));
    await screenshot(page, 'desktop-sharing');

    // And with management, for reading only.
    await choose(page, 'La direction');
    await choose(page, /^lecture$/);
    await page.getByRole('button', { name: 'Partager' }).click();
    await eventually(async () => expect(await textOf(page, '#shares')).toContain('La direction'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('union representative: sees the shared case, its timeline, and downloads the PDF dossier', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'delegue', 'mot-de-passe-delegue');
    await eventually(async () => expect(await textOf(page, 'h1')).toBe('Dossiers partagés avec mon syndicat'));
    await screenshot(page, 'desktop-union-cases');
    await page.getByRole('link', { name: 'Coupure' }).click();
    await eventually(async () => expect(await textOf(page, '#timeline')).toContain('Le prestataire exige la saisie des 687 adresses'));
    // Export only: no entry forms, no sharing.
    expect(await page.getByRole('link', { name: 'Ajouter une entrée' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Partage' }).count()).toBe(0);
    await screenshot(page, 'desktop-union-timeline');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Dossier PDF' }).click()]);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Paquet de preuve/ }).click()]);
    expect(
      readFileSync((await zip.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await eventually(async () => expect(await textOf(page, '.mc-export-status')).toContain('consigné'));

    // Typing the address of a form does not give one: the page says why, instead of a form the service would refuse.
    for (const form of ['new', 'new/note', 'evidence']) {
      await page.goto(`${web.url}/#/cases/${caseId}/${form}`);
      await eventually(async () => expect(await textOf(page, '#read-only')).toContain('vous ne pouvez pas y ajouter d’entrée'));
      expect(await page.locator('#contenu form').count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('agent: sees who read and exported the case, and revokes the union’s access', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/audit`);
    await eventually(async () => expect(await textOf(page, '#audit-table')).toContain('delegue'));
    const audit = await textOf(page, '#audit-table');
    expect(audit).toContain('Export — dossier PDF, dans son état au');
    expect(audit).toContain('Lecture — chronologie');
    await screenshot(page, 'desktop-audit');

    await page.getByRole('link', { name: 'Partage' }).click();
    const union = page.locator('.mc-share', { hasText: 'Syndicat CGT' });
    await union.getByLabel('Motif du retrait').fill('Fin de l’accompagnement syndical.');
    await union.getByRole('button', { name: 'Retirer l’accès' }).click();
    await eventually(async () => expect(await page.locator('.mc-share', { hasText: 'Syndicat CGT' }).textContent()).toContain('retiré le'));
    const union_rep = await web.t.login('delegue', 'mot-de-passe-delegue');
    await web.t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(union_rep)).expect(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('management: replays the case as of a date and lists what changed between two dates', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'direction', 'mot-de-passe-direction');
    await eventually(async () => expect(await textOf(page, 'h1')).toBe('Dossiers partagés avec la direction'));
    await page.getByRole('link', { name: 'Coupure' }).click();
    expect(await page.getByRole('button', { name: 'Dossier PDF' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Historique' }).click();
    await screenshot(page, 'desktop-management-history');

    // As of a year ago nothing was recorded yet.
    // datetime-local values in the browser's time zone (Europe/Paris), which is not this process's.
    const local = (offsetMs: number) =>
      page.evaluate(
        `(() => { const d = new Date(Date.now() + ${offsetMs}); d.setMinutes(d.getMinutes() - d.getTimezoneOffset()); return d.toISOString().slice(0, 16); })()`,
      ) as Promise<string>;
    const yearAgo = -365 * 864e5;
    await page.getByLabel('Date et heure').fill(await local(yearAgo));
    await page.getByRole('button', { name: 'Afficher le dossier à cette date' }).click();
    await eventually(async () => expect(await textOf(page, '#contenu')).toContain('Le journal tel qu’il était le'));
    await eventually(async () => expect(await textOf(page, '#timeline')).toContain('Aucune entrée'));

    await page.getByRole('link', { name: 'Historique' }).click();
    await page.getByLabel('Depuis').fill(await local(yearAgo));
    await page.getByLabel('Jusqu’à').fill(await local(60_000));
    await page.getByRole('button', { name: 'Voir les changements' }).click();
    await eventually(async () => expect(await textOf(page, '#changes')).toContain('Incident'));
    expect(await textOf(page, '#changes')).toContain('Partage');
    await screenshot(page, 'desktop-management-changes');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('everyone: the request register, outages and deadlines show the rule’s disclaimer', async () => {
    const { context, page, problems } = await newPage(browser, PHONE);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/requests`);
    await eventually(async () => expect(await textOf(page, '#disclaimer')).toContain('pas un conseil juridique'));
    expect(await textOf(page, '#requests-table')).toContain('rejet implicite');
    await screenshot(page, 'phone-requests');
    await page.goto(`${web.url}/#/cases/${caseId}/outages`);
    await eventually(async () => expect(await textOf(page, '#outages-table')).toContain('Messagerie'));
    await screenshot(page, 'phone-outages');
    await page.goto(`${web.url}/#/deadlines`);
    await eventually(async () => expect(await textOf(page, '#disclaimer')).toContain('pas un conseil juridique'));
    await screenshot(page, 'phone-deadlines');
    expect(problems).toEqual([]);
    await context.close();
  });
});
