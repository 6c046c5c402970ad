import { CALENDAR_24X7, businessHoursCalendar, mondayToFriday } from '@mc/domain';
import { CaseRecords } from '../testing/case-records';
import { ProviderBusinessHours, ProviderSlaCommitment, outagesOf } from './outages';

const CASE_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const RESTORATION_1_DAY: ProviderSlaCommitment = {
  metric: 'service_restoration',
  target: 1440,
  calendar: '24x7',
  source: "Contrat d'engagement, annexe 4, indicateur 4.1.2",
};
const NOTICE_1_DAY: ProviderSlaCommitment = { metric: 'prior_notice', target: 1440, calendar: '24x7', source: "Contrat d'engagement, indicateur 3.3.2" };

function caseWithCutOff(cutOff: Record<string, unknown> = {}, recordedAt = '2019-11-12T09:00:00.000Z'): CaseRecords {
  const c = new CaseRecords(CASE_ID, { id: 'a1', username: 'bollywood', role: 'agent' });
  c.add('CaseOpened', { title: 'Coupure des accès de la médiathèque' }, '2019-11-12T07:00:00.000Z');
  c.add(
    'AccessCutOff',
    {
      entryId: 'cut',
      occurredAt: '2019-11-12T08:30:00+01:00', // Tuesday 12 November 2019, 08:30 Paris = 07:30Z
      resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server', label: 'Serveur de fichiers' }],
      decidedBy: 'provider',
      priorNotice: 'none',
      reasonGiven: 'Mise à jour de sécurité',
      ...cutOff,
    },
    recordedAt,
  );
  return c;
}

function restore(c: CaseRecords, entryId: string, occurredAt: string, recordedAt: string, resources?: unknown[]): void {
  c.add('AccessRestored', { entryId, cutOffEntryId: 'cut', occurredAt, ...(resources ? { resources } : {}) }, recordedAt);
}

describe('outagesOf', () => {
  describe('given the judged case: cut off Tue 12 Nov 2019 08:30, everything back Thu 14 Nov 08:30, and "remise en service : 1 journée" (24x7)', () => {
    const c = caseWithCutOff();
    restore(c, 'back', '2019-11-14T08:30:00+01:00', '2019-11-14T08:00:00.000Z');
    const view = outagesOf(c.records, '2019-11-20T10:00:00+01:00', [RESTORATION_1_DAY]);
    const [outage] = view.outages;

    it('then the cut-off lasted 48 hours, 2,880 minutes', () => {
      expect(view.caseId).toBe(CASE_ID);
      expect(outage).toMatchObject({
        cutOffEntryId: 'cut',
        occurredAt: '2019-11-12T08:30:00+01:00',
        decidedBy: 'provider',
        priorNotice: 'none',
        reasonGiven: 'Mise à jour de sécurité',
        restorations: [{ entryId: 'back', occurredAt: '2019-11-14T08:30:00+01:00', resources: 'all' }],
        restoredAt: '2019-11-14T08:30:00+01:00',
        ongoing: false,
        durationMinutes: 2880,
        priorNoticeMissing: true,
      });
      expect(outage!.resources).toHaveLength(3);
      expect(view.totals).toEqual({ count: 1, minutes: 2880, businessMinutes: 840, ongoing: 0 });
    });

    it('then service was due back Wed 13 Nov 08:30 and the commitment is breached by 1,440 minutes, with its source', () => {
      expect(outage!.slaBreaches).toEqual([
        {
          metric: 'service_restoration',
          ruleId: 'provider-sla-service_restoration',
          target: 1440,
          calendar: '24x7',
          source: "Contrat d'engagement, annexe 4, indicateur 4.1.2",
          dueAt: '2019-11-13T07:30:00.000Z',
          breachMinutes: 1440,
          consequence: { fr: 'Engagement de service dépassé de 1440 minutes', en: 'Service level breached by 1440 minutes' },
        },
      ]);
    });

    it('then a breach of a single minute is said in the singular (audit F12)', () => {
      const c1 = caseWithCutOff();
      restore(c1, 'back', '2019-11-13T08:31:00+01:00', '2019-11-13T08:00:00.000Z');
      expect(outagesOf(c1.records, '2019-11-20T00:00:00Z', [RESTORATION_1_DAY]).outages[0]!.slaBreaches[0]!.consequence).toEqual({
        fr: 'Engagement de service dépassé de 1 minute',
        en: 'Service level breached by 1 minute',
      });
    });

    it('then in the seed support hours (Mon-Fri 9-12, 13:30-17:30) it took 840 business minutes: 420 on Tuesday, 420 on Wednesday, none on Thursday before 08:30', () => {
      expect(outage!.businessMinutes).toBe(840);
    });

    it('then without prior notice but with no prior_notice commitment, the missing notice is shown but is no breach', () => {
      expect(outage!.priorNoticeMissing).toBe(true);
      expect(outage!.slaBreaches.map((b) => b.metric)).toEqual(['service_restoration']);
    });

    it('then without any commitment there is no breach', () => {
      expect(outagesOf(c.records, '2019-11-20T10:00:00+01:00').outages[0]!.slaBreaches).toEqual([]);
    });
  });

  describe('given a partial restoration (mailbox, chat) then the file server', () => {
    const c = caseWithCutOff();
    restore(c, 'mail', '2019-11-12T10:00:00+01:00', '2019-11-12T09:05:00.000Z', [{ kind: 'mailbox' }, { kind: 'chat' }]);
    restore(c, 'files', '2019-11-13T12:00:00+01:00', '2019-11-13T11:05:00.000Z', [{ kind: 'file_server', label: 'Serveur de fichiers' }]);

    it('when asked after both, then the outage ends with the file server, Wed 13 Nov 12:00: 27 h 30 = 1,650 minutes, breach 210', () => {
      const [outage] = outagesOf(c.records, '2019-11-20T00:00:00Z', [RESTORATION_1_DAY]).outages;
      expect(outage).toMatchObject({ restoredAt: '2019-11-13T12:00:00+01:00', ongoing: false, durationMinutes: 1650 });
      expect(outage!.restorations).toEqual([
        { entryId: 'mail', occurredAt: '2019-11-12T10:00:00+01:00', resources: [{ kind: 'mailbox' }, { kind: 'chat' }] },
        { entryId: 'files', occurredAt: '2019-11-13T12:00:00+01:00', resources: [{ kind: 'file_server', label: 'Serveur de fichiers' }] },
      ]);
      // Tue 9-12 (180) + 13:30-17:30 (240) + Wed 9-12 (180) = 600.
      expect(outage!.businessMinutes).toBe(600);
      expect(outage!.slaBreaches[0]).toMatchObject({ breachMinutes: 210, dueAt: '2019-11-13T07:30:00.000Z' });
    });

    it('when asked between them, then it is still ongoing, counted to asOf (Tue 12:00: 210 minutes)', () => {
      const [outage] = outagesOf(c.records, '2019-11-12T12:00:00+01:00', [RESTORATION_1_DAY]).outages;
      expect(outage).toMatchObject({ restoredAt: null, ongoing: true, durationMinutes: 210, businessMinutes: 180, slaBreaches: [] });
      expect(outage!.restorations.map((r) => r.entryId)).toEqual(['mail']);
    });
  });

  describe('given a labelled mailbox and the file server cut off, restored by naming their kinds without labels (audit F2)', () => {
    const c = caseWithCutOff({ resources: [{ kind: 'mailbox', label: 'Boîte mediatheque@' }, { kind: 'file_server' }] });
    restore(c, 'back', '2019-11-14T14:00:00+01:00', '2019-11-14T13:05:00.000Z', [{ kind: 'mailbox' }, { kind: 'file_server' }]);

    it('then the outage ends with that restoration, as the decider judged it (it refuses any further restoration)', () => {
      const [outage] = outagesOf(c.records, '2019-11-20T00:00:00Z').outages;
      expect(outage).toMatchObject({ restoredAt: '2019-11-14T14:00:00+01:00', ongoing: false, durationMinutes: 2 * 1440 + 330 });
    });

    it('when only the mailbox had been named by its label, then the file server is still cut', () => {
      const partial = caseWithCutOff({ resources: [{ kind: 'mailbox', label: 'Boîte mediatheque@' }, { kind: 'file_server' }] });
      restore(partial, 'mail', '2019-11-13T10:00:00+01:00', '2019-11-13T09:05:00.000Z', [{ kind: 'mailbox', label: 'Boîte mediatheque@' }]);
      expect(outagesOf(partial.records, '2019-11-20T00:00:00Z').outages[0]).toMatchObject({ restoredAt: null, ongoing: true });
    });
  });

  describe('given a cut-off on Friday 15 Nov 2019 at 16:00, never restored', () => {
    const c = caseWithCutOff({ occurredAt: '2019-11-15T16:00:00+01:00' }, '2019-11-15T15:30:00.000Z');

    it('then on Monday 18 Nov at 10:00 it is ongoing: 66 hours (3,960 minutes), 150 business minutes across the night and weekend', () => {
      const view = outagesOf(c.records, '2019-11-18T10:00:00+01:00', [RESTORATION_1_DAY]);
      const [outage] = view.outages;
      // Friday 16:00-17:30 (90) + Monday 09:00-10:00 (60).
      expect(outage).toMatchObject({ restoredAt: null, ongoing: true, durationMinutes: 3960, businessMinutes: 150, restorations: [] });
      // 24x7: due Saturday 16 Nov 16:00 Paris (15:00Z); breached so far by 3,960 - 1,440 = 2,520 minutes.
      expect(outage!.slaBreaches).toMatchObject([{ metric: 'service_restoration', dueAt: '2019-11-16T15:00:00.000Z', breachMinutes: 2520 }]);
      expect(view.totals).toEqual({ count: 1, minutes: 3960, businessMinutes: 150, ongoing: 1 });
    });

    it('then a 4-hour business-hours commitment is due Monday 11:30 and, at Monday 14:00, breached by 60 minutes', () => {
      const fourHours: ProviderSlaCommitment = { metric: 'service_restoration', target: 240, calendar: 'business_hours', source: 'Annexe 4' };
      expect(outagesOf(c.records, '2019-11-18T10:00:00+01:00', [fourHours]).outages[0]!.slaBreaches).toEqual([]);
      // Friday 90 + Monday 9-12 (180) + 13:30-14:00 (30) = 300 business minutes; 300 - 240 = 60.
      const [outage] = outagesOf(c.records, '2019-11-18T14:00:00+01:00', [fourHours]).outages;
      expect(outage!.slaBreaches).toMatchObject([{ calendar: 'business_hours', dueAt: '2019-11-18T10:30:00.000Z', breachMinutes: 60, source: 'Annexe 4' }]);
    });

    it("then the contract's own business calendar can be given (Mon-Fri 08:00-18:00): 120 + 120 = 240 business minutes", () => {
      const businessCalendar = businessHoursCalendar(mondayToFriday(['08:00', '18:00']));
      expect(outagesOf(c.records, '2019-11-18T10:00:00+01:00', [], { businessCalendar }).outages[0]!.businessMinutes).toBe(240);
      expect(outagesOf(c.records, '2019-11-18T10:00:00+01:00', [], { businessCalendar: CALENDAR_24X7 }).outages[0]!.businessMinutes).toBe(3960);
    });
  });

  describe('given a commitment to give prior notice', () => {
    it('when a cut-off came without any (priorNotice none), then it is an "opération sans information préalable", with its source', () => {
      const c = caseWithCutOff();
      const [outage] = outagesOf(c.records, '2019-11-12T12:00:00+01:00', [NOTICE_1_DAY]).outages;
      expect(outage!.slaBreaches).toEqual([
        {
          metric: 'prior_notice',
          ruleId: 'provider-prior-notice',
          target: 1440,
          calendar: '24x7',
          source: "Contrat d'engagement, indicateur 3.3.2",
          dueAt: '2019-11-11T07:30:00.000Z', // notice was due by Monday 11 Nov 08:30 Paris
          breachMinutes: 1440,
          consequence: { fr: 'Opération sans information préalable', en: 'Operation without prior notice' },
        },
      ]);
    });

    it('when the notice period is in business hours, then it is counted back over the 11 November holiday to Friday 8 Nov 13:30', () => {
      const c = caseWithCutOff();
      const [outage] = outagesOf(c.records, '2019-11-12T12:00:00+01:00', [{ metric: 'prior_notice', target: 240, calendar: 'business_hours' }]).outages;
      // Tue before 08:30: none; Mon 11 Nov: Armistice, closed; Fri 8 Nov 13:30-17:30 = 240.
      expect(outage!.slaBreaches).toMatchObject([{ metric: 'prior_notice', dueAt: '2019-11-08T12:30:00.000Z', breachMinutes: 240 }]);
      expect(outage!.slaBreaches[0]!.source).toMatch(/ANSSI/); // no clause given: the rule's generic source
    });

    it('when notice was given in writing, then there is no breach', () => {
      expect(outagesOf(caseWithCutOff({ priorNotice: 'written' }).records, '2019-11-12T12:00:00+01:00', [NOTICE_1_DAY]).outages[0]).toMatchObject({
        priorNoticeMissing: false,
        slaBreaches: [],
        slaDoubts: [],
      });
    });

    it("when the hierarchy decided the cut-off, then notice is not the provider's to give, but its restoration commitment still applies (audit F8)", () => {
      const c = caseWithCutOff({ decidedBy: 'hierarchy' });
      restore(c, 'back', '2019-11-14T08:30:00+01:00', '2019-11-14T08:00:00.000Z');
      const [outage] = outagesOf(c.records, '2019-11-20T00:00:00Z', [NOTICE_1_DAY, RESTORATION_1_DAY]).outages;
      expect(outage).toMatchObject({ decidedBy: 'hierarchy', priorNoticeMissing: true, slaDoubts: [] });
      // DEADLINES.md: provider-sla-* applies to the cut-offs of the case, with no exception for who decided them.
      expect(outage!.slaBreaches).toMatchObject([{ metric: 'service_restoration', breachMinutes: 1440, dueAt: '2019-11-13T07:30:00.000Z' }]);
    });

    it('when who decided the cut-off is unknown, then the missing notice is a doubt, said as such, and no breach (audit F3)', () => {
      const [outage] = outagesOf(caseWithCutOff({ decidedBy: 'unknown' }).records, '2019-11-12T12:00:00+01:00', [NOTICE_1_DAY]).outages;
      expect(outage).toMatchObject({ priorNoticeMissing: true, slaBreaches: [] });
      expect(outage!.slaDoubts).toMatchObject([
        { metric: 'prior_notice', ruleId: 'provider-prior-notice', dueAt: '2019-11-11T07:30:00.000Z', source: "Contrat d'engagement, indicateur 3.3.2" },
      ]);
      expect(outage!.slaDoubts[0]!.consequence.fr).toBe(
        'Auteur de la coupure non établi\u00a0: si le prestataire l’a décidée, opération sans information préalable (non comptée comme manquement)',
      );
    });

    it('when the notice period owed is 0 minutes (none required), then a cut-off without notice is no breach', () => {
      const none: ProviderSlaCommitment = { metric: 'prior_notice', target: 0, calendar: '24x7', source: 'Annexe 4' };
      expect(outagesOf(caseWithCutOff().records, '2019-11-12T12:00:00+01:00', [none]).outages[0]!.slaBreaches).toEqual([]);
    });
  });

  describe('given retractions and corrections', () => {
    it('when the cut-off is retracted, then it is left out', () => {
      const c = caseWithCutOff();
      c.add('EntryRetracted', { entryId: 'x', targetEntryId: 'cut', reason: 'Doublon' }, '2019-11-12T10:00:00.000Z');
      expect(outagesOf(c.records, '2019-11-20T00:00:00Z', [RESTORATION_1_DAY])).toMatchObject({
        outages: [],
        totals: { count: 0, minutes: 0, businessMinutes: 0, ongoing: 0 },
      });
      // As of before the retraction was recorded, the journal still held it.
      expect(outagesOf(c.records, '2019-11-12T09:30:00Z').outages).toHaveLength(1);
    });

    it('when the only restoration is retracted, then the cut-off is ongoing again, counted to asOf', () => {
      const c = caseWithCutOff();
      restore(c, 'back', '2019-11-12T10:00:00+01:00', '2019-11-12T09:05:00.000Z');
      c.add('EntryRetracted', { entryId: 'x', targetEntryId: 'back', reason: 'Seule la messagerie était revenue' }, '2019-11-12T11:00:00.000Z');
      const [outage] = outagesOf(c.records, '2019-11-12T14:00:00+01:00').outages;
      expect(outage).toMatchObject({ restorations: [], restoredAt: null, ongoing: true, durationMinutes: 330 });
    });

    it('when the fact date and the notice are corrected, then the corrected data counts', () => {
      const c = caseWithCutOff({ occurredAt: '2019-11-12T10:30:00+01:00', priorNotice: 'oral' });
      restore(c, 'back', '2019-11-14T08:30:00+01:00', '2019-11-14T08:00:00.000Z');
      const before = outagesOf(c.records, '2019-11-20T00:00:00Z', [RESTORATION_1_DAY, NOTICE_1_DAY]).outages[0]!;
      expect(before).toMatchObject({ durationMinutes: 2760, priorNoticeMissing: false });
      expect(before.slaBreaches.map((b) => b.breachMinutes)).toEqual([1320]);
      c.add(
        'EntryCorrected',
        {
          entryId: 'fix',
          targetEntryId: 'cut',
          changes: { occurredAt: '2019-11-12T08:30:00+01:00', priorNotice: 'none' },
          reason: "Constatée dès l'ouverture ; aucune information n'avait été donnée",
        },
        '2019-11-14T09:00:00.000Z',
      );
      const after = outagesOf(c.records, '2019-11-20T00:00:00Z', [RESTORATION_1_DAY, NOTICE_1_DAY]).outages[0]!;
      expect(after).toMatchObject({ occurredAt: '2019-11-12T08:30:00+01:00', durationMinutes: 2880, priorNoticeMissing: true });
      expect(after.slaBreaches.map((b) => [b.metric, b.breachMinutes])).toEqual([
        ['service_restoration', 1440],
        ['prior_notice', 1440],
      ]);
    });
  });

  describe('given a one-day commitment recorded on 1 Sep 2026 and amended to three days on 20 Oct (audit F4)', () => {
    // The cut-off of Mon 31 Aug 08:00 Paris (06:00Z), recorded on 1 Sep; its restoration (Wed 2 Sep 08:00) recorded on 20 Oct.
    const c = caseWithCutOff({ occurredAt: '2026-08-31T08:00:00+02:00', priorNotice: 'written' }, '2026-09-01T10:00:00.000Z');
    restore(c, 'back', '2026-09-02T08:00:00+02:00', '2026-10-20T10:00:00.000Z');
    const history: ProviderSlaCommitment[] = [
      { ...RESTORATION_1_DAY, source: 'remise en service 1 journée', definedAt: '2026-09-01T10:00:00.000Z', endedAt: '2026-10-20T10:00:00.000Z' },
      { metric: 'service_restoration', target: 4320, calendar: '24x7', source: 'avenant : 3 jours', definedAt: '2026-10-20T10:00:00.000Z' },
    ];

    it('when replayed as of 15 Sep, then only the one-day commitment the journal held applies: breached by 19,800 minutes so far', () => {
      const [outage] = outagesOf(c.records, '2026-09-15T00:00:00Z', history).outages;
      expect(outage).toMatchObject({ ongoing: true, durationMinutes: 21240 });
      expect(outage!.slaBreaches).toMatchObject([{ target: 1440, breachMinutes: 19800, source: 'remise en service 1 journée' }]);
    });

    it('when asked today, then the 48-hour outage still breaches the commitment of its time by 1,440 minutes: the amendment does not rewrite it', () => {
      const [outage] = outagesOf(c.records, '2026-11-23T09:00:00Z', history).outages;
      expect(outage).toMatchObject({ ongoing: false, durationMinutes: 2880 });
      expect(outage!.slaBreaches).toMatchObject([{ target: 1440, breachMinutes: 1440, source: 'remise en service 1 journée' }]);
    });

    it('when a cut-off comes after the amendment, then the amendment applies to it', () => {
      const later = caseWithCutOff({ occurredAt: '2026-11-02T08:00:00+01:00', priorNotice: 'written' }, '2026-11-02T10:00:00.000Z');
      restore(later, 'back', '2026-11-04T08:00:00+01:00', '2026-11-04T10:00:00.000Z');
      expect(outagesOf(later.records, '2026-11-23T09:00:00Z', history).outages[0]!.slaBreaches).toEqual([]);
    });
  });

  describe('given support hours of 08:00-18:00 recorded on 1 Sep 2026 and redefined to 09:00-17:00 on 20 Oct, and 4 business hours to restore', () => {
    const weekdays = (from: string, to: string) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ from, to }]]));
    const businessHours: ProviderBusinessHours[] = [
      { weekly: weekdays('08:00', '18:00'), source: 'Contrat, annexe 2', definedAt: '2026-09-01T10:00:00.000Z', endedAt: '2026-10-20T10:00:00.000Z' },
      { weekly: weekdays('09:00', '17:00'), source: 'Avenant, annexe 2', definedAt: '2026-10-20T10:00:00.000Z' },
    ];
    const fourHours: ProviderSlaCommitment = { metric: 'service_restoration', target: 240, calendar: 'business_hours', source: 'Annexe 4' };
    const friday = (occurredAt: string, back: string, recordedAt = '2026-11-10T10:00:00.000Z') => {
      const c = caseWithCutOff({ occurredAt, priorNotice: 'written' }, recordedAt);
      restore(c, 'back', back, recordedAt);
      return c;
    };

    it('when a cut-off from Fri 11 Sep 16:00 to Mon 14 Sep 11:00 is seen today, then it is measured on the hours of its time: 300 business minutes, 60 over', () => {
      const c = friday('2026-09-11T16:00:00+02:00', '2026-09-14T11:00:00+02:00');
      const [outage] = outagesOf(c.records, '2026-11-23T09:00:00Z', [fourHours], { businessHours }).outages;
      expect(outage).toMatchObject({ businessMinutes: 300, slaBreaches: [{ breachMinutes: 60 }] });
    });

    it('when a cut-off comes after the redefinition, then the new hours apply: Fri 6 Nov 16:00 to Mon 9 Nov 11:00 is 180 business minutes', () => {
      const c = friday('2026-11-06T16:00:00+01:00', '2026-11-09T11:00:00+01:00');
      expect(outagesOf(c.records, '2026-11-23T09:00:00Z', [fourHours], { businessHours }).outages[0]).toMatchObject({ businessMinutes: 180, slaBreaches: [] });
    });

    it('when replayed as of a date before any hours were recorded, then the seed contract’s apply; once recorded, the earliest known', () => {
      const c = friday('2026-08-28T16:00:00+02:00', '2026-08-31T11:00:00+02:00', '2026-08-31T10:00:00.000Z');
      // Seed hours: Friday 16:00-17:30 (90) + Monday 09:00-11:00 (120).
      expect(outagesOf(c.records, '2026-08-31T12:00:00Z', [fourHours], { businessHours }).outages[0]!.businessMinutes).toBe(210);
      expect(outagesOf(c.records, '2026-11-23T09:00:00Z', [fourHours], { businessHours }).outages[0]!.businessMinutes).toBe(300);
    });
  });

  describe('given the restoration of Thu 14 Nov 08:30 recorded at 10:00', () => {
    const c = caseWithCutOff();
    restore(c, 'back', '2019-11-14T08:30:00+01:00', '2019-11-14T09:00:00.000Z');

    it('when asked as of Thu 09:30, before it was recorded, then the journal shows the cut-off ongoing, counted to asOf', () => {
      const [outage] = outagesOf(c.records, '2019-11-14T09:30:00+01:00', [RESTORATION_1_DAY]).outages;
      // Tue 08:30 -> Thu 09:30 = 49 h = 2,940 minutes; breach so far 1,500.
      expect(outage).toMatchObject({ restorations: [], restoredAt: null, ongoing: true, durationMinutes: 2940 });
      expect(outage!.slaBreaches).toMatchObject([{ breachMinutes: 1500 }]);
    });

    it('when asked as of Thu 10:00, then it is over, at 2,880 minutes', () => {
      expect(outagesOf(c.records, '2019-11-14T10:00:00+01:00').outages[0]).toMatchObject({ ongoing: false, durationMinutes: 2880 });
    });
  });
});
