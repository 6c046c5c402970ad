import fc from 'fast-check';
import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

/**
 * Random and hostile bodies on every write endpoint: never a 5xx, and a refused request writes
 * nothing. Field names come from the real DTOs so that the generator reaches deep validation,
 * not only the "unknown field" refusal.
 */
const FIELDS = [
  'title',
  'summary',
  'service',
  'occurredAt',
  'endedAt',
  'description',
  'category',
  'severity',
  'affectedServices',
  'witnesses',
  'resources',
  'decidedBy',
  'priorNotice',
  'reasonGiven',
  'cutOffEntryId',
  'action',
  'notifiedBeforehand',
  'sentAt',
  'channel',
  'from',
  'to',
  'subject',
  'kind',
  'receivedAt',
  'form',
  'outcome',
  'participants',
  'periodStart',
  'periodEnd',
  'hoursLost',
  'witness',
  'statement',
  'text',
  'aboutEntryId',
  'changes',
  'reason',
  'expectedRevision',
  '__proto__',
  'constructor',
];

const hostileString = fc.oneof(
  fc.string(),
  fc.fullUnicodeString({ maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '2019-11-12T08:30:00',
    '2019-11-12T08:30:00+01:00',
    '9999-12-31T23:59:59Z',
    '2019-02-30T00:00:00Z',
    'NaN',
    '../../etc/passwd',
    '\u0000',
    '<script>',
    "'; DROP TABLE events; --",
    'mailbox',
    'provider',
    'none',
    'blocking',
    'outage',
    'letter',
    'written',
    'refused',
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('kind', 'label', 'occurredAt', 'x'), tie('v'), { maxKeys: 3 }),
  ),
})).v;
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }), fc.anything({ maxDepth: 2 }));

describe('Fuzzing the write endpoints', () => {
  let t: TestApp;
  let token: string;
  let ids: { caseId: string; cutOffId: string; requestId: string };
  const countEvents = async () => (await t.http.get(`/api/v1/cases/${ids.caseId}/events`).set(bearer(token))).body.length;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await t.user('bollywood')).token;
    ids = await seedSmallCase(t, token);
  });
  afterAll(() => t.close());

  const paths = () => [
    '/api/v1/cases',
    `/api/v1/cases/${ids.caseId}/incidents`,
    `/api/v1/cases/${ids.caseId}/access-cutoffs`,
    `/api/v1/cases/${ids.caseId}/access-restorations`,
    `/api/v1/cases/${ids.caseId}/provider-actions`,
    `/api/v1/cases/${ids.caseId}/requests`,
    `/api/v1/cases/${ids.caseId}/requests/${ids.requestId}/receipt`,
    `/api/v1/cases/${ids.caseId}/requests/${ids.requestId}/responses`,
    `/api/v1/cases/${ids.caseId}/meetings`,
    `/api/v1/cases/${ids.caseId}/impacts`,
    `/api/v1/cases/${ids.caseId}/witness-statements`,
    `/api/v1/cases/${ids.caseId}/notes`,
    `/api/v1/cases/${ids.caseId}/entries/${ids.cutOffId}/corrections`,
    `/api/v1/cases/${ids.caseId}/entries/${ids.cutOffId}/retraction`,
    `/api/v1/cases/${ids.caseId}/close`,
    '/api/v1/accounts',
  ];

  it('answers every random body with a 2xx or a 4xx, and writes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 15 }), body, async (which, payload) => {
        const path = paths()[which];
        const before = await countEvents();
        const res = await t.http
          .post(path)
          .set(bearer(token))
          .set('content-type', 'application/json')
          .send(JSON.stringify(payload) ?? 'null');
        expect({ path, status: res.status < 500 ? 'ok' : res.status, body: res.status < 500 ? null : res.body }).toEqual({ path, status: 'ok', body: null });
        if (res.status >= 400) {
          expect(res.body.message).toEqual(expect.arrayContaining([expect.any(String)]));
          expect(await countEvents()).toBe(before);
        }
        if (path.endsWith('/close') && res.status === 201) {
          await t.http.post(`/api/v1/cases/${ids.caseId}/reopen`).set(bearer(token)).send({ reason: 'fuzz' }).expect(201);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  });

  it('answers random query strings on the read endpoints with 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('timeline', 'events', 'changes', 'requests', ''),
        fc.dictionary(fc.constantFrom('asOf', 'basis', 'from', 'to', 'lang', 'x'), hostileString, { maxKeys: 3 }),
        async (view, query) => {
          const res = await t.http
            .get(`/api/v1/cases/${ids.caseId}${view ? `/${view}` : ''}`)
            .query(query)
            .set(bearer(token));
          expect({ view, query, status: res.status < 500 ? 'ok' : res.status }).toEqual({ view, query, status: 'ok' });
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});
