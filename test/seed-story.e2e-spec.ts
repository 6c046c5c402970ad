import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { fixedClock } from '@mc/domain';
import { TestApp, bearer, startTestApp } from './support/test-app';

/**
 * The story of ../shared/seeds/forum-prestataire-coupure-acces.txt, recorded through the API as
 * it happened (the server clock is set to each moment), then read back as of several dates.
 */
describe('The seed story through the HTTP API', () => {
  const clock = fixedClock('2019-11-12T08:00:00.000Z');
  let t: TestApp;
  let agent: string;
  let caseId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // The story spans ten days of server time: tokens must outlive it.
    t = await startTestApp({ MC_TOKEN_TTL_MINUTES: String(30 * 24 * 60) }, { clock });
    agent = (await t.user('bollywood', 'agent', { displayName: 'Bollywood (médiathèque)' })).token;
  });
  afterAll(() => t.close());

  const post = async (path: string, body: object, at: string, status = 201) => {
    clock.set(at);
    const res = await t.http.post(`/api/v1/cases${path}`).set(bearer(agent)).send(body);
    expect({ path, status: res.status, body: res.body }).toMatchObject({ status });
    return res.body;
  };

  it('records the whole story', async () => {
    const opened = await post(
      '',
      { title: 'Coupure des accès de la médiathèque par le prestataire', service: 'Médiathèque', organisation: 'Communauté de communes' },
      '2019-11-12T09:45:00.000Z',
    );
    caseId = opened.id;
    expect(opened).toMatchObject({ streamId: `case-${caseId}`, revision: 0, recordedAt: '2019-11-12T09:45:00.000Z' });
    expect(opened.hash).toMatch(/^[0-9a-f]{64}$/);

    ids.meeting2018 = (
      await post(
        `/${caseId}/meetings`,
        {
          occurredAt: '2018-11-20T14:00:00+01:00',
          participants: ['Prestataire', 'Vice-président au numérique', 'Vice-président à la culture', 'DGS', 'Responsable du pôle service à la population'],
          summary: 'Réunion sur les retours de mails du logiciel de prêt ; on nous enjoint de nettoyer la base.',
        },
        '2019-11-12T09:50:00.000Z',
      )
    ).entryId;
    ids.incident = (
      await post(
        `/${caseId}/incidents`,
        {
          occurredAt: '2019-11-09T10:00:00+01:00',
          title: 'Mailing de 687 messages : 87 retours, dont plus de la moitié d’adresses valides',
          category: 'other',
          severity: 'non_blocking',
        },
        '2019-11-12T09:55:00.000Z',
      )
    ).entryId;
    ids.cutOff = (
      await post(
        `/${caseId}/access-cutoffs`,
        {
          occurredAt: '2019-11-12T08:30:00+01:00',
          resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server', label: 'Serveur de fichiers (nos dossiers)' }],
          affectedPeople: ['Bollywood', 'Collègue médiathécaire'],
          decidedBy: 'provider',
          priorNotice: 'none',
          reasonGiven: 'Le prestataire ne souhaite plus endosser la responsabilité d’un mauvais usage de la messagerie.',
        },
        '2019-11-12T10:00:00.000Z',
      )
    ).entryId;
    ids.letter = (
      await post(
        `/${caseId}/requests`,
        {
          sentAt: '2019-11-12T16:00:00+01:00',
          channel: 'letter',
          from: 'Bollywood et sa collègue',
          to: 'Président de la communauté de communes',
          subject: 'S’agit-il d’une sanction ? Motif et durée',
          kind: 'question_to_hierarchy',
        },
        '2019-11-12T15:10:00.000Z',
      )
    ).entryId;
    ids.askDgs = (
      await post(
        `/${caseId}/requests`,
        {
          sentAt: '2019-11-12T11:00:00+01:00',
          channel: 'hand_delivered',
          from: 'Bollywood',
          to: 'DGS',
          subject: 'Demande d’un écrit sur la coupure',
          kind: 'document_request',
        },
        '2019-11-12T15:15:00.000Z',
      )
    ).entryId;
    ids.dgsAnswer = (
      await post(
        `/${caseId}/requests/${ids.askDgs}/responses`,
        {
          receivedAt: '2019-11-13T10:00:00+01:00',
          channel: 'internal_note',
          from: 'DGS',
          form: 'written',
          outcome: 'partial',
          summary: 'Le prestataire a de son propre chef coupé le compte de la médiathèque sans en référer à quiconque.',
        },
        '2019-11-13T10:30:00.000Z',
      )
    ).entryId;
    ids.restored = (
      await post(`/${caseId}/access-restorations`, { cutOffEntryId: ids.cutOff, occurredAt: '2019-11-14T09:00:00+01:00' }, '2019-11-14T09:30:00.000Z')
    ).entryId;
    ids.impact = (
      await post(
        `/${caseId}/impacts`,
        {
          periodStart: '2019-11-12T08:30:00+01:00',
          periodEnd: '2019-11-14T09:00:00+01:00',
          hoursLost: 2 * 7 * 60 * 2,
          tasksBlocked: ['Commandes', 'Suivi du budget', 'Dossiers du service'],
          extraStaff: 'Deux agents supplémentaires pour saisir les 687 adresses',
        },
        '2019-11-14T10:00:00.000Z',
      )
    ).entryId;
    ids.witness = (
      await post(
        `/${caseId}/witness-statements`,
        { witness: 'Collègue médiathécaire', statement: 'J’étais présente mardi : plus de messagerie, de tchat ni de serveur.', aboutEntryId: ids.cutOff },
        '2019-11-15T09:00:00.000Z',
      )
    ).entryId;
    ids.note = (
      await post(`/${caseId}/notes`, { text: 'Toujours pas d’écrit indiquant une sanction de la part de la hiérarchie.' }, '2019-11-20T09:00:00.000Z')
    ).entryId;

    // A mistake mended by new events, never by an update.
    ids.correction = (
      await post(
        `/${caseId}/entries/${ids.letter}/corrections`,
        { changes: { sentAt: '2019-11-13T09:00:00+01:00', channel: 'registered_letter' }, reason: 'Lettre postée le lendemain, en recommandé' },
        '2019-11-20T10:00:00.000Z',
      )
    ).entryId;
    ids.retraction = (await post(`/${caseId}/entries/${ids.incident}/retraction`, { reason: 'Doublon d’une autre fiche' }, '2019-11-20T10:05:00.000Z')).entryId;
    expect(Object.values(ids).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it('answers the timeline ordered by when things happened, with both dates, corrections and retractions', async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/timeline`).set(bearer(agent)).expect(200);
    const entries = res.body.entries as Array<Record<string, any>>;
    // Impact starts at the cut-off's instant: equal instants keep the order of recording.
    expect(entries.map((e) => e.entryId)).toEqual([
      ids.meeting2018,
      ids.incident,
      ids.cutOff,
      ids.impact,
      ids.askDgs,
      ids.letter,
      ids.dgsAnswer,
      ids.restored,
      ids.witness,
      ids.note,
    ]);
    const letter = entries.find((e) => e.entryId === ids.letter)!;
    expect(letter.original.sentAt).toBe('2019-11-12T16:00:00+01:00');
    expect(letter.data).toMatchObject({ sentAt: '2019-11-13T09:00:00+01:00', channel: 'registered_letter' });
    expect(letter.corrections).toHaveLength(1);
    expect(letter.corrections[0]).toMatchObject({ reason: 'Lettre postée le lendemain, en recommandé', actor: { username: 'bollywood' } });
    expect(entries.find((e) => e.entryId === ids.incident)!.retracted).toMatchObject({ reason: 'Doublon d’une autre fiche' });
    const meeting = entries.find((e) => e.entryId === ids.meeting2018)!;
    expect(meeting.lateBy.days).toBeGreaterThanOrEqual(356);
    expect(entries.find((e) => e.entryId === ids.cutOff)!).toMatchObject({
      occurredAt: '2019-11-12T08:30:00+01:00',
      recordedAt: '2019-11-12T10:00:00.000Z',
      lateBy: null,
    });
  });

  it('replays the case as the journal held it on a date, and as things had happened by a date', async () => {
    const asOf = encodeURIComponent('2019-11-13T12:00:00+01:00');
    const held = await t.http.get(`/api/v1/cases/${caseId}/timeline?asOf=${asOf}`).set(bearer(agent)).expect(200);
    const heldIds = held.body.entries.map((e: { entryId: string }) => e.entryId);
    expect(heldIds).toContain(ids.dgsAnswer);
    expect(heldIds).not.toContain(ids.restored);
    const letterThen = held.body.entries.find((e: { entryId: string }) => e.entryId === ids.letter);
    expect(letterThen.data.sentAt).toBe('2019-11-12T16:00:00+01:00');
    expect(letterThen.corrections).toEqual([]);

    const occurred = await t.http
      .get(`/api/v1/cases/${caseId}/timeline?basis=occurred&asOf=${encodeURIComponent('2019-11-12T23:59:00+01:00')}`)
      .set(bearer(agent))
      .expect(200);
    const occurredIds = occurred.body.entries.map((e: { entryId: string }) => e.entryId);
    expect(occurredIds).toEqual(expect.arrayContaining([ids.cutOff, ids.askDgs]));
    expect(occurredIds).not.toContain(ids.letter); // corrected: sent on the 13th
    expect(occurredIds).not.toContain(ids.dgsAnswer);

    const events = await t.http.get(`/api/v1/cases/${caseId}/events?asOf=${asOf}`).set(bearer(agent)).expect(200);
    expect(events.body.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const changes = await t.http
      .get(`/api/v1/cases/${caseId}/changes?from=${encodeURIComponent('2019-11-14T00:00:00Z')}&to=${encodeURIComponent('2019-11-20T23:00:00Z')}`)
      .set(bearer(agent))
      .expect(200);
    expect(changes.body.changes.map((c: { type: string }) => c.type)).toEqual([
      'AccessRestored',
      'ImpactRecorded',
      'WitnessStatementAdded',
      'NoteAdded',
      'EntryCorrected',
      'EntryRetracted',
    ]);
  });

  it('stores every event hash-chained exactly as the bundle spec says', async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent)).expect(200);
    let prev = '0'.repeat(64);
    let lastRecordedAt = '';
    res.body.forEach((record: Record<string, any>, i: number) => {
      expect(Object.keys(record).sort()).toEqual(['data', 'eventId', 'hash', 'metadata', 'prevHash', 'revision', 'streamId', 'type']);
      const { hash, ...unhashed } = record;
      expect(
        createHash('sha256')
          .update(Buffer.from(canonicalize(unhashed)!, 'utf8'))
          .digest('hex'),
      ).toBe(hash);
      expect(record.revision).toBe(i);
      expect(record.prevHash).toBe(prev);
      expect(record.metadata).toMatchObject({ schemaVersion: 1, actor: { username: 'bollywood', role: 'agent' } });
      expect(record.metadata.correlationId).toEqual(expect.any(String));
      expect(record.metadata.causationId).toEqual(expect.any(String));
      expect(record.metadata.recordedAt >= lastRecordedAt).toBe(true);
      prev = hash;
      lastRecordedAt = record.metadata.recordedAt;
    });
    expect(res.body).toHaveLength(13);
  });

  it('lists the case for its owner with counts, and the admin finds the whole journal intact', async () => {
    const list = await t.http.get('/api/v1/cases').set(bearer(agent)).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: caseId,
        status: 'open',
        openedBy: expect.objectContaining({ username: 'bollywood' }),
        counts: { entries: 10, corrections: 1, retractions: 1, evidence: 0 },
      }),
    ]);
    const summary = await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(agent)).expect(200);
    expect(summary.body).toMatchObject({
      title: 'Coupure des accès de la médiathèque par le prestataire',
      service: 'Médiathèque',
      status: 'open',
      revision: 12,
    });

    const verify = await t.http
      .get('/api/v1/integrity/verify')
      .set(bearer(await t.adminToken()))
      .expect(200);
    expect(verify.body).toEqual({ ok: true, streams: 3, events: 17 });
  });

  it('shows the letter to the President in the request register, with the implicit rejection and the appeal deadline', async () => {
    // Read on 1 February 2020 (a register as of a date still to come is capped at now).
    clock.set('2020-02-01T11:00:00.000Z');
    const later = await t.login('bollywood', 'mot-de-passe-bollywood');
    const register = await t.http
      .get(`/api/v1/cases/${caseId}/requests?asOf=${encodeURIComponent('2020-02-01T12:00:00+01:00')}`)
      .set(bearer(later))
      .expect(200);
    const letter = register.body.requests.find((r: { entryId: string }) => r.entryId === ids.letter);
    // Sent (corrected) on 13 Nov 2019, receipt not recorded: counted from sending, flagged.
    expect(letter.deadlines).toMatchObject({
      status: 'implicit_rejection',
      receiptKnown: false,
      implicitRejectionBornOn: { year: 2020, month: 1, day: 13 },
      appeal: { ruleId: 'appeal-after-rejection', source: expect.stringContaining('R421'), date: { year: 2020, month: 3, day: 13 } },
    });
    expect(letter.deadlines.flags.map((f: { code: string }) => f.code)).toContain('receipt_date_unknown');
    const dgs = register.body.requests.find((r: { entryId: string }) => r.entryId === ids.askDgs);
    expect(dgs.deadlines.status).toBe('answered');
    expect(register.body.disclaimer.fr).toMatch(/pas un conseil juridique/);
  });

  it('closes the case: nothing more is written until it is reopened', async () => {
    await post(`/${caseId}/close`, { reason: 'Accès rétablis, dossier transmis au syndicat' }, '2019-11-21T09:00:00.000Z');
    const refused = await post(`/${caseId}/notes`, { text: 'Encore une chose' }, '2019-11-21T09:05:00.000Z', 409);
    expect(refused.code).toBe('CASE_CLOSED');
    await post(`/${caseId}/reopen`, { reason: 'Nouvelle coupure' }, '2019-11-22T09:00:00.000Z');
    await post(`/${caseId}/notes`, { text: 'Encore une chose' }, '2019-11-22T09:05:00.000Z');
  });
});
