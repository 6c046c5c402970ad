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
