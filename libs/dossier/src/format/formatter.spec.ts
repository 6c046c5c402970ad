import { messagesFor } from '../i18n';
import { Formatter } from './formatter';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('Formatter', () => {
  const fr = new Formatter(messagesFor('fr'), 'Europe/Paris');
  const en = new Formatter(messagesFor('en'), 'Europe/Paris');

  it('writes a date in words in the display time zone, whatever the offset it was declared with', () => {
    expect(fr.dateTime('2019-11-12T08:30:00+01:00')).toBe('mardi 12 novembre 2019 à 08:30');
    expect(fr.dateTime('2019-11-12T07:30:00Z')).toBe('mardi 12 novembre 2019 à 08:30');
    expect(fr.dateTime('2019-07-01T06:05:00Z')).toBe('lundi 1 juillet 2019 à 08:05'); // summer time
    expect(en.dateTime('2019-11-12T07:30:00Z')).toBe('Tuesday 12 November 2019 at 08:30');
    expect(new Formatter(messagesFor('fr'), 'America/Cayenne').dateTime('2019-11-12T07:30:00Z')).toBe('mardi 12 novembre 2019 à 04:30');
  });

  it('shows a string that is not a date as it is', () => {
    expect(fr.dateTime('hier matin')).toBe('hier matin');
  });

  it('refuses an unknown time zone at once', () => {
    expect(() => new Formatter(messagesFor('fr'), 'Europe/Nowhere')).toThrow(RangeError);
  });

  it('groups digits the French way', () => {
    expect(fr.number(3045)).toBe(`3${NNBSP}045`);
    expect(en.number(3045)).toBe('3,045');
  });

  it('writes durations in days, hours and minutes with French plurals', () => {
    expect(fr.duration(3045)).toBe(`2${NBSP}jours 2${NBSP}heures 45${NBSP}minutes`);
    expect(fr.duration(60)).toBe(`1${NBSP}heure`);
    expect(fr.duration(1441)).toBe(`1${NBSP}jour 1${NBSP}minute`);
    expect(fr.duration(0)).toBe(`0${NBSP}minute`);
    expect(fr.durationWithTotal(3045)).toBe(`2${NBSP}jours 2${NBSP}heures 45${NBSP}minutes (3${NNBSP}045${NBSP}minutes au total)`);
    expect(en.durationWithTotal(61)).toBe('1 hour 1 minute (61 minutes in total)');
  });

  it('names a person with their role', () => {
    expect(fr.actor({ username: 'ferris', role: 'union_rep' })).toBe('ferris (représentant syndical)');
    expect(en.actor({ username: 'ferris', role: 'union_rep', displayName: 'Ferris' })).toBe('Ferris (union representative)');
  });

  it('gives the month of a date, capitalised', () => {
    expect(fr.month('2019-11-30T23:30:00Z')).toBe('Décembre 2019'); // already December in Paris
    expect(en.month('2019-11-12T07:30:00Z')).toBe('November 2019');
  });
});
