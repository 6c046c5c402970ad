import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

describe('Sharing a case and the audit trail of who read it (e2e)', () => {
  let t: TestApp;
  let owner: { token: string; id: string };
  let rep: { token: string; id: string };
  let otherRep: { token: string; id: string };
  let manager: { token: string; id: string };
  let colleague: { token: string; id: string };
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.user('bollywood');
    rep = await t.user('louve', 'union_rep', { union: 'CGT' });
    otherRep = await t.user('renard', 'union_rep', { union: 'FO' });
    manager = await t.user('dgs', 'manager');
    colleague = await t.user('ferris');
    caseId = (await seedSmallCase(t, owner.token)).caseId;
  });
  afterAll(() => t.close());

  const share = (grantee: unknown, permission: string, token = owner.token) =>
    t.http.post(`/api/v1/cases/${caseId}/shares`).set(bearer(token)).send({ grantee, permission });
  const listed = async (token: string) => (await t.http.get('/api/v1/cases').set(bearer(token)).expect(200)).body as { id: string; access: unknown }[];

  it('before any grant, nobody but the owner sees the case, and /me tells a rep’s union', async () => {
    for (const user of [rep, manager, colleague]) {
      await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(user.token)).expect(404);
      expect(await listed(user.token)).toEqual([]);
    }
    expect((await t.http.get('/api/v1/me').set(bearer(rep.token)).expect(200)).body).toMatchObject({ username: 'louve', role: 'union_rep', union: 'CGT' });
    expect((await listed(owner.token))[0]).toMatchObject({ id: caseId, access: { owner: true, permissions: ['read', 'contribute', 'export'] } });
  });

  it('shares with a union: its representatives read and see the case in their list, other unions do not', async () => {
    const res = await share({ kind: 'group', id: 'union:CGT' }, 'export').expect(201);
    expect(res.body).toEqual({
      grantId: expect.any(String),
      caseId,
      streamId: `case-${caseId}`,
      revision: expect.any(Number),
      recordedAt: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await listed(rep.token)).toEqual([expect.objectContaining({ id: caseId, access: { owner: false, permissions: ['read', 'export'] } })]);
    await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(rep.token)).expect(200);
    await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(otherRep.token)).expect(404);
    // Read and export, not write.
    await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(rep.token)).send({ text: 'note' }).expect(403);
    const pdf = await t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(rep.token)).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('matches a union as its representatives spell it, and refuses a union nobody belongs to', async () => {
    const other = (await seedSmallCase(t, owner.token)).caseId;
    const shareOther = (grantee: unknown) => t.http.post(`/api/v1/cases/${other}/shares`).set(bearer(owner.token)).send({ grantee, permission: 'read' });
    const before = (await t.http.get(`/api/v1/cases/${other}/events`).set(bearer(owner.token)).expect(200)).body.length;
    const nobody = await shareOther({ kind: 'group', id: 'union:SUD' }).expect(422);
    expect(nobody.body.message[0]).toBe(
      'Aucun représentant syndical n’est rattaché au syndicat « SUD » : le partage n’atteindrait personne. Syndicats connus : « CGT », « FO ».',
    );
    expect((await t.http.get(`/api/v1/cases/${other}/events`).set(bearer(owner.token)).expect(200)).body.length).toBe(before);
    // Typed in lower case: recorded under the representatives' spelling, and it reaches them.
    const { grantId } = (await shareOther({ kind: 'group', id: 'union:cgt' }).expect(201)).body;
    const events = (await t.http.get(`/api/v1/cases/${other}/events`).set(bearer(owner.token)).expect(200)).body;
    expect(events[events.length - 1]).toMatchObject({ type: 'CaseShared', data: { grantee: { kind: 'group', id: 'union:CGT' } } });
    await t.http.get(`/api/v1/cases/${other}/timeline`).set(bearer(rep.token)).expect(200);
    // Leaves the representative with the first case only, as the next tests expect.
    await t.http.delete(`/api/v1/cases/${other}/shares/${grantId}`).set(bearer(owner.token)).send({ reason: 'fin du test' }).expect(200);
  });

  it('shows the owner who read and exported, and nobody else may see that trail', async () => {
    const audit = await t.http.get(`/api/v1/cases/${caseId}/audit`).set(bearer(owner.token)).expect(200);
    const entries = audit.body.entries as { action: string; what: string; actor: { username: string } }[];
    expect(entries.filter((e) => e.actor.username === 'louve').map((e) => `${e.action}:${e.what}`)).toEqual(['export:pdf', 'read:timeline']);
    expect(entries.find((e) => e.action === 'share')).toMatchObject({ what: 'export', actor: { username: 'bollywood' } });
    // The owner's own reads are not recorded.
    expect(entries.some((e) => e.action === 'read' && e.actor.username === 'bollywood')).toBe(false);
    await t.http.get(`/api/v1/cases/${caseId}/audit`).set(bearer(rep.token)).expect(403);
    await t.http.get(`/api/v1/cases/${caseId}/audit`).set(bearer(colleague.token)).expect(404);
    await t.http.get(`/api/v1/cases/${caseId}/shares`).set(bearer(rep.token)).expect(403);
  });

  it('shares with a user by username, refuses an unknown username, and only the owner may share', async () => {
    const unknown = await share({ kind: 'user', username: 'personne' }, 'read').expect(422);
    expect(unknown.body.message[0]).toMatch(/Aucun compte/);
    await share({ kind: 'user', username: 'ferris' }, 'contribute').expect(201);
    await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(colleague.token)).send({ text: 'ajout de la collègue' }).expect(201);
    await share({ kind: 'group', id: 'management' }, 'read', colleague.token).expect(403);
    await share({ kind: 'group', id: 'management' }, 'read', manager.token).expect(404);
    await share({ kind: 'group', id: 'everyone' }, 'read').expect(400);
    await share({ kind: 'user', username: 'ferris' }, 'admin').expect(400);
    const shares = await t.http.get(`/api/v1/cases/${caseId}/shares`).set(bearer(owner.token)).expect(200);
    expect(shares.body.map((g: { grantee: { label: string }; permission: string }) => `${g.grantee.label}:${g.permission}`)).toEqual([
      'union:CGT:export',
      'ferris:contribute',
    ]);
  });

  it('revokes at once: the next read is "not found", and who could see the case on a past date stays answerable', async () => {
    const before = new Date().toISOString();
    const shares = (await t.http.get(`/api/v1/cases/${caseId}/shares`).set(bearer(owner.token)).expect(200)).body as {
      grantId: string;
      grantee: { id: string };
    }[];
    const cgt = shares.find((g) => g.grantee.id === 'union:CGT')!;
    await t.http.delete(`/api/v1/cases/${caseId}/shares/${cgt.grantId}`).set(bearer(owner.token)).send({}).expect(400);
    await t.http.delete(`/api/v1/cases/${caseId}/shares/${cgt.grantId}`).set(bearer(owner.token)).send({ reason: 'fin de l’accompagnement' }).expect(200);
    await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(rep.token)).expect(404);
    await t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(rep.token)).expect(404);
    expect(await listed(rep.token)).toEqual([]);
    await t.http.delete(`/api/v1/cases/${caseId}/shares/${cgt.grantId}`).set(bearer(owner.token)).send({ reason: 'encore' }).expect(404);

    const then = await t.http.get(`/api/v1/cases/${caseId}/access`).query({ asOf: before }).set(bearer(owner.token)).expect(200);
    expect(then.body.grants.map((g: { grantee: { id: string } }) => g.grantee.id)).toContain('union:CGT');
    const now = await t.http.get(`/api/v1/cases/${caseId}/access`).set(bearer(owner.token)).expect(200);
    expect(now.body.owner).toMatchObject({ username: 'bollywood' });
    expect(now.body.grants.map((g: { grantee: { id: string } }) => g.grantee.id)).not.toContain('union:CGT');
    const audit = await t.http.get(`/api/v1/cases/${caseId}/audit`).set(bearer(owner.token)).expect(200);
    expect(audit.body.entries[0]).toMatchObject({
      action: 'revoke',
      what: 'export',
      grantee: { kind: 'group', id: 'union:CGT' },
      detail: 'fin de l’accompagnement',
    });
  });

  it('lets a contributor correct only their own entries', async () => {
    const timeline = (await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(colleague.token)).expect(200)).body.entries as {
      entryId: string;
      actor: { username: string };
    }[];
    const mine = timeline.find((e) => e.actor.username === 'ferris')!;
    const owners = timeline.find((e) => e.actor.username === 'bollywood')!;
    await t.http.post(`/api/v1/cases/${caseId}/entries/${mine.entryId}/retraction`).set(bearer(colleague.token)).send({ reason: 'doublon' }).expect(201);
    await t.http.post(`/api/v1/cases/${caseId}/entries/${owners.entryId}/retraction`).set(bearer(colleague.token)).send({ reason: 'x' }).expect(403);
  });
});
