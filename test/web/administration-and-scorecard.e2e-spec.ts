import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { ADMIN, bearer } from '../support/test-app';
import { DESKTOP, PHONE, WebApp, eventually, launchBrowser, logIn, newPage, screenshot, startWebApp } from './support/browser';

const AGENT = { username: 'louve', password: 'une phrase de passe pour louve' };
const UNION_REP = { username: 'delegue-sud', password: 'une phrase de passe du délégué' };
const PROVIDER = 'DGNSI de la Métropole';
const CLAUSE = 'Contrat d’engagement, annexe 4, indicateur 3.3.2';
const CASE_TITLE = 'Messagerie coupée deux jours';

async function choose(page: Page, label: string | RegExp): Promise<void> {
  await page.locator('label.fr-label', { hasText: label }).first().click();
}

/** Text with the narrow and ordinary no-break spaces of French number formatting made plain. */
const textOf = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ');

const startsWith = (download: Download, magic: string) => download.path().then((path) => readFileSync(path!).subarray(0, magic.length).toString());

/** A datetime-local value (the browser's zone) for an instant `offsetMs` from a base instant fixed by the test. */
const localAt = (page: Page, ms: number) =>
  page.evaluate(
    `(() => { const d = new Date(${ms}); d.setMinutes(d.getMinutes() - d.getTimezoneOffset()); return d.toISOString().slice(0, 16); })()`,
  ) as Promise<string>;

/**
 * Issue #7 and what the users of #4/#5 need: the administrator's pages (accounts, providers and
 * their commitments, integrity), the provider scorecard and its PDF report, closing and reopening
 * a case, exports as of a date, and changing one's own password.
 */
describe('Administration, provider scorecard, case status and password (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseUrl = '';
  let openedAt = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('admin: lands on the administration, creates accounts, registers a provider and its commitment, disables and enables an account', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, ADMIN.username, ADMIN.password, /#\/admin$/);
    await eventually(async () => expect(await textOf(page, 'h1')).toBe('Administration'));
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(1);

    // An agent, then a union representative (the union field shows only for that role).
    await page.getByLabel('Identifiant').fill(AGENT.username);
    await page.getByLabel('Nom affiché').fill('Louve');
    await page.getByLabel(/^Rôle/).selectOption('agent');
    expect(await page.getByLabel('Syndicat').isVisible()).toBe(false);
    await page.getByLabel('Mot de passe initial').fill(AGENT.password);
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await eventually(async () => expect(await textOf(page, '#accounts-table')).toContain('louve'));
    await page.getByLabel('Identifiant').fill(UNION_REP.username);
    await page.getByLabel('Nom affiché').fill('Délégué SUD');
    await page.getByLabel(/^Rôle/).selectOption('union_rep');
    await page.getByLabel('Syndicat').fill('SUD');
    await page.getByLabel('Mot de passe initial').fill('court');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    // A weak password: the API's sentence next to the field, nothing typed lost.
    await eventually(async () => expect(await page.locator('.fr-input-group--error').count()).toBe(1));
    expect(await page.getByLabel('Syndicat').inputValue()).toBe('SUD');
    await page.getByLabel('Mot de passe initial').fill(UNION_REP.password);
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await eventually(async () => expect(await textOf(page, '#accounts-table')).toContain('représentant syndical (SUD)'));
    await screenshot(page, 'desktop-admin-accounts');

    // A provider and its service-restoration commitment of one day, citing the clause.
    await page.getByRole('link', { name: 'Registre des prestataires' }).click();
    await page.getByLabel('Nom du prestataire').fill(PROVIDER);
    await page.getByLabel('Référence du contrat').fill('Contrat d’engagement, avenant n°2');
    await page.getByLabel('Services rendus').fill('Messagerie\nServeur de fichiers');
    await page.getByRole('button', { name: 'Enregistrer le prestataire' }).click();
    await eventually(async () => expect(await textOf(page, 'h2')).toBe(PROVIDER));
    await page.getByLabel(/^Indicateur/).selectOption('service_restoration');
    await page.getByRole('spinbutton', { name: 'jours' }).fill('1');
    await page.getByLabel('Clause du contrat').fill(CLAUSE);
    await page.getByRole('button', { name: 'Enregistrer l’engagement' }).click();
    await eventually(async () => expect(await textOf(page, '#commitments-table')).toContain('Rétablissement du service'));
    expect(await textOf(page, '#commitments-table')).toContain(CLAUSE);
    expect(await textOf(page, '#commitments-table')).toContain('1 j');
    const [provider] = (
      await web.t.http
        .get('/api/v1/providers')
        .set(bearer(await web.t.adminToken()))
        .expect(200)
    ).body;
    expect(provider.commitments[0]).toMatchObject({ metric: 'service_restoration', target: 1440, calendar: '24x7', source: CLAUSE });
    await screenshot(page, 'desktop-admin-provider');

    // Disable the agent (their login is then refused), then enable them again.
    await page.getByRole('link', { name: 'Comptes', exact: true }).click();
    await page.getByRole('link', { name: AGENT.username, exact: true }).click();
    await page.getByLabel('Motif de la désactivation').fill('Congé long.');
    await page.getByRole('button', { name: 'Désactiver le compte' }).click();
    await eventually(async () => expect(await textOf(page, '#account-head')).toContain('désactivé'));
    await web.t.http.post('/api/v1/auth/login').send(AGENT).expect(401);
    await page.getByLabel('Motif de la réactivation').fill('Retour de congé.');
    await page.getByRole('button', { name: 'Réactiver le compte' }).click();
    await eventually(async () => expect(await textOf(page, '#account-head')).toContain('actif'));
    await web.t.http.post('/api/v1/auth/login').send(AGENT).expect(200);
    await screenshot(page, 'desktop-admin-account');

    // The union representative's union is renamed through a role change.
    await page.getByRole('link', { name: 'Comptes', exact: true }).click();
    await page.getByRole('link', { name: UNION_REP.username, exact: true }).click();
    await page.getByLabel('Syndicat').fill('Solidaires');
    await page.getByRole('button', { name: 'Changer le rôle' }).click();
    await eventually(async () => expect(await textOf(page, '#account-role')).toContain('représentant syndical (Solidaires)'));

    await page.getByRole('link', { name: 'Intégrité du journal' }).click();
    await page.getByRole('button', { name: 'Lancer la vérification' }).click();
    await eventually(async () => expect(await textOf(page, '#integrity-result')).toContain('journal intact'));
    expect(await textOf(page, '#integrity-result')).not.toContain('null');
    await screenshot(page, 'desktop-admin-integrity');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('agent: opens a case naming the provider, records a 48-hour cut-off and its restoration, reads the scorecard and downloads the report', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, AGENT.username, AGENT.password);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).click();
    await page.getByLabel('Titre du dossier').fill(CASE_TITLE);
    await page.getByLabel('Prestataire en cause').selectOption({ label: PROVIDER });
    await choose(page, /^Alsace-Moselle/);
    await screenshot(page, 'desktop-new-case');
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    openedAt = Date.now();

    const start = Math.floor((Date.now() - 10 * 864e5) / 60_000) * 60_000;
    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await page.getByRole('link', { name: /^Coupure d’accès/ }).click();
    await page.getByLabel('Date et heure des faits').fill(await localAt(page, start));
    await choose(page, 'Messagerie');
    await choose(page, 'Le prestataire');
    await choose(page, 'Non, aucun préavis');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await textOf(page, '#timeline')).toContain('Messagerie'));
    await page.getByRole('link', { name: 'Ajouter une entrée' }).click();
    await page.getByRole('link', { name: /^Rétablissement/ }).click();
    await page.getByLabel('Coupure concernée').selectOption({ index: 1 });
    await page.getByLabel('Date et heure des faits').fill(await localAt(page, start + 48 * 3600_000));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(async () => expect(await textOf(page, '#timeline')).toContain('Rétablissement'));

    await page.getByRole('link', { name: 'Prestataires', exact: true }).click();
    await page.getByLabel('Prestataire', { exact: true }).selectOption({ label: PROVIDER });
    await page.getByRole('button', { name: 'Afficher le bilan' }).click();
    await eventually(async () => expect(await textOf(page, '#interruption-total')).toContain('2 880 min'));
    expect(await textOf(page, '#interruption-total')).toContain('2 j');
    const breaches = await textOf(page, '#breaches');
    expect(breaches).toContain('Rétablissement du service — 1 dépassement');
    expect(breaches).toContain(CLAUSE);
    expect(breaches).toContain('1 j (1 440 min)');
    expect(await textOf(page, '#without-notice')).toContain('Messagerie');
    expect(await textOf(page, '#scorecard-cases')).toContain(CASE_TITLE);
    expect(await textOf(page, '#disclaimer')).toContain('pas un conseil juridique');
    await screenshot(page, 'desktop-scorecard');

    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Rapport PDF' }).click()]);
    expect(await startsWith(report, '%PDF')).toBe('%PDF');
    expect(report.suggestedFilename()).toMatch(/\.pdf$/);

    // The case link goes back to the case; in English the metrics have their English names.
    await page.locator('#lang-switch').click();
    await eventually(async () => expect(await textOf(page, '#breaches')).toContain('Service restoration'));
    await page.locator('#lang-switch').click();
    await page.locator('#scorecard-cases').getByRole('link', { name: CASE_TITLE }).click();
    await page.waitForURL(caseUrl);
    expect(problems).toEqual([]);
    await context.close();

    const phone = await newPage(browser, PHONE);
    await logIn(phone.page, web.url, AGENT.username, AGENT.password);
    await phone.page.getByRole('link', { name: 'Prestataires', exact: true }).click();
    await eventually(async () => expect(await textOf(phone.page, '#interruption-total')).toContain('2 880 min'));
    await screenshot(phone.page, 'phone-scorecard');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('owner: closes the case (no more entry forms, exports kept, as of a date), then reopens it', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, AGENT.username, AGENT.password);
    await page.goto(caseUrl);
    await page.getByRole('link', { name: 'Clore le dossier' }).click();
    await page.getByLabel('Pourquoi clore le dossier ?').fill('Accès rétablis, bilan transmis.');
    await page.getByRole('button', { name: 'Clore le dossier' }).click();
    await page.waitForURL(caseUrl);
    await eventually(async () => expect(await textOf(page, '#contenu')).toContain('Ce dossier est clos'));
    expect(await page.getByRole('link', { name: 'Ajouter une entrée' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Corriger' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Partage' }).count()).toBe(1);
    await screenshot(page, 'desktop-closed-case');

    // The dossier as it stood in the minute after it was opened.
    await page.getByLabel('Exporter le dossier dans son état au').fill(await localAt(page, openedAt + 60_000));
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Dossier PDF' }).click()]);
    expect(await startsWith(pdf, '%PDF')).toBe('%PDF');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Paquet de preuve/ }).click()]);
    expect(await startsWith(zip, 'PK')).toBe('PK');

    await page.getByRole('link', { name: 'Rouvrir le dossier' }).click();
    await page.getByLabel('Pourquoi rouvrir le dossier ?').fill('Nouvelle coupure le lendemain.');
    await page.getByRole('button', { name: 'Rouvrir le dossier' }).click();
    await page.waitForURL(caseUrl);
    await page.getByRole('link', { name: 'Ajouter une entrée' }).waitFor();
    expect(await textOf(page, '#contenu')).toContain('Dossier rouvert le');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('everyone: changes their own password and stays logged in; too many failed logins show the API’s sentence', async () => {
    const { context, page, problems } = await newPage(browser, PHONE);
    await logIn(page, web.url, UNION_REP.username, UNION_REP.password);
    await page.getByRole('link', { name: 'Mot de passe', exact: true }).click();
    await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
    await page.getByLabel(/^Nouveau mot de passe(?!,)/).fill('une toute nouvelle phrase de passe');
    await page.getByLabel('Nouveau mot de passe, une seconde fois').fill('une toute nouvelle phrase de passe');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    const current = page.getByLabel('Mot de passe actuel');
    await eventually(async () => expect(await current.getAttribute('aria-invalid')).toBe('true'));
    const errorId = (await current.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await textOf(page, `#${errorId}`)).toContain('Le mot de passe actuel est inexact.');
    await screenshot(page, 'phone-password-error');

    await current.fill(UNION_REP.password);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await eventually(async () => expect(await textOf(page, '#contenu')).toContain('Mot de passe changé'));
    await screenshot(page, 'phone-password-changed');
    // The session goes on with the new token; the old password no longer works.
    await page.getByRole('link', { name: 'Dossiers' }).click();
    await eventually(async () => expect(await textOf(page, 'h1')).toBe('Dossiers partagés avec mon syndicat'));
    await web.t.http.post('/api/v1/auth/login').send(UNION_REP).expect(401);
    await web.t.http.post('/api/v1/auth/login').send({ username: UNION_REP.username, password: 'une toute nouvelle phrase de passe' }).expect(200);
    await context.close();

    // Five failures for an account: the sixth attempt is refused with the API's sentence.
    for (let i = 0; i < 5; i++) await web.t.http.post('/api/v1/auth/login').send({ username: AGENT.username, password: `faux ${i}` });
    const second = await newPage(browser, PHONE);
    await second.page.goto(`${web.url}/#/login`);
    await second.page.getByLabel('Identifiant').fill(AGENT.username);
    await second.page.getByLabel('Mot de passe').fill(AGENT.password);
    await second.page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(async () => expect(await textOf(second.page, '#contenu')).toContain('Trop de tentatives de connexion'));
    expect(await textOf(second.page, '[role=alert]')).toContain('La connexion n’a pas abouti');
    await screenshot(second.page, 'phone-login-throttled');
    expect([...problems, ...second.problems]).toEqual([]);
    await second.context.close();
  });

  it('phone: the administration and the commitment form fit a narrow screen; a commitment is withdrawn with a reason', async () => {
    const { context, page, problems } = await newPage(browser, PHONE);
    await logIn(page, web.url, ADMIN.username, ADMIN.password, /#\/admin$/);
    await page.getByRole('link', { name: 'louve', exact: true }).waitFor();
    await screenshot(page, 'phone-admin-accounts');
    await page.getByRole('link', { name: 'Registre des prestataires' }).click();
    await page.getByRole('link', { name: PROVIDER }).first().click();
    await page.getByLabel(/^Indicateur/).waitFor();
    await screenshot(page, 'phone-admin-provider');

    // An empty commitment: each problem next to its field, the duration's on its group.
    await page.getByRole('button', { name: 'Enregistrer l’engagement' }).click();
    await eventually(async () => expect(await page.locator('.mc-duration.fr-fieldset--error').count()).toBe(1));
    expect(await page.getByLabel('Clause du contrat').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'phone-admin-provider-errors');

    // Withdrawing the commitment asks why.
    await page.getByLabel('Motif du retrait').fill('Indicateur supprimé par l’avenant n°3.');
    await page.getByRole('button', { name: 'Retirer l’engagement' }).click();
    await eventually(async () => expect(await textOf(page, '#commitments-table')).toBe('Aucun engagement enregistré.'));
    await context.close();

    expect(problems).toEqual([]);
  });
});
