import { DomainError } from '../errors';
import { parseParisDate } from './calendar';
import {
  CALENDAR_24X7,
  SEED_CONTRACT_SUPPORT_HOURS,
  addBusinessMinutes,
  businessHoursCalendar,
  businessMinutesBetween,
  mondayToFriday,
} from './business-calendar';

const d = parseParisDate;
/** Monday to Friday 08:00-18:00, national holidays. */
const EIGHT_TO_SIX = businessHoursCalendar(mondayToFriday(['08:00', '18:00']));
/** Monday to Friday 08:00-12:00 and 13:30-17:30, national holidays. */
const WITH_LUNCH = businessHoursCalendar(mondayToFriday(['08:00', '12:00'], ['13:30', '17:30']));

describe('addBusinessMinutes', () => {
  describe('given Monday-Friday 08:00-18:00, when a 4-hour SLA (240 min) is opened at 16:00', () => {
    it.each([
      // Wed 4 Mar 2026: 16:00-18:00 = 120 min, then Thu 5 Mar 08:00-10:00 = 120 min. 10:00 CET = 09:00Z.
      ['across a night', '2026-03-04T16:00:00+01:00', '2026-03-05T09:00:00.000Z'],
      // Fri 6 Mar 2026: 120 min, Sat 7 and Sun 8 closed, Mon 9 Mar 08:00-10:00.
      ['across a weekend', '2026-03-06T16:00:00+01:00', '2026-03-09T09:00:00.000Z'],
      // Wed 13 May 2026: 120 min, Thu 14 May is Ascension, Fri 15 May 08:00-10:00 CEST = 08:00Z.
      ['across a holiday', '2026-05-13T16:00:00+02:00', '2026-05-15T08:00:00.000Z'],
      // Fri 22 May 2026: 120 min, Sat 23, Sun 24, Whit Monday 25 closed, Tue 26 May 10:00 CEST.
      ['across a weekend and a holiday', '2026-05-22T16:00:00+02:00', '2026-05-26T08:00:00.000Z'],
      // Fri 27 Mar 2026 16:00 CET: 120 min; clocks go forward on Sunday 29; Mon 30 Mar 10:00 CEST = 08:00Z.
      ['across the change to summer time', '2026-03-27T16:00:00+01:00', '2026-03-30T08:00:00.000Z'],
    ])('then %s it is due at 10:00 the next working day', (_case, start, expected) => {
      expect(addBusinessMinutes(start, 240, EIGHT_TO_SIX)).toBe(expected);
    });
  });

  it('given 08:00-18:00, when 120 min start at 17:00, then the night is skipped: 09:00 the next day', () => {
    // Mon 2 Mar 2026 17:00-18:00 = 60, Tue 3 Mar 08:00-09:00 = 60. 09:00 CET = 08:00Z.
    expect(addBusinessMinutes('2026-03-02T17:00:00+01:00', 120, EIGHT_TO_SIX)).toBe('2026-03-03T08:00:00.000Z');
  });

  describe('given 08:00-12:00 and 13:30-17:30 (lunch break)', () => {
    it.each([
      // 11:00-12:00 = 60, lunch skipped, 13:30-16:30 = 180. 16:30 CET = 15:30Z.
      ['240 min from 11:00', '2026-03-02T11:00:00+01:00', '2026-03-02T15:30:00.000Z', 240],
      // 17:00-17:30 = 30, night, Tue 08:00-11:30 = 210. 11:30 CET = 10:30Z.
      ['240 min from 17:00', '2026-03-02T17:00:00+01:00', '2026-03-03T10:30:00.000Z', 240],
      // 10:00-12:00 = exactly 120: due at 12:00 (the closing time), not 13:30.
      ['120 min from 10:00', '2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00.000Z', 120],
      // Opened during lunch at 12:15: the clock starts at 13:30, 30 min -> 14:00 CET.
      ['30 min from 12:15', '2026-03-02T12:15:00+01:00', '2026-03-02T13:00:00.000Z', 30],
      // Opened before opening time at 06:00: 08:00 + 60 = 09:00 CET.
      ['60 min from 06:00', '2026-03-02T06:00:00+01:00', '2026-03-02T08:00:00.000Z', 60],
      // Opened on Saturday 7 Mar: the clock starts Monday 9 Mar 08:00, + 60 = 09:00 CET.
      ['60 min from Saturday 10:00', '2026-03-07T10:00:00+01:00', '2026-03-09T08:00:00.000Z', 60],
    ])('then %s (%s) is due at %s', (_case, start, expected, minutes) => {
      expect(addBusinessMinutes(start, minutes, WITH_LUNCH)).toBe(expected);
    });
  });

  it('given a closing period 24 Dec 2026 - 1 Jan 2027, then it is skipped like holidays', () => {
    const withClosure = businessHoursCalendar(mondayToFriday(['08:00', '18:00']), { closures: [{ from: d('2026-12-24'), to: d('2027-01-01') }] });
    // Wed 23 Dec 16:00-18:00 = 120; 24 Dec - 1 Jan closed; Sat 2, Sun 3 Jan; Mon 4 Jan 08:00-10:00 CET = 09:00Z.
    expect(addBusinessMinutes('2026-12-23T16:00:00+01:00', 240, withClosure)).toBe('2027-01-04T09:00:00.000Z');
    // Without the closure: Thu 24 Dec 08:00-10:00.
    expect(addBusinessMinutes('2026-12-23T16:00:00+01:00', 240, EIGHT_TO_SIX)).toBe('2026-12-24T09:00:00.000Z');
  });

  it('given Alsace-Moselle holidays, then Good Friday is closed too', () => {
    const alsace = businessHoursCalendar(mondayToFriday(['08:00', '18:00']), { holidays: 'fr-alsace-moselle' });
    // Thu 2 Apr 2026 16:00-18:00 = 120; Good Friday 3, weekend, Easter Monday 6; Tue 7 Apr 10:00 CEST = 08:00Z.
    expect(addBusinessMinutes('2026-04-02T16:00:00+02:00', 240, alsace)).toBe('2026-04-07T08:00:00.000Z');
    // Nationally, Friday 3 April 10:00.
    expect(addBusinessMinutes('2026-04-02T16:00:00+02:00', 240, EIGHT_TO_SIX)).toBe('2026-04-03T08:00:00.000Z');
  });

  it('given a calendar that ignores holidays, then Ascension is worked', () => {
    const noHolidays = businessHoursCalendar(mondayToFriday(['08:00', '18:00']), { holidays: 'none' });
    expect(addBusinessMinutes('2026-05-13T16:00:00+02:00', 240, noHolidays)).toBe('2026-05-14T08:00:00.000Z');
  });

  it('given a range ending at 24:00, then it runs to midnight', () => {
    const saturdayEvenings = businessHoursCalendar({ 6: [{ from: '20:00', to: '24:00' }] });
    // Sat 7 Mar 2026 23:00-24:00 = 60; next Saturday 14 Mar 20:00-21:00 CET = 20:00Z.
    expect(addBusinessMinutes('2026-03-07T23:00:00+01:00', 120, saturdayEvenings)).toBe('2026-03-14T20:00:00.000Z');
  });

  it('given the seed contract support hours (Mon-Fri 9:00-12:00, 13:30-17:30), then a blocking incident (4 h) is counted on them', () => {
    // Tue 12 Nov 2019 08:30: 09:00-12:00 = 180, 13:30-14:30 = 60 -> 14:30 CET = 13:30Z.
    expect(addBusinessMinutes('2019-11-12T08:30:00+01:00', 240, SEED_CONTRACT_SUPPORT_HOURS)).toBe('2019-11-12T13:30:00.000Z');
    // Fri 8 Nov 2019 16:00-17:30 = 90; Mon 11 Nov is Armistice Day; Tue 12 Nov 09:00-11:30 = 150 -> 10:30Z.
    expect(addBusinessMinutes('2019-11-08T16:00:00+01:00', 240, SEED_CONTRACT_SUPPORT_HOURS)).toBe('2019-11-12T10:30:00.000Z');
  });

  it('given 24x7, then minutes are real minutes, across DST too', () => {
    // Sat 28 Mar 2026 12:00 CET (11:00Z) + 24 h = Sun 29 Mar 11:00Z = 13:00 CEST.
    expect(addBusinessMinutes('2026-03-28T12:00:00+01:00', 1440, CALENDAR_24X7)).toBe('2026-03-29T11:00:00.000Z');
  });

  it('given zero minutes, then the start itself', () => {
    expect(addBusinessMinutes('2026-03-07T10:00:00+01:00', 0, EIGHT_TO_SIX)).toBe('2026-03-07T09:00:00.000Z');
  });

  it('given bad input, then it is refused', () => {
    expect(() => addBusinessMinutes('2026-03-02T10:00:00+01:00', -5, EIGHT_TO_SIX)).toThrow(DomainError);
    expect(() => addBusinessMinutes('2026-03-02T10:00:00+01:00', 60, businessHoursCalendar({}))).toThrow(DomainError);
    expect(() => businessHoursCalendar(mondayToFriday(['08:00', '12:00'], ['11:00', '17:30']))).toThrow(DomainError);
    expect(() => businessHoursCalendar(mondayToFriday(['18:00', '08:00']))).toThrow(DomainError);
    expect(() => businessHoursCalendar(mondayToFriday(['08:00', '25:00']))).toThrow(DomainError);
    expect(() => businessHoursCalendar(mondayToFriday(['8h', '12h']))).toThrow(DomainError);
    expect(() => businessHoursCalendar(mondayToFriday(['08:00', '18:00']), { closures: [{ from: d('2027-01-01'), to: d('2026-12-24') }] })).toThrow(
      DomainError,
    );
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    // Fri 16:00-18:00 (120) + Mon 08:00-10:00 (120).
    ['a weekend on 08:00-18:00', '2026-03-06T16:00:00+01:00', '2026-03-09T10:00:00+01:00', 240, EIGHT_TO_SIX],
    // Wed 13 May 16:00-18:00 (120), Ascension closed, Fri 15 May 08:00-10:00 (120).
    ['a holiday on 08:00-18:00', '2026-05-13T16:00:00+02:00', '2026-05-15T10:00:00+02:00', 240, EIGHT_TO_SIX],
    // 11:00-12:00 (60) + 13:30-16:30 (180).
    ['a lunch break', '2026-03-02T11:00:00+01:00', '2026-03-02T16:30:00+01:00', 240, WITH_LUNCH],
    // Fri 27 Mar 16:00 CET -> Mon 30 Mar 10:00 CEST: 120 + 120, the DST change falls in closed time.
    ['the change to summer time on business hours', '2026-03-27T16:00:00+01:00', '2026-03-30T10:00:00+02:00', 240, EIGHT_TO_SIX],
    // Saturday to Sunday: closed.
    ['a weekend only', '2026-03-07T09:00:00+01:00', '2026-03-08T17:00:00+01:00', 0, EIGHT_TO_SIX],
    // Sat 12:00 CET to Sun 12:00 CEST is 23 real hours (the night loses one).
    ['24x7 across the spring change', '2026-03-28T12:00:00+01:00', '2026-03-29T12:00:00+02:00', 1380, CALENDAR_24X7],
    // Sat 12:00 CEST to Sun 12:00 CET is 25 real hours.
    ['24x7 across the autumn change', '2026-10-24T12:00:00+02:00', '2026-10-25T12:00:00+01:00', 1500, CALENDAR_24X7],
    // Seconds are truncated to whole minutes.
    ['59 seconds', '2026-03-02T08:00:00+01:00', '2026-03-02T08:00:59+01:00', 0, EIGHT_TO_SIX],
  ])('given %s (%s -> %s), then the open time is %i min', (_case, start, end, expected, calendar) => {
    expect(businessMinutesBetween(start, end, calendar)).toBe(expected);
  });

  it('given an end before the start, then the count is negative', () => {
    expect(businessMinutesBetween('2026-03-09T10:00:00+01:00', '2026-03-06T16:00:00+01:00', EIGHT_TO_SIX)).toBe(-240);
  });

  it('given any amount added from an open instant, then counting back gives the same amount', () => {
    for (const calendar of [EIGHT_TO_SIX, WITH_LUNCH, SEED_CONTRACT_SUPPORT_HOURS]) {
      for (const minutes of [1, 59, 240, 600, 601, 2880, 10_000]) {
        const start = '2026-05-13T11:00:00+02:00';
        expect(businessMinutesBetween(start, addBusinessMinutes(start, minutes, calendar), calendar)).toBe(minutes);
      }
    }
  });
});
