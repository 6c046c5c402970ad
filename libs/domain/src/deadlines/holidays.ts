import Holidays from 'date-holidays';

/**
 * French public holidays (jours fériés), from the `date-holidays` package.
 *
 * Only entries of type `public` count: the 11 days of Code du travail L3133-1 (1 January,
 * Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
 * 11 November, 25 December), plus in Alsace-Moselle Good Friday and 26 December
 * (Code du travail L3134-13). Easter Sunday and Whit Sunday are Sundays anyway; the package
 * lists them as `observance` and they are ignored here like Mother's Day.
 */
export interface HolidayOptions {
  /** The organisation is in Moselle, Bas-Rhin or Haut-Rhin: Good Friday and 26 December are holidays too. */
  alsaceMoselle?: boolean;
}

/** 'YYYY-MM-DD' -> French name of the holiday, per year and per variant. */
const byYear = new Map<string, ReadonlyMap<string, string>>();
let national: Holidays | undefined;
let alsaceMoselle: Holidays | undefined;

function source(alsace: boolean): Holidays {
  // Department 57 (Moselle) carries the same local holidays as 67 and 68.
  if (alsace) return (alsaceMoselle ??= new Holidays('FR', '57'));
  return (national ??= new Holidays('FR'));
}

/** The public holidays of one year, keyed by 'YYYY-MM-DD' (Europe/Paris calendar dates). */
export function publicHolidaysOfYear(year: number, options: HolidayOptions = {}): ReadonlyMap<string, string> {
  const alsace = options.alsaceMoselle === true;
  const key = `${year}:${alsace ? 'am' : 'fr'}`;
  let found = byYear.get(key);
  if (!found) {
    const map = new Map<string, string>();
    for (const holiday of source(alsace).getHolidays(year, 'fr')) {
      // `date` is the local (Europe/Paris) date as "YYYY-MM-DD hh:mm:ss".
      if (holiday.type === 'public') map.set(holiday.date.slice(0, 10), holiday.name);
    }
    found = map;
    byYear.set(key, found);
  }
  return found;
}
