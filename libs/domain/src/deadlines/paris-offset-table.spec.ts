import fc from 'fast-check';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  ParisDate,
  ParisDateTime,
  addParisDays,
  dayNumber,
  daysInMonth,
  formatInstant,
  formatParisDate,
  formatParisInstant,
  fromDayNumber,
  intlParisWallTime,
  isoWeekday,
  parisOffsetMinutes,
  parisWallTimeToEpochMs,
  toEpochMs,
  toParisDateTime,
} from './calendar';

/**
 * calendar.ts reads Europe/Paris wall time from a table of offsets that it builds from Intl.
 * The reference below is the implementation it replaced, which asked Intl (intlParisWallTime)
 * at every call: the two must agree on every instant and every wall time, historical offsets included.
 */
const reference = (() => {
  function wallMs(t: ParisDate & { hour: number; minute: number; second?: number }): number {
    return dayNumber(t) * DAY_MS + t.hour * HOUR_MS + t.minute * MINUTE_MS + (t.second ?? 0) * 1000;
  }
  function offsetMinutes(instant: number): number {
    const ms = toEpochMs(instant);
    const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
    return Math.round((wallMs(intlParisWallTime(wholeSecond)) - wholeSecond) / MINUTE_MS);
  }
  function wallTimeToEpochMs(date: ParisDate, hour = 0, minute = 0): number {
    if (hour === 24 && minute === 0) return wallTimeToEpochMs(addParisDays(date, 1), 0, 0);
    const wall = wallMs({ ...date, hour, minute });
    const before = offsetMinutes(wall - DAY_MS) * MINUTE_MS;
    const after = offsetMinutes(wall + DAY_MS) * MINUTE_MS;
    const matches = [wall - before, wall - after].filter((t) => wallMs(intlParisWallTime(t)) === wall).sort((a, b) => a - b);
    return matches.length > 0 ? matches[0] : wall - before;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  function formatInstant(instant: number): string {
    const t = intlParisWallTime(instant);
    const offset = offsetMinutes(instant);
    const abs = Math.abs(offset);
    return `${formatParisDate(t)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  return { toParisDateTime: (instant: number) => intlParisWallTime(toEpochMs(instant)), offsetMinutes, wallTimeToEpochMs, formatInstant };
})();

const utc = (text: string) => Date.parse(`${text}Z`);
const between = (from: string, to: string) => fc.integer({ min: utc(from), max: utc(to) - 1 });

/** Changes of offset that follow no "last Sunday" rule (tzdata 2025c): PMT -> WET in 1911, the wars, 1976-1980. */
const IRREGULAR_CHANGES = `
  1911-03-10T23:50:39 1916-06-14T23:00 1916-10-01T23:00 1917-03-24T23:00 1917-10-07T23:00 1918-03-09T23:00 1918-10-06T23:00
  1919-03-01T23:00 1919-10-05T23:00 1920-02-14T23:00 1920-10-23T23:00 1921-03-14T23:00 1921-10-25T23:00 1922-03-25T23:00
  1922-10-07T23:00 1923-05-26T23:00 1923-10-06T23:00 1924-03-29T23:00 1924-10-04T23:00 1925-04-04T23:00 1925-10-03T23:00
  1926-04-17T23:00 1926-10-02T23:00 1927-04-09T23:00 1927-10-01T23:00 1928-04-14T23:00 1928-10-06T23:00 1929-04-20T23:00
  1929-10-05T23:00 1930-04-12T23:00 1930-10-04T23:00 1931-04-18T23:00 1931-10-03T23:00 1932-04-02T23:00 1932-10-01T23:00
  1933-03-25T23:00 1933-10-07T23:00 1934-04-07T23:00 1934-10-06T23:00 1935-03-30T23:00 1935-10-05T23:00 1936-04-18T23:00
  1936-10-03T23:00 1937-04-03T23:00 1937-10-02T23:00 1938-03-26T23:00 1938-10-01T23:00 1939-04-15T23:00 1939-11-18T23:00
  1940-02-25T02:00 1940-06-14T22:00 1942-11-02T01:00 1943-03-29T01:00 1943-10-04T01:00 1944-04-03T01:00 1944-10-07T23:00
  1945-04-02T01:00 1945-09-16T01:00 1976-03-28T00:00 1976-09-25T23:00 1977-04-03T01:00 1978-04-02T01:00 1978-10-01T01:00
  1979-04-01T01:00 1980-04-06T01:00`
  .trim()
  .split(/\s+/)
  .map(utc);

function lastSunday(year: number, month: number): ParisDate {
  const last = { year, month, day: daysInMonth(year, month) };
  return { year, month, day: last.day - (isoWeekday(last) % 7) };
}

/** 01:00Z on the last Sunday of March, September (1981-1995) or October: the EU rule and its predecessor. */
const ruleChange = fc
  .record({ year: fc.integer({ min: 1850, max: 2200 }), month: fc.constantFrom(3, 9, 10) })
  .map(({ year, month }) => dayNumber(lastSunday(year, month)) * DAY_MS + HOUR_MS);

/** An instant where the offset changes, or would under the EU rule. */
const change = fc.oneof(fc.constantFrom(...IRREGULAR_CHANGES), ruleChange);

/** Near a change: within seconds, minutes or a day and a half, to the millisecond. */
const nearChange = fc
  .tuple(
    change,
    fc.oneof(
      fc.integer({ min: -5_000, max: 5_000 }),
      fc.integer({ min: -10 * MINUTE_MS, max: 10 * MINUTE_MS }),
      fc.integer({ min: -36 * HOUR_MS, max: 36 * HOUR_MS }),
    ),
  )
  .map(([at, delta]) => at + delta);

const instant = fc
  .tuple(
    fc.oneof(
      { arbitrary: between('1850-01-01T00:00', '2201-01-01T00:00'), weight: 4 },
      { arbitrary: nearChange, weight: 4 },
      { arbitrary: between('1911-01-01T00:00', '1912-01-01T00:00'), weight: 1 },
      { arbitrary: between('1939-09-01T00:00', '1946-01-01T00:00'), weight: 1 },
      // The ends of the table, where the answer comes from Intl again.
      { arbitrary: between('1799-07-01T00:00', '1800-07-01T00:00'), weight: 1 },
      { arbitrary: between('2499-07-01T00:00', '2500-07-01T00:00'), weight: 1 },
    ),
    // Often a whole second or minute, the edges of a printed second and of most changes.
    fc.constantFrom(1, 1, 1000, MINUTE_MS),
    // Intl reads a fraction of a millisecond toward zero, before 1970 too.
    fc.constantFrom(0, 0, 0, 0, 0.5, -0.5, 0.999),
  )
  .map(([ms, unit, fraction]) => Math.floor(ms / unit) * unit + fraction);

const utcDateOf = (ms: number) => fromDayNumber(Math.floor(ms / DAY_MS));

/** A wall time: any day, or the day of a change and its neighbours, at any time, often in the night hours that clocks skip or repeat. */
const wallTime = fc
  .record({
    date: fc.oneof(
      between('1850-01-01T00:00', '2201-01-01T00:00').map(utcDateOf),
      fc.tuple(change, fc.integer({ min: -1, max: 1 })).map(([at, days]) => utcDateOf(at + days * DAY_MS)),
      // The ends of the table: the day before and the day after are read on either side.
      fc.oneof(between('1799-12-29T00:00', '1800-01-04T00:00'), between('2499-12-29T00:00', '2500-01-04T00:00')).map(utcDateOf),
    ),
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 1, 2, 3, 22, 23, 24)),
    minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(0, 30, 59)),
  })
  .map((t) => (t.hour === 24 ? { ...t, minute: 0 } : t));

describe('Europe/Paris wall time from the offset table', () => {
  it('given any instant from 1850 to 2200, mostly near changes of offset, then wall time, offset and formatting are those Intl gives', () => {
    const answers = (fns: { wallTime: (ms: number) => ParisDateTime; offset: (ms: number) => number; format: (ms: number) => string }, ms: number) =>
      JSON.stringify([fns.wallTime(ms), fns.offset(ms), fns.format(ms)]);
    const table = { wallTime: toParisDateTime, offset: parisOffsetMinutes, format: formatParisInstant };
    const intl = { wallTime: reference.toParisDateTime, offset: reference.offsetMinutes, format: reference.formatInstant };
    fc.assert(
      fc.property(instant, (ms) => {
        // expect() only on a difference: it costs more than the answers compared.
        if (answers(table, ms) !== answers(intl, ms)) expect(answers(table, ms)).toBe(answers(intl, ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('given any wall time, skipped and repeated ones included, then its instant is the one Intl gives', () => {
    fc.assert(
      fc.property(wallTime, ({ date, hour, minute }) => {
        const table = parisWallTimeToEpochMs(date, hour, minute);
        const intl = reference.wallTimeToEpochMs(date, hour, minute);
        if (!Object.is(table, intl)) expect(table).toBe(intl);
      }),
      { numRuns: 4000 },
    );
  });

  it('given Paris mean time (before 11 March 1911, +00:09:21), then the seconds show and the offset rounds to 9 minutes', () => {
    expect(formatParisInstant('1900-01-01T00:00:00Z')).toBe('1900-01-01T00:09:21+00:09');
    expect(formatParisInstant('1911-03-10T23:50:38.999Z')).toBe('1911-03-10T23:59:59+00:09');
    expect(formatParisInstant('1911-03-10T23:50:39Z')).toBe('1911-03-10T23:50:39+00:00');
    // 08:00 PMT is read with the rounded offset, as it always was: 07:51:00Z, not 07:50:39Z.
    expect(parisWallTimeToEpochMs({ year: 1900, month: 1, day: 1 }, 8, 0)).toBe(utc('1900-01-01T07:51'));
  });

  it('given a ParisDateTime as the date, then its seconds still count, as they did', () => {
    const date = toParisDateTime('2026-03-29T00:59:30Z');
    expect(parisWallTimeToEpochMs(date, 8, 0)).toBe(reference.wallTimeToEpochMs(date, 8, 0));
    expect(formatInstant(parisWallTimeToEpochMs(date, 8, 0))).toBe('2026-03-29T06:00:30.000Z');
  });

  it('given instants far outside the table (years 0, 1, 9999, the ends of Date), then Intl answers as before, errors included', () => {
    const far = [utc('0000-06-01T12:00'), utc('0001-01-01T00:00'), utc('9999-12-31T23:30'), 8.64e15, -8.64e15 + DAY_MS];
    for (const ms of far) {
      expect(toParisDateTime(ms)).toEqual(reference.toParisDateTime(ms));
      expect(parisOffsetMinutes(ms)).toBe(reference.offsetMinutes(ms));
      expect(formatParisInstant(ms)).toBe(reference.formatInstant(ms));
    }
    for (const date of [
      { year: 1, month: 1, day: 1 },
      { year: 9999, month: 12, day: 31 },
    ]) {
      expect(parisWallTimeToEpochMs(date, 24, 0)).toBe(reference.wallTimeToEpochMs(date, 24, 0));
    }
    expect(() => toParisDateTime(8.64e15 + 1)).toThrow(RangeError);
    expect(() => reference.toParisDateTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
