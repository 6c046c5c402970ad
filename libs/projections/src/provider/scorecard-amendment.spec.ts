import { CaseRecords } from '../testing/case-records';
import { agent } from '../testing/seed-story';
import { ProviderBusinessHours, ProviderSlaCommitment, outagesOf } from '../case-view/outages';
import { providerScorecard } from './scorecard';

const CASE_ID = 'aaaaaaaa-0000-4000-8000-000000000004';
const ASOF = '2026-11-23T09:00:00.000Z';
const SIGNED = '2026-09-01T10:00:00.000Z';
const AMENDED = '2026-10-20T10:00:00.000Z';

/**
 * A contract recorded on 1 Sep 2026 and amended on 20 Oct: restoration from one day to three,
 * resolution of blocking incidents from 4 hours to one day, prior notice withdrawn (as
 * ProviderState.commitmentHistory gives it).
 */
const HISTORY: ProviderSlaCommitment[] = [
  { metric: 'service_restoration', target: 1440, calendar: '24x7', source: 'remise en service 1 journée', definedAt: SIGNED, endedAt: AMENDED },
  { metric: 'resolution_blocking', target: 240, calendar: '24x7', source: 'résolution 4 heures', definedAt: SIGNED, endedAt: AMENDED },
  { metric: 'prior_notice', target: 2880, calendar: '24x7', source: 'préavis 2 jours', definedAt: SIGNED, endedAt: AMENDED },
  { metric: 'service_restoration', target: 4320, calendar: '24x7', source: 'avenant : 3 jours', definedAt: AMENDED },
  { metric: 'resolution_blocking', target: 1440, calendar: '24x7', source: 'avenant : résolution 1 journée', definedAt: AMENDED },
];

function autumn(): CaseRecords {
  const c = new CaseRecords(CASE_ID, agent);
  c.add('CaseOpened', { title: 'Coupures de l’automne' }, '2026-09-01T08:00:00.000Z');
  const cut = (entryId: string, occurredAt: string, back: string) => {
    c.add('AccessCutOff', { entryId, occurredAt, resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' }, ASOF);
    c.add('AccessRestored', { entryId: `back-${entryId}`, cutOffEntryId: entryId, occurredAt: back }, ASOF);
  };
  // 48 hours before the amendment: one day over the one-day commitment, and no notice while two days were owed.
  cut('cut-sep', '2026-09-10T08:00:00+02:00', '2026-09-12T08:00:00+02:00');
  // 96 hours after it: one day over the three days, and no notice owed any more.
  cut('cut-oct', '2026-10-26T08:00:00+01:00', '2026-10-30T08:00:00+01:00');
  const action = (entryId: string, occurredAt: string) =>
    c.add('ProviderActionRecorded', { entryId, occurredAt, action: 'remote_takeover', notifiedBeforehand: false }, ASOF);
  action('action-sep', '2026-09-15T09:00:00+02:00');
  action('action-nov', '2026-11-02T09:00:00+01:00');
  // 6 hours to solve a blocking outage: 2 hours over 4 hours in September; within a day in November.
  const incident = (entryId: string, occurredAt: string, endedAt: string) =>
    c.add('IncidentReported', { entryId, occurredAt, endedAt, title: 'Panne', category: 'outage', severity: 'blocking' }, ASOF);
  incident('inc-sep', '2026-09-21T09:00:00+02:00', '2026-09-21T15:00:00+02:00');
  incident('inc-nov', '2026-11-03T09:00:00+01:00', '2026-11-03T15:00:00+01:00');
  return c;
}

describe('providerScorecard over a period that spans an amendment of the contract (audit F4)', () => {
  const c = autumn();
  const cardFor = (from: string, to: string, commitments = HISTORY, businessHours?: ProviderBusinessHours[]) =>
    providerScorecard({
      providerId: 'p4',
      providerName: 'Presta avenant',
      commitments,
      businessHours,
      cases: [{ caseId: CASE_ID, title: 'Coupures de l’automne', records: c.records }],
      from,
      to,
      asOf: ASOF,
    });
  const clauses = (card: ReturnType<typeof cardFor>) =>
    card.slaBreaches.map((m) => ({
      metric: m.metric,
      source: m.source,
      target: m.target,
      appliesFrom: m.appliesFrom,
      appliesUntil: m.appliesUntil,
      wholePeriod: m.wholePeriod,
      entries: m.breaches.map((b) => `${b.entryId}:${b.breachMinutes}`),
    }));

  describe('given the autumn, 1 Sep to 22 Nov 2026', () => {
    const card = cardFor('2026-09-01T00:00:00+02:00', '2026-11-22T23:59:59+01:00');

    it('then each outage, incident and provider action is measured against the clause of its time, one list per clause applied', () => {
      expect(clauses(card)).toEqual([
        {
          metric: 'prior_notice',
          source: 'préavis 2 jours',
          target: 2880,
          appliesFrom: null,
          appliesUntil: AMENDED,
          wholePeriod: false,
          entries: ['cut-sep:2880', 'action-sep:2880'],
        },
        {
          metric: 'resolution_blocking',
          source: 'résolution 4 heures',
          target: 240,
          appliesFrom: null,
          appliesUntil: AMENDED,
          wholePeriod: false,
          entries: ['inc-sep:120'],
        },
        {
          metric: 'service_restoration',
          source: 'remise en service 1 journée',
          target: 1440,
          appliesFrom: null,
          appliesUntil: AMENDED,
          wholePeriod: false,
          entries: ['cut-sep:1440'],
        },
        {
          metric: 'service_restoration',
          source: 'avenant : 3 jours',
          target: 4320,
          appliesFrom: AMENDED,
          appliesUntil: null,
          wholePeriod: false,
          entries: ['cut-oct:1440'],
        },
      ]);
    });

    it('then the operations without notice are all listed, and only those made while notice was owed are breaches', () => {
      expect(card.withoutPriorNotice.map((o) => o.entryId)).toEqual(['cut-sep', 'action-sep', 'cut-oct', 'action-nov']);
      expect(card.cases[0]).toMatchObject({ breaches: 5, withoutNotice: 4 });
    });

    it('then the scorecard and the outages view agree on every outage breach', () => {
      const view = outagesOf(c.records, ASOF, HISTORY).outages.flatMap((o) =>
        o.slaBreaches.map((b) => `${o.cutOffEntryId}:${b.metric}:${b.source}:${b.breachMinutes}`),
      );
      const scored = card.slaBreaches.flatMap((m) =>
        m.breaches.filter((b) => b.entryId.startsWith('cut-')).map((b) => `${b.entryId}:${m.metric}:${m.source}:${b.breachMinutes}`),
      );
      expect(scored.sort()).toEqual(view.sort());
    });
  });

  describe('given September only, before the amendment', () => {
    it('then the clause of the time covers the whole period and the amendment recorded later changes nothing', () => {
      const september = cardFor('2026-09-01T00:00:00+02:00', '2026-09-30T23:59:59+02:00');
      expect(clauses(september).map((m) => [m.metric, m.source, m.wholePeriod, m.entries])).toEqual([
        ['prior_notice', 'préavis 2 jours', true, ['cut-sep:2880', 'action-sep:2880']],
        ['resolution_blocking', 'résolution 4 heures', true, ['inc-sep:120']],
        ['service_restoration', 'remise en service 1 journée', true, ['cut-sep:1440']],
      ]);
    });
  });

  describe('given support hours redefined on 20 Oct, and 4 business hours to restore', () => {
    const weekdays = (from: string, to: string) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from, to }]]));
    const HOURS: ProviderBusinessHours[] = [
      { weekly: weekdays('08:00', '18:00'), source: 'Contrat, annexe 2', definedAt: SIGNED, endedAt: AMENDED },
      { weekly: weekdays('09:00', '17:00'), source: 'Avenant, annexe 2', definedAt: AMENDED },
    ];
    const FOUR_HOURS: ProviderSlaCommitment[] = [{ metric: 'service_restoration', target: 240, calendar: 'business_hours', source: 'Annexe 4' }];

    it('then the September cut-off is measured on the hours of its time: Thu 10 Sep 08:00 to Sat 12 Sep is 1,200 business minutes, 960 over', () => {
      const september = cardFor('2026-09-01T00:00:00+02:00', '2026-09-30T23:59:59+02:00', FOUR_HOURS, HOURS);
      // 08:00-18:00 on Thursday and Friday (600 each); on 09:00-17:00 it would be 960, 720 over.
      expect(clauses(september).map((m) => m.entries)).toEqual([['cut-sep:960']]);
    });
  });
});
