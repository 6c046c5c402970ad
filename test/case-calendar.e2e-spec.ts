import { TestApp, bearer, startTestApp } from './support/test-app';

describe('A case’s public holidays and provider (e2e)', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: { now: () => new Date('2020-02-20T10:00:00.000Z') } });
    agent = (await t.user('agente')).token;
  });
  afterAll(() => t.close());

  async function appealDeadline(publicHolidays?: string) {
    const open = await t.http
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ title: 'Lettre sans réponse', ...(publicHolidays ? { publicHolidays } : {}) })
      .expect(201);
    const caseId = open.body.id;
    const request = await t.http
      .post(`/api/v1/cases/${caseId}/requests`)
      .set(bearer(agent))
      .send({
        sentAt: '2019-12-10T09:00:00+01:00',
        channel: 'registered_letter',
        from: 'Agente',
        to: 'Président',
        subject: 'Motif ?',
        kind: 'question_to_hierarchy',
      })
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/requests/${request.body.entryId}/receipt`)
      .set(bearer(agent))
      .send({ receivedAt: '2019-12-10T11:00:00+01:00', proof: 'accusé de réception' })
      .expect(201);
    const register = await t.http.get(`/api/v1/cases/${caseId}/requests`).set(bearer(agent)).expect(200);
    return register.body.requests[0].deadlines;
  }

  it('extends the last day to seize the tribunal over Good Friday only in Alsace-Moselle', async () => {
    // Received 10 December 2019: implicit rejection born 10 February 2020; two months later is
    // Friday 10 April 2020, Good Friday, a holiday in Alsace-Moselle only, followed by Easter Monday.
    const national = await appealDeadline();
    expect(national.implicitRejectionBornOn).toEqual({ year: 2020, month: 2, day: 10 });
    expect(national.appeal.date).toEqual({ year: 2020, month: 4, day: 10 });
    const alsace = await appealDeadline('fr-alsace-moselle');
    expect(alsace.appeal.date).toEqual({ year: 2020, month: 4, day: 14 });
    expect(alsace.appeal.nominalDate).toEqual({ year: 2020, month: 4, day: 10 });
  });

  it('refuses an unknown calendar and a provider that is not registered', async () => {
    const calendar = await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'x', publicHolidays: 'de' }).expect(400);
    expect(calendar.body.message[0]).toMatch(/publicHolidays/);
    const provider = await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'x', providerId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(provider.body.message[0]).toBe('Aucun prestataire enregistré ne porte cet identifiant.');
    const listed = await t.http.get('/api/v1/cases').set(bearer(agent)).expect(200);
    expect(listed.body.some((c: { title: string }) => c.title === 'x')).toBe(false);
  });
});
