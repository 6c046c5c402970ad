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

describe('Formatter, around the changes of clock', () => {
  const fr = new Formatter(messagesFor('fr'), 'Europe/Paris');
  const en = new Formatter(messagesFor('en'), 'Europe/Paris');

  it('given the two 02:30 of the night summer time ends, then each shows its offset', () => {
    expect(fr.dateTime('2026-10-25T02:30:00+02:00')).toBe('dimanche 25 octobre 2026 à 02:30 UTC+2');
    expect(fr.dateTime('2026-10-25T02:30:00+01:00')).toBe('dimanche 25 octobre 2026 à 02:30 UTC+1');
    expect(en.dateTime('2026-10-25T02:00:00+01:00')).toBe('Sunday 25 October 2026 at 02:00 UTC+1');
    expect(fr.dateTime('2026-10-25T02:59:00+01:00')).toBe('dimanche 25 octobre 2026 à 02:59 UTC+1');
  });

  it('given a time the clock showed once, even next to a change, then no offset is added', () => {
    expect(fr.dateTime('2026-10-25T01:59:00+02:00')).toBe('dimanche 25 octobre 2026 à 01:59');
    expect(fr.dateTime('2026-10-25T03:00:00+01:00')).toBe('dimanche 25 octobre 2026 à 03:00');
    expect(fr.dateTime('2026-03-29T03:30:00+02:00')).toBe('dimanche 29 mars 2026 à 03:30'); // the spring change
    expect(fr.dateTime('2026-03-29T01:30:00+01:00')).toBe('dimanche 29 mars 2026 à 01:30');
  });

  it('given the instant a dossier is as of, then it is shown to the second with its offset', () => {
    expect(fr.instant('2026-11-23T08:36:46.176Z')).toBe('lundi 23 novembre 2026 à 09:36:46 UTC+1');
    expect(en.instant('2026-07-01T06:05:07Z')).toBe('Wednesday 1 July 2026 at 08:05:07 UTC+2');
    expect(fr.shortInstant('2026-11-23T08:36:46.176Z')).toBe('23/11/2026 09:36:46 UTC+1');
    expect(new Formatter(messagesFor('fr'), 'Asia/Kolkata').instant('2026-11-23T08:36:46Z')).toBe('lundi 23 novembre 2026 à 14:06:46 UTC+5:30');
    expect(new Formatter(messagesFor('fr'), 'America/Cayenne').instant('2026-11-23T08:36:46Z')).toBe('lundi 23 novembre 2026 à 05:36:46 UTC-3');
  });
});
