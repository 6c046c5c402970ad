import { TestApp, bearer, startTestApp } from './support/test-app';

/**
 * Every route of the service x every kind of caller, asserting the exact status code. The route
 * list is read from the running application, so a new endpoint without a rule here fails the
 * suite until someone decides who may call it.
 */

type Relation = 'anonymous' | 'stranger' | 'admin' | 'revoked' | 'reader' | 'exporter' | 'contributor' | 'owner';
/** Refusals first, successes last: a success may change the case (close, revoke...). */
const RELATIONS: Relation[] = ['anonymous', 'stranger', 'admin', 'revoked', 'reader', 'exporter', 'contributor', 'owner'];

type CaseRule = 'read' | 'write' | 'export' | 'owner' | 'own-entry';
const HIDDEN = { anonymous: 401, stranger: 404, admin: 404, revoked: 404 } as const;
const EXPECTED: Record<CaseRule, (ok: number) => Record<Relation, number>> = {
  read: (ok) => ({ ...HIDDEN, reader: ok, exporter: ok, contributor: ok, owner: ok }),
  write: (ok) => ({ ...HIDDEN, reader: 403, exporter: 403, contributor: ok, owner: ok }),
  export: (ok) => ({ ...HIDDEN, reader: 403, exporter: ok, contributor: 403, owner: ok }),
  owner: (ok) => ({ ...HIDDEN, reader: 403, exporter: 403, contributor: 403, owner: ok }),
  // The target entry was written by the owner: only its author mends it.
  'own-entry': (ok) => ({ ...HIDDEN, reader: 403, exporter: 403, contributor: 403, owner: ok }),
};

interface CaseFixture {
  caseId: string;
  cutOffId: string;
  requestId: string;
  noteId: string;
  evidenceId: string;
  spareGrantId: string;
}

interface CaseRoute {
  rule: CaseRule;
  ok: number;
  body?: (f: CaseFixture) => object;
  multipart?: boolean;
  closed?: boolean;
}

const at = '2019-11-14T10:00:00+01:00';
const CASE_ROUTES: Record<string, CaseRoute> = {
  'GET /api/v1/cases/:caseId': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/timeline': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/events': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/changes': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/requests': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/outages': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/evidence/:evidenceId': { rule: 'read', ok: 200 },
  'GET /api/v1/cases/:caseId/dossier.pdf': { rule: 'export', ok: 200 },
  'GET /api/v1/cases/:caseId/bundle.zip': { rule: 'export', ok: 200 },
  'POST /api/v1/cases/:caseId/incidents': {
    rule: 'write',
    ok: 201,
    body: () => ({ occurredAt: at, title: 'Panne', category: 'outage', severity: 'blocking' }),
  },
  'POST /api/v1/cases/:caseId/access-cutoffs': {
    rule: 'write',
    ok: 201,
    body: () => ({ occurredAt: at, resources: [{ kind: 'chat' }], decidedBy: 'provider', priorNotice: 'none' }),
  },
  'POST /api/v1/cases/:caseId/access-restorations': { rule: 'write', ok: 201, body: (f) => ({ cutOffEntryId: f.cutOffId, occurredAt: at }) },
  'POST /api/v1/cases/:caseId/provider-actions': {
    rule: 'write',
    ok: 201,
    body: () => ({ occurredAt: at, action: 'remote_takeover', description: 'Prise en main', notifiedBeforehand: false }),
  },
  'POST /api/v1/cases/:caseId/requests': {
    rule: 'write',
    ok: 201,
    body: () => ({ sentAt: at, channel: 'email', from: 'Agent', to: 'DGS', subject: 'Question', kind: 'question_to_hierarchy' }),
  },
  'POST /api/v1/cases/:caseId/requests/:requestEntryId/receipt': { rule: 'write', ok: 201, body: () => ({ receivedAt: at }) },
  'POST /api/v1/cases/:caseId/requests/:requestEntryId/responses': {
    rule: 'write',
    ok: 201,
    body: () => ({ receivedAt: at, channel: 'email', from: 'DGS', form: 'written', outcome: 'acknowledged' }),
  },
  'POST /api/v1/cases/:caseId/meetings': { rule: 'write', ok: 201, body: () => ({ occurredAt: at, participants: ['DGS'], summary: 'Entretien' }) },
  'POST /api/v1/cases/:caseId/impacts': { rule: 'write', ok: 201, body: () => ({ periodStart: at, periodEnd: '2019-11-14T12:00:00+01:00' }) },
  'POST /api/v1/cases/:caseId/witness-statements': { rule: 'write', ok: 201, body: () => ({ witness: 'Collègue', statement: 'J’ai vu.' }) },
  'POST /api/v1/cases/:caseId/notes': { rule: 'write', ok: 201, body: () => ({ text: 'Note' }) },
  'POST /api/v1/cases/:caseId/evidence': { rule: 'write', ok: 201, multipart: true },
  'POST /api/v1/cases/:caseId/entries/:entryId/corrections': {
    rule: 'own-entry',
    ok: 201,
    body: () => ({ changes: { text: 'Note corrigée' }, reason: 'coquille' }),
  },
  'POST /api/v1/cases/:caseId/entries/:entryId/retraction': { rule: 'own-entry', ok: 201, body: () => ({ reason: 'doublon' }) },
  'POST /api/v1/cases/:caseId/close': { rule: 'owner', ok: 201, body: () => ({ reason: 'Affaire réglée' }) },
  'POST /api/v1/cases/:caseId/reopen': { rule: 'owner', ok: 201, body: () => ({ reason: 'Nouvelle coupure' }), closed: true },
  'POST /api/v1/cases/:caseId/shares': { rule: 'owner', ok: 201, body: () => ({ grantee: { kind: 'group', id: 'union:FO' }, permission: 'read' }) },
  'GET /api/v1/cases/:caseId/shares': { rule: 'owner', ok: 200 },
  'DELETE /api/v1/cases/:caseId/shares/:grantId': { rule: 'owner', ok: 200, body: () => ({ reason: 'fin' }) },
  'GET /api/v1/cases/:caseId/audit': { rule: 'owner', ok: 200 },
  'GET /api/v1/cases/:caseId/access': { rule: 'owner', ok: 200 },
};

type Role = 'anonymous' | 'agent' | 'union_rep' | 'manager' | 'admin';
const ROLES: Role[] = ['anonymous', 'agent', 'union_rep', 'manager', 'admin'];
const everyoneSignedIn = (ok: number) => ({ anonymous: 401, agent: ok, union_rep: ok, manager: ok, admin: ok });
const adminOnly = (ok: number) => ({ anonymous: 401, agent: 403, union_rep: 403, manager: 403, admin: ok });
const publicRoute = (ok: number) => ({ anonymous: ok, agent: ok, union_rep: ok, manager: ok, admin: ok });

interface Context {
  victimId: string;
  providerId: string;
  n: number;
}
interface OtherRoute {
  expected: Record<Role, number>;
  body?: (c: Context, role: Role) => object;
}

const OTHER_ROUTES: Record<string, OtherRoute> = {
  'GET /api/health': { expected: publicRoute(200) },
  'GET /api/v1/integrity/public-key': { expected: publicRoute(200) },
  // Wrong password for everyone: the route is public, the answer the same for all.
  'POST /api/v1/auth/login': { expected: publicRoute(401), body: () => ({ username: 'personne', password: 'pas-le-bon-mot-de-passe' }) },
  'GET /api/v1/me': { expected: everyoneSignedIn(200) },
  'POST /api/v1/me/password': {
    expected: everyoneSignedIn(422),
    body: () => ({ currentPassword: 'pas-le-bon-mot-de-passe', newPassword: 'une phrase de passe neuve' }),
  },
  'GET /api/v1/cases': { expected: everyoneSignedIn(200) },
  'POST /api/v1/cases': { expected: { anonymous: 401, agent: 201, union_rep: 201, manager: 403, admin: 403 }, body: () => ({ title: 'Nouveau dossier' }) },
  'GET /api/v1/deadlines': { expected: everyoneSignedIn(200) },
  'GET /api/v1/integrity/verify': { expected: adminOnly(200) },
  'GET /api/v1/accounts': { expected: adminOnly(200) },
  'POST /api/v1/accounts': {
    expected: adminOnly(201),
    body: (c) => ({ username: `nouveau-${c.n}`, role: 'agent', password: 'une phrase de passe solide' }),
  },
  'POST /api/v1/accounts/:accountId/disable': { expected: adminOnly(200), body: () => ({ reason: 'départ' }) },
  'POST /api/v1/accounts/:accountId/enable': { expected: adminOnly(409), body: () => ({}) },
  'POST /api/v1/accounts/:accountId/role': { expected: adminOnly(200), body: () => ({ role: 'manager' }) },
  'POST /api/v1/accounts/:accountId/password': { expected: adminOnly(200), body: () => ({ password: 'une phrase de passe neuve' }) },
  'GET /api/v1/providers': { expected: everyoneSignedIn(200) },
  'GET /api/v1/providers/:providerId': { expected: everyoneSignedIn(200) },
  // Aggregated over the caller's own visible cases: everyone signed in, each sees their share.
  'GET /api/v1/providers/:providerId/scorecard': { expected: everyoneSignedIn(200) },
  'GET /api/v1/providers/:providerId/report.pdf': { expected: everyoneSignedIn(200) },
  'POST /api/v1/providers': { expected: adminOnly(201), body: () => ({ name: 'Infogérance SA' }) },
  'POST /api/v1/providers/:providerId/sla': {
    expected: adminOnly(201),
    body: () => ({ metric: 'service_restoration', target: 1440, calendar: '24x7', source: 'Contrat, annexe 4' }),
  },
  'POST /api/v1/providers/:providerId/business-hours': {
    expected: adminOnly(201),
    body: () => ({ weekly: { '1': [{ from: '08:00', to: '18:00' }] }, source: 'Contrat, indicateur 3.2.1' }),
  },
  'DELETE /api/v1/providers/:providerId/sla/:metric': { expected: adminOnly(200), body: () => ({ reason: 'avenant' }) },
};

/** The OpenAPI document and its UI: public, and checked once below rather than per file Swagger serves. */
const DOCUMENTATION = /^GET \/api\/docs/;

/** Every route the running application answers, as "METHOD /path/:param" (documentation aside). */
function routesOf(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const routes: string[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') routes.push(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return routes.filter((r) => !DOCUMENTATION.test(r));
}

describe('Authorization matrix: every endpoint x every caller (e2e)', () => {
  let t: TestApp;
  const tokens = {} as Record<Exclude<Relation, 'anonymous'> | Exclude<Role, 'anonymous'>, string>;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ MC_WRITE_LIMIT_PER_MINUTE: '0' });
    adminToken = await t.adminToken();
    tokens.owner = (await t.user('proprietaire')).token;
    tokens.stranger = (await t.user('inconnue')).token;
    tokens.reader = (await t.user('lectrice')).token;
    tokens.revoked = (await t.user('ancienne')).token;
    tokens.contributor = (await t.user('deleguee', 'union_rep', { union: 'CGT' })).token;
    // Shares reach a union only if it has a representative: the unions the fixtures name.
    await t.user('delegue-fo', 'union_rep', { union: 'FO' });
    await t.user('delegue-sud', 'union_rep', { union: 'SUD' });
    tokens.exporter = (await t.user('directrice', 'manager')).token;
    tokens.admin = adminToken;
    tokens.agent = tokens.stranger;
    tokens.union_rep = tokens.contributor;
    tokens.manager = tokens.exporter;
  });
  afterAll(() => t.close());

  it('has a rule for every route the application answers, and no rule for a route that does not exist', () => {
    const routes = routesOf(t).sort();
    const ruled = [...Object.keys(CASE_ROUTES), ...Object.keys(OTHER_ROUTES)].sort();
    expect(routes).toEqual(ruled);
  });

  it('serves the API documentation to anyone, read-only', async () => {
    await t.http.get('/api/docs-json').expect(200);
    const post = await t.http.post('/api/docs-json').send({}).expect(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  const send = (method: string, path: string, token: string | null, body?: object, multipart = false) => {
    let req = t.http[method.toLowerCase() as 'get' | 'post' | 'delete'](path);
    if (token) req = req.set(bearer(token));
    if (multipart) return req.attach('file', Buffer.from('capture d’écran\n'), { filename: 'capture.txt', contentType: 'text/plain' });
    return body ? req.send(body) : req;
  };

  async function caseFixture(closed: boolean): Promise<CaseFixture> {
    const owner = tokens.owner;
    const post = async (path: string, body: object) => (await send('POST', path, owner, body).expect(201)).body;
    const caseId = (await post('/api/v1/cases', { title: 'Matrice' })).id;
    const base = `/api/v1/cases/${caseId}`;
    const cutOffId = (await post(`${base}/access-cutoffs`, { occurredAt: at, resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' }))
      .entryId;
    const requestId = (
      await post(`${base}/requests`, { sentAt: at, channel: 'letter', from: 'Agent', to: 'Président', subject: 'Sanction ?', kind: 'question_to_hierarchy' })
    ).entryId;
    const noteId = (await post(`${base}/notes`, { text: 'Note du propriétaire' })).entryId;
    const evidenceId = (await send('POST', `${base}/evidence`, owner, undefined, true).expect(201)).body.evidenceId;
    const grant = async (grantee: object, permission: string) => (await post(`${base}/shares`, { grantee, permission })).grantId as string;
    await grant({ kind: 'user', username: 'lectrice' }, 'read');
    await grant({ kind: 'group', id: 'union:CGT' }, 'contribute');
    await grant({ kind: 'group', id: 'management' }, 'export');
    const revoked = await grant({ kind: 'user', username: 'ancienne' }, 'read');
    await send('DELETE', `${base}/shares/${revoked}`, owner, { reason: 'fin de mission' }).expect(200);
    const spareGrantId = await grant({ kind: 'group', id: 'union:SUD' }, 'read');
    if (closed) await post(`${base}/close`, { reason: 'clos' });
    return { caseId, cutOffId, requestId, noteId, evidenceId, spareGrantId };
  }

  const fill = (route: string, f: CaseFixture) =>
    route
      .replace(':caseId', f.caseId)
      .replace(':requestEntryId', f.requestId)
      .replace(':entryId', f.noteId)
      .replace(':evidenceId', f.evidenceId)
      .replace(':grantId', f.spareGrantId);

  describe.each(Object.entries(CASE_ROUTES))('%s', (route, rule) => {
    it.each(RELATIONS.map((r) => [r, EXPECTED[rule.rule](rule.ok)[r]] as const))('as %s -> %i', async (relation, status) => {
      // A fresh case per caller, so that one caller's success never decides another's answer.
      const fixture = await caseFixture(!!rule.closed);
      const [method, template] = route.split(' ');
      const res = await send(method, fill(template, fixture), relation === 'anonymous' ? null : tokens[relation], rule.body?.(fixture), rule.multipart);
      expect({ route, relation, status: res.status }).toEqual({ route, relation, status });
    });
  });

  describe.each(Object.entries(OTHER_ROUTES))('%s', (route, rule) => {
    it.each(ROLES.map((r) => [r, rule.expected[r]] as const))('as %s -> %i', async (role, status) => {
      const n = Math.floor(Math.random() * 1e9);
      const victim = await t.http
        .post('/api/v1/accounts')
        .set(bearer(adminToken))
        .send({ username: `cible-${n}`, role: 'agent', password: 'une phrase de passe solide' })
        .expect(201);
      const provider = await t.http.post('/api/v1/providers').set(bearer(adminToken)).send({ name: 'Prestataire' }).expect(201);
      await t.http
        .post(`/api/v1/providers/${provider.body.id}/sla`)
        .set(bearer(adminToken))
        .send({ metric: 'service_restoration', target: 1440, calendar: '24x7', source: 'Contrat' })
        .expect(201);
      const context: Context = { victimId: victim.body.id, providerId: provider.body.id, n };
      const [method, template] = route.split(' ');
      const path = template.replace(':accountId', context.victimId).replace(':providerId', context.providerId).replace(':metric', 'service_restoration');
      const res = await send(method, path, role === 'anonymous' ? null : tokens[role], rule.body?.(context, role));
      expect({ route, role, status: res.status }).toEqual({ route, role, status });
    });
  });
});
