import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, bearer, seedSmallCase, startTestApp, storedEvidenceFiles } from './support/test-app';

/** Bad input always gets a clear 4xx naming the problem, in French by default, and writes nothing. */
describe('Bad and hostile input', () => {
  let t: TestApp;
  let agent: string;
  let caseId: string;
  let cutOffId: string;
  let requestId: string;

  const headRevision = async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent)).expect(200);
    return res.body.length - 1;
  };

  beforeAll(async () => {
    t = await startTestApp({ MC_MAX_BODY_BYTES: String(64 * 1024) });
    agent = (await t.user('bollywood')).token;
    ({ caseId, cutOffId, requestId } = await seedSmallCase(t, agent));
  });
  afterAll(() => t.close());

  it.each([
    ['a date without offset', { occurredAt: '2019-11-12T08:30:00' }, 'occurredAt', /fuseau/],
    ['a date in the future', { occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }, 'occurredAt', /futur/],
    ['an impossible date', { occurredAt: '2019-02-30T08:30:00+01:00' }, 'occurredAt', /calendrier/],
    ['an unknown field', { occurredAt: '2019-11-12T08:30:00+01:00', isAdmin: true }, 'isAdmin', /attendu/],
    ['a wrong enum', { occurredAt: '2019-11-12T08:30:00+01:00', severity: 'catastrophic' }, 'severity', /blocking/],
    ['a title too long', { occurredAt: '2019-11-12T08:30:00+01:00', title: 'x'.repeat(201) }, 'title', /200/],
    ['null instead of a value', { occurredAt: '2019-11-12T08:30:00+01:00', description: null }, 'description', /null/],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_label, patch, field, sentence) => {
    const before = await headRevision();
    const body = { title: 'Plus de messagerie', category: 'outage', severity: 'blocking', ...patch };
    const res = await t.http.post(`/api/v1/cases/${caseId}/incidents`).set(bearer(agent)).send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'INVALID_INPUT' });
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(res.body.message.join(' ')).toMatch(sentence);
    expect(await headRevision()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/incidents`)
      .set(bearer(agent))
      .set('accept-language', 'en-GB,en')
      .send({ occurredAt: '2019-11-12T08:30:00' })
      .expect(400);
    expect(res.body.message.join(' ')).toMatch(/offset/);
  });

  it('refuses a restoration earlier than its cut-off (422) and one of an unknown cut-off', async () => {
    const early = await t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set(bearer(agent))
      .send({ cutOffEntryId: cutOffId, occurredAt: '2019-11-12T07:00:00+01:00' })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'RULE_VIOLATED', fields: [{ field: 'occurredAt' }] });
    const unknown = await t.http
      .post(`/api/v1/cases/${caseId}/access-restorations`)
      .set(bearer(agent))
      .send({ cutOffEntryId: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13', occurredAt: '2019-11-14T07:00:00+01:00' })
      .expect(422);
    expect(unknown.body.fields[0].field).toBe('cutOffEntryId');
  });

  it('answers 404 for a response to a request that does not exist, and 422 for one received before it was sent', async () => {
    const body = { receivedAt: '2019-11-14T10:00:00+01:00', channel: 'letter', from: 'Président', form: 'written', outcome: 'refused' };
    await t.http.post(`/api/v1/cases/${caseId}/requests/3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13/responses`).set(bearer(agent)).send(body).expect(404);
    await t.http
      .post(`/api/v1/cases/${caseId}/requests/${requestId}/responses`)
      .set(bearer(agent))
      .send({ ...body, receivedAt: '2019-11-12T10:00:00+01:00' })
      .expect(422);
    await t.http.post(`/api/v1/cases/${caseId}/requests/${requestId}/responses`).set(bearer(agent)).send(body).expect(201);
  });

  it('refuses corrections that break the entry, and corrections of unknown entries', async () => {
    const bad = await t.http
      .post(`/api/v1/cases/${caseId}/entries/${cutOffId}/corrections`)
      .set(bearer(agent))
      .send({ changes: { priorNotice: 'maybe' }, reason: 'x' })
      .expect(400);
    expect(bad.body.fields[0].field).toBe('changes.priorNotice');
    await t.http
      .post(`/api/v1/cases/${caseId}/entries/${cutOffId}/corrections`)
      .set(bearer(agent))
      .send({ changes: { entryId: 'x' }, reason: 'x' })
      .expect(400);
    await t.http
      .post(`/api/v1/cases/${caseId}/entries/3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13/corrections`)
      .set(bearer(agent))
      .send({ changes: { priorNotice: 'oral' }, reason: 'x' })
      .expect(404);
  });

  it('answers 409 when expectedRevision is stale, and writes nothing', async () => {
    const before = await headRevision();
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/notes`)
      .set(bearer(agent))
      .send({ text: 'x', expectedRevision: before - 1 })
      .expect(409);
    expect(res.body.code).toBe('REVISION_CONFLICT');
    expect(await headRevision()).toBe(before);
    await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(agent)).send({ text: 'x', expectedRevision: before }).expect(201);
  });

  describe('an evidence upload with expectedRevision (a multipart field, so text)', () => {
    /** Temporary uploads are removed once the answer is sent: give them a moment. */
    const leftUploads = async () => {
      const dir = join(t.dataDir, 'uploads');
      for (let i = 0; i < 100 && readdirSync(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
      return readdirSync(dir);
    };
    const upload = (expectedRevision: string) =>
      t.http
        .post(`/api/v1/cases/${caseId}/evidence`)
        .set(bearer(agent))
        .field('expectedRevision', expectedRevision)
        .attach('file', Buffer.from(`capture conditionnelle ${expectedRevision}\n`), 'capture.txt');

    it('answers 409 on a stale revision and keeps neither an event nor a byte of the file', async () => {
      const before = await headRevision();
      const stored = storedEvidenceFiles(t.dataDir);
      const res = await upload(String(before - 1)).expect(409);
      expect(res.body).toMatchObject({ code: 'REVISION_CONFLICT', fields: [{ field: 'expectedRevision' }] });
      expect(await headRevision()).toBe(before);
      expect(storedEvidenceFiles(t.dataDir)).toEqual(stored);
      expect(await leftUploads()).toEqual([]);
    });

    it('records the upload at the expected revision, without keeping expectedRevision in the event', async () => {
      const before = await headRevision();
      await upload(String(before)).expect(201);
      const events = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent)).expect(200)).body;
      expect(events[events.length - 1].data).not.toHaveProperty('expectedRevision');
    });

    it.each(['-1', '1.5', 'trois', ''])('refuses %p with a 400 naming the field', async (value) => {
      const res = await upload(value).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['expectedRevision']);
    });
  });

  describe('a faulty multipart form: 400 naming the part and what is wrong, and nothing kept', () => {
    const boundary = 'limite-hostile';
    const part = (name: string, filename?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\ncontenu\r\n`;
    const send = (body: string, lang = 'fr') =>
      t.http
        .post(`/api/v1/cases/${caseId}/evidence`)
        .set(bearer(agent))
        .set('accept-language', lang)
        .set('content-type', `multipart/form-data; boundary=${boundary}`)
        .send(body);

    it.each([
      ['two file parts', part('file', 'a.txt') + part('file', 'b.txt'), 'file', /plusieurs fichiers/, /several files/],
      ['a file in another field', part('other', 'a.txt'), 'other', /« other » n'attend pas de fichier/, /other does not take a file/],
      ['a body cut short', (part('file', 'a.txt') + `--${boundary}--\r\n`).slice(0, 80), 'form', /s'arrête avant sa fin/, /ends before its end/],
    ])('%s', async (_label, body, field, french, english) => {
      const before = await headRevision();
      const stored = storedEvidenceFiles(t.dataDir);
      const fr = await send(body).expect(400);
      expect(fr.body).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field }] });
      expect(fr.body.message[0]).toMatch(french);
      const en = await send(body, 'en').expect(400);
      expect(en.body.message[0]).toMatch(english);
      expect(await headRevision()).toBe(before);
      expect(storedEvidenceFiles(t.dataDir)).toEqual(stored);
      expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
    });
  });

  describe('query parameters, handled alike by every route', () => {
    it('refuses from after to with the same 400 on the changes as on the scorecard', async () => {
      const q = { from: '2019-11-24T00:00:00Z', to: '2019-11-01T00:00:00Z' };
      const changes = await t.http.get(`/api/v1/cases/${caseId}/changes`).query(q).set(bearer(agent)).expect(400);
      expect(changes.body.fields).toEqual([{ field: 'from', message: 'Le paramètre « from » doit précéder « to ».' }]);
      const providerId = (
        await t.http
          .post('/api/v1/providers')
          .set(bearer(await t.adminToken()))
          .send({ name: 'Prestataire des paramètres' })
          .expect(201)
      ).body.id;
      const scorecard = await t.http.get(`/api/v1/providers/${providerId}/scorecard`).query(q).set(bearer(agent)).expect(400);
      expect(scorecard.body.message).toEqual(changes.body.message);
      await t.http.get(`/api/v1/cases/${caseId}/changes`).query({ from: q.to, to: q.from }).set(bearer(agent)).expect(200);
    });

    it('refuses unknown parameters on /integrity/* too, and takes lang there', async () => {
      const admin = bearer(await t.adminToken());
      const verify = await t.http.get('/api/v1/integrity/verify?x=1').set(admin).expect(400);
      expect(verify.body.fields[0].field).toBe('x');
      await t.http.get('/api/v1/integrity/public-key?format=der').expect(400);
      await t.http.get('/api/v1/integrity/public-key?lang=en').expect(200);
      await t.http.get('/api/v1/integrity/verify?lang=fr').set(admin).expect(200);
    });

    it('echoes as asOf the instant each view was computed at, the same way on every view', async () => {
      const asOfOf = async (path: string, query: Record<string, string>) =>
        (await t.http.get(`/api/v1/cases/${caseId}${path}`).query(query).set(bearer(agent)).expect(200)).body.asOf;
      const views = ['', '/timeline', '/requests', '/outages', '/access'];
      // An instant after the case was opened, written in Paris winter time as a person would.
      const used = new Date(Date.now() - 1).toISOString();
      const given = new Date(Date.parse(used) + 3_600_000).toISOString().replace('Z', '+01:00');
      for (const view of views) expect({ view, asOf: await asOfOf(view, { asOf: given }) }).toEqual({ view, asOf: used });
      // The live timeline keeps asOf null: the web pages read a non-null one as a replay.
      expect(await asOfOf('/timeline', {})).toBeNull();
      expect(Date.parse(await asOfOf('/timeline', { asOf: '2999-01-01T00:00:00Z' }))).toBeLessThanOrEqual(Date.now());
      for (const view of views.filter((v) => v !== '/timeline')) {
        const before = Date.now();
        const echoed = await asOfOf(view, {});
        expect({ view, iso: new Date(echoed).toISOString() === echoed, now: Date.parse(echoed) >= before - 1000 && Date.parse(echoed) <= Date.now() }).toEqual({
          view,
          iso: true,
          now: true,
        });
        // A future asOf is now: nothing has happened there yet.
        expect(Date.parse(await asOfOf(view, { asOf: '2999-01-01T00:00:00Z' }))).toBeLessThanOrEqual(Date.now());
      }
    });
  });

  it('answers 405 with Allow to a method an API path does not take, and still 404 for a case that does not exist', async () => {
    const put = await t.http.put(`/api/v1/cases/${caseId}`).set(bearer(agent)).send({ title: 'x' }).expect(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    expect(put.body).toMatchObject({ statusCode: 405, error: 'Method Not Allowed', code: 'METHOD_NOT_ALLOWED' });
    expect(put.body.message[0]).toMatch(/PUT n’est pas acceptée/);
    // The route is public knowledge: the same answer for a case nobody can see, and without a token.
    const unknown = await t.http.put('/api/v1/cases/3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13').expect(405);
    expect(unknown.headers.allow).toBe('GET, HEAD');
    const options = await t.http.options('/api/v1/cases').expect(405);
    expect(options.headers.allow).toBe('GET, HEAD, POST');
    await t.http.get('/api/v1/cases/3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13').set(bearer(agent)).expect(404);
    await t.http.delete(`/api/v1/cases/${caseId}/shares/3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13`).set(bearer(agent)).send({ reason: 'x' }).expect(404);
    await t.http.put('/api/v1/no-such-route').set(bearer(agent)).expect(404);
  });

  it('refuses a body over the limit with 413, broken JSON with 400, and other media types with 415', async () => {
    const big = await t.http
      .post(`/api/v1/cases/${caseId}/notes`)
      .set(bearer(agent))
      .send({ text: 'é'.repeat(70 * 1024) })
      .expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const broken = await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(agent)).set('content-type', 'application/json').send('{"text": ').expect(400);
    expect(broken.body.code).toBe('INVALID_JSON');
    await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(agent)).set('content-type', 'text/plain').send('text=bonjour').expect(415);
    const array = await t.http
      .post(`/api/v1/cases/${caseId}/notes`)
      .set(bearer(agent))
      .send([{ text: 'x' }]);
    expect(array.status).toBe(400);
  });

  it('asks for authentication everywhere but login, health and docs', async () => {
    await t.http.get('/api/v1/cases').expect(401);
    await t.http.get('/api/v1/cases').set('authorization', 'Bearer mc1.forged.token').expect(401);
    await t.http.post(`/api/v1/cases/${caseId}/notes`).send({ text: 'x' }).expect(401);
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', store: 'sqlite', headPosition: expect.any(Number) });
    expect(health.body.headPosition).toBeGreaterThan(0);
    const docs = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases/{caseId}/access-cutoffs', '/api/v1/auth/login']));
  });

  it('gives the same answer to a wrong password and to an unknown user', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ username: 'bollywood', password: 'pas-le-bon-mot-de-passe' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ username: 'personne', password: 'pas-le-bon-mot-de-passe' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    // Not the sentence of a missing token: the person typed something wrong.
    expect(wrong.body).toMatchObject({ code: 'LOGIN_REFUSED', message: ['Identifiant ou mot de passe incorrect, ou compte désactivé.'] });
    await t.http.post('/api/v1/auth/login').send({ username: 42, password: [] }).expect(400);
  });

  describe('bodies that cannot be kept as sent are refused, on every route, before anything is read or written', () => {
    // serialize: the bytes as given (superagent would otherwise write a Buffer as JSON).
    const raw = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      t.http
        .post(path)
        .set(bearer(agent))
        .set({ 'content-type': 'application/json', ...headers })
        .serialize((bytes: unknown) => bytes as string)
        .send(body as string);

    it('half of a UTF-16 character (JSON \\ud800): 400 naming the field, also at login', async () => {
      const before = await headRevision();
      const note = await raw(`/api/v1/cases/${caseId}/notes`, '{"text":"a\\ud800"}').expect(400);
      expect(note.body).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'text' }] });
      expect(note.body.message[0]).toMatch(/« text » contient un caractère invalide/);
      const nested = await raw(`/api/v1/cases/${caseId}/access-cutoffs`, '{"resources":[{"kind":"mailbox","label":"\\udc00"}]}').expect(400);
      expect(nested.body.fields).toEqual([{ field: 'resources[0].label', message: expect.stringMatching(/caractère invalide/) }]);
      const login = await t.http.post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username":"\\ud800","password":"x"}').expect(400);
      expect(login.body.fields[0].field).toBe('username');
      expect(await headRevision()).toBe(before);
    });

    it('bytes that are not UTF-8: 400, instead of storing U+FFFD in their place', async () => {
      const before = await headRevision();
      const res = await raw(
        `/api/v1/cases/${caseId}/notes`,
        Buffer.concat([Buffer.from('{"text":"octets '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      ).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_UTF8' });
      expect(await headRevision()).toBe(before);
    });

    it('a body nested deeper than any of the API, or a list: 400, not a stack overflow', async () => {
      const before = await headRevision();
      const deep = await raw(`/api/v1/cases/${caseId}/notes`, `{"text":"x","a":${'['.repeat(5000)}${']'.repeat(5000)}}`).expect(400);
      expect(deep.body.message[0]).toMatch(/imbriqué sur plus de 32 niveaux/);
      await t.http
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(`${'['.repeat(20000)}${']'.repeat(20000)}`)
        .expect(400);
      const list = await raw(`/api/v1/cases/${caseId}/notes`, '[{"text":"x"}]').expect(400);
      expect(list.body.message).toEqual(['Le corps de la requête doit être un objet JSON ({ … }), pas une liste.']);
      expect(await headRevision()).toBe(before);
    });

    it.each(['gzip', 'deflate', 'br'])('a body announced as %s that is not compressed: 400', async (encoding) => {
      const res = await raw(`/api/v1/cases/${caseId}/notes`, '{"text":"x"}', { 'content-encoding': encoding }).expect(400);
      expect(res.body).toMatchObject({ code: 'UNREADABLE_BODY' });
    });

    it.each([
      ['application/jsonx', `/notes`],
      ['application/json; charset=utf-16', `/notes`],
      ['multipart/form-data; boundary=x', `/notes`],
      ['application/json', `/evidence`],
    ])('a media type the route does not read (%s on %s): 415 saying what to send', async (type, route) => {
      const before = await headRevision();
      const res = await raw(`/api/v1/cases/${caseId}${route}`, '{"text":"x"}', { 'content-type': type }).expect(415);
      expect(res.body.message[0]).toMatch(route === '/evidence' ? /multipart\/form-data/ : /application\/json/);
      expect(await headRevision()).toBe(before);
    });

    it('still takes JSON that says it is UTF-8', async () => {
      await raw(`/api/v1/cases/${caseId}/notes`, '{"text":"déjà vu 😀"}', { 'content-type': 'application/json; charset=UTF-8' }).expect(201);
    });
  });
});
