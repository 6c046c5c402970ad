import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

/** Until sharing exists, a case is its owner's alone: everyone else, admin included, gets 404 everywhere. */
describe('Case visibility and accounts', () => {
  let t: TestApp;
  let owner: string;
  const others: Record<string, string> = {};
  let caseId: string;
  let cutOffId: string;
  let requestId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = (await t.user('bollywood')).token;
    others.agent = (await t.user('ferris')).token;
    others.union_rep = (await t.user('louve', 'union_rep', { union: 'CGT' })).token;
    others.manager = (await t.user('dgs', 'manager')).token;
    others.admin = await t.adminToken();
    ({ caseId, cutOffId, requestId } = await seedSmallCase(t, owner));
  });
  afterAll(() => t.close());

  const endpoints = (): Array<[string, string, object?]> => [
    ['get', `/api/v1/cases/${caseId}`],
    ['get', `/api/v1/cases/${caseId}/timeline`],
    ['get', `/api/v1/cases/${caseId}/events`],
    ['get', `/api/v1/cases/${caseId}/changes`],
    ['get', `/api/v1/cases/${caseId}/requests`],
    ['get', `/api/v1/cases/${caseId}/outages`],
    ['get', `/api/v1/cases/${caseId}/dossier.pdf`],
    ['get', `/api/v1/cases/${caseId}/bundle.zip`],
    ['post', `/api/v1/cases/${caseId}/incidents`, { occurredAt: '2019-11-12T08:30:00+01:00', title: 'x', category: 'outage', severity: 'blocking' }],
    [
      'post',
      `/api/v1/cases/${caseId}/access-cutoffs`,
      { occurredAt: '2019-11-12T08:30:00+01:00', resources: [{ kind: 'chat' }], decidedBy: 'provider', priorNotice: 'none' },
    ],
    ['post', `/api/v1/cases/${caseId}/access-restorations`, { cutOffEntryId: cutOffId, occurredAt: '2019-11-14T08:30:00+01:00' }],
    ['post', `/api/v1/cases/${caseId}/provider-actions`, { occurredAt: '2019-11-12T08:30:00+01:00', action: 'account_suspension', description: 'x' }],
    ['post', `/api/v1/cases/${caseId}/requests`, { sentAt: '2019-11-13T09:00:00+01:00', channel: 'letter', from: 'a', to: 'b', subject: 'c', kind: 'other' }],
    ['post', `/api/v1/cases/${caseId}/requests/${requestId}/receipt`, { receivedAt: '2019-11-14T09:00:00+01:00' }],
    [
      'post',
      `/api/v1/cases/${caseId}/requests/${requestId}/responses`,
      { receivedAt: '2019-11-14T09:00:00+01:00', channel: 'letter', from: 'P', form: 'written', outcome: 'refused' },
    ],
    ['post', `/api/v1/cases/${caseId}/meetings`, { occurredAt: '2019-11-12T08:30:00+01:00', participants: ['DGS'], summary: 'x' }],
    ['post', `/api/v1/cases/${caseId}/impacts`, { periodStart: '2019-11-12T08:30:00+01:00', periodEnd: '2019-11-13T08:30:00+01:00' }],
    ['post', `/api/v1/cases/${caseId}/witness-statements`, { witness: 'w', statement: 's' }],
    ['post', `/api/v1/cases/${caseId}/notes`, { text: 'x' }],
    ['post', `/api/v1/cases/${caseId}/entries/${cutOffId}/corrections`, { changes: { priorNotice: 'oral' }, reason: 'x' }],
    ['post', `/api/v1/cases/${caseId}/entries/${cutOffId}/retraction`, { reason: 'x' }],
    ['post', `/api/v1/cases/${caseId}/close`, { reason: 'x' }],
    ['post', `/api/v1/cases/${caseId}/reopen`, { reason: 'x' }],
  ];

  it.each(['agent', 'union_rep', 'manager', 'admin'])(
    'answers 404 to a %s who is not the owner, on every case endpoint, exactly as for a case that does not exist',
    async (role) => {
      const revisionBefore = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(owner))).body.length;
      for (const [method, path, body] of endpoints()) {
        const res = await (method === 'get' ? t.http.get(path) : t.http.post(path).send(body)).set(bearer(others[role]));
        expect({ role, path, status: res.status }).toEqual({ role, path, status: 404 });
        const missing = await (
          method === 'get'
            ? t.http.get(path.replace(caseId, '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13'))
            : t.http.post(path.replace(caseId, '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13')).send(body)
        ).set(bearer(others[role]));
        expect(res.body).toEqual(missing.body);
      }
      expect((await t.http.get('/api/v1/cases').set(bearer(others[role])).expect(200)).body).toEqual([]);
      expect((await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(owner))).body.length).toBe(revisionBefore);
    },
  );

  it('answers 404 to malformed case ids rather than an error', async () => {
    await t.http.get('/api/v1/cases/not-a-uuid/timeline').set(bearer(owner)).expect(404);
    await t.http.post('/api/v1/cases/..%2F..%2Fetc/notes').set(bearer(owner)).send({ text: 'x' }).expect(404);
  });

  it('lets agents and union representatives open cases, not managers or admins', async () => {
    await t.http.post('/api/v1/cases').set(bearer(others.union_rep)).send({ title: 'Dossier syndical' }).expect(201);
    await t.http.post('/api/v1/cases').set(bearer(others.manager)).send({ title: 'x' }).expect(403);
    await t.http.post('/api/v1/cases').set(bearer(others.admin)).send({ title: 'x' }).expect(403);
  });

  it('lets only admins create accounts, with unique names and real passwords', async () => {
    await t.http.post('/api/v1/accounts').set(bearer(owner)).send({ username: 'intrus', role: 'admin', password: 'un-mot-de-passe-long' }).expect(403);
    const dup = await t.http
      .post('/api/v1/accounts')
      .set(bearer(others.admin))
      .send({ username: 'Bollywood', role: 'agent', password: 'un-mot-de-passe-long' })
      .expect(409);
    expect(dup.body.message[0]).toMatch(/déjà pris/);
    const weak = await t.http.post('/api/v1/accounts').set(bearer(others.admin)).send({ username: 'faible', role: 'agent', password: 'court' }).expect(400);
    expect(weak.body.fields[0].field).toBe('password');
    await t.http.post('/api/v1/accounts').set(bearer(others.admin)).send({ username: 'rep2', role: 'union_rep', password: 'un-mot-de-passe-long' }).expect(400);
    await t.http.post('/api/v1/accounts').set(bearer(others.admin)).send({ username: 'chef', role: 'boss', password: 'un-mot-de-passe-long' }).expect(400);
    const me = await t.http.get('/api/v1/me').set(bearer(others.union_rep)).expect(200);
    expect(me.body).toMatchObject({ username: 'louve', role: 'union_rep', union: 'CGT' });
  });

  it('never returns password hashes', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'bollywood', password: 'mot-de-passe-bollywood' }).expect(200);
    expect(JSON.stringify(login.body)).not.toMatch(/argon2/);
    expect(login.body.user).toEqual({ id: expect.any(String), username: 'bollywood', displayName: 'bollywood', role: 'agent', union: null });
  });
});
