import { TestApp, bearer, startTestApp } from './support/test-app';
import { EventRecord, chainProblems } from './support/processes';

/**
 * Concurrent writers to one case, through real sockets: the store serializes them into one
 * chain, every answer is 201 or 409, and the stream holds exactly the acknowledged entries.
 */
jest.setTimeout(60_000);

describe('Concurrent writers on one case', () => {
  let t: TestApp;
  let agent: string;
  let caseId: string;

  const events = async (): Promise<EventRecord[]> => (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    // A listening server: every supertest request gets its own connection, handled concurrently.
    await t.app.listen(0, '127.0.0.1');
    agent = (await t.user('concurrente')).token;
    caseId = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Écritures simultanées' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('serializes 40 simultaneous notes into one chain holding exactly the acknowledged ones', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.http
          .post(`/api/v1/cases/${caseId}/notes`)
          .set(bearer(agent))
          .send({ text: `note simultanée ${i}` }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const acked = answers.filter((r) => r.status === 201).map((r) => r.body as { entryId: string; revision: number; hash: string });
    expect(acked.length).toBeGreaterThan(0);
    for (const refused of answers.filter((r) => r.status === 409)) expect(refused.body.code).toBe('REVISION_CONFLICT');

    const records = await events();
    expect(chainProblems(records, `case-${caseId}`)).toEqual([]);
    expect(records.map((r) => r.revision)).toEqual(records.map((_, i) => i));
    const notes = records.filter((r) => r.type === 'NoteAdded');
    expect(records).toHaveLength(1 + notes.length);
    expect(new Set(notes.map((r) => r.data.entryId))).toEqual(new Set(acked.map((a) => a.entryId)));
    expect(notes).toHaveLength(acked.length);
    // Each answer names its place in the chain: distinct revisions, each with its stored hash.
    expect(new Set(acked.map((a) => a.revision)).size).toBe(acked.length);
    for (const a of acked) expect({ entryId: records[a.revision].data.entryId, hash: records[a.revision].hash }).toEqual({ entryId: a.entryId, hash: a.hash });
  });

  it('lets exactly one of 10 writers naming the same expectedRevision through, and writes nothing else', async () => {
    const before = await events();
    const head = before[before.length - 1].revision;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.http
          .post(`/api/v1/cases/${caseId}/notes`)
          .set(bearer(agent))
          .send({ text: `même révision ${i}`, expectedRevision: head }),
      ),
    );
    const won = answers.filter((r) => r.status === 201);
    const lost = answers.filter((r) => r.status !== 201);
    expect(won).toHaveLength(1);
    expect(won[0].body).toMatchObject({ revision: head + 1 });
    expect(lost).toHaveLength(9);
    for (const r of lost) expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'REVISION_CONFLICT' });

    const after = await events();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[after.length - 1]).toMatchObject({
      revision: head + 1,
      prevHash: before[before.length - 1].hash,
      hash: won[0].body.hash,
      data: { entryId: won[0].body.entryId },
    });
    expect(chainProblems(after, `case-${caseId}`)).toEqual([]);
  });

  it('refuses a stale expectedRevision without writing, and the journal verifies', async () => {
    const before = await events();
    const stale = await t.http
      .post(`/api/v1/cases/${caseId}/notes`)
      .set(bearer(agent))
      .send({ text: 'en retard', expectedRevision: before.length - 2 });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'REVISION_CONFLICT' });
    expect(await events()).toHaveLength(before.length);
    const verify = await t.http
      .get('/api/v1/integrity/verify')
      .set(bearer(await t.adminToken()))
      .expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });
});
