import { DomainError } from '../errors';
import { formatParisDate, formatParisInstant, parseParisDate } from './calendar';
import { clockHours, delaiFranc, monthsPeriod, sameDateWithWeekendExtension } from './periods';

const d = parseParisDate;
const f = formatParisDate;

describe('monthsPeriod (silence rules: date to same date, one-day doubt)', () => {
  it('given a request received on 13 Nov 2019, when 2 months pass, then the earlier date is 13 Jan 2020 and the later 14 Jan', () => {
    const period = monthsPeriod('2019-11-13T10:00:00+01:00', 2);
    // 13 Nov -> 13 Dec -> 13 Jan; the later reading (period running until 24:00 of 13 Jan) gives 14 Jan.
    expect(f(period.date)).toBe('2020-01-13');
    expect(period.ambiguous).toBe(true);
    expect(f(period.laterDate!)).toBe('2020-01-14');
  });

  it('given an instant late in the evening UTC, then the trigger is its Paris date', () => {
    // 12 Nov 2019 23:30Z is 13 Nov 00:30 in Paris (UTC+1): the same result as above.
    expect(f(monthsPeriod('2019-11-12T23:30:00Z', 2).date)).toBe('2020-01-13');
    expect(f(monthsPeriod('2019-11-12T23:30:00Z', 2).trigger)).toBe('2019-11-13');
  });

  it('given 31 Dec 2027, then 2 months end on 29 Feb 2028 (leap year) and the later reading is 1 March', () => {
    const period = monthsPeriod(d('2027-12-31'), 2);
    expect(f(period.date)).toBe('2028-02-29');
    expect(f(period.laterDate!)).toBe('2028-03-01');
  });

  it('given no doubt in the law, then no later date is given', () => {
    const period = monthsPeriod(d('2026-01-31'), 1, { oneDayAmbiguity: false });
    expect(f(period.date)).toBe('2026-02-28');
    expect(period).toMatchObject({ ambiguous: false, laterDate: null });
  });

  it('given a negative period, then it is refused', () => {
    expect(() => monthsPeriod(d('2026-01-31'), -1)).toThrow(DomainError);
  });
});

describe('delaiFranc (appeal before the administrative judge)', () => {
  it('given a trigger on Tue 24 Mar 2026, when the 2 months end on Sunday 24 May, then Whit Monday 25 May carries the end to Tuesday 26 May 2026 at 24:00', () => {
    const period = delaiFranc('2026-03-24T16:45:00+01:00', 2);
    // 24 Mar + 2 months = Sunday 24 May 2026; Monday 25 May is Whit Monday (Easter 5 Apr + 50 days);
    // Tuesday 26 May is a working day. 24:00 Paris in May (CEST, UTC+2) = 22:00Z.
    expect(f(period.nominalLastDay)).toBe('2026-05-24');
    expect(f(period.lastDay)).toBe('2026-05-26');
    expect(period.endsAt).toBe('2026-05-26T22:00:00.000Z');
    expect(formatParisInstant(period.endsAt)).toBe('2026-05-27T00:00:00+02:00');
    expect(period.extendedOver).toEqual([
      { date: d('2026-05-24'), reason: 'sunday' },
      { date: d('2026-05-25'), reason: 'public_holiday', holidayName: 'Lundi de Pentecôte' },
    ]);
    // The later reading (25 May, itself Whit Monday) also ends on 26 May: no doubt here.
    expect(f(period.later.lastDay)).toBe('2026-05-26');
    expect(period.ambiguous).toBe(false);
  });

  it('given a trigger at 00:30 Paris on 24 March written in UTC (23:30Z on the 23rd), then the trigger is still 24 March', () => {
    // 23 Mar 23:30Z + 1 h (CET) = 24 Mar 00:30 Paris.
    expect(f(delaiFranc('2026-03-23T23:30:00Z', 2).lastDay)).toBe('2026-05-26');
  });

  it('given an implicit rejection born on Mon 13 Jan 2020, then the earlier last day is Fri 13 Mar 2020 and the later Mon 16 Mar', () => {
    const period = delaiFranc(d('2020-01-13'), 2);
    // Day of the trigger not counted: the period runs from 14 Jan 00:00 to 13 Mar 24:00 (a Friday, working).
    // 24:00 on 13 March 2020 is still winter time (DST began on 29 March 2020): 23:00Z.
    expect(f(period.lastDay)).toBe('2020-03-13');
    expect(period.endsAt).toBe('2020-03-13T23:00:00.000Z');
    expect(period.extendedOver).toEqual([]);
    // Leaving out the day of expiry too: 14 March, a Saturday -> Sunday 15 -> Monday 16 March 2020.
    expect(period.ambiguous).toBe(true);
    expect(f(period.later.nominalLastDay)).toBe('2020-03-14');
    expect(f(period.later.lastDay)).toBe('2020-03-16');
    expect(period.later.endsAt).toBe('2020-03-16T23:00:00.000Z');
  });

  it('given Alsace-Moselle, when the period ends on Good Friday 3 Apr 2026, then it runs to Tuesday 7 April', () => {
    // 3 Feb 2026 + 2 months = Friday 3 April 2026 (Easter Sunday is 5 April).
    const national = delaiFranc(d('2026-02-03'), 2);
    expect(f(national.lastDay)).toBe('2026-04-03');
    expect(national.endsAt).toBe('2026-04-03T22:00:00.000Z'); // CEST since 29 March
    const alsace = delaiFranc(d('2026-02-03'), 2, { alsaceMoselle: true });
    // Good Friday, Saturday 4, Easter Sunday 5 (a Sunday), Easter Monday 6 -> Tuesday 7 April.
    expect(f(alsace.lastDay)).toBe('2026-04-07');
    expect(alsace.extendedOver.map((x) => [f(x.date), x.reason, x.holidayName])).toEqual([
      ['2026-04-03', 'public_holiday', 'Vendredi saint'],
      ['2026-04-04', 'saturday', undefined],
      ['2026-04-05', 'sunday', undefined],
      ['2026-04-06', 'public_holiday', 'Lundi de Pâques'],
    ]);
    // In Alsace-Moselle both readings end on 7 April; nationally the later one also does (4 Apr is a Saturday).
    expect(alsace.ambiguous).toBe(false);
    expect(f(national.later.lastDay)).toBe('2026-04-07');
  });

  it('given Alsace-Moselle, when the period ends on Friday 26 Dec 2025, then it runs to Monday 29 December', () => {
    // 26 Oct 2025 + 2 months = Friday 26 December 2025: a working day nationally.
    expect(f(delaiFranc(d('2025-10-26'), 2).lastDay)).toBe('2025-12-26');
    expect(delaiFranc(d('2025-10-26'), 2).endsAt).toBe('2025-12-26T23:00:00.000Z');
    // In Alsace-Moselle 26 Dec is a holiday, then Saturday 27 and Sunday 28 -> Monday 29.
    expect(f(delaiFranc(d('2025-10-26'), 2, { alsaceMoselle: true }).lastDay)).toBe('2025-12-29');
  });

  it('given a trigger on 31 Dec 2027, then the last day is Tuesday 29 Feb 2028, the later reading Wednesday 1 March', () => {
    const period = delaiFranc(d('2027-12-31'), 2);
    expect(f(period.lastDay)).toBe('2028-02-29');
    expect(period.endsAt).toBe('2028-02-29T23:00:00.000Z');
    // Later reading: from 1 Jan 2028, date to same date -> 1 March 2028, a Wednesday.
    expect(f(period.later.lastDay)).toBe('2028-03-01');
    expect(period.ambiguous).toBe(true);
  });

  it('given a trigger on 31 Dec 2026, then Sunday 28 Feb 2027 is carried to Monday 1 March, where both readings meet', () => {
    const period = delaiFranc(d('2026-12-31'), 2);
    expect(f(period.nominalLastDay)).toBe('2027-02-28');
    expect(f(period.lastDay)).toBe('2027-03-01');
    expect(period.ambiguous).toBe(false);
  });

  it('given a period ending on Ascension Thursday 14 May 2026, then it runs to Friday 15 May', () => {
    // 14 Mar 2026 + 2 months = 14 May 2026, Ascension (Easter 5 April + 39 days).
    const period = delaiFranc(d('2026-03-14'), 2);
    expect(f(period.lastDay)).toBe('2026-05-15');
    expect(period.endsAt).toBe('2026-05-15T22:00:00.000Z');
    expect(period.ambiguous).toBe(false); // the later reading is 15 May too
  });
});

describe('sameDateWithWeekendExtension (CADA referral, GDPR rights)', () => {
  it('given a GDPR request received on 14 Apr 2026, then the month ends on Ascension 14 May and is carried to Friday 15 May, 24:00', () => {
    const period = sameDateWithWeekendExtension('2026-04-14T09:00:00+02:00', 1);
    expect(f(period.lastDay)).toBe('2026-05-15');
    expect(period.endsAt).toBe('2026-05-15T22:00:00.000Z');
  });

  it('given a request received on 8 Apr 2027, then 8 May 2027 (Saturday and Victory Day) and Sunday 9 are skipped: Monday 10 May', () => {
    const period = sameDateWithWeekendExtension(d('2027-04-08'), 1);
    expect(f(period.lastDay)).toBe('2027-05-10');
    // A holiday falling on a weekend is reported as the holiday.
    expect(period.extendedOver.map((x) => x.reason)).toEqual(['public_holiday', 'sunday']);
  });

  it('given a CADA refusal on 17 Mar 2027, then 2 months end on Whit Monday 17 May 2027 and run to Tuesday 18 May', () => {
    expect(f(sameDateWithWeekendExtension(d('2027-03-17'), 2).lastDay)).toBe('2027-05-18');
  });

  it('given 31 Jan 2026 + 1 month, then Saturday 28 Feb is carried to Monday 2 March', () => {
    const period = sameDateWithWeekendExtension(d('2026-01-31'), 1);
    expect(f(period.nominalLastDay)).toBe('2026-02-28');
    expect(f(period.lastDay)).toBe('2026-03-02');
    expect(period.endsAt).toBe('2026-03-02T23:00:00.000Z');
  });

  it('given a working last day, then nothing is extended', () => {
    // 13 Jan 2020 + 1 month = Thursday 13 Feb 2020.
    const period = sameDateWithWeekendExtension(d('2020-01-13'), 1);
    expect(f(period.lastDay)).toBe('2020-02-13');
    expect(period.extendedOver).toEqual([]);
  });
});

describe('clockHours (GDPR breach: 72 hours, never extended)', () => {
  it('given a breach known on Fri 27 Mar 2026 10:00 CET, when the clocks go forward on Sunday 29, then 72 real hours end on Monday 30 at 11:00 CEST', () => {
    // 10:00 CET = 09:00Z; + 72 h = Monday 30 March 09:00Z = 11:00 CEST (the skipped hour shows on the wall clock).
    const period = clockHours('2026-03-27T10:00:00+01:00', 72);
    expect(period.start).toBe('2026-03-27T09:00:00.000Z');
    expect(period.end).toBe('2026-03-30T09:00:00.000Z');
    expect(formatParisInstant(period.end)).toBe('2026-03-30T11:00:00+02:00');
  });

  it('given a breach known on Fri 23 Oct 2026 10:00 CEST, when the clocks go back on Sunday 25, then 72 real hours end on Monday 26 at 09:00 CET', () => {
    // 10:00 CEST = 08:00Z; + 72 h = Monday 26 October 08:00Z = 09:00 CET.
    const period = clockHours('2026-10-23T10:00:00+02:00', 72);
    expect(period.end).toBe('2026-10-26T08:00:00.000Z');
    expect(formatParisInstant(period.end)).toBe('2026-10-26T09:00:00+01:00');
  });

  it('given 72 hours ending on Whit Sunday 2026, then they are not carried over', () => {
    // Thursday 21 May 12:00 CEST + 72 h = Sunday 24 May 12:00 CEST = 10:00Z, though Monday 25 is a holiday.
    expect(clockHours('2026-05-21T12:00:00+02:00', 72).end).toBe('2026-05-24T10:00:00.000Z');
  });

  it('given a negative or fractional number of hours, then it is refused', () => {
    expect(() => clockHours('2026-05-21T12:00:00+02:00', -1)).toThrow(DomainError);
    expect(() => clockHours('2026-05-21T12:00:00+02:00', 1.5)).toThrow(DomainError);
  });
});
