import { formatDateTime } from './dates.js';
import { entryTitle } from './entry-kinds.js';
import { t } from './i18n.js';

/** At most `max` characters, cut at a word where possible, with « … » when something was left out. */
export function shortened(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Options of a select naming another entry: the live entries of the wanted types, latest first. */
export function targetOptions(entries, targets) {
  return entries
    .filter(
      (e) =>
        !e.retracted && (targets === 'any' ? e.type !== 'EvidenceAttached' && e.type !== 'CaseClosed' && e.type !== 'CaseReopened' : targets.includes(e.type)),
    )
    .slice()
    .reverse()
    .map((e) => ({
      value: e.entryId,
      label: `${formatDateTime(e.occurredAt)} — ${t(`entry.${e.type}`)}${entryTitle(e) ? ` : ${shortened(entryTitle(e), 80)}` : ''}`,
    }));
}
