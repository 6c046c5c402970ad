import fc from 'fast-check';
import { MAX_FUTURE_SKEW_MS, checkFactDate, viewInstant } from './time';

describe('checkFactDate', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  it.each([
    ['2019-11-12T08:30:00+01:00', null],
    ['2019-11-12T08:30+01:00', null],
    ['2019-11-12T07:30:00.123Z', null],
    ['2019-11-12T08:30:00', 'offset'],
    ['2019-11-12', 'format'],
    ['12/11/2019 08:30', 'format'],
    ['2019-02-29T08:30:00Z', 'invalid'],
    ['2020-02-29T08:30:00Z', null],
    ['2019-11-31T08:30:00Z', 'invalid'],
    ['2019-11-12T24:00:00Z', 'invalid'],
    ['2026-11-22T12:04:59Z', null],
    ['2026-11-22T13:06:00+01:00', 'future'],
    ['1900-01-01T00:00:00Z', null],
    ['1899-12-31T23:59:59Z', 'too_old'],
    ['0019-11-12T08:30:00+01:00', 'too_old'],
    [42, 'format'],
    ['2000-02-29T08:30:00Z', null],
    ['1900-02-29T08:30:00Z', 'invalid'],
    ['0000-02-29T08:30:00Z', 'too_old'],
    ['1899-12-31T23:30:00-01:00', null],
    ['2019-11-12T08:30:00+19:00', 'invalid'],
    ['2019-11-12T08:30:00-18:00', null],
    ['2026-11-22T12:05:00.0001Z', null],
    ['2026-11-22T12:05:00.001Z', 'future'],
  ])('%s -> %s', (value, expected) => {
    expect(checkFactDate(value, now)).toBe(expected);
  });

  it('places every accepted date at the instant Date.parse reads, to the millisecond', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const dates = fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.option(fc.integer({ min: 0, max: 59 })),
      fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
      zone: fc.oneof(fc.constant('Z' as const), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 59 }))),
    });
    fc.assert(
      fc.property(dates, (f) => {
        const seconds = f.second === null ? '' : `:${two(f.second)}${f.fraction === null ? '' : `.${f.fraction}`}`;
        const zone = f.zone === 'Z' ? 'Z' : `${f.zone[0]}${two(f.zone[1])}:${two(f.zone[2])}`;
        const value = `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}${seconds}${zone}`;
        const parsed = Date.parse(value);
        const real = f.day <= new Date(Date.UTC(2000 + (f.year % 400), f.month, 0)).getUTCDate();
        if (!real) return expect(checkFactDate(value, now)).toBe('invalid');
        expect(Number.isNaN(parsed)).toBe(false);
        // The latest "now" at which the date is still too far ahead, then the first at which it is not.
        const problem = checkFactDate(value, new Date(parsed - MAX_FUTURE_SKEW_MS - 1));
        expect(problem).toBe('future');
        expect(checkFactDate(value, new Date(parsed - MAX_FUTURE_SKEW_MS))).toBe(parsed < Date.parse('1900-01-01T00:00:00Z') ? 'too_old' : null);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('viewInstant', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  it('takes asOf when it has passed, and now otherwise', () => {
    expect(viewInstant('2019-11-12T08:30:00+01:00', now)).toBe('2019-11-12T07:30:00.000Z');
    expect(viewInstant('9999-12-31T23:59:59Z', now)).toBe('2026-11-22T12:00:00.000Z');
    expect(viewInstant(undefined, now)).toBe('2026-11-22T12:00:00.000Z');
  });
});
