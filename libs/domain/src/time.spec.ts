import { checkFactDate, viewInstant } from './time';

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
  ])('%s -> %s', (value, expected) => {
    expect(checkFactDate(value, now)).toBe(expected);
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
