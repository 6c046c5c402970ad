import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ADMIN, TestApp, bearer, startTestApp, binaryBody } from './support/test-app';

describe('Provider scorecard and written evaluation (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let agent: { token: string; id: string };
  let colleague: { token: string; id: string };
  let rep: { token: string; id: string };
  let providerId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock: { now: () => new Date('2020-01-31T10:00:00.000Z') } });
    admin = await t.adminToken();
    agent = await t.user('bollywood');
    colleague = await t.user('collegue');
    rep = await t.user('louve', 'union_rep', { union: 'CGT' });
    providerId = (
      await t.http
        .post('/api/v1/providers')
        .set(bearer(admin))
        .send({ name: 'Infogérance & Services', contractReference: 'Contrat d’engagement 2019' })
        .expect(201)
    ).body.id;
    const sla = (metric: string, target: number, source: string) =>
      t.http.post(`/api/v1/providers/${providerId}/sla`).set(bearer(admin)).send({ metric, target, calendar: '24x7', source }).expect(201);
    await sla('service_restoration', 1440, 'Contrat d’engagement, annexe 4, indicateur 4.1.2 (remise en service : 1 journée)');
    await sla('prior_notice', 2880, 'Contrat d’engagement, article 7');

    caseId = (await t.http.post('/api/v1/cases').set(bearer(agent.token)).send({ title: 'Coupure des accès', providerId }).expect(201)).body.id;
    const cut = await t.http
      .post(`/api/v1/cases/${caseId}/access-cutoffs`)
      .set(bearer(agent.token))
      .send({ occurredAt: '2019-11-12T08:30:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' })
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set(bearer(agent.token))
      .send({ cutOffEntryId: cut.body.entryId, occurredAt: '2019-11-14T08:30:00+01:00' })
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/provider-actions`)
      .set(bearer(agent.token))
      .send({ occurredAt: '2019-11-20T09:00:00+01:00', action: 'remote_takeover', description: 'Prise en main sans prévenir', notifiedBeforehand: false })
      .expect(201);
    const other = (await t.http.post('/api/v1/cases').set(bearer(colleague.token)).send({ title: 'Autre service', providerId }).expect(201)).body.id;
    await t.http
      .post(`/api/v1/cases/${other}/access-cutoffs`)
      .set(bearer(colleague.token))
      .send({ occurredAt: '2019-12-01T08:30:00+01:00', resources: [{ kind: 'chat' }], decidedBy: 'provider', priorNotice: 'written' })
      .expect(201);
  });
  afterAll(() => t.close());

  const scorecard = (token: string, query: Record<string, string> = {}) =>
    t.http.get(`/api/v1/providers/${providerId}/scorecard`).query(query).set(bearer(token));

  it('shows a 48-hour cut-off as 2,880 minutes and the breach of the 1-day restoration commitment, with its clause', async () => {
    const res = await scorecard(agent.token, { from: '2019-11-01T00:00:00+01:00', to: '2019-12-31T23:59:59+01:00' }).expect(200);
    expect(res.body).toMatchObject({ providerName: 'Infogérance & Services', casesCounted: 1, interruptions: { count: 1, ongoing: 0, totalMinutes: 2880 } });
    const restoration = res.body.slaBreaches.find((b: { metric: string }) => b.metric === 'service_restoration');
    expect(restoration).toMatchObject({ count: 1, totalBreachMinutes: 1440, source: expect.stringContaining('indicateur 4.1.2') });
    expect(res.body.withoutPriorNotice.map((o: { kind: string }) => o.kind)).toEqual(['cut_off', 'provider_action']);
    expect(res.body.disclaimer.fr).toMatch(/pas un conseil juridique/);
  });

  it('aggregates only over cases the caller may see, and records the read for the owner', async () => {
    expect((await scorecard(colleague.token).expect(200)).body).toMatchObject({ casesCounted: 1, interruptions: { count: 1, ongoing: 1 } });
    expect((await scorecard(rep.token).expect(200)).body.casesCounted).toBe(0);
    expect((await scorecard(admin).expect(200)).body.casesCounted).toBe(0);
    await t.http
      .post(`/api/v1/cases/${caseId}/shares`)
      .set(bearer(agent.token))
      .send({ grantee: { kind: 'group', id: 'union:CGT' }, permission: 'read' })
      .expect(201);
    expect((await scorecard(rep.token).expect(200)).body).toMatchObject({ casesCounted: 1, interruptions: { totalMinutes: 2880 } });
    const audit = await t.http.get(`/api/v1/cases/${caseId}/audit`).set(bearer(agent.token)).expect(200);
    // (The test clock is fixed: every event has the same recordedAt, so look the read up rather than take the newest.)
    expect(audit.body.entries.filter((e: { action: string }) => e.action === 'read')).toEqual([
      expect.objectContaining({ action: 'read', what: 'scorecard', actor: expect.objectContaining({ username: 'louve' }) }),
    ]);
  });

  it('answers 404 for an unknown provider and 400 for a bad period', async () => {
    await t.http.get('/api/v1/providers/00000000-0000-4000-8000-000000000000/scorecard').set(bearer(agent.token)).expect(404);
    await scorecard(agent.token, { from: 'hier' }).expect(400);
    await scorecard(agent.token, { from: '2020-01-01T00:00:00+01:00', to: '2019-01-01T00:00:00+01:00' }).expect(400);
  });

  it('renders the written evaluation as a PDF, and records its export on the provider stream', async () => {
    const res = await t.http
      .get(`/api/v1/providers/${providerId}/report.pdf`)
      .query({ from: '2019-11-01T00:00:00+01:00' })
      .set(bearer(agent.token))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'mc-report-'));
    try {
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, body);
      expect(execFileSync('qpdf', ['--check', pdf]).toString()).toContain('No syntax or stream encoding errors found');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
      expect(text).toContain('Évaluation du prestataire Infogérance & Services');
      expect(text).toContain('Rétablissement du service');
      expect(text).toContain('indicateur 4.1.2');
      expect(text).toContain('2 880 minutes au total');
      expect(text).toContain('Opérations sans information préalable');
      expect(text).toContain('pas un conseil juridique');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`provider-${providerId}`);
    const exported = stream[stream.length - 1];
    expect(exported.type).toBe('ProviderReportExported');
    expect(exported.data).toMatchObject({
      exportId: res.headers['x-export-id'],
      casesCounted: 1,
      sha256: Buffer.from(res.headers['digest'].slice(8), 'base64').toString('hex'),
    });
    expect(exported.metadata.actor).toEqual({ id: agent.id, username: 'bollywood', role: 'agent' });
  });
});

describe('Provider scorecard over a contract amended during the period (e2e, audit F4)', () => {
  let now = '2026-09-01T10:00:00.000Z';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: { now: () => new Date(now) } });
  });
  afterAll(() => t.close());

  it('measures each outage against the commitment and support hours of its time, and the report names the clause of each', async () => {
    const weekdays = (from: string, to: string) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from, to }]]));
    // 1 Sep: one day to restore, support hours 08:00-18:00.
    let admin = bearer(await t.adminToken());
    const providerId = (await t.http.post('/api/v1/providers').set(admin).send({ name: 'Presta avenant' }).expect(201)).body.id;
    const sla = (target: number, source: string) =>
      t.http.post(`/api/v1/providers/${providerId}/sla`).set(admin).send({ metric: 'service_restoration', target, calendar: '24x7', source }).expect(201);
    const hours = (from: string, to: string, source: string) =>
      t.http
        .post(`/api/v1/providers/${providerId}/business-hours`)
        .set(admin)
        .send({ weekly: weekdays(from, to), source })
        .expect(201);
    await sla(1440, 'remise en service 1 journée');
    await hours('08:00', '18:00', 'Contrat, annexe 2');
    await t.user('agente');
    const agent = async () => bearer(await t.login('agente', 'mot-de-passe-agente'));
    const caseId = (
      await t.http
        .post('/api/v1/cases')
        .set(await agent())
        .send({ title: 'Coupures', providerId })
        .expect(201)
    ).body.id;
    const outage = async (occurredAt: string, back: string) => {
      const token = await agent();
      const cut = await t.http
        .post(`/api/v1/cases/${caseId}/access-cutoffs`)
        .set(token)
        .send({ occurredAt, resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'written' })
        .expect(201);
      await t.http.post(`/api/v1/cases/${caseId}/access-restorations`).set(token).send({ cutOffEntryId: cut.body.entryId, occurredAt: back }).expect(201);
    };
    // Thu 10 Sep 08:00 to Sat 12 Sep 08:00: 48 hours, one day over; 1,200 business minutes on 08:00-18:00.
    now = '2026-09-14T10:00:00.000Z';
    await outage('2026-09-10T08:00:00+02:00', '2026-09-12T08:00:00+02:00');
    // 20 Oct: the amendment, three days, and support hours 09:00-17:00.
    now = '2026-10-20T10:00:00.000Z';
    admin = bearer(await t.login(ADMIN.username, ADMIN.password));
    await sla(4320, 'avenant : 3 jours');
    await hours('09:00', '17:00', 'Avenant, annexe 2');
    // Mon 2 Nov 08:00 to Fri 6 Nov 08:00: 96 hours, one day over the three; 4 x 480 business minutes on 09:00-17:00.
    now = '2026-11-23T09:00:00.000Z';
    await outage('2026-11-02T08:00:00+01:00', '2026-11-06T08:00:00+01:00');
    const token = await agent();

    const outages = (await t.http.get(`/api/v1/cases/${caseId}/outages`).set(token).expect(200)).body.outages;
    expect(outages.map((o: { businessMinutes: number }) => o.businessMinutes)).toEqual([1200, 1920]);

    const period = { from: '2026-09-01T00:00:00+02:00', to: '2026-11-22T23:59:59+01:00' };
    const card = (await t.http.get(`/api/v1/providers/${providerId}/scorecard`).query(period).set(token).expect(200)).body;
    expect(card.slaBreaches).toMatchObject([
      {
        metric: 'service_restoration',
        target: 1440,
        source: 'remise en service 1 journée',
        appliesFrom: null,
        appliesUntil: '2026-10-20T10:00:00.000Z',
        wholePeriod: false,
        breaches: [{ occurredAt: '2026-09-10T08:00:00+02:00', breachMinutes: 1440 }],
      },
      {
        metric: 'service_restoration',
        target: 4320,
        source: 'avenant : 3 jours',
        appliesFrom: '2026-10-20T10:00:00.000Z',
        appliesUntil: null,
        wholePeriod: false,
        breaches: [{ occurredAt: '2026-11-02T08:00:00+01:00', breachMinutes: 1440 }],
      },
    ]);

    const res = await t.http.get(`/api/v1/providers/${providerId}/report.pdf`).query(period).set(token).buffer(true).parse(binaryBody).expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'mc-report-'));
    try {
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, res.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
      expect(text).toContain('remise en service 1 journée Clause appliquée aux faits survenus avant le mardi 20 octobre 2026 à 12:00');
      expect(text).toContain('avenant : 3 jours Clause appliquée aux faits survenus à partir du mardi 20 octobre 2026 à 12:00');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
