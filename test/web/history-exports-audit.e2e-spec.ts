import type { Browser, Page } from 'playwright-core';
import { bearer, seedSmallCase } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, screenshot, startWebApp } from './support/browser';

const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const textOf = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

/** An instant as the page writes it (Europe/Paris, the page's language), computed by the browser itself. */
const shown = (page: Page, iso: string, locale = 'fr-FR') =>
  page.evaluate(
    ([at, loc]) => new Intl.DateTimeFormat(loc, { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(at)),
    [iso, locale],
  );

/**
 * Web audit findings 6, 7, 9 and 15: what a replay "as of" a date is, an export as of a date
 * before the case existed, the reads-and-exports page in words, and files saved without jargon.
 */
describe('History, exports and the reads page in plain words (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;
  let openedAt: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    const agent = (await web.t.user('bollywood', 'agent', { displayName: 'Bollywood (médiathèque)' })).token;
    const steward = (await web.t.user('ferris', 'union_rep', { union: 'CGT', displayName: 'Ferris (CGT)' })).token;
    caseId = (await seedSmallCase(web.t, agent)).caseId;
    openedAt = (await web.t.http.get(`/api/v1/cases/${caseId}`).set(bearer(agent)).expect(200)).body.openedAt;
    const evidence = await web.t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(bearer(agent))
      .attach('file', PHOTO, { filename: 'ecran-messagerie-bloquee.png', contentType: 'image/png' })
      .expect(201);
    await web.t.http
      .post(`/api/v1/cases/${caseId}/shares`)
      .set(bearer(agent))
      .send({ grantee: { kind: 'group', id: 'union:CGT' }, permission: 'export' })
      .expect(201);
    // The steward downloads the attachment and the dossier as it stood a moment ago.
    await web.t.http.get(`/api/v1/cases/${caseId}/evidence/${evidence.body.evidenceId}`).set(bearer(steward)).expect(200);
    await web.t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).query({ asOf: new Date().toISOString() }).set(bearer(steward)).expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('heads a replay by date of facts as such, not as what the journal held then, and leads back to the case as it stands now', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/history`);
    await page.getByLabel('Date et heure').fill('2019-11-13T12:00');
    await page.getByLabel('Selon').selectOption('occurred');
    await page.getByRole('button', { name: 'Afficher le dossier à cette date' }).click();
    await eventually(async () =>
      expect(await textOf(page, '#as-of-heading')).toBe('Les faits survenus jusqu’au 13 nov. 2019, 12:00, tels que connus aujourd’hui'),
    );
    expect(await textOf(page, '#contenu')).not.toContain('Le journal tel qu’il était');
    expect(await textOf(page, '#contenu')).toContain('ce n’est pas ce que le journal contenait à cette date');
    await screenshot(page, 'desktop-history-occurred');

    await page.getByRole('link', { name: 'Revenir à l’état actuel' }).click();
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`));
    await eventually(async () => expect(await page.locator('#as-of-heading').count()).toBe(0));

    // As recorded: what the journal held then.
    await page.goto(`${web.url}/#/cases/${caseId}/history`);
    await page.getByLabel('Date et heure').fill('2026-01-01T12:00');
    await page.getByRole('button', { name: 'Afficher le dossier à cette date' }).click();
    await eventually(async () => expect(await textOf(page, '#as-of-heading')).toBe('Le journal tel qu’il était le 1 janv. 2026, 12:00'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says the case did not exist yet when asked to export it as of a date before its opening, and sends nothing', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}`);
    const asOf = page.getByLabel(/Exporter le dossier dans son état au/);
    expect(await textOf(page, '#export-as-of-hint')).toContain('Date d’enregistrement, pas celle des faits');
    await asOf.fill('2019-01-01T10:00');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('button', { name: 'Dossier PDF' }).click();
    const refusal = page.locator('.mc-export-status [role="alert"]');
    await eventually(async () =>
      expect(await refusal.textContent()).toContain(`Le dossier n’existait pas encore à cette date (ouvert le ${await shown(page, openedAt)})`),
    );
    expect(await refusal.textContent()).toContain('Cette date est celle de l’enregistrement, pas celle des faits');
    expect(await refusal.textContent()).not.toContain('introuvable');
    expect(requests.filter((u) => u.includes('dossier.pdf'))).toEqual([]);
    await screenshot(page, 'desktop-export-before-opening');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists reads and exports in words and Paris time, the fingerprint folded away with its explanation, in French and English', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/audit`);
    await eventually(async () => expect(await textOf(page, '#audit-table')).toContain('ferris'));
    const token = await web.t.login('bollywood', 'mot-de-passe-bollywood');
    const entries = (await web.t.http.get(`/api/v1/cases/${caseId}/audit`).set(bearer(token)).expect(200)).body.entries;
    const exported = entries.find((e: { action: string }) => e.action === 'export');

    const audit = await textOf(page, '#audit-table');
    expect(audit).toContain(`Export — dossier PDF, dans son état au ${await shown(page, exported.asOf)}`);
    expect(audit).toContain('Lecture — pièce jointe « ecran-messagerie-bloquee.png »');
    expect(audit).toContain('Partage — Syndicat CGT, droit d’export');
    // No machine words, no UTC instants, no internal ids on view.
    const visible = await page.locator('#audit-table').innerText();
    expect(visible).not.toMatch(/asOf|sha256|\d{4}-\d{2}-\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The fingerprint is there for whoever opens « Détails », with one sentence saying what it is.
    const details = page.locator('#audit-table details').first();
    expect(await details.locator('summary').textContent()).toBe('Détails');
    expect(await details.textContent()).toContain(exported.sha256);
    expect(await details.textContent()).toContain('un fichier qui a la même empreinte est bien celui qui a été remis');
    await screenshot(page, 'desktop-audit-words');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await eventually(async () =>
      expect(await textOf(page, '#audit-table')).toContain(`Export — PDF dossier, as it stood on ${await shown(page, exported.asOf, 'en-GB')}`),
    );
    expect(await textOf(page, '#audit-table')).toContain('Read — attached file “ecran-messagerie-bloquee.png”');
    expect(await page.locator('#audit-table details summary').first().textContent()).toBe('Details');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says a saved file is sealed, in words, the fingerprint explained on demand', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/evidence`);
    await page.getByLabel(/^Fichier/).setInputFiles({ name: 'courrier-president.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByRole('button', { name: /Envoyer la pièce/ }).click();
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`));
    const status = page.getByRole('status').filter({ hasText: 'scellée' });
    await eventually(async () => expect(await status.locator('p').first().textContent()).toBe('Pièce enregistrée et scellée : courrier-president.png.'));
    expect(await status.innerText()).not.toMatch(/SHA-256|[0-9a-f]{12}/);
    const help = status.locator('details');
    expect(await help.locator('summary').textContent()).toBe('Que veut dire « scellée » ?');
    await help.locator('summary').click();
    await eventually(async () => expect(await help.innerText()).toContain('empreinte numérique du fichier'));
    expect(problems).toEqual([]);
    await context.close();
  });
});
