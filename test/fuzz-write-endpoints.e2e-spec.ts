import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import {
  OpenApiDocument,
  Route,
  apiRoutes,
  bodySchema,
  exampleBody,
  fillPath,
  hostileBody,
  hostileString,
  hostileValue,
  isWrite,
  paramNames,
  routeKey,
  vocabulary,
} from './support/api-surface';
import { TestApp, bearer, seedSmallCase, startTestApp, storedEvidenceFiles } from './support/test-app';

/**
 * Random and hostile input on every write endpoint the app declares (read from its router, with
 * bodies built from its OpenAPI document): never a 5xx, and a refused request writes nothing, in
 * the journal (its head position) or on disk (uploads, stored evidence).
 */
describe('Fuzzing every write endpoint', () => {
  let t: TestApp;
  let store: EventStore;
  let doc: OpenApiDocument;
  let words: { fields: string[]; values: string[] };
  let tokens: Record<'agent' | 'admin', string>;
  let params: Record<string, string>;
  const runs = (n: number) => Number(process.env.FUZZ_RUNS ?? n);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

  /** Who calls a route: its body must reach validation, not stop at the role check. */
  const callerOf = (route: Route): Record<string, string> =>
    route.path === '/api/v1/auth/login' ? {} : bearer(/^\/api\/v1\/(accounts|providers)/.test(route.path) ? tokens.admin : tokens.agent);

  const storedFiles = () => storedEvidenceFiles(t.dataDir);
  /**
   * Temporary uploads left by a request: none once it is over. Nest removes those of a request its
   * pipes refused after the answer is sent, so they are given a moment to go.
   */
  const leftUploads = async () => {
    const dir = join(t.dataDir, 'uploads');
    for (let i = 0; i < 100 && readdirSync(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    return readdirSync(dir);
  };

  beforeAll(async () => {
    t = await startTestApp({ MC_WRITE_LIMIT_PER_MINUTE: '0' });
    store = t.app.get<EventStore>(EVENT_STORE);
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    words = vocabulary(doc);
    const agent = await t.user('fuzz-agent');
    const target = await t.user('fuzz-cible');
    await t.user('fuzz-delegue', 'union_rep', { union: 'CGT' });
    tokens = { agent: agent.token, admin: await t.adminToken() };
    const ids = await seedSmallCase(t, tokens.agent);
    const admin = bearer(tokens.admin);
    const providerId = (await t.http.post('/api/v1/providers').set(admin).send({ name: 'Prestataire du fuzz' }).expect(201)).body.id;
    const sla = { metric: 'resolution_blocking', target: 240, calendar: '24x7', source: 'Contrat, annexe 4' };
    await t.http.post(`/api/v1/providers/${providerId}/sla`).set(admin).send(sla).expect(201);
    const grant = await t.http
      .post(`/api/v1/cases/${ids.caseId}/shares`)
      .set(bearer(tokens.agent))
      .send({ grantee: { kind: 'group', id: 'union:CGT' }, permission: 'read' })
      .expect(201);
    const evidence = await t.http
      .post(`/api/v1/cases/${ids.caseId}/evidence`)
      .set(bearer(tokens.agent))
      .attach('file', Buffer.from('courrier\n'), 'courrier.txt')
      .expect(201);
    params = {
      caseId: ids.caseId,
      requestEntryId: ids.requestId,
      entryId: ids.cutOffId,
      accountId: target.id,
      providerId,
      metric: sla.metric,
      grantId: grant.body.grantId,
      evidenceId: evidence.body.evidenceId,
    };
  });
  afterAll(() => t.close());

  const writeRoutes = () => apiRoutes(t.app).filter(isWrite);

  it('finds the write endpoints in the router and each one documented with its body', () => {
    const routes = writeRoutes();
    // A floor, not the list: the list is whatever the app declares, so a new endpoint is fuzzed too.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map(routeKey)).toEqual(expect.arrayContaining(['POST /api/v1/cases/:caseId/incidents', 'DELETE /api/v1/cases/:caseId/shares/:grantId']));
    for (const route of routes) {
      expect({ route: routeKey(route), body: bodySchema(doc, route) !== null }).toEqual({ route: routeKey(route), body: true });
      for (const name of paramNames(route.path))
        expect({ route: routeKey(route), param: name, known: name in params }).toEqual({ route: routeKey(route), param: name, known: true });
    }
  });

  /** After a refused request, nothing moved; after an accepted one, the state the next runs need is put back. */
  async function check(route: Route, status: number, body: Record<string, unknown>, before: { head: number; stored: string[] }) {
    expect({ route: routeKey(route), status: status < 500 ? 'below 500' : status, body: status < 500 ? null : body }).toEqual({
      route: routeKey(route),
      status: 'below 500',
      body: null,
    });
    if (status >= 400) {
      expect(body.message).toEqual(expect.arrayContaining([expect.any(String)]));
      expect({ route: routeKey(route), head: await store.headPosition(), stored: storedFiles() }).toEqual({ route: routeKey(route), ...before });
    } else if (route.path.endsWith('/close')) {
      await t.http.post(`/api/v1/cases/${params.caseId}/reopen`).set(bearer(tokens.agent)).send({ reason: 'fuzz' }).expect(201);
    }
  }

  it('answers any JSON body on any of them with a 2xx or a 4xx, and writes nothing when it refuses', async () => {
    const routes = writeRoutes().filter((route) => bodySchema(doc, route)?.mediaType === 'application/json');
    const accepted = new Set<string>();
    type Fuzzed = { route: Route; body: unknown; pathParam: string | null };
    const request: fc.Arbitrary<Fuzzed> = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        body: hostileBody(doc, bodySchema(doc, route)!.schema, words.fields, words.values),
        // Now and then an id in the path is replaced by something else.
        pathParam: fc.option(hostileString(), { freq: 6 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, body, pathParam }) => {
        const names = paramNames(route.path);
        const values = pathParam !== null && names.length > 0 ? { ...params, [names[names.length - 1]]: pathParam } : params;
        const before = { head: await store.headPosition(), stored: storedFiles() };
        const res = await t.http[route.method](fillPath(route.path, values))
          .set(callerOf(route))
          .set('content-type', 'application/json')
          .send(JSON.stringify(body) ?? 'null');
        await check(route, res.status, res.body, before);
        if (res.status < 300) accepted.add(routeKey(route));
      }),
      // Each route's documented example first, as it is: those go through the whole write path.
      {
        numRuns: runs(600),
        seed,
        examples: routes.map((route): [Fuzzed] => [{ route, body: exampleBody(doc, bodySchema(doc, route)!.schema), pathParam: null }]),
      },
    );
    // The bodies reach past validation: many routes took at least one of them.
    expect(accepted.size).toBeGreaterThanOrEqual(Math.floor(routes.length / 2));
  });

  it('answers any multipart upload with a 2xx or a 4xx, and keeps no byte of a refused one', async () => {
    const route: Route = { method: 'post', path: '/api/v1/cases/:caseId/evidence' };
    const { schema } = bodySchema(doc, route)!;
    const fields = Object.keys(schema.properties ?? {});
    const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
    const part = fc.oneof(
      fc.record({
        name: fc.constantFrom('file', 'file', 'fichier', ''),
        filename: fc.oneof(fc.constantFrom('courrier.txt', 'photo.jpg', 'note.pdf', 'a"b.txt', '../../etc/passwd', 'x\r\ny.txt'), hostileString()),
        contentType: fc.oneof(fc.constantFrom('text/plain', 'image/jpeg', 'application/pdf', 'application/x-msdownload', ''), hostileString()),
        bytes: fc.oneof(
          fc.constantFrom(
            Buffer.from('Courrier du 12 novembre 2019\n'),
            Buffer.alloc(0),
            Buffer.from('%PDF-1.4\n%%EOF\n'),
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
            Buffer.from('MZ\x90\x00'),
          ),
          fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
        ),
      }),
      fc.record({ name: fc.oneof(fc.constantFrom(...fields, ...words.fields), fc.string()), value: hostileValue(words.fields, words.values).map(text) }),
    );
    // Also well-formed uploads (one file, documented fields with their example values), so that the fuzz goes through storage too.
    const example = exampleBody(doc, schema);
    const wellFormed = fc.record({
      file: fc.record({
        name: fc.constant('file'),
        filename: fc.constantFrom('capture.png', 'courrier.pdf', 'note.txt', 'sans extension'),
        contentType: fc.constantFrom('image/png', 'application/pdf', 'text/plain', 'application/octet-stream'),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((a) => Buffer.from(a)),
      }),
      fields: fc.subarray(Object.keys(example).filter((name) => name !== 'aboutEntryId')),
    });
    const upload = fc.oneof(
      fc.record({ parts: fc.array(part, { maxLength: 4 }), truncate: fc.option(fc.nat({ max: 400 }), { freq: 8 }) }),
      wellFormed.map(({ file, fields }) => ({ parts: [file, ...fields.map((name) => ({ name, value: text(example[name]) }))], truncate: null })),
    );
    const boundary = 'fuzz-limite-7f3a';
    /** Written by hand, not by a form library: malformed headers and cut bodies are part of the fuzz. */
    const multipart = (u: {
      parts: Array<{ name: string; filename: string; contentType: string; bytes: Buffer } | { name: string; value: string }>;
      truncate: number | null;
    }) => {
      const chunks: Buffer[] = [];
      for (const p of u.parts) {
        if ('bytes' in p) {
          chunks.push(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.contentType}\r\n\r\n`,
            ),
          );
          chunks.push(p.bytes, Buffer.from('\r\n'));
        } else {
          chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
        }
      }
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      const whole = Buffer.concat(chunks);
      return u.truncate === null ? whole : whole.subarray(0, u.truncate);
    };
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(upload, async (u) => {
        const before = { head: await store.headPosition(), stored: storedFiles() };
        const res = await t.http
          .post(fillPath(route.path, params))
          .set(bearer(tokens.agent))
          .set('content-type', `multipart/form-data; boundary=${boundary}`)
          .send(multipart(u));
        await check(route, res.status, res.body, before);
        expect({ status: res.status, leftUploads: await leftUploads() }).toEqual({ status: res.status, leftUploads: [] });
        if (res.status < 300) accepted++;
      }),
      { numRuns: runs(200), seed },
    );
    expect(accepted).toBeGreaterThan(runs(200) / 10);
  });

  it('answers random query strings on every read endpoint with a 2xx or a 4xx, and records no refused export', async () => {
    const routes = apiRoutes(t.app).filter((route) => !isWrite(route));
    const query = fc.dictionary(fc.constantFrom('asOf', 'basis', 'from', 'to', 'lang', 'within', 'x'), hostileString(words.values), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), query, async (route, q) => {
        const before = { head: await store.headPosition(), stored: storedFiles() };
        const reader = /^\/api\/v1\/(accounts|integrity)/.test(route.path) ? tokens.admin : tokens.agent;
        const res = await t.http.get(fillPath(route.path, params)).query(q).set(bearer(reader)).buffer(true);
        expect({ route: routeKey(route), query: q, status: res.status < 500 ? 'below 500' : res.status }).toEqual({
          route: routeKey(route),
          query: q,
          status: 'below 500',
        });
        if (res.status >= 400)
          expect({ route: routeKey(route), head: await store.headPosition(), stored: storedFiles() }).toEqual({ route: routeKey(route), ...before });
      }),
      { numRuns: runs(300), seed },
    );
  });
});
