import { formatMinutes } from './dates.js';
import { t } from './i18n.js';

/** The SLA metrics of the catalog (libs/domain deadlines rule set), in the order of the forms. */
export const SLA_METRICS = ['resolution_blocking', 'resolution_non_blocking', 'service_restoration', 'data_restoration', 'max_data_loss', 'prior_notice'];
export const SLA_CALENDARS = ['24x7', 'business_hours'];

export const metricLabel = (metric) => t(`metric.${metric}`);

/** `1 j (1 440 min)`: the readable duration and the exact minutes the API counts. */
export function minutesWithTotal(minutes) {
  if (typeof minutes !== 'number') return '';
  const exact = `${new Intl.NumberFormat(t('app.locale')).format(minutes)} min`;
  const readable = formatMinutes(minutes);
  return readable === exact || minutes < 60 ? readable : `${readable} (${exact})`;
}

/** `Rétablissement du service : 1 j, 24 h/24 et 7 j/7 — Contrat, annexe 4`. */
export function commitmentText(c) {
  return `${metricLabel(c.metric)} : ${formatMinutes(c.target)}, ${t(`calendar.${c.calendar}`)} — ${c.source}`;
}
