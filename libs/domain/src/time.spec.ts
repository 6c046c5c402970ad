import { checkFactDate } from './time';

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
    [42, 'format'],
  ])('%s -> %s', (value, expected) => {
    expect(checkFactDate(value, now)).toBe(expected);
  });
});
