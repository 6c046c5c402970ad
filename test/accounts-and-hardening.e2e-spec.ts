import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

describe('Accounts administration, login throttling and hardening (e2e)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ MC_WRITE_LIMIT_PER_MINUTE: '40' });
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  it('disables an account: its tokens stop at once and it cannot log in; enabling restores it', async () => {
    const agent = await t.user('disabled-one');
    await t.http.get('/api/v1/me').set(bearer(agent.token)).expect(200);
    const res = await t.http.post(`/api/v1/accounts/${agent.id}/disable`).set(bearer(admin)).send({ reason: 'départ' }).expect(200);
    expect(res.body).toMatchObject({ username: 'disabled-one', disabled: true });
    await t.http.get('/api/v1/me').set(bearer(agent.token)).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: 'disabled-one', password: 'mot-de-passe-disabled-one' }).expect(401);
    await t.http.post(`/api/v1/accounts/${agent.id}/disable`).set(bearer(admin)).send({}).expect(409);
    await t.http.post(`/api/v1/accounts/${agent.id}/enable`).set(bearer(admin)).send({}).expect(200);
    await t.http.get('/api/v1/me').set(bearer(agent.token)).expect(200);
  });

  it('changes a role: a representative moved to another union loses the first union’s cases at once', async () => {
    const owner = await t.user('owner-role');
    const rep = await t.user('rep-role', 'union_rep', { union: 'CGT' });
    const { caseId } = await seedSmallCase(t, owner.token);
    await t.http
      .post(`/api/v1/cases/${caseId}/shares`)
      .set(bearer(owner.token))
      .send({ grantee: { kind: 'group', id: 'union:CGT' }, permission: 'read' })
      .expect(201);
    await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(rep.token)).expect(200);
    await t.http.post(`/api/v1/accounts/${rep.id}/role`).set(bearer(admin)).send({ role: 'union_rep' }).expect(400);
    const moved = await t.http.post(`/api/v1/accounts/${rep.id}/role`).set(bearer(admin)).send({ role: 'union_rep', union: 'FO' }).expect(200);
    expect(moved.body).toMatchObject({ role: 'union_rep', union: 'FO' });
    await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(rep.token)).expect(404);
  });

  it('keeps administrators from locking themselves out, and only administrators change accounts', async () => {
    const me = (await t.http.get('/api/v1/me').set(bearer(admin)).expect(200)).body;
    await t.http.post(`/api/v1/accounts/${me.id}/disable`).set(bearer(admin)).send({}).expect(422);
    await t.http.post(`/api/v1/accounts/${me.id}/role`).set(bearer(admin)).send({ role: 'agent' }).expect(422);
    const agent = await t.user('not-an-admin');
    await t.http.post(`/api/v1/accounts/${me.id}/disable`).set(bearer(agent.token)).send({}).expect(403);
    await t.http.get('/api/v1/accounts').set(bearer(agent.token)).expect(403);
    await t.http.post('/api/v1/accounts/00000000-0000-4000-8000-000000000000/disable').set(bearer(admin)).send({}).expect(404);
    await t.http.post('/api/v1/accounts/pas-un-uuid/enable').set(bearer(admin)).send({}).expect(404);
  });

  it('lists accounts for administrators, never with a password hash', async () => {
    const res = await t.http.get('/api/v1/accounts').set(bearer(admin)).expect(200);
    expect(res.body.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['admin', 'disabled-one', 'rep-role']));
    expect(res.body.find((a: { username: string }) => a.username === 'rep-role')).toMatchObject({ role: 'union_rep', union: 'FO', disabled: false });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('changes passwords: weak ones refused, old tokens stop, the person gets a fresh token', async () => {
    const agent = await t.user('pw-change');
    const weak = await t.http
      .post('/api/v1/me/password')
      .set(bearer(agent.token))
      .send({ currentPassword: 'mot-de-passe-pw-change', newPassword: 'azerty' })
      .expect(400);
    expect(weak.body.fields).toEqual([{ field: 'password', message: expect.stringMatching(/au moins 12 caractères/) }]);
    await t.http
      .post('/api/v1/me/password')
      .set(bearer(agent.token))
      .send({ currentPassword: 'faux-mot-de-passe', newPassword: 'une phrase de passe neuve' })
      .expect(422);
    const changed = await t.http
      .post('/api/v1/me/password')
      .set(bearer(agent.token))
      .send({ currentPassword: 'mot-de-passe-pw-change', newPassword: 'une phrase de passe neuve' })
      .expect(200);
    await t.http.get('/api/v1/me').set(bearer(agent.token)).expect(401);
    await t.http.get('/api/v1/me').set(bearer(changed.body.token)).expect(200);
    await t.login('pw-change', 'une phrase de passe neuve');
    // An administrator resets a forgotten one: the person's sessions stop too.
    await t.http.post(`/api/v1/accounts/${agent.id}/password`).set(bearer(admin)).send({ password: 'réinitialisé par l’administrateur' }).expect(200);
    await t.http.get('/api/v1/me').set(bearer(changed.body.token)).expect(401);
  });

  it('throttles password guessing per account: after 5 failures even the right password waits, with Retry-After', async () => {
    await t.user('guessed');
    for (let i = 0; i < 5; i++)
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'guessed', password: `essai-numéro-${i}` })
        .expect(401);
    const refused = await t.http.post('/api/v1/auth/login').send({ username: 'guessed', password: 'mot-de-passe-guessed' }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(refused.body.message[0]).toMatch(/Trop de tentatives de connexion : réessayez dans 15 minutes/);
    // Unknown usernames are throttled the same way: the answer says nothing about existence.
    for (let i = 0; i < 5; i++)
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'inconnu', password: `essai-${i}` })
        .expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: 'inconnu', password: 'essai' }).expect(429);
  });

  it('sends security headers and no CORS permission to another origin', async () => {
    const res = await t.http.get('/api/health').set('origin', 'https://ailleurs.example').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    const preflight = await t.http.options('/api/v1/cases').set('origin', 'https://ailleurs.example').set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits writes per account per minute, not reads', async () => {
    const writer = await t.user('busy-writer');
    const caseId = (await t.http.post('/api/v1/cases').set(bearer(writer.token)).send({ title: 'Beaucoup de notes' }).expect(201)).body.id;
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push(
        (
          await t.http
            .post(`/api/v1/cases/${caseId}/notes`)
            .set(bearer(writer.token))
            .send({ text: `note ${i}` })
        ).status,
      );
    expect(statuses.filter((s) => s === 201)).toHaveLength(39);
    expect(statuses.slice(39).every((s) => s === 429)).toBe(true);
    const timeline = await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(writer.token)).expect(200);
    expect(timeline.body.entries).toHaveLength(39);
    // Another account is not slowed down by this one.
    const other = await t.user('calm-writer');
    await t.http.post('/api/v1/cases').set(bearer(other.token)).send({ title: 'Un seul dossier' }).expect(201);
  });

  it('counts exports (recorded in the journal) against the write limit, and refuses to record one on HEAD', async () => {
    const exporter = await t.user('busy-exporter');
    const caseId = (await t.http.post('/api/v1/cases').set(bearer(exporter.token)).send({ title: 'Exports en rafale' }).expect(201)).body.id;
    const events = async () => (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(exporter.token)).expect(200)).body.length;
    const before = await events();
    const head = await t.http.head(`/api/v1/cases/${caseId}/bundle.zip`).set(bearer(exporter.token));
    expect({ status: head.status, allow: head.headers.allow }).toEqual({ status: 405, allow: 'GET' });
    await t.http.head(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(exporter.token)).expect(405);
    expect(await events()).toBe(before);
    // One write so far (the case) and two refused HEADs: the limit of 40 leaves room for 37 exports.
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++)
      statuses.push((await t.http.get(`/api/v1/cases/${caseId}/bundle.zip`).set(bearer(exporter.token))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(37);
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(await events()).toBe(before + 37);
    // Reading stays free.
    await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(exporter.token)).expect(200);
  });
});
