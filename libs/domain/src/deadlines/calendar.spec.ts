import { DomainError } from '../errors';
import {
  addMonthsSameDate,
  dayNumber,
  endOfParisDay,
  formatInstant,
  formatParisDate,
  formatParisDateLong,
  formatParisInstant,
  fromDayNumber,
  isLeapYear,
  isPublicHoliday,
  isWorkingDay,
  isoWeekday,
  nextWorkingDay,
  nonWorkingReason,
  parisDate,
  parisOffsetMinutes,
  parisWallTimeToEpochMs,
  parseParisDate,
  publicHolidayName,
  startOfParisDay,
  toEpochMs,
  toParisDate,
  toParisDateTime,
  workingDayOnOrAfter,
} from './calendar';

const d = parseParisDate;
const f = formatParisDate;

/** Every public holiday of a year, found by asking day by day. */
function holidaysOf(year: number, alsaceMoselle = false): string[] {
  const found: string[] = [];
  for (let day = d(`${year}-01-01`); day.year === year; day = fromDayNumber(dayNumber(day) + 1)) {
    if (isPublicHoliday(day, { alsaceMoselle })) found.push(f(day));
  }
  return found;
}

describe('calendar dates', () => {
  describe('given a date, when adding months "date to same date"', () => {
    it.each([
      // 12 Nov + 2 months: Nov -> Dec -> Jan, and January has a 12th.
      ['2019-11-12', 2, '2020-01-12'],
      ['2019-11-13', 2, '2020-01-13'],
      // 31 Dec + 2 months: February 2027 has 28 days (2027 is not divisible by 4) -> its last day.
      ['2026-12-31', 2, '2027-02-28'],
      // 31 Dec 2027 + 2 months: 2028 is divisible by 4 and not by 100 -> leap, 29 February.
      ['2027-12-31', 2, '2028-02-29'],
      // 31 Jan + 1 month: last day of February, 28 in 2026, 29 in 2028.
      ['2026-01-31', 1, '2026-02-28'],
      ['2028-01-31', 1, '2028-02-29'],
      // 31 March + 1 month: April has 30 days.
      ['2026-03-31', 1, '2026-04-30'],
      // 29 Feb 2028 + 12 months: 2029 is not leap -> 28 February.
      ['2028-02-29', 12, '2029-02-28'],
      // 30 Nov + 3 months: February again, 28 days in 2027.
      ['2026-11-30', 3, '2027-02-28'],
      // 31 Oct 2026 + 14 months = December 2027, which has a 31st.
      ['2026-10-31', 14, '2027-12-31'],
      // 31 Jan 2000 + 1 month: 2000 is divisible by 400 -> leap.
      ['2000-01-31', 1, '2000-02-29'],
      ['2026-05-15', 0, '2026-05-15'],
    ])('then %s + %i month(s) = %s', (from, months, expected) => {
      expect(f(addMonthsSameDate(d(from), months))).toBe(expected);
    });

    it('then a fractional number of months is refused', () => {
      expect(() => addMonthsSameDate(d('2026-01-31'), 1.5)).toThrow(DomainError);
    });
  });

  it('given years, then leap years are those divisible by 4, except centuries not divisible by 400', () => {
    expect([2019, 2020, 2026, 2028, 2000, 2100].map(isLeapYear)).toEqual([false, true, false, true, true, false]);
  });

  it('given impossible dates, then they are refused', () => {
    expect(() => parisDate(2027, 2, 29)).toThrow(DomainError);
    expect(() => parseParisDate('2026-13-01')).toThrow(DomainError);
    expect(() => parseParisDate('12/11/2019')).toThrow(DomainError);
    expect(f(parisDate(2028, 2, 29))).toBe('2028-02-29');
  });

  it('given day numbers, then they count days since 1970-01-01 both ways', () => {
    expect(dayNumber(d('1970-01-01'))).toBe(0);
    // 1970..1999 = 30 years of 365 days plus 7 leap days (72, 76, 80, 84, 88, 92, 96) = 10,957; + 31 (Jan) + 29 (Feb 2000).
    expect(dayNumber(d('2000-03-01'))).toBe(11017);
    expect(f(fromDayNumber(11017))).toBe('2000-03-01');
    expect(f(fromDayNumber(-1))).toBe('1969-12-31');
  });

  it('given dates, then the ISO weekday is right (checked against a printed calendar)', () => {
    expect(isoWeekday(d('1970-01-01'))).toBe(4); // a Thursday
    expect(isoWeekday(d('2019-11-12'))).toBe(2); // the letter to the President: a Tuesday
    expect(isoWeekday(d('2020-01-12'))).toBe(7); // a Sunday
    expect(isoWeekday(d('2026-05-24'))).toBe(7); // Whit Sunday 2026
    expect(isoWeekday(d('2028-02-29'))).toBe(2); // 1 Jan 2028 is a Saturday, +59 days = Tuesday
  });

  it('given dates, then they read as people write them', () => {
    expect(formatParisDateLong(d('2020-03-16'), 'fr')).toBe('lundi 16 mars 2020');
    expect(formatParisDateLong(d('2026-05-01'), 'fr')).toBe('vendredi 1er mai 2026');
    expect(formatParisDateLong(d('2020-03-16'), 'en')).toBe('Monday 16 March 2020');
  });
});

describe('instants and Europe/Paris wall time', () => {
  it('given instants near midnight UTC, then their Paris date depends on the season', () => {
    // Winter: Paris = UTC+1, 23:30Z is 00:30 the next day.
    expect(f(toParisDate('2019-11-12T23:30:00Z'))).toBe('2019-11-13');
    expect(f(toParisDate('2019-11-12T22:59:59Z'))).toBe('2019-11-12');
    // Summer: Paris = UTC+2, 22:30Z is already the next day, 21:59Z is not.
    expect(f(toParisDate('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(f(toParisDate('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    // The offset of the input is honoured: 00:30 at +01:00 is still 13 November.
    expect(f(toParisDate('2019-11-13T00:30:00+01:00'))).toBe('2019-11-13');
  });

  it('given the DST changes of 2026 (29 March, 25 October at 01:00Z), then the offset switches at the right instant', () => {
    expect(parisOffsetMinutes('2026-01-15T12:00:00Z')).toBe(60);
    expect(parisOffsetMinutes('2026-07-15T12:00:00Z')).toBe(120);
    expect(parisOffsetMinutes('2026-03-29T00:59:59Z')).toBe(60);
    expect(parisOffsetMinutes('2026-03-29T01:00:00Z')).toBe(120);
    expect(parisOffsetMinutes('2026-10-25T00:59:59Z')).toBe(120);
    expect(parisOffsetMinutes('2026-10-25T01:00:00Z')).toBe(60);
    // 01:00Z on 29 March is 02:00 CET that becomes 03:00 CEST.
    expect(toParisDateTime('2026-03-29T01:00:00Z')).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0 });
  });

  describe('given a date, when asking for its start and its end (24:00 Paris)', () => {
    it.each([
      // Winter (CET, UTC+1): 24:00 = 23:00Z.
      ['2020-03-13', '2020-03-12T23:00:00.000Z', '2020-03-13T23:00:00.000Z'],
      // Summer (CEST, UTC+2): 24:00 = 22:00Z.
      ['2026-05-26', '2026-05-25T22:00:00.000Z', '2026-05-26T22:00:00.000Z'],
      // Spring forward day: starts in CET (23:00Z the day before), ends in CEST (22:00Z): 23 hours.
      ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      // Fall back day: starts in CEST (22:00Z), ends in CET (23:00Z): 25 hours.
      ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    ])('then %s runs from %s to %s', (date, start, end) => {
      expect(startOfParisDay(d(date))).toBe(start);
      expect(endOfParisDay(d(date))).toBe(end);
    });
  });

  it('given wall times that do not exist or happen twice, then they resolve forward and to the first occurrence', () => {
    // 29 March 2026 02:30 does not exist: read as 03:30 CEST = 01:30Z.
    expect(formatInstant(parisWallTimeToEpochMs(d('2026-03-29'), 2, 30))).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026 02:30 happens twice: first at CEST (00:30Z), then at CET (01:30Z).
    expect(formatInstant(parisWallTimeToEpochMs(d('2026-10-25'), 2, 30))).toBe('2026-10-25T00:30:00.000Z');
    expect(formatInstant(parisWallTimeToEpochMs(d('2026-10-25'), 24, 0))).toBe('2026-10-25T23:00:00.000Z');
    expect(() => parisWallTimeToEpochMs(d('2026-10-25'), 25, 0)).toThrow(DomainError);
  });

  it('given instants, then they format as ISO UTC and as Paris time', () => {
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatInstant('2019-11-12T08:30:00.123+01:00')).toBe('2019-11-12T07:30:00.123Z');
    expect(formatParisInstant('2026-05-26T22:00:00.000Z')).toBe('2026-05-27T00:00:00+02:00');
    expect(formatParisInstant('2020-01-12T23:00:00.000Z')).toBe('2020-01-13T00:00:00+01:00');
  });

  it('given strings without an offset, then they are refused (their meaning would depend on the machine)', () => {
    expect(() => toEpochMs('2019-11-12T08:30:00')).toThrow(DomainError);
    expect(() => toEpochMs('2019-11-12')).toThrow(DomainError);
    expect(() => toEpochMs(Number.NaN)).toThrow(DomainError);
    expect(toEpochMs('1970-01-01T01:00:00+01:00')).toBe(0);
  });
});

describe('French public holidays', () => {
  it('given 2026, then the 11 holidays of Code du travail L3133-1 are found, Easter-dependent ones included', () => {
    // Easter Sunday 2026 = 5 April (computus: golden number 13, epact gives Sunday 5 April).
    // Easter Monday = 6 April; Ascension = Easter + 39 days = Thursday 14 May; Whit Monday = Easter + 50 = 25 May.
    expect(holidaysOf(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('given 2027, then Easter (28 March) moves Easter Monday, Ascension and Whit Monday', () => {
    // Easter Sunday 2027 = 28 March -> Monday 29 March; +39 days = Thursday 6 May; +50 days = Monday 17 May.
    expect(holidaysOf(2027)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('given Alsace-Moselle, then Good Friday and 26 December are holidays too', () => {
    // Good Friday = Easter - 2 days: 3 April 2026, 26 March 2027.
    const alsace2026 = holidaysOf(2026, true);
    expect(alsace2026).toHaveLength(13);
    expect(alsace2026).toContain('2026-04-03');
    expect(alsace2026).toContain('2026-12-26');
    expect(isPublicHoliday(d('2027-03-26'), { alsaceMoselle: true })).toBe(true);
    expect(isPublicHoliday(d('2027-03-26'))).toBe(false);
    expect(isPublicHoliday(d('2025-12-26'))).toBe(false);
  });

  it('given Whit Sunday, then it is not a public holiday (an observance) but is not a working day either', () => {
    expect(isPublicHoliday(d('2026-05-24'))).toBe(false);
    expect(isWorkingDay(d('2026-05-24'))).toBe(false);
    expect(publicHolidayName(d('2026-05-25'))).toBe('Lundi de Pentecôte');
    expect(nonWorkingReason(d('2026-05-24'))).toEqual({ date: d('2026-05-24'), reason: 'sunday' });
    expect(nonWorkingReason(d('2026-05-25'))).toEqual({ date: d('2026-05-25'), reason: 'public_holiday', holidayName: 'Lundi de Pentecôte' });
    expect(nonWorkingReason(d('2026-05-23'))?.reason).toBe('saturday');
    expect(nonWorkingReason(d('2026-05-26'))).toBeNull();
  });

  describe('given a day, when looking for the next working day', () => {
    it.each([
      // Friday 22 May 2026 -> Sat 23, Sun 24, Whit Monday 25 -> Tuesday 26.
      ['2026-05-22', false, '2026-05-26'],
      // Wednesday 13 May 2026 -> Thursday 14 is Ascension -> Friday 15.
      ['2026-05-13', false, '2026-05-15'],
      // Thursday 2 April 2026 -> Friday 3 works nationally...
      ['2026-04-02', false, '2026-04-03'],
      // ...but in Alsace-Moselle it is Good Friday, then Sat 4, Sun 5, Easter Monday 6 -> Tuesday 7.
      ['2026-04-02', true, '2026-04-07'],
      // Thursday 24 Dec 2026 -> Christmas Friday, weekend -> Monday 28 (26 Dec is a Saturday anyway).
      ['2026-12-24', false, '2026-12-28'],
    ])('then after %s (Alsace-Moselle: %s) comes %s', (from, alsaceMoselle, expected) => {
      expect(f(nextWorkingDay(d(from), { alsaceMoselle }))).toBe(expected);
    });

    it('then a working day is its own "on or after" day, a holiday is not', () => {
      expect(f(workingDayOnOrAfter(d('2026-05-26')))).toBe('2026-05-26');
      expect(f(workingDayOnOrAfter(d('2026-05-25')))).toBe('2026-05-26');
    });
  });
});
