import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, bearer, binaryBody, startTestApp } from './support/test-app';

describe('Outages against the provider’s commitments', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('shows a 48-hour cut-off as 2,880 minutes breaching a 1-day restoration commitment, with its source', async () => {
    t = await startTestApp();
    const admin = await t.adminToken();
    const providerId = (
      await t.http.post('/api/v1/providers').set(bearer(admin)).send({ name: 'Infogérance SA', contractReference: 'Contrat d’engagement 2018-12' }).expect(201)
    ).body.id;
    await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ metric: 'service_restoration', target: 1440, calendar: '24x7', source: 'Contrat d’engagement, annexe 4, indicateur 4.1.2' })
      .expect(201);
    await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ metric: 'prior_notice', target: 2880, calendar: '24x7', source: 'Contrat d’engagement, article 7' })
      .expect(201);

    const agent = (await t.user('bollywood')).token;
    const caseId = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Coupure', providerId }).expect(201)).body.id;
    const cutOff = (
      await t.http
        .post(`/api/v1/cases/${caseId}/access-cutoffs`)
        .set(bearer(agent))
        .send({
          occurredAt: '2019-11-12T08:30:00+01:00',
          resources: [{ kind: 'mailbox' }, { kind: 'file_server' }],
          decidedBy: 'provider',
          priorNotice: 'none',
        })
        .expect(201)
    ).body.entryId;

    const during = await t.http
      .get(`/api/v1/cases/${caseId}/outages?asOf=${encodeURIComponent('2019-11-13T08:30:00+01:00')}`)
      .set(bearer(agent))
      .expect(200);
    // Nothing was recorded by then: the journal as of that date held no cut-off yet.
    expect(during.body.outages).toEqual([]);

    await t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set(bearer(agent))
      .send({ cutOffEntryId: cutOff, occurredAt: '2019-11-14T08:30:00+01:00' })
      .expect(201);
    const res = await t.http.get(`/api/v1/cases/${caseId}/outages`).set(bearer(agent)).expect(200);
    const [outage] = res.body.outages;
    expect(outage).toMatchObject({ cutOffEntryId: cutOff, durationMinutes: 2880, ongoing: false, priorNoticeMissing: true });
    const restoration = outage.slaBreaches.find((b: { metric: string }) => b.metric === 'service_restoration');
    expect(restoration).toMatchObject({ breachMinutes: 1440, target: 1440, source: 'Contrat d’engagement, annexe 4, indicateur 4.1.2' });
    expect(outage.slaBreaches.find((b: { metric: string }) => b.metric === 'prior_notice')).toMatchObject({ source: 'Contrat d’engagement, article 7' });

    await t.http
      .get(`/api/v1/cases/${caseId}/outages`)
      .set(bearer((await t.user('ferris')).token))
      .expect(404);
  });

  it('measures an outage against the commitment of its time: an amendment recorded later changes neither the view nor the dossier, today or as of before it (audit F4)', async () => {
    const app = await startTestApp();
    const dir = mkdtempSync(join(tmpdir(), 'mc-outages-'));
    try {
      const admin = bearer(await app.adminToken());
      const providerId = (await app.http.post('/api/v1/providers').set(admin).send({ name: 'Presta replay' }).expect(201)).body.id;
      const sla = (target: number, source: string) =>
        app.http.post(`/api/v1/providers/${providerId}/sla`).set(admin).send({ metric: 'service_restoration', target, calendar: '24x7', source }).expect(201);
      await sla(1440, 'remise en service 1 journée');
      const agent = bearer((await app.user('bollywood')).token);
      const caseId = (await app.http.post('/api/v1/cases').set(agent).send({ title: 'Coupure', providerId }).expect(201)).body.id;
      const cutOff = (
        await app.http
          .post(`/api/v1/cases/${caseId}/access-cutoffs`)
          .set(agent)
          .send({ occurredAt: '2019-11-12T08:30:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'written' })
          .expect(201)
      ).body.entryId;
      await app.http
        .post(`/api/v1/cases/${caseId}/access-restorations`)
        .set(agent)
        .send({ cutOffEntryId: cutOff, occurredAt: '2019-11-14T08:30:00+01:00' })
        .expect(201);
      const beforeAmendment = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await sla(4320, 'avenant : 3 jours');

      for (const query of ['', `?asOf=${encodeURIComponent(beforeAmendment)}`]) {
        const [outage] = (await app.http.get(`/api/v1/cases/${caseId}/outages${query}`).set(agent).expect(200)).body.outages;
        expect(outage.slaBreaches).toMatchObject([{ target: 1440, breachMinutes: 1440, source: 'remise en service 1 journée' }]);
        const pdf = join(dir, 'dossier.pdf');
        writeFileSync(
          pdf,
          (await app.http.get(`/api/v1/cases/${caseId}/dossier.pdf${query}`).set(agent).buffer(true).parse(binaryBody).expect(200)).body as Buffer,
        );
        const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
        expect(text).toContain('Engagement de service dépassé de 1440 minutes');
        expect(text).toContain('remise en service 1 journée');
        expect(text).not.toContain('avenant : 3 jours');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await app.close();
    }
  });

  it('measures an ongoing outage to now when asOf is later, exports as of now too, and refuses a cut-off dated before 1900', async () => {
    // A view "as of 9999" once measured an open outage to that year on the contract's hours: minutes of one request's CPU.
    const app = await startTestApp();
    try {
      const agent = bearer((await app.user('louve')).token);
      const caseId = (await app.http.post('/api/v1/cases').set(agent).send({ title: 'Coupure en cours' }).expect(201)).body.id;
      const cutOff = { occurredAt: '2019-11-12T08:30:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' };
      await app.http.post(`/api/v1/cases/${caseId}/access-cutoffs`).set(agent).send(cutOff).expect(201);
      const future = encodeURIComponent('9999-12-31T23:59:59Z');

      const before = Date.now();
      const view = (await app.http.get(`/api/v1/cases/${caseId}/outages?asOf=${future}`).set(agent).expect(200)).body;
      expect(Date.parse(view.asOf)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(view.asOf)).toBeLessThanOrEqual(Date.now());
      expect(view.outages[0]).toMatchObject({ ongoing: true, durationMinutes: Math.floor((Date.parse(view.asOf) - Date.parse(cutOff.occurredAt)) / 60_000) });

      await app.http.get(`/api/v1/cases/${caseId}/dossier.pdf?asOf=${future}`).set(agent).expect(200);
      const exported = (await app.http.get(`/api/v1/cases/${caseId}/events`).set(agent).expect(200)).body.find(
        (e: { type: string }) => e.type === 'DossierExported',
      );
      expect(Date.parse(exported.data.asOf)).toBeLessThanOrEqual(Date.now());

      const typo = await app.http
        .post(`/api/v1/cases/${caseId}/access-cutoffs`)
        .set(agent)
        .send({ ...cutOff, occurredAt: '0019-11-12T08:30:00+01:00' })
        .expect(400);
      expect(typo.body.message).toEqual(["Le champ « occurredAt » est antérieur à 1900 : vérifiez l'année."]);
    } finally {
      await app.close();
    }
  });
});
