import { TestApp, bearer, startTestApp } from './support/test-app';

describe('A provider’s own support hours (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let providerId: string;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: { now: () => new Date('2019-12-01T10:00:00.000Z') } });
    admin = await t.adminToken();
    agent = (await t.user('agente')).token;
    providerId = (await t.http.post('/api/v1/providers').set(bearer(admin)).send({ name: 'Infogérance SA' }).expect(201)).body.id;
    // Four hours of support time to give access back.
    await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ metric: 'service_restoration', target: 240, calendar: 'business_hours', source: 'Contrat, indicateur 4.1.2' })
      .expect(201);
    caseId = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Coupure du vendredi', providerId }).expect(201)).body.id;
    // Friday 15 November 2019 at 16:00 to Monday 18 November at 11:00.
    const cut = await t.http
      .post(`/api/v1/cases/${caseId}/access-cutoffs`)
      .set(bearer(agent))
      .send({ occurredAt: '2019-11-15T16:00:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'written' })
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set(bearer(agent))
      .send({ cutOffEntryId: cut.body.entryId, occurredAt: '2019-11-18T11:00:00+01:00' })
      .expect(201);
  });
  afterAll(() => t.close());

  const outage = async () => (await t.http.get(`/api/v1/cases/${caseId}/outages`).set(bearer(agent)).expect(200)).body.outages[0];

  it('measures on the seed contract’s hours until the contract’s own are defined, then on those', async () => {
    // Seed hours (09:00-12:00, 13:30-17:30): Friday 16:00-17:30 + Monday 09:00-11:00 = 210 min, within 240.
    expect(await outage()).toMatchObject({ businessMinutes: 210, slaBreaches: [] });
    // The provider says which hours apply meanwhile: the seed contract's, Monday to Friday.
    const before = await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(agent)).expect(200);
    const seedDay = [
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ];
    expect(before.body).toMatchObject({ businessHours: null, defaultWeeklyHours: { 1: seedDay, 2: seedDay, 3: seedDay, 4: seedDay, 5: seedDay } });
    expect(Object.keys(before.body.defaultWeeklyHours)).toEqual(['1', '2', '3', '4', '5']);
    const hours = {
      weekly: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from: '08:00', to: '18:00' }]])),
      source: 'Contrat, indicateur 3.2.1',
    };
    await t.http.post(`/api/v1/providers/${providerId}/business-hours`).set(bearer(admin)).send(hours).expect(201);
    // 08:00-18:00: Friday 16:00-18:00 + Monday 08:00-11:00 = 300 min, 60 beyond the commitment.
    expect(await outage()).toMatchObject({
      businessMinutes: 300,
      slaBreaches: [expect.objectContaining({ metric: 'service_restoration', breachMinutes: 60 })],
    });
    const provider = await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(agent)).expect(200);
    expect(provider.body.businessHours).toMatchObject({ source: 'Contrat, indicateur 3.2.1', weekly: { '1': [{ from: '08:00', to: '18:00' }] } });
  });

  it('refuses malformed hours with the field at fault, and anyone but an admin', async () => {
    const bad = await t.http
      .post(`/api/v1/providers/${providerId}/business-hours`)
      .set(bearer(admin))
      .send({ weekly: { '1': [{ from: '18:00', to: '08:00' }] }, source: 'x' })
      .expect(400);
    expect(bad.body.fields[0].field).toBe('weekly.1');
    await t.http.post(`/api/v1/providers/${providerId}/business-hours`).set(bearer(admin)).send({ weekly: [], source: 'x' }).expect(400);
    await t.http.post(`/api/v1/providers/${providerId}/business-hours`).set(bearer(agent)).send({ weekly: {}, source: 'x' }).expect(403);
  });
});
