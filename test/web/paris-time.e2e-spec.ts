import type { Browser, Page } from 'playwright-core';
import { toParisDateTime } from '@mc/domain';
import { bearer } from '../support/test-app';
import { DESKTOP, WebApp, eventually, launchBrowser, logIn, newPage, startWebApp } from './support/browser';

/** Paris wall time now, as a datetime-local value (`2026-11-23T09:44`), from the journal's own calendar. */
function parisNow(): string {
  const { year, month, day, hour, minute } = toParisDateTime(Date.now());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

const minutesBetween = (a: string, b: string) => Math.abs(Date.parse(`${a}:00Z`) - Date.parse(`${b}:00Z`)) / 60_000;

/**
 * The journal's dates are Paris time, as the forms say, whatever the zone of the computer:
 * a workstation left on UTC or a browser in Montréal must not shift the evidence (audit of the web pages, finding 3).
 */
describe('Dates typed and shown in Paris time on a computer in another time zone (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let caseId: string;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebApp();
    token = (await web.t.user('bollywood', 'agent')).token;
    caseId = (await web.t.http.post('/api/v1/cases').set(bearer(token)).send({ title: 'Coupure des accès' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function openIncidentForm(page: Page): Promise<void> {
    await page.goto(`${web.url}/#/cases/${caseId}/new/incident`);
    await page.getByLabel('Date et heure des faits').waitFor({ state: 'visible' });
  }

  async function fileIncident(page: Page, when: string, title: string): Promise<void> {
    await page.getByLabel('Date et heure des faits').fill(when);
    await page.getByLabel(/Ce qui s’est passé/).fill(title);
    await page.locator('label.fr-label', { hasText: 'Action du prestataire' }).click();
    await page.locator('label.fr-label', { hasText: /^Bloquant/ }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
  }

  const incidents = async () =>
    (await web.t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(token)).expect(200)).body.entries.filter((e: any) => e.type === 'IncidentReported');

  it('reads 10:00 typed in Montréal as 10:00 in Paris, fills "Maintenant" with Paris time and shows Paris time back', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP, { timezoneId: 'America/Montreal' });
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await openIncidentForm(page);

    const when = page.getByLabel('Date et heure des faits');
    // The default and "Maintenant" are the time in Paris, not on the computer's clock (6 hours behind).
    expect(minutesBetween(await when.inputValue(), parisNow())).toBeLessThanOrEqual(1);
    await when.fill('2000-01-01T00:00');
    await page.getByRole('button', { name: 'Maintenant' }).first().click();
    expect(minutesBetween(await when.inputValue(), parisNow())).toBeLessThanOrEqual(1);
    // The hint says so, and warns that this computer is on another zone.
    const hint = await page.locator(`#${(await when.getAttribute('aria-describedby'))!.split(' ')[0]}`).textContent();
    expect(hint).toContain('Heure de Paris.');
    expect(hint).toMatch(/Votre ordinateur n’est pas à l’heure de Paris \(America\//);

    await fileIncident(page, '2019-11-12T10:00', 'Plus de messagerie');
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`));
    const entry = page.locator('#timeline > li').filter({ hasText: 'Plus de messagerie' });
    await eventually(async () => expect(await entry.textContent()).toContain('12 nov. 2019, 10:00'));
    expect((await incidents())[0].data.occurredAt).toBe('2019-11-12T10:00:00+01:00');

    // Corrected, the stored date comes back into the field as the Paris wall time it was typed as.
    await entry.getByRole('link', { name: 'Corriger' }).click();
    await eventually(async () => expect(await page.getByLabel('Date et heure des faits').inputValue()).toBe('2019-11-12T10:00'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses the hour skipped when the clocks go forward, and states how the repeated hour is read', async () => {
    const { context, page, problems } = await newPage(browser, DESKTOP, { timezoneId: 'UTC' });
    await logIn(page, web.url, 'bollywood', 'mot-de-passe-bollywood');
    await openIncidentForm(page);
    const before = (await incidents()).length;

    // 30 March 2025, 02:30 never happened in Paris: said under the field, and nothing is sent.
    await fileIncident(page, '2025-03-30T02:30', 'Heure sautée');
    const when = page.getByLabel('Date et heure des faits');
    await eventually(async () => expect(await when.getAttribute('aria-invalid')).toBe('true'));
    const summary = page.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' });
    await eventually(async () => expect(await summary.textContent()).toContain('Cette heure n’a pas existé à Paris'));
    expect((await incidents()).length).toBe(before);

    // 26 October 2025, 02:30 happened twice: the page says it takes the first (summer time) and does so.
    await when.fill('2025-10-26T02:30');
    await eventually(async () => expect(await page.getByText('Cette heure a existé deux fois').isVisible()).toBe(true));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`));
    const saved = (await incidents()).find((e: any) => e.data.title === 'Heure sautée');
    expect(saved.data.occurredAt).toBe('2025-10-26T02:30:00+02:00');
    expect(problems).toEqual([]);
    await context.close();
  });
});
