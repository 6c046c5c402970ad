import type { Lang } from '../i18n';

const NBSP = '\u00a0';
const frPlural = (n: number, one: string, many: string): string => (Math.abs(n) < 2 ? one : many);
const enPlural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** The words of the provider report, in French (default) and English. */
export interface ReportMessages {
  title: (provider: string) => string;
  subject: (provider: string, period: string) => string;
  period: (from: string | null, to: string) => string;
  intro: string;
  generated: (at: string, by: string) => string;
  scope: (cases: number) => string;
  sections: { interruptions: string; incidents: string; breaches: string; withoutNotice: string; requests: string; cases: string };
  interruptions: { count: string; startedBefore: string; ongoing: string; total: string; median: string; max: string };
  /** How what crosses the period's limits is counted; `measuredUntil` when durations stopped before the period's end (the report is drawn up before it). */
  periodNote: (measuredUntil: string | null) => string;
  incidents: { count: string; severities: Record<string, string>; categories: Record<string, string> };
  metrics: Record<string, string>;
  breachLine: (count: number, total: string, target: string) => string;
  /** One breach: its fact date, its minutes in the period, and whether its overrun crosses the period's limits. */
  breachItem: (occurredAt: string, minutes: string, beganBefore: boolean, ongoingAtEnd: boolean, caseRef: string) => string;
  /** Prior notice: the operations made without the notice owed (a notice period, not an overrun). */
  noticeLine: (count: number, notice: string) => string;
  noticeItem: (occurredAt: string, caseRef: string) => string;
  /**
   * A clause that applies to part of the period only (the period spans its amendment or
   * withdrawal): the facts it applies to, by the dates the journal recorded it (`from`, null: the
   * earliest clause, from the start) and what replaced or withdrew it (`until`, null: in force).
   */
  clauseApplies: (from: string | null, until: string | null) => string;
  /**
   * Minutes on a business-hours contract calendar, as hours and minutes of that calendar: never
   * as calendar days (a working day is not 24 hours). `n` formats a number.
   */
  businessDuration: (minutes: number, n: (value: number) => string) => string;
  businessDurationWithTotal: (minutes: number, n: (value: number) => string) => string;
  noBreach: string;
  operations: Record<string, string>;
  noOperation: string;
  requests: { count: string; answered: string; unanswered: string; median: string; max: string };
  caseRow: (interruptions: number, minutes: string, incidents: number, breaches: number, withoutNotice: number, requests: number) => string;
  none: string;
  header: (provider: string) => string;
  footer: (generated: string) => string;
  page: (x: number, y: number) => string;
  disclaimer: string;
}

const fr: ReportMessages = {
  title: (provider) => `Évaluation du prestataire ${provider}`,
  subject: (provider, period) => `Évaluation écrite du prestataire ${provider}, ${period}`,
  period: (from, to) => (from ? `du ${from} au ${to}` : `jusqu’au ${to}`),
  intro:
    'Bilan périodique destiné à l’exécutif, établi à partir des faits consignés dans la main courante (fiche « relations avec les prestataires informatiques », point 4).',
  generated: (at, by) => `Établi le ${at}, par ${by}`,
  scope: (cases) => `Dossiers pris en compte : ${cases} (ceux que l’auteur du bilan peut consulter et qui ont des faits sur la période).`,
  sections: {
    interruptions: 'Interruptions de service',
    incidents: 'Incidents',
    breaches: 'Engagements contractuels non tenus',
    withoutNotice: 'Opérations sans information préalable',
    requests: 'Demandes au prestataire et délais de réponse',
    cases: 'Détail par dossier',
  },
  interruptions: {
    count: 'Coupures d’accès pendant la période',
    startedBefore: 'dont commencées avant la période',
    ongoing: 'dont encore en cours à la fin de la période',
    total: 'Durée cumulée sur la période',
    median: 'Délai médian de rétablissement',
    max: 'Délai maximal de rétablissement',
  },
  periodNote: (measuredUntil) =>
    `Une coupure, ou un dépassement d’engagement, à cheval sur le début ou la fin de la période n’y est compté que pour ses minutes comprises dans la période${measuredUntil ? ` (arrêtées au ${measuredUntil}, date du bilan)` : ''}${NBSP}: il figure dans chaque période qu’il touche, chaque fois pour sa seule part, et aucune minute d’une autre période n’est comptée ici. Les délais de rétablissement sont ceux des coupures rétablies pendant la période, mesurés en entier, de la coupure au rétablissement. Une opération sans information préalable compte dans la période où elle a eu lieu.`,
  incidents: {
    count: 'Incidents consignés',
    severities: { blocking: 'bloquants', non_blocking: 'non bloquants' },
    categories: { outage: 'panne', provider_action: 'action du prestataire', pressure: 'pression', data_protection: 'données personnelles', other: 'autre' },
  },
  metrics: {
    resolution_blocking: 'Résolution des incidents bloquants',
    resolution_non_blocking: 'Résolution des incidents non bloquants',
    service_restoration: 'Rétablissement du service',
    data_restoration: 'Restauration des données',
    max_data_loss: 'Perte de données maximale',
    prior_notice: 'Information préalable',
  },
  breachLine: (count, total, target) => `${count} manquement${count > 1 ? 's' : ''}, ${total} de dépassement sur la période (engagement${NBSP}: ${target})`,
  breachItem: (occurredAt, minutes, beganBefore, ongoingAtEnd, caseRef) =>
    [
      `${occurredAt} — ${minutes}`,
      beganBefore ? ', dépassement commencé avant la période' : '',
      ongoingAtEnd ? ', toujours en cours à la fin de la période' : '',
      ` (${caseRef})`,
    ].join(''),
  noticeLine: (count, notice) => `${count} ${frPlural(count, 'opération', 'opérations')} sans le préavis dû (engagement${NBSP}: préavis de ${notice})`,
  noticeItem: (occurredAt, caseRef) => `${occurredAt} — préavis non donné (${caseRef})`,
  clauseApplies: (from, until) => {
    const rule = `chaque fait est mesuré à l’engagement en vigueur quand il a commencé`;
    if (from && until)
      return `Clause appliquée aux faits survenus du ${from} au ${until} (dates d’enregistrement de la clause et de sa modification ou de son retrait)${NBSP}: ${rule}.`;
    if (until) return `Clause appliquée aux faits survenus avant le ${until}, date d’enregistrement de sa modification ou de son retrait${NBSP}: ${rule}.`;
    if (from) return `Clause appliquée aux faits survenus à partir du ${from}, date de son enregistrement${NBSP}: ${rule}.`;
    return '';
  },
  businessDuration: (minutes, n) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const h = `${n(hours)}${NBSP}${frPlural(hours, 'heure', 'heures')}`;
    const m = `${n(rest)}${NBSP}${frPlural(rest, 'minute', 'minutes')}`;
    if (hours === 0) return `${m} ${frPlural(rest, 'ouvrée', 'ouvrées')}`;
    if (rest === 0) return `${h} ${frPlural(hours, 'ouvrée', 'ouvrées')}`;
    return `${h} et ${m} ouvrées`;
  },
  businessDurationWithTotal: (minutes, n) =>
    `${fr.businessDuration(minutes, n)} (${n(minutes)}${NBSP}${frPlural(minutes, 'minute ouvrée', 'minutes ouvrées')} au total)`,
  noBreach: 'Aucun manquement constaté aux engagements enregistrés.',
  operations: { cut_off: 'Coupure d’accès', provider_action: 'Action du prestataire' },
  noOperation: 'Aucune opération sans information préalable consignée.',
  requests: {
    count: 'Demandes (tickets) au prestataire',
    answered: 'Avec réponse',
    unanswered: 'Sans réponse',
    median: 'Délai médian de réponse',
    max: 'Délai maximal de réponse',
  },
  caseRow: (interruptions, minutes, incidents, breaches, withoutNotice, requests) =>
    `${interruptions} coupure(s), ${minutes} ; ${incidents} incident(s) ; ${breaches} manquement(s) ; ${withoutNotice} opération(s) sans information ; ${requests} demande(s)`,
  none: '—',
  header: (provider) => `Évaluation du prestataire ${provider}`,
  footer: (generated) => `Main courante — établi le ${generated}`,
  page: (x, y) => `Page ${x} / ${y}`,
  disclaimer: 'Ces calculs sont une aide, pas un conseil juridique : faites-les confirmer par votre syndicat ou un avocat.',
};

const en: ReportMessages = {
  title: (provider) => `Evaluation of provider ${provider}`,
  subject: (provider, period) => `Written evaluation of provider ${provider}, ${period}`,
  period: (from, to) => (from ? `from ${from} to ${to}` : `up to ${to}`),
  intro: 'Periodic report for the executive, drawn from the facts recorded in the journal (checklist "relations with IT providers", point 4).',
  generated: (at, by) => `Drawn up on ${at}, by ${by}`,
  scope: (cases) => `Cases taken into account: ${cases} (those the author may read that have facts in the period).`,
  sections: {
    interruptions: 'Service interruptions',
    incidents: 'Incidents',
    breaches: 'Contract commitments not met',
    withoutNotice: 'Operations without prior notice',
    requests: 'Requests to the provider and answer times',
    cases: 'Per case',
  },
  interruptions: {
    count: 'Access cut-offs during the period',
    startedBefore: 'of which began before the period',
    ongoing: 'of which still ongoing at the end of the period',
    total: 'Total duration within the period',
    median: 'Median time to restore',
    max: 'Longest time to restore',
  },
  periodNote: (measuredUntil) =>
    `A cut-off, or an overrun of a commitment, that crosses the start or the end of the period counts here only for its minutes within the period${measuredUntil ? ` (measured up to ${measuredUntil}, the date of this report)` : ''}: it shows in every period it touches, each time for its own share, and no minute of another period is counted here. Times to restore are those of the cut-offs restored during the period, measured whole, from the cut-off to the restoration. An operation without prior notice counts in the period in which it took place.`,
  incidents: {
    count: 'Incidents recorded',
    severities: { blocking: 'blocking', non_blocking: 'non-blocking' },
    categories: { outage: 'outage', provider_action: 'provider action', pressure: 'pressure', data_protection: 'personal data', other: 'other' },
  },
  metrics: {
    resolution_blocking: 'Resolution of blocking incidents',
    resolution_non_blocking: 'Resolution of non-blocking incidents',
    service_restoration: 'Service restoration',
    data_restoration: 'Data restoration',
    max_data_loss: 'Maximum data loss',
    prior_notice: 'Prior notice',
  },
  breachLine: (count, total, target) => `${count} breach${count > 1 ? 'es' : ''}, ${total} over within the period (commitment: ${target})`,
  breachItem: (occurredAt, minutes, beganBefore, ongoingAtEnd, caseRef) =>
    [
      `${occurredAt} — ${minutes}`,
      beganBefore ? ', overrun began before the period' : '',
      ongoingAtEnd ? ', still running at the end of the period' : '',
      ` (${caseRef})`,
    ].join(''),
  noticeLine: (count, notice) => `${count} ${enPlural(count, 'operation', 'operations')} without the notice owed (commitment: notice of ${notice})`,
  noticeItem: (occurredAt, caseRef) => `${occurredAt} — no notice given (${caseRef})`,
  clauseApplies: (from, until) => {
    const rule = 'each fact is measured against the commitment in force when it began';
    if (from && until)
      return `Clause applied to facts that occurred from ${from} to ${until} (when the clause and its amendment or withdrawal were recorded): ${rule}.`;
    if (until) return `Clause applied to facts that occurred before ${until}, when its amendment or withdrawal was recorded: ${rule}.`;
    if (from) return `Clause applied to facts that occurred from ${from} on, when it was recorded: ${rule}.`;
    return '';
  },
  businessDuration: (minutes, n) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const h = `${n(hours)} business ${enPlural(hours, 'hour', 'hours')}`;
    if (hours === 0) return `${n(rest)} business ${enPlural(rest, 'minute', 'minutes')}`;
    if (rest === 0) return h;
    return `${h} and ${n(rest)} ${enPlural(rest, 'minute', 'minutes')}`;
  },
  businessDurationWithTotal: (minutes, n) => `${en.businessDuration(minutes, n)} (${n(minutes)} business ${enPlural(minutes, 'minute', 'minutes')} in total)`,
  noBreach: 'No breach of the recorded commitments.',
  operations: { cut_off: 'Access cut-off', provider_action: 'Provider action' },
  noOperation: 'No operation without prior notice recorded.',
  requests: {
    count: 'Requests (tickets) to the provider',
    answered: 'Answered',
    unanswered: 'Unanswered',
    median: 'Median answer time',
    max: 'Longest answer time',
  },
  caseRow: (interruptions, minutes, incidents, breaches, withoutNotice, requests) =>
    `${interruptions} cut-off(s), ${minutes}; ${incidents} incident(s); ${breaches} breach(es); ${withoutNotice} operation(s) without notice; ${requests} request(s)`,
  none: '—',
  header: (provider) => `Evaluation of provider ${provider}`,
  footer: (generated) => `Main courante — drawn up on ${generated}`,
  page: (x, y) => `Page ${x} / ${y}`,
  disclaimer: 'These figures help; they are not legal advice: have them confirmed by your union or a lawyer.',
};

export const reportMessagesFor = (lang: Lang): ReportMessages => (lang === 'en' ? en : fr);
