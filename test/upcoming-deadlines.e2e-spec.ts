import { fixedClock } from '@mc/domain';
import { TestApp, bearer, startTestApp } from './support/test-app';

describe('GET /deadlines: what falls due soon across my cases', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('lists the implicit rejection of an unanswered letter within the window, not beyond, and only for my cases', async () => {
    t = await startTestApp({}, { clock: fixedClock('2019-12-30T10:00:00.000Z') });
    const agent = (await t.user('bollywood')).token;
    const other = (await t.user('ferris')).token;
    const caseId = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Coupure des accès' }).expect(201)).body.id;
    const letter = (
      await t.http
        .post(`/api/v1/cases/${caseId}/requests`)
        .set(bearer(agent))
        .send({
          sentAt: '2019-11-12T16:00:00+01:00',
          channel: 'registered_letter',
          from: 'Agente',
          to: 'Président',
          subject: 'Sanction ?',
          kind: 'question_to_hierarchy',
        })
        .expect(201)
    ).body.entryId;
    await t.http.post(`/api/v1/cases/${caseId}/requests/${letter}/receipt`).set(bearer(agent)).send({ receivedAt: '2019-11-13T10:00:00+01:00' }).expect(201);

    const soon = await t.http.get('/api/v1/deadlines?within=14d').set(bearer(agent)).expect(200);
    expect(soon.body.deadlines).toEqual([
      expect.objectContaining({ caseId, requestEntryId: letter, what: 'answer', ruleId: 'silence-agent-request', date: { year: 2020, month: 1, day: 13 } }),
    ]);
    expect(soon.body.disclaimer.fr).toMatch(/pas un conseil juridique/);
    expect((await t.http.get('/api/v1/deadlines?within=7d').set(bearer(agent)).expect(200)).body.deadlines).toEqual([]);
    const year = await t.http.get('/api/v1/deadlines?within=90d').set(bearer(agent)).expect(200);
    expect(year.body.deadlines.map((d: { what: string }) => d.what)).toEqual(['answer', 'next_step']);
    expect((await t.http.get('/api/v1/deadlines').set(bearer(other)).expect(200)).body.deadlines).toEqual([]);
    const bad = await t.http.get('/api/v1/deadlines?within=two-weeks').set(bearer(agent)).expect(400);
    expect(bad.body.fields[0].field).toBe('within');
  });
});

describe('GET /deadlines once answers came, and with data breaches (audit F1, F2, F11)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('lists only what still runs, the 72 hours to notify the CNIL, and the register of a future asOf is as of now', async () => {
    // Monday 23 Nov 2026, 09:40 Paris.
    t = await startTestApp({}, { clock: fixedClock('2026-11-23T08:40:00.000Z') });
    const agent = (await t.user('bollywood')).token;
    const caseId = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Audit délais' }).expect(201)).body.id;
    const request = async (subject: string, kind: string, receivedAt: string, outcome: string, answeredAt: string) => {
      const sent = { sentAt: receivedAt, channel: 'registered_letter', from: 'Agent Un', to: 'Direction', subject, kind };
      const id = (await t.http.post(`/api/v1/cases/${caseId}/requests`).set(bearer(agent)).send(sent).expect(201)).body.entryId;
      await t.http.post(`/api/v1/cases/${caseId}/requests/${id}/receipt`).set(bearer(agent)).send({ receivedAt, proof: 'AR' }).expect(201);
      const response = { receivedAt: answeredAt, channel: 'letter', from: 'DRH', form: 'written', outcome, summary: 'x' };
      await t.http.post(`/api/v1/cases/${caseId}/requests/${id}/responses`).set(bearer(agent)).send(response).expect(201);
      return id;
    };
    const q9 = await request('Q9 refus avant 2 mois', 'question_to_hierarchy', '2026-09-30T10:00:00+02:00', 'refused', '2026-10-01T16:00:00+02:00');
    await request('Q19 répondue', 'question_to_hierarchy', '2026-11-02T10:00:00+01:00', 'answered', '2026-11-10T10:00:00+01:00');
    await request('G16 RGPD répondue', 'gdpr_rights_request', '2026-11-05T10:00:00+01:00', 'answered', '2026-11-12T10:00:00+01:00');
    const incident = (occurredAt: string, title: string) => ({ occurredAt, title, category: 'data_protection', severity: 'blocking' });
    await t.http.post(`/api/v1/cases/${caseId}/incidents`).set(bearer(agent)).send(incident('2026-10-23T10:00:00+02:00', 'Fuite ancienne')).expect(201);
    const leak = (
      await t.http.post(`/api/v1/cases/${caseId}/incidents`).set(bearer(agent)).send(incident('2026-11-21T10:00:00+01:00', 'Violation récente')).expect(201)
    ).body.entryId;

    const upcoming = (await t.http.get('/api/v1/deadlines?within=60d').set(bearer(agent)).expect(200)).body.deadlines;
    expect(upcoming.map((d: { what: string; subject: string; date: unknown }) => [d.what, d.subject, d.date])).toEqual([
      ['breach_notification', 'Violation récente', { year: 2026, month: 11, day: 24 }],
      ['next_step', 'Q9 refus avant 2 mois', { year: 2026, month: 12, day: 1 }],
    ]);
    expect(upcoming[0]).toMatchObject({
      entryId: leak,
      requestEntryId: null,
      to: 'CNIL',
      ruleId: 'gdpr-breach-notification',
      source: 'RGPD art. 33',
      at: '2026-11-24T09:00:00.000Z',
      consequence: { fr: 'Notification à la CNIL en retard' },
    });
    expect(upcoming[1]).toMatchObject({
      entryId: q9,
      requestEntryId: q9,
      ruleId: 'appeal-after-rejection',
      ambiguity: { laterDate: { year: 2026, month: 12, day: 2 } },
    });

    const register = (await t.http.get(`/api/v1/cases/${caseId}/requests`).set(bearer(agent)).expect(200)).body;
    expect(
      register.breachNotifications.map((b: { title: string; deadline: { at: string; passed: boolean } }) => [b.title, b.deadline.at, b.deadline.passed]),
    ).toEqual([
      ['Fuite ancienne', '2026-10-26T08:00:00.000Z', true],
      ['Violation récente', '2026-11-24T09:00:00.000Z', false],
    ]);
    const future = (await t.http.get(`/api/v1/cases/${caseId}/requests?asOf=2027-03-01T00:00:00Z`).set(bearer(agent)).expect(200)).body;
    expect(future.asOf).toBe('2026-11-23T08:40:00.000Z');
    expect(future.breachNotifications[1].deadline.passed).toBe(false);
  });
});
