import { TestApp, bearer, startTestApp } from './support/test-app';

/**
 * The provider register through the HTTP API: the seed contract (Bordeaux Métropole's shared
 * IT service, contrat d'engagement, annex 4) and its five service levels, each with its clause.
 */
describe('Providers and their contract service levels', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let providerId: string;

  const CLAUSE = "Contrat d'engagement, annexe 4";
  const SEED_SLA = [
    {
      metric: 'resolution_blocking',
      target: 4 * 60,
      calendar: 'business_hours',
      source: `${CLAUSE}, indicateur 3.3.2 (4 heures pour les incidents bloquants)`,
    },
    {
      metric: 'resolution_non_blocking',
      target: 2 * 24 * 60,
      calendar: 'business_hours',
      source: `${CLAUSE}, indicateur 3.3.2 (jusqu'à 2 jours pour les incidents non bloquants)`,
    },
    { metric: 'service_restoration', target: 24 * 60, calendar: '24x7', source: `${CLAUSE}, indicateur 4.1.2 (délai de remise en service : 1 journée)` },
    { metric: 'data_restoration', target: 12 * 60, calendar: '24x7', source: `${CLAUSE}, indicateur 4.2.1 (délais de restauration : ½ journée)` },
    { metric: 'max_data_loss', target: 24 * 60, calendar: '24x7', source: `${CLAUSE}, indicateur 4.2.2 (perte de données maximale : 1 journée)` },
  ];
  const UNKNOWN = '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13';

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    agent = (await t.user('bollywood')).token;
  });
  afterAll(() => t.close());

  const fieldsOf = (body: any): string[] => (body.fields ?? []).map((f: { field: string }) => f.field);

  it('lets the admin register the seed contract’s provider', async () => {
    const res = await t.http
      .post('/api/v1/providers')
      .set(bearer(admin))
      .send({
        name: 'Bordeaux Métropole — DGNSI (service commun numérique)',
        contractReference: "Contrat d'engagement Bordeaux Métropole – commune, avenant n°2 (RGPD)",
        services: ['Assistance utilisateurs', 'Hébergement et MCO', 'Messagerie', 'Serveur de fichiers'],
        contact: 'Centre de services de la DGNSI, du lundi au vendredi 9h-12h et 13h30-17h30',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `provider-${res.body.id}`,
      revision: 0,
      recordedAt: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    providerId = res.body.id;
  });

  it('records its five commitments with their clauses, one event each', async () => {
    for (const [index, commitment] of SEED_SLA.entries()) {
      const res = await t.http.post(`/api/v1/providers/${providerId}/sla`).set(bearer(admin)).send(commitment).expect(201);
      expect(res.body).toMatchObject({ id: providerId, streamId: `provider-${providerId}`, revision: index + 1 });
    }
    const one = (await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(admin)).expect(200)).body;
    expect(one.commitments.map((c: any) => ({ metric: c.metric, target: c.target, calendar: c.calendar, source: c.source }))).toEqual(SEED_SLA);
    expect(one.commitments.every((c: any) => typeof c.definedAt === 'string' && c.definedBy.username === 'admin')).toBe(true);
    expect(one.revision).toBe(5);
  });

  it('shows the provider and its commitments to an agent, who may not write', async () => {
    const list = (await t.http.get('/api/v1/providers').set(bearer(agent)).expect(200)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: providerId,
      name: 'Bordeaux Métropole — DGNSI (service commun numérique)',
      contractReference: "Contrat d'engagement Bordeaux Métropole – commune, avenant n°2 (RGPD)",
      services: ['Assistance utilisateurs', 'Hébergement et MCO', 'Messagerie', 'Serveur de fichiers'],
    });
    expect(list[0].commitments).toHaveLength(5);
    expect(list[0].commitments[0]).toEqual({ ...SEED_SLA[0], definedAt: expect.any(String), definedBy: expect.objectContaining({ username: 'admin' }) });
    await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(agent)).expect(200);

    const refused = await t.http.post('/api/v1/providers').set(bearer(agent)).send({ name: 'Autre prestataire' }).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await t.http.post(`/api/v1/providers/${providerId}/sla`).set(bearer(agent)).send(SEED_SLA[0]).expect(403);
    await t.http.delete(`/api/v1/providers/${providerId}/sla/max_data_loss`).set(bearer(agent)).send({ reason: 'x' }).expect(403);
    expect((await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(agent))).body.revision).toBe(5);
  });

  it('asks for a token', async () => {
    await t.http.get('/api/v1/providers').expect(401);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown metric', { metric: 'uptime' }, 'metric'],
    ['a float target', { target: 90.5 }, 'target'],
    ['a target as a string', { target: '240' }, 'target'],
    ['a negative target', { target: -5 }, 'target'],
    ['a zero target for a resolution time', { target: 0 }, 'target'],
    ['an unknown calendar', { calendar: 'ouvré' }, 'calendar'],
    ['no calendar', { calendar: undefined }, 'calendar'],
    ['a blank source', { source: '  ' }, 'source'],
    ['an unknown field', { severity: 'blocking' }, 'severity'],
  ])('refuses a commitment with %s, naming the field (400)', async (_case, change, field) => {
    const res = await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ ...SEED_SLA[0], ...change })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual([field]);
    expect(res.body.message.join(' ')).toContain(field);
  });

  it('refuses a provider without a name (400)', async () => {
    const res = await t.http.post('/api/v1/providers').set(bearer(admin)).send({ contractReference: 'x' }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['name']);
  });

  it('accepts a prior notice of zero minutes (no notice owed)', async () => {
    await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ metric: 'prior_notice', target: 0, calendar: '24x7', source: `${CLAUSE} (aucun préavis prévu)` })
      .expect(201);
    await t.http
      .delete(`/api/v1/providers/${providerId}/sla/prior_notice`)
      .set(bearer(admin))
      .send({ reason: 'Saisi par erreur : le contrat ne dit rien du préavis.' })
      .expect(200);
  });

  it('answers 404 for an unknown provider, on reads and writes alike', async () => {
    await t.http.get(`/api/v1/providers/${UNKNOWN}`).set(bearer(agent)).expect(404);
    await t.http.get('/api/v1/providers/not-a-uuid').set(bearer(agent)).expect(404);
    const res = await t.http.post(`/api/v1/providers/${UNKNOWN}/sla`).set(bearer(admin)).send(SEED_SLA[0]).expect(404);
    expect(fieldsOf(res.body)).toEqual(['providerId']);
    await t.http.post('/api/v1/providers/..%2F..%2Fetc/sla').set(bearer(admin)).send(SEED_SLA[0]).expect(404);
    await t.http.delete(`/api/v1/providers/${UNKNOWN}/sla/max_data_loss`).set(bearer(admin)).send({ reason: 'x' }).expect(404);
  });

  it('replaces a commitment when its metric is defined again', async () => {
    const amended = { ...SEED_SLA[2], target: 8 * 60, source: 'Avenant n°3, article 2 (remise en service : 8 heures)' };
    await t.http.post(`/api/v1/providers/${providerId}/sla`).set(bearer(admin)).send(amended).expect(201);
    const one = (await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(agent)).expect(200)).body;
    expect(one.commitments).toHaveLength(5);
    expect(one.commitments.find((c: any) => c.metric === 'service_restoration')).toMatchObject(amended);
  });

  it('withdraws a commitment, which disappears from the list; withdrawing it again is 404', async () => {
    const res = await t.http
      .delete(`/api/v1/providers/${providerId}/sla/max_data_loss`)
      .set(bearer(admin))
      .send({ reason: "Indicateur 4.2.2 supprimé par l'avenant n°3." })
      .expect(200);
    expect(res.body).toMatchObject({ id: providerId, streamId: `provider-${providerId}`, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const list = (await t.http.get('/api/v1/providers').set(bearer(agent)).expect(200)).body;
    expect(list[0].commitments.map((c: any) => c.metric)).toEqual([
      'resolution_blocking',
      'resolution_non_blocking',
      'service_restoration',
      'data_restoration',
    ]);

    const again = await t.http.delete(`/api/v1/providers/${providerId}/sla/max_data_loss`).set(bearer(admin)).send({ reason: 'x' }).expect(404);
    expect(fieldsOf(again.body)).toEqual(['metric']);
    const unknown = await t.http.delete(`/api/v1/providers/${providerId}/sla/uptime`).set(bearer(admin)).send({ reason: 'x' }).expect(400);
    expect(fieldsOf(unknown.body)).toEqual(['metric']);
    const noReason = await t.http.delete(`/api/v1/providers/${providerId}/sla/data_restoration`).set(bearer(admin)).send({}).expect(400);
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
  });

  it('refuses a stale expectedRevision with 409 and writes nothing', async () => {
    const before = (await t.http.get(`/api/v1/providers/${providerId}`).set(bearer(admin))).body.revision;
    await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ ...SEED_SLA[4], expectedRevision: before - 1 })
      .expect(409);
    await t.http
      .post(`/api/v1/providers/${providerId}/sla`)
      .set(bearer(admin))
      .send({ ...SEED_SLA[4], expectedRevision: before })
      .expect(201);
  });

  it('lists providers registered later too, by name', async () => {
    await t.http.post('/api/v1/providers').set(bearer(admin)).send({ name: 'Agence régionale — infogérance' }).expect(201);
    const list = (await t.http.get('/api/v1/providers').set(bearer(agent)).expect(200)).body;
    expect(list.map((p: any) => p.name)).toEqual(['Agence régionale — infogérance', 'Bordeaux Métropole — DGNSI (service commun numérique)']);
    expect(list[0]).toMatchObject({ contractReference: null, services: [], commitments: [] });
  });

  it('keeps the provider streams in the hash-chained journal, intact', async () => {
    const verify = await t.http.get('/api/v1/integrity/verify').set(bearer(admin)).expect(200);
    expect(verify.body.ok).toBe(true);
  });
});
