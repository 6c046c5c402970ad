import { CaseRecords } from '../testing/case-records';
import { agent } from '../testing/seed-story';
import { ProviderSlaCommitment } from '../case-view/outages';
import { providerScorecard, spreadOf } from './scorecard';

const COMMITMENTS: ProviderSlaCommitment[] = [
  { metric: 'service_restoration', target: 1440, calendar: '24x7', source: 'Contrat, indicateur 4.1.2' },
  { metric: 'resolution_blocking', target: 240, calendar: '24x7', source: 'Contrat, indicateur 3.3.1' },
  { metric: 'prior_notice', target: 2880, calendar: '24x7', source: 'Contrat, article 7' },
];
const R = '2020-03-31T12:00:00.000Z';

/** A commune's year with its provider, hand-counted. */
function mediatheque(): CaseRecords {
  const c = new CaseRecords('aaaaaaaa-0000-4000-8000-000000000001', agent);
  c.add('CaseOpened', { title: 'Médiathèque' }, '2019-11-01T08:00:00.000Z');
  // 48 hours, no notice: breaches the one-day restoration (1,440 min) and the notice owed.
  c.add(
    'AccessCutOff',
    { entryId: 'cut-48h', occurredAt: '2019-11-12T08:00:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' },
    R,
  );
  c.add('AccessRestored', { entryId: 'back-48h', cutOffEntryId: 'cut-48h', occurredAt: '2019-11-14T08:00:00+01:00' }, R);
  // One hour, announced in writing: within every commitment.
  c.add(
    'AccessCutOff',
    { entryId: 'cut-1h', occurredAt: '2019-12-02T10:00:00+01:00', resources: [{ kind: 'chat' }], decidedBy: 'provider', priorNotice: 'written' },
    R,
  );
  c.add('AccessRestored', { entryId: 'back-1h', cutOffEntryId: 'cut-1h', occurredAt: '2019-12-02T11:00:00+01:00' }, R);
  // Before the period, and over before it began: not counted.
  c.add(
    'AccessCutOff',
    { entryId: 'cut-old', occurredAt: '2019-06-01T10:00:00+02:00', resources: [{ kind: 'phone' }], decidedBy: 'provider', priorNotice: 'none' },
    R,
  );
  c.add('AccessRestored', { entryId: 'back-old', cutOffEntryId: 'cut-old', occurredAt: '2019-06-03T10:00:00+02:00' }, R);
  // Blocking outage solved in 6 hours against 4: 120 minutes over.
  c.add(
    'IncidentReported',
    {
      entryId: 'inc-6h',
      occurredAt: '2020-01-06T09:00:00+01:00',
      endedAt: '2020-01-06T15:00:00+01:00',
      title: 'Panne PMB',
      category: 'outage',
      severity: 'blocking',
    },
    R,
  );
  c.add(
    'IncidentReported',
    { entryId: 'inc-minor', occurredAt: '2020-01-07T09:00:00+01:00', title: 'Lenteurs', category: 'outage', severity: 'non_blocking' },
    R,
  );
  // Pressure from the hierarchy is not the provider's incident: counted, never measured against its SLAs.
  c.add(
    'IncidentReported',
    { entryId: 'inc-pressure', occurredAt: '2020-01-08T09:00:00+01:00', title: 'Reproches', category: 'pressure', severity: 'blocking' },
    R,
  );
  c.add(
    'ProviderActionRecorded',
    {
      entryId: 'takeover',
      occurredAt: '2020-01-09T09:00:00+01:00',
      action: 'remote_takeover',
      description: 'Prise en main du poste',
      notifiedBeforehand: false,
    },
    R,
  );
  c.add(
    'WrittenRequestSent',
    {
      entryId: 'ticket-1',
      sentAt: '2020-01-10T09:00:00+01:00',
      channel: 'ticket',
      from: 'Médiathèque',
      to: 'Support',
      subject: 'Rétablir PMB',
      kind: 'provider_ticket',
    },
    R,
  );
  c.add(
    'ResponseReceived',
    {
      entryId: 'ack-1',
      requestEntryId: 'ticket-1',
      receivedAt: '2020-01-10T09:05:00+01:00',
      channel: 'ticket',
      from: 'Support',
      form: 'written',
      outcome: 'acknowledged',
    },
    R,
  );
  c.add(
    'ResponseReceived',
    {
      entryId: 'ans-1',
      requestEntryId: 'ticket-1',
      receivedAt: '2020-01-12T09:00:00+01:00',
      channel: 'ticket',
      from: 'Support',
      form: 'written',
      outcome: 'answered',
    },
    R,
  );
  c.add(
    'WrittenRequestSent',
    {
      entryId: 'ticket-2',
      sentAt: '2020-01-20T09:00:00+01:00',
      channel: 'ticket',
      from: 'Médiathèque',
      to: 'Support',
      subject: 'Sauvegardes ?',
      kind: 'provider_ticket',
    },
    R,
  );
  // A letter to the hierarchy is not a request to the provider.
  c.add(
    'WrittenRequestSent',
    {
      entryId: 'letter',
      sentAt: '2020-01-21T09:00:00+01:00',
      channel: 'letter',
      from: 'Agent',
      to: 'Président',
      subject: 'Sanction ?',
      kind: 'question_to_hierarchy',
    },
    R,
  );
  return c;
}

describe('providerScorecard', () => {
  const c = mediatheque();
  const card = providerScorecard({
    providerId: 'p1',
    providerName: 'Infogérance SA',
    commitments: COMMITMENTS,
    cases: [{ caseId: c.caseId, title: 'Médiathèque', records: c.records }],
    from: '2019-09-01T00:00:00+02:00',
    to: '2020-03-31T23:59:59+02:00',
    asOf: '2020-04-01T10:00:00.000Z',
  });

  it('counts interruptions in the period, their minutes and the time to restore', () => {
    expect(card.interruptions).toEqual({
      count: 2,
      startedBefore: 0,
      ongoing: 0,
      totalMinutes: 2880 + 60,
      timeToRestore: { count: 2, median: 1470, max: 2880 },
    });
  });

  it('counts incidents by severity and category', () => {
    expect(card.incidents).toEqual({ count: 3, bySeverity: { blocking: 2, non_blocking: 1 }, byCategory: { outage: 2, pressure: 1 } });
  });

  it('lists the breaches per metric with the clause: restoration, resolution of blocking incidents, prior notice', () => {
    const byMetric = Object.fromEntries(
      card.slaBreaches.map((b) => [b.metric, { count: b.count, total: b.totalBreachMinutes, source: b.source, entries: b.breaches.map((x) => x.entryId) }]),
    );
    expect(byMetric).toEqual({
      service_restoration: { count: 1, total: 1440, source: 'Contrat, indicateur 4.1.2', entries: ['cut-48h'] },
      resolution_blocking: { count: 1, total: 120, source: 'Contrat, indicateur 3.3.1', entries: ['inc-6h'] },
      prior_notice: { count: 2, total: 5760, source: 'Contrat, article 7', entries: ['cut-48h', 'takeover'] },
    });
  });

  it('lists the operations without prior notice', () => {
    expect(card.withoutPriorNotice.map((o) => `${o.kind}:${o.entryId}`)).toEqual(['cut_off:cut-48h', 'provider_action:takeover']);
  });

  it('measures requests to the provider until the first real answer, an acknowledgement is not one', () => {
    expect(card.requests).toEqual({ count: 2, answered: 1, unanswered: 1, answerTime: { count: 1, median: 2880, max: 2880 } });
  });

  it('keeps one row per case that had something in the period', () => {
    expect(card.casesCounted).toBe(1);
    expect(card.cases[0]).toMatchObject({ interruptions: 2, interruptionMinutes: 2940, incidents: 3, breaches: 4, withoutNotice: 2, requests: 2 });
    expect(card.disclaimer.fr).toMatch(/pas un conseil juridique/);
  });

  it('refuses a bound that is not a date', () => {
    expect(() =>
      providerScorecard({
        providerId: 'p',
        providerName: 'x',
        commitments: [],
        cases: [],
        from: 'hier',
        to: '2020-01-01T00:00:00Z',
        asOf: '2020-01-01T00:00:00Z',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('takes the median of an even count as the lower whole minute of the two middles', () => {
    expect(spreadOf([1, 4, 2, 3])).toEqual({ count: 4, median: 2, max: 4 });
    expect(spreadOf([])).toBeNull();
  });
});

/**
 * A provider on 08:00-18:00 Mon-Fri whose restoration commitment is 4 business hours, seen on
 * Mon 23 Nov 2026 (the audit of F5): one cut-off runs from May into June, one is still on since
 * 2 June, one lies inside June; a blocking incident overran its resolution from May into June.
 */
describe('providerScorecard over a period that outages cross', () => {
  const HOURS = {
    weekly: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from: '08:00', to: '18:00' }]])),
    source: 'Contrat, annexe 2',
  };
  const SLA: ProviderSlaCommitment[] = [
    { metric: 'service_restoration', target: 240, calendar: 'business_hours', source: 'Contrat, annexe 4' },
    { metric: 'resolution_blocking', target: 240, calendar: '24x7', source: 'Contrat, annexe 5' },
  ];
  const ASOF = '2026-11-23T08:40:00.000Z';
  const c = new CaseRecords('aaaaaaaa-0000-4000-8000-000000000002', agent);
  c.add('CaseOpened', { title: 'Coupures HO' }, '2026-05-01T08:00:00.000Z');
  const cut = (entryId: string, occurredAt: string) =>
    c.add('AccessCutOff', { entryId, occurredAt, resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'written' }, ASOF);
  const back = (cutOffEntryId: string, occurredAt: string) => c.add('AccessRestored', { entryId: `back-${cutOffEntryId}`, cutOffEntryId, occurredAt }, ASOF);
  // Thu 28 May 09:00 → Mon 1 Jun 12:00: 1,380 business minutes, due Thu 13:00; overrun 900 in May, 240 in June.
  cut('o-may', '2026-05-28T09:00:00+02:00');
  back('o-may', '2026-06-01T12:00:00+02:00');
  // Tue 2 Jun 10:00, still on: due 14:00.
  cut('o8', '2026-06-02T10:00:00+02:00');
  // Thu 11 Jun 09:00 → Mon 15 Jun 09:00: 5,760 minutes, 1,200 business minutes, 960 over.
  cut('o7', '2026-06-11T09:00:00+02:00');
  back('o7', '2026-06-15T09:00:00+02:00');
  // Blocking outage from Sun 31 May 18:00 to Mon 1 Jun 02:00 against 4 hours: 2 hours over in May, 2 in June.
  c.add(
    'IncidentReported',
    {
      entryId: 'inc-may',
      occurredAt: '2026-05-31T18:00:00+02:00',
      endedAt: '2026-06-01T02:00:00+02:00',
      title: 'Panne',
      category: 'outage',
      severity: 'blocking',
    },
    ASOF,
  );

  const cardFor = (from: string, to: string) =>
    providerScorecard({
      providerId: 'p2',
      providerName: 'Presta HO 8-18',
      commitments: SLA,
      businessHours: [HOURS],
      cases: [{ caseId: c.caseId, title: 'Coupures HO', records: c.records }],
      from,
      to,
      asOf: ASOF,
    });
  const june = cardFor('2026-06-01T00:00:00+02:00', '2026-06-30T23:59:59+02:00');
  const metric = (card: ReturnType<typeof cardFor>, name: string) => card.slaBreaches.find((b) => b.metric === name);

  it('counts only the minutes of June: 720 of the May cut-off, 41,160 of the one still on (to 1 July 00:00), 5,760', () => {
    expect(june.measuredUntil).toBe('2026-06-30T22:00:00.000Z');
    expect(june.interruptions).toEqual({
      count: 3,
      startedBefore: 1,
      ongoing: 1,
      totalMinutes: 720 + 41160 + 5760,
      timeToRestore: { count: 2, median: 5850, max: 5940 },
    });
    expect(june.cases[0]).toMatchObject({ interruptions: 3, interruptionMinutes: 47640 });
  });

  it('attributes to June only the overrun minutes that fell in June, and says which overruns cross its limits', () => {
    // o8: Tue 2 Jun 14:00-18:00 (240) + 20 working days of 600 minutes (Wed 3 to Tue 30 June).
    expect(metric(june, 'service_restoration')).toMatchObject({
      count: 3,
      totalBreachMinutes: 240 + 12240 + 960,
      breaches: [
        { entryId: 'o-may', breachMinutes: 240, beganBeforePeriod: true, ongoingAtEnd: false },
        { entryId: 'o8', breachMinutes: 12240, beganBeforePeriod: false, ongoingAtEnd: true },
        { entryId: 'o7', breachMinutes: 960, beganBeforePeriod: false, ongoingAtEnd: false },
      ],
    });
    expect(metric(june, 'resolution_blocking')).toMatchObject({
      count: 1,
      totalBreachMinutes: 120,
      breaches: [{ entryId: 'inc-may', breachMinutes: 120, beganBeforePeriod: true, ongoingAtEnd: false }],
    });
    expect(june.incidents.count).toBe(0); // reported in May
  });

  it('gives May its own share of the same outages and overruns', () => {
    const may = cardFor('2026-05-01T00:00:00+02:00', '2026-05-31T23:59:59+02:00');
    expect(may.interruptions).toMatchObject({ count: 1, startedBefore: 0, ongoing: 1, totalMinutes: 3 * 1440 + 15 * 60, timeToRestore: null });
    expect(metric(may, 'service_restoration')).toMatchObject({ count: 1, totalBreachMinutes: 900 });
    expect(metric(may, 'resolution_blocking')).toMatchObject({ count: 1, totalBreachMinutes: 120 });
  });

  it('adds up, period after period, to the whole duration and the whole overrun measured today', () => {
    const first = cardFor('2026-05-01T00:00:00+02:00', '2026-08-31T23:59:59+02:00');
    const second = cardFor('2026-09-01T00:00:00+02:00', ASOF);
    const whole = cardFor('2026-05-01T00:00:00+02:00', ASOF);
    expect(first.interruptions.totalMinutes + second.interruptions.totalMinutes).toBe(whole.interruptions.totalMinutes);
    const overrun = (card: ReturnType<typeof cardFor>) => metric(card, 'service_restoration')?.totalBreachMinutes ?? 0;
    expect(overrun(first) + overrun(second)).toBe(overrun(whole));
    expect(second.interruptions).toMatchObject({ count: 1, startedBefore: 1, ongoing: 1 });
  });
});
