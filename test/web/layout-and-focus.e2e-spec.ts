import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, screenshot, startWebApp } from './support/browser';

/** The audit's phone: 375 px wide. */
const SMALL_PHONE = { width: 375, height: 812 };
const CLAUSE = 'Contrat d’infogérance, annexe 3 « Niveaux de service », article 4.2 (préavis de deux jours ouvrés avant toute coupure programmée)';

/** How far each table of the page runs past its box, in px (0 when it fits). */
async function tableOverflows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(`Object.fromEntries(
    [...document.querySelectorAll('.mc-table')].map((t) => [
      t.id || 'table',
      Math.max(0, t.querySelector('table').scrollWidth - t.querySelector('.fr-table__container').clientWidth),
    ]),
  )`);
}

const pageOverflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

/** Findings 2, 11 and 12 of the audit of the web pages: tables wider than the screen, a 411 px form on a phone, focus sent back to the top. */
describe('Tables, date fields and focus that fit the person (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;
  let providerId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    const admin = await web.t.adminToken();
    providerId = (await web.t.http.post('/api/v1/providers').set(bearer(admin)).send({ name: 'InfoGérance Ouest SAS' }).expect(201)).body.id;
    for (const commitment of [
      { metric: 'prior_notice', target: 2 * 24 * 60, calendar: '24x7', source: CLAUSE },
      { metric: 'service_restoration', target: 4 * 60, calendar: '24x7', source: `${CLAUSE} ; rétablissement en quatre heures` },
    ])
      await web.t.http.post(`/api/v1/providers/${providerId}/sla`).set(bearer(admin)).send(commitment).expect(201);
    const { token } = await web.t.user('bollywood', 'agent');
    caseId = (await web.t.http.post('/api/v1/cases').set(bearer(token)).send({ title: 'Comptes coupés sans préavis', providerId }).expect(201)).body.id;
    const post = (path: string, body: object) => web.t.http.post(`/api/v1/cases/${caseId}/${path}`).set(bearer(token)).send(body).expect(201);
    const cutOff = await post('access-cutoffs', {
      occurredAt: '2019-11-12T08:00:00+01:00',
      resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server' }],
      decidedBy: 'provider',
      priorNotice: 'none',
    });
    await post('access-restorations', {
      cutOffEntryId: cutOff.body.entryId,
      occurredAt: '2019-11-14T09:00:00+01:00',
      conditions: 'Saisir les 687 adresses du carnet commun',
    });
    await post('requests', {
      sentAt: '2019-11-12T16:00:00+01:00',
      channel: 'letter',
      from: 'Bollywood (médiathèque)',
      to: 'Monsieur le Président',
      subject: 'Demande d’explications sur la coupure des comptes de la médiathèque sans préavis',
      kind: 'question_to_hierarchy',
    }).expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('fits the request register and the cut-off table in a 1280 px page: long texts wrap', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/requests`);
    await page.locator('.mc-table').first().waitFor({ state: 'visible' });
    await eventually(async () => expect(Object.values(await tableOverflows(page)).every((px) => px === 0)).toBe(true));
    // The last columns (deadline, next step) are on screen.
    const lastHeader = page.locator('.mc-table thead th').last();
    const box = (await lastHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(DESKTOP.width);
    await screenshot(page, 'desktop-requests-register-fits');

    await page.goto(`${web.url}/#/cases/${caseId}/outages`);
    await page.locator('.mc-table').first().waitFor({ state: 'visible' });
    expect(Object.values(await tableOverflows(page)).every((px) => px === 0)).toBe(true);
    expect(await pageOverflow(page)).toBe(0);
    await screenshot(page, 'desktop-outages-fit');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the admin’s table of commitments in a 1280 px page', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'admin', 'motdepasse-admin-e2e', /#\/admin/);
    await page.goto(`${web.url}/#/admin/providers/${providerId}`);
    await page.locator('#commitments-table').waitFor({ state: 'visible' });
    expect(await tableOverflows(page)).toEqual({ 'commitments-table': 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps a date field and its "Maintenant" button inside a 375 px phone', async () => {
    const { context, page, problems } = await newPage(browser, SMALL_PHONE);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/new/incident`);
    const now = page.getByRole('button', { name: 'Maintenant' }).first();
    await now.waitFor({ state: 'visible' });
    expect(await pageOverflow(page)).toBe(0);
    const box = (await now.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(SMALL_PHONE.width);
    expect(await now.evaluate((button: { scrollWidth: number; clientWidth: number }) => button.scrollWidth <= button.clientWidth)).toBe(true); // "Maintenant", not "Mainten…"
    await screenshot(page, 'phone-375-incident-date');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keyboard: choosing an entry kind puts focus on the form’s heading, one Tab from its first field', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}`);
    await page.locator('#add-entry').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/new$/);
    const focused = () => page.evaluate('`${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim().slice(0, 40)}`') as Promise<string>;
    await eventually(async () => expect(await focused()).toBe('H2 Ajouter une entrée'));
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^A Incident/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/new\/incident$/);
    await eventually(async () => expect(await focused()).toBe('H2 Incident'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe(await page.getByLabel('Date et heure des faits').getAttribute('id'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the register as cards on a phone', async () => {
    const { context, page } = await newPage(browser, SMALL_PHONE);
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await page.goto(`${web.url}/#/cases/${caseId}/requests`);
    await page.locator('.mc-table').first().waitFor({ state: 'visible' });
    expect(await page.locator('.mc-table thead').first().isVisible()).toBe(false);
    expect(await pageOverflow(page)).toBe(0);
    await context.close();
  });
});
