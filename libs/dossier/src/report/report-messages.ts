import type { Lang } from '../i18n';

/** The words of the provider report, in French (default) and English. */
export interface ReportMessages {
  title: (provider: string) => string;
  subject: (provider: string, period: string) => string;
  period: (from: string | null, to: string) => string;
  intro: string;
  generated: (at: string, by: string) => string;
  scope: (cases: number) => string;
  sections: { interruptions: string; incidents: string; breaches: string; withoutNotice: string; requests: string; cases: string };
  interruptions: { count: string; ongoing: string; total: string; median: string; max: string };
  incidents: { count: string; severities: Record<string, string>; categories: Record<string, string> };
  metrics: Record<string, string>;
  breachLine: (count: number, total: string, target: string) => string;
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
    count: 'Coupures d’accès',
    ongoing: 'dont encore en cours',
    total: 'Durée cumulée',
    median: 'Délai médian de rétablissement',
    max: 'Délai maximal de rétablissement',
  },
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
  breachLine: (count, total, target) => `${count} manquement${count > 1 ? 's' : ''}, ${total} de dépassement au total (engagement : ${target})`,
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
    count: 'Access cut-offs',
    ongoing: 'still ongoing',
    total: 'Total duration',
    median: 'Median time to restore',
    max: 'Longest time to restore',
  },
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
  breachLine: (count, total, target) => `${count} breach${count > 1 ? 'es' : ''}, ${total} over in total (commitment: ${target})`,
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
