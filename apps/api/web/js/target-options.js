import { formatDateTime } from './dates.js';
import { entryTitle } from './entry-kinds.js';
import { t } from './i18n.js';

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
      label: `${formatDateTime(e.occurredAt)} — ${t(`entry.${e.type}`)}${entryTitle(e) ? ` : ${entryTitle(e).slice(0, 80)}` : ''}`,
    }));
}
