import type { Browser, Page } from 'playwright-core';
import { ADMIN, bearer } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, screenshot, startWebApp } from './support/browser';

const CLAUSE = 'Contrat 2019-114, annexe 3';
const TWO_RANGES = '08:00-12:00, 13:30-17:30';
const WEEKDAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi'];

/** Text with the no-break spaces of French formatting made plain. */
const textOf = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ');

/** The error message a field points to (aria-describedby), as read next to it. */
async function errorOf(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  const errorId = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
  return errorId ? textOf(page, `#${errorId}`) : '';
}

/**
 * An administrator defines a provider's contractual support hours on its page: per weekday the
 * ranges typed as text, a closing period, the clause. A malformed range is named next to its
 * day without losing what was typed; once saved, the page shows the hours in force and the
 * outages of a case naming the provider are measured on them.
 */
describe('Contract business hours on the admin provider page (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let providerId: string;
  let caseId: string;
  let agent: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    const admin = bearer(await web.t.adminToken());
    providerId = (await web.t.http.post('/api/v1/providers').set(admin).send({ name: 'Infogérance du Nord' }).expect(201)).body.id;
    await web.t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(admin)
      .send({ metric: 'service_restoration', target: 240, calendar: 'business_hours', source: 'Contrat 2019-114, indicateur 4.1' })
      .expect(201);
    // A mailbox cut off from Monday 2 March 2026 at 07:00 to Wednesday 4 March at 07:00 (Paris).
    agent = bearer((await web.t.user('agente')).token).authorization;
    caseId = (await web.t.http.post('/api/v1/cases').set('authorization', agent).send({ title: 'Messagerie coupée', providerId }).expect(201)).body.id;
    const cut = await web.t.http
      .post(`/api/v1/cases/${caseId}/access-cutoffs`)
      .set('authorization', agent)
      .send({ occurredAt: '2026-03-02T07:00:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'written' })
      .expect(201);
    await web.t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set('authorization', agent)
      .send({ cutOffEntryId: cut.body.entryId, occurredAt: '2026-03-04T07:00:00+01:00' })
      .expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const outage = async () => (await web.t.http.get(`/api/v1/cases/${caseId}/outages`).set('authorization', agent).expect(200)).body.outages[0];

  it('admin: sees the seed hours, is told which range is malformed, saves the contract’s hours and sees them; outages are measured on them', async () => {
    // The seed contract's hours (09:00-12:00, 13:30-17:30 on weekdays): Monday and Tuesday, 7 hours each.
    expect((await outage()).businessMinutes).toBe(840);

    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, ADMIN.username, ADMIN.password, /#\/admin$/);
    await page.goto(`${web.url}/#/admin/providers/${providerId}`);
    await eventually(async () => expect(await textOf(page, '#business-hours')).toContain('celles du contrat type s’appliquent'));
    expect(await textOf(page, '#business-hours')).toContain('lundi : 09:00–12:00, 13:30–17:30');
    expect(await textOf(page, '#business-hours')).toContain('samedi : fermé');
    // The form starts from the hours that apply.
    expect(await page.getByLabel('Lundi', { exact: true }).inputValue()).toBe('09:00-12:00, 13:30-17:30');

    for (const day of WEEKDAYS) await page.getByLabel(day, { exact: true }).fill(TWO_RANGES);
    await page.getByLabel('Lundi', { exact: true }).fill('8h-12h, 13:30-17:30');
    await page.getByLabel('Mercredi', { exact: true }).fill('12:00-08:00');
    await page.getByLabel('Samedi', { exact: true }).fill('');
    await page.getByLabel('Dimanche', { exact: true }).fill('');
    await page.getByLabel('Périodes de fermeture').fill('03/03/2026 - 04/03/2026');
    await page.getByLabel('Source (contrat, annexe, clause)').fill(CLAUSE);
    await page.getByRole('button', { name: 'Enregistrer les heures ouvrées' }).click();

    // Each malformed day names its range next to it; nothing typed is lost and nothing is sent.
    await eventually(async () => expect(await page.getByLabel('Lundi', { exact: true }).getAttribute('aria-invalid')).toBe('true'));
    expect(await errorOf(page, 'Lundi')).toContain('« 8h-12h » n’est pas une plage horaire');
    expect(await errorOf(page, 'Mercredi')).toContain('« 12:00-08:00 » : la fin de la plage doit venir après son début');
    expect(await page.getByLabel('Mardi', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await textOf(page, '#business-hours-form .mc-summary')).toContain('Lundi : « 8h-12h »');
    expect(await page.getByLabel('Lundi', { exact: true }).inputValue()).toBe('8h-12h, 13:30-17:30');
    expect(await page.getByLabel('Mardi', { exact: true }).inputValue()).toBe(TWO_RANGES);
    expect(await page.getByLabel('Périodes de fermeture').inputValue()).toBe('03/03/2026 - 04/03/2026');
    expect(await page.getByLabel('Source (contrat, annexe, clause)').inputValue()).toBe(CLAUSE);
    const before = await web.t.http.get(`/api/v1/providers/${providerId}`).set('authorization', agent).expect(200);
    expect(before.body.businessHours).toBeNull();
    await screenshot(page, 'desktop-admin-business-hours-errors');

    await page.getByLabel('Lundi', { exact: true }).fill(TWO_RANGES);
    await page.getByLabel('Mercredi', { exact: true }).fill(TWO_RANGES);
    await page.getByRole('button', { name: 'Enregistrer les heures ouvrées' }).click();
    await eventually(async () => expect(await textOf(page, '#business-hours')).toContain('lundi : 08:00–12:00, 13:30–17:30'));
    const shown = await textOf(page, '#business-hours');
    expect(shown).toContain('vendredi : 08:00–12:00, 13:30–17:30');
    expect(shown).toContain('samedi : fermé');
    expect(shown).toContain('dimanche : fermé');
    expect(shown).toContain('du mardi 3 mars 2026 au mercredi 4 mars 2026');
    expect(shown).toContain(CLAUSE);
    expect(shown).not.toContain('contrat type');
    expect(await textOf(page, '#contenu')).toContain('Heures ouvrées du contrat enregistrées.');
    // The form now starts from the hours in force.
    expect(await page.getByLabel('Périodes de fermeture').inputValue()).toBe('03/03/2026 - 04/03/2026');
    await screenshot(page, 'desktop-admin-business-hours');

    // Exactly the body the API expects, and the outages measured on it: Monday 8 hours, Tuesday closed.
    const after = await web.t.http.get(`/api/v1/providers/${providerId}`).set('authorization', agent).expect(200);
    const day = [
      { from: '08:00', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ];
    expect(after.body.businessHours).toEqual({
      weekly: { '1': day, '2': day, '3': day, '4': day, '5': day },
      closures: [{ from: '2026-03-03', to: '2026-03-04' }],
      source: CLAUSE,
      definedAt: expect.any(String),
    });
    expect(await outage()).toMatchObject({
      businessMinutes: 480,
      slaBreaches: [expect.objectContaining({ metric: 'service_restoration', breachMinutes: 240 })],
    });

    // In English too.
    await page.locator('#lang-switch').click();
    await eventually(async () => expect(await textOf(page, '#business-hours')).toContain('Monday: 08:00–12:00, 13:30–17:30'));
    expect(await textOf(page, '#business-hours')).toContain('from Tuesday, 3 March 2026 to Wednesday, 4 March 2026');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('admin: a change another administrator made meanwhile is not overwritten; the form asks to reload and keeps what was typed', async () => {
    const admin = bearer(await web.t.adminToken());
    const sharedId = (await web.t.http.post('/api/v1/providers').set(admin).send({ name: 'Prestataire à deux mains' }).expect(201)).body.id;
    const commitments = async () => (await web.t.http.get(`/api/v1/providers/${sharedId}`).set(admin).expect(200)).body.commitments;
    const { context, page, problems } = await newPage(browser, DESKTOP);
    await logIn(page, web.url, ADMIN.username, ADMIN.password, /#\/admin$/);
    await page.goto(`${web.url}/#/admin/providers/${sharedId}`);
    await page.getByLabel(/^Indicateur/).waitFor();

    // While the page is open, another administrator defines the service-restoration commitment.
    const theirs = { metric: 'service_restoration', target: 480, calendar: '24x7', source: 'Avenant n°3, indicateur 4.1' };
    await web.t.http.post(`/api/v1/providers/${sharedId}/sla`).set(admin).send(theirs).expect(201);

    const fillCommitment = async () => {
      await page.getByLabel(/^Indicateur/).selectOption('service_restoration');
      await page.getByRole('spinbutton', { name: 'jours' }).fill('1');
      await page.getByLabel('Clause du contrat').fill(CLAUSE);
      await page.getByRole('button', { name: 'Enregistrer l’engagement' }).click();
    };
    await fillCommitment();
    await eventually(async () =>
      expect(await textOf(page, '.mc-summary')).toContain('Le prestataire a été modifié entre-temps : rechargez-le puis recommencez.'),
    );
    expect(await page.getByLabel('Clause du contrat').inputValue()).toBe(CLAUSE);
    expect(await commitments()).toEqual([expect.objectContaining({ target: 480, source: theirs.source })]);

    // The hours form is held to the same revision.
    await page.getByLabel('Source (contrat, annexe, clause)').fill(CLAUSE);
    await page.getByRole('button', { name: 'Enregistrer les heures ouvrées' }).click();
    await eventually(async () => expect(await textOf(page, '#business-hours-form .mc-summary')).toContain('Le prestataire a été modifié entre-temps'));
    expect((await web.t.http.get(`/api/v1/providers/${sharedId}`).set(admin).expect(200)).body.businessHours).toBeNull();

    // Reloaded, the page shows their commitment; the change made on it goes through.
    await page.reload();
    await eventually(async () => expect(await textOf(page, '#commitments-table')).toContain(theirs.source));
    await fillCommitment();
    await eventually(async () => expect(await textOf(page, '#commitments-table')).toContain(CLAUSE));
    expect(await commitments()).toEqual([expect.objectContaining({ target: 1440, source: CLAUSE })]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
