import type { RequestReceiptConfirmedData, WrittenRequestSentData } from '../case/case.events';
import { formatParisDate, formatParisInstant } from './calendar';
import { CALENDAR_24X7 } from './business-calendar';
import { assessSla, slaBreachMinutes, slaDueDate } from './incident-deadlines';
import { computeRequestDeadlines } from './request-deadlines';

/**
 * The story of ../shared/seeds/forum-prestataire-coupure-acces.txt: on Tuesday 12 November 2019
 * the agents of the médiathèque find their mailbox, chat and file server cut off by the provider;
 * they write to the President asking whether this is a disciplinary sanction; nobody answers in
 * writing; access comes back two days later.
 */
const f = formatParisDate;

const letter: WrittenRequestSentData = {
  entryId: 'req-president',
  sentAt: '2019-11-12T10:00:00+01:00', // Tuesday 12 November 2019
  channel: 'letter',
  from: 'Agents de la médiathèque',
  to: 'Président',
  subject: "S'agit-il d'une sanction disciplinaire ? Motif et durée ?",
  kind: 'question_to_hierarchy',
};
const receivedWednesday: RequestReceiptConfirmedData = {
  entryId: 'rc-president',
  requestEntryId: 'req-president',
  receivedAt: '2019-11-13T09:00:00+01:00', // Wednesday 13 November 2019
  proof: 'accusé de réception',
};

describe('seed story: the letter to the President, never answered', () => {
  describe('given the letter received on Wed 13 Nov 2019 and no answer', () => {
    const asOf = (now: string) => computeRequestDeadlines(letter, [receivedWednesday], [], now);

    it('then the implicit rejection is born on Monday 13 January 2020 (other reading: Tuesday 14 January), flagged', () => {
      const line = asOf('2020-02-01T10:00:00+01:00');
      // CRPA L231-4: two months of silence from receipt, date to same date: 13 Nov -> 13 Dec -> 13 Jan 2020.
      // The text does not say whether the decision is born on that date or once it is over (14 Jan):
      // the earlier, 13 January, is used and the later is given beside it.
      expect(line.status).toBe('implicit_rejection');
      expect(f(line.implicitRejectionBornOn!)).toBe('2020-01-13');
      expect(line.due).toMatchObject({ ruleId: 'silence-agent-request', source: 'CRPA L231-4' });
      // 00:00 Paris on 13 January 2020 (winter, UTC+1) = 12 January 23:00Z.
      expect(line.due!.at).toBe('2020-01-12T23:00:00.000Z');
      expect(f(line.due!.ambiguity!.laterDate)).toBe('2020-01-14');
      expect(line.flags.map((x) => x.code)).toContain('ambiguous_date');
    });

    it('then the last day to seize the tribunal administratif is Friday 13 March 2020 at 24:00 (other reading: Monday 16 March)', () => {
      const line = asOf('2020-02-01T10:00:00+01:00');
      // CJA R421-1/R421-2, délai franc from the birth of the rejection (13 Jan): the 13th does not count,
      // the period runs from 14 Jan 00:00 to 13 March 24:00. 13 March 2020 is a Friday, a working day:
      // no extension. DST began on 29 March 2020, so 24:00 is still UTC+1: 23:00Z.
      expect(line.appeal).toMatchObject({ ruleId: 'appeal-after-rejection', source: 'CJA R421-1, R421-2', at: '2020-03-13T23:00:00.000Z' });
      expect(f(line.appeal!.date)).toBe('2020-03-13');
      expect(formatParisInstant(line.appeal!.at)).toBe('2020-03-14T00:00:00+01:00');
      // Reading "neither the first nor the last day counts" (or a rejection born on the 14th): 14 March,
      // a Saturday -> Sunday 15 -> Monday 16 March 2020, 24:00 = 23:00Z.
      expect(f(line.appeal!.ambiguity!.laterDate)).toBe('2020-03-16');
      expect(line.appeal!.ambiguity!.laterAt).toBe('2020-03-16T23:00:00.000Z');
    });

    it('then the period is flagged as running into the COVID-19 protected period (from 12 March 2020)', () => {
      expect(asOf('2020-02-01T10:00:00+01:00').flags.map((x) => x.code)).toContain('covid_2020_protected_period');
    });

    it('then on 8 January 2020 the request was "due soon" (within 7 days of 13 January 00:00)', () => {
      expect(asOf('2020-01-08T12:00:00+01:00').status).toBe('due_soon');
      expect(asOf('2020-01-05T12:00:00+01:00').status).toBe('awaiting');
    });
  });

  describe('given the letter and no proof of receipt', () => {
    const line = computeRequestDeadlines(letter, [], [], '2020-02-01T10:00:00+01:00');

    it('then the sending date (12 Nov) is used, flagged "date de réception non établie": rejection born Sunday 12 January 2020', () => {
      // 12 Nov + 2 months = 12 Jan 2020, a Sunday: the birth of a decision is not carried over.
      expect(line.receiptKnown).toBe(false);
      expect(line.flags.map((x) => x.code)).toEqual(expect.arrayContaining(['receipt_date_unknown', 'ambiguous_date']));
      expect(f(line.implicitRejectionBornOn!)).toBe('2020-01-12');
      expect(line.due!.at).toBe('2020-01-11T23:00:00.000Z');
    });

    it('then the last day to seize the tribunal is Thursday 12 March 2020, the latest reading Monday 16 March', () => {
      // Délai franc from 12 Jan: 12 March 2020, a Thursday, 24:00 CET = 23:00Z.
      expect(f(line.appeal!.date)).toBe('2020-03-12');
      expect(line.appeal!.at).toBe('2020-03-12T23:00:00.000Z');
      // Latest reading: rejection born 13 Jan, neither first nor last day counted -> 14 March (Saturday) -> Monday 16.
      expect(f(line.appeal!.ambiguity!.laterDate)).toBe('2020-03-16');
    });
  });
});

describe('seed story: the 48-hour cut-off against "délai de remise en service : 1 journée"', () => {
  // Cut off Tuesday 12 Nov 2019 08:30, restored two days later, Thursday 14 Nov 08:30: 48 h = 2,880 min.
  // Contrat d'engagement, indicateur 4.1.2, "délai de remise en service : 1 journée", read on 24x7 = 1,440 min.
  const cutOff = '2019-11-12T08:30:00+01:00';
  const restored = '2019-11-14T08:30:00+01:00';

  it('given a 24x7 target of 1,440 minutes, then service was due back on Wednesday 13 Nov 08:30 and the breach is 1,440 minutes', () => {
    expect(slaDueDate(cutOff, 1440, CALENDAR_24X7)).toBe('2019-11-13T07:30:00.000Z');
    expect(slaBreachMinutes(cutOff, restored, 1440, CALENDAR_24X7)).toBe(1440);
    const assessment = assessSla(
      { metric: 'service_restoration', targetMinutes: 1440, calendar: CALENDAR_24X7, source: "Contrat d'engagement, indicateur 4.1.2" },
      cutOff,
      restored,
      '2019-11-20T10:00:00+01:00',
    );
    expect(assessment).toEqual({
      ruleId: 'provider-sla-service_restoration',
      source: "Contrat d'engagement, indicateur 4.1.2",
      consequence: { fr: 'Engagement de service dépassé de N minutes', en: 'Service level breached by N minutes' },
      start: '2019-11-12T07:30:00.000Z',
      dueAt: '2019-11-13T07:30:00.000Z',
      measuredUntil: '2019-11-14T07:30:00.000Z',
      ongoing: false,
      elapsedMinutes: 2880,
      breachMinutes: 1440,
      breached: true,
    });
  });

  it('given the cut-off still running on Wednesday 13 Nov 20:30, then 36 h have elapsed and the breach so far is 720 minutes', () => {
    const assessment = assessSla({ metric: 'service_restoration', targetMinutes: 1440, calendar: CALENDAR_24X7 }, cutOff, null, '2019-11-13T20:30:00+01:00');
    expect(assessment).toMatchObject({ ongoing: true, elapsedMinutes: 2160, breachMinutes: 720, breached: true });
  });
});
