import type { IncidentCategory, RequestKind } from '../case/case.events';

/**
 * The rule set `fr-2026` (DEADLINES.md) as versioned data. Nothing computed here is stored as
 * an event: projections recompute it, and every date they show names its rule id and source.
 * This is help, not legal advice.
 */

export interface DeadlineText {
  readonly fr: string;
  readonly en: string;
}

export const RULE_SET_ID = 'fr-2026';
export type RuleSetId = typeof RULE_SET_ID;

/** The contract metrics of `SlaCommitmentDefined` (EVENTS.md, provider stream). */
export const SLA_RULE_METRICS = [
  'resolution_blocking',
  'resolution_non_blocking',
  'service_restoration',
  'data_restoration',
  'max_data_loss',
  'prior_notice',
] as const;
export type SlaRuleMetric = (typeof SLA_RULE_METRICS)[number];

export type ProviderSlaRuleId = `provider-sla-${Exclude<SlaRuleMetric, 'prior_notice'>}`;

export type RuleId =
  | 'silence-agent-request'
  | 'appeal-after-rejection'
  | 'cada-document-request'
  | 'cada-referral'
  | 'gdpr-rights-request'
  | 'gdpr-breach-notification'
  | ProviderSlaRuleId
  | 'provider-prior-notice';

/** How the period is counted (see periods.ts and business-calendar.ts). */
export type RuleComputation =
  /** Date to same date; `oneDayAmbiguity`: the law leaves a doubt of one day, the earlier date is used and flagged. */
  | { readonly kind: 'months_same_date'; readonly months: number; readonly oneDayAmbiguity: boolean }
  /** Délai franc: trigger day not counted, ends 24:00, carried over Sat/Sun/holidays (CPC art. 642). */
  | { readonly kind: 'delai_franc'; readonly months: number }
  /** Date to same date, ends 24:00, carried over Sat/Sun/holidays. */
  | { readonly kind: 'months_same_date_extended'; readonly months: number }
  /** Clock hours, never extended. */
  | { readonly kind: 'clock_hours'; readonly hours: number }
  /** The contract's target (minutes) on the contract's calendar. */
  | { readonly kind: 'contract_calendar' }
  /** No period: the fact itself is the breach. */
  | { readonly kind: 'none' };

/** What a rule applies to, in terms of events. */
export type RuleScope =
  | { readonly event: 'WrittenRequestSent'; readonly kinds: readonly RequestKind[] }
  | { readonly event: 'ResponseReceived'; readonly outcome: 'refused' }
  | { readonly event: 'IncidentReported'; readonly category: IncidentCategory }
  | { readonly event: 'IncidentReported' | 'AccessCutOff'; readonly metric: SlaRuleMetric }
  | { readonly event: 'AccessCutOff' | 'ProviderActionRecorded'; readonly metric: 'prior_notice' }
  | { readonly event: 'rule'; readonly after: RuleId };

export interface DeadlineRule {
  readonly id: RuleId;
  readonly appliesTo: DeadlineText;
  readonly scope: readonly RuleScope[];
  readonly trigger: DeadlineText;
  readonly period: DeadlineText;
  readonly computation: RuleComputation;
  /** What the date means once reached, shown beside it. */
  readonly consequence: DeadlineText;
  /** The legal or contractual source, short form ("CRPA L231-4"). */
  readonly source: string;
  /** Caveats the dossier should be able to print next to the date. */
  readonly notes: readonly DeadlineText[];
}

export interface RuleSet {
  readonly id: RuleSetId;
  /** Bumped when a rule changes inside the same rule set id. */
  readonly revision: number;
  readonly disclaimer: DeadlineText;
  readonly rules: readonly DeadlineRule[];
}

const SLA_TEXT: Record<Exclude<SlaRuleMetric, 'prior_notice'>, DeadlineText> = {
  resolution_blocking: { fr: "délai de résolution d'un incident bloquant", en: 'resolution time of a blocking incident' },
  resolution_non_blocking: { fr: "délai de résolution d'un incident non bloquant", en: 'resolution time of a non-blocking incident' },
  service_restoration: { fr: 'délai de remise en service', en: 'service restoration time' },
  data_restoration: { fr: 'délai de restauration des données', en: 'data restoration time' },
  max_data_loss: { fr: 'perte de données maximale admissible', en: 'maximum acceptable data loss' },
};

function providerSlaRule(metric: Exclude<SlaRuleMetric, 'prior_notice'>): DeadlineRule {
  const text = SLA_TEXT[metric];
  const isLoss = metric === 'max_data_loss';
  return {
    id: `provider-sla-${metric}`,
    appliesTo: {
      fr: `Incidents et coupures d'un dossier dont le prestataire a pris un engagement (${text.fr})`,
      en: `Incidents and cut-offs of a case whose provider made a commitment (${text.en})`,
    },
    scope:
      metric === 'service_restoration'
        ? [
            { event: 'AccessCutOff', metric },
            { event: 'IncidentReported', metric },
          ]
        : [{ event: 'IncidentReported', metric }],
    trigger: isLoss
      ? { fr: "Dernière sauvegarde restaurable avant l'incident", en: 'Last restorable backup before the incident' }
      : { fr: "Date de l'incident ou de la coupure (occurredAt)", en: 'Time of the incident or cut-off (occurredAt)' },
    period: { fr: "La cible de l'engagement (en minutes)", en: "The commitment's target (minutes)" },
    computation: { kind: 'contract_calendar' },
    consequence: { fr: 'Engagement de service dépassé de N minutes', en: 'Service level breached by N minutes' },
    source: "La clause du contrat citée dans l'engagement (SlaCommitmentDefined.source)",
    notes: [
      {
        fr: 'Le calendrier est celui du contrat : 24h/24 7j/7, ou heures ouvrées hors jours fériés et périodes de fermeture. « 1 journée » en 24h/24 vaut 1 440 minutes.',
        en: 'The calendar is the contract\'s: 24x7, or business hours minus public holidays and closing periods. "1 day" on 24x7 is 1,440 minutes.',
      },
    ],
  };
}

export const RULE_SET_FR_2026: RuleSet = {
  id: RULE_SET_ID,
  revision: 1,
  disclaimer: {
    fr: "Dates calculées à titre d'aide, ce n'est pas un conseil juridique : en cas de doute, la date la plus tôt est retenue.",
    en: 'Dates computed as help, not legal advice: where in doubt, the earlier date is used.',
  },
  rules: [
    {
      id: 'silence-agent-request',
      appliesTo: {
        fr: "Demande écrite d'un agent à son administration (question à la hiérarchie, réclamation)",
        en: 'Written request of an employee to their administration (question to the hierarchy, grievance)',
      },
      scope: [{ event: 'WrittenRequestSent', kinds: ['question_to_hierarchy', 'grievance'] }],
      trigger: {
        fr: "Réception de la demande par l'administration (accusé de réception) ; à défaut, date d'envoi, signalée « date de réception non établie »",
        en: 'Receipt of the request by the administration (acknowledgement of receipt); if unknown, the sending date, flagged "date of receipt not established"',
      },
      period: { fr: '2 mois', en: '2 months' },
      computation: { kind: 'months_same_date', months: 2, oneDayAmbiguity: true },
      consequence: { fr: 'Décision implicite de rejet née à cette date', en: 'Implicit rejection ("décision implicite de rejet") born on that date' },
      source: 'CRPA L231-4',
      notes: [
        {
          fr: "Le silence gardé deux mois vaut rejet dans les relations entre l'administration et ses agents (CRPA L231-4, 5°). Selon la lecture, la décision naît le jour de même quantième ou le lendemain : la date la plus tôt est retenue.",
          en: 'Two months of silence are worth a rejection between the administration and its employees (CRPA L231-4, 5°). Depending on the reading, the decision is born on the same date or the day after: the earlier is used.',
        },
      ],
    },
    {
      id: 'appeal-after-rejection',
      appliesTo: {
        fr: 'Une décision implicite de rejet, ou une réponse de refus',
        en: 'An implicit rejection, or a response refusing the request',
      },
      scope: [
        { event: 'rule', after: 'silence-agent-request' },
        { event: 'ResponseReceived', outcome: 'refused' },
      ],
      trigger: { fr: 'Naissance de la décision implicite ; réception du refus', en: 'Birth of the implicit rejection; receipt of the refusal' },
      period: { fr: '2 mois', en: '2 months' },
      computation: { kind: 'delai_franc', months: 2 },
      consequence: {
        fr: 'Dernier jour pour saisir le tribunal administratif ; un refus explicite reçu dans ce délai le fait courir à nouveau',
        en: 'Last day to bring the case before the administrative court; an explicit refusal received within this period starts it again',
      },
      source: 'CJA R421-1, R421-2',
      notes: [
        {
          fr: "Délai franc : le jour du déclenchement ne compte pas, et un délai qui expire un samedi, un dimanche ou un jour férié est prorogé jusqu'au premier jour ouvrable suivant. Beaucoup d'auteurs ne comptent pas non plus le jour de l'échéance, ce qui donne un jour de plus : la date la plus tôt est retenue et signalée.",
          en: 'Délai franc: the trigger day does not count; a period ending on a Saturday, Sunday or public holiday runs to the next working day. Many authors also leave out the day of expiry, which gives one more day: the earlier date is used and flagged.',
        },
        {
          fr: "Un délai de recours n'est en principe opposable que s'il a été indiqué avec les voies de recours dans la notification de la décision (CJA R421-5) ; l'accusé de réception exigé par le CRPA ne l'est pas entre l'administration et ses agents (CRPA L112-2).",
          en: 'An appeal period generally runs only if the decision stated it with the means of appeal (CJA R421-5); the acknowledgement of receipt required by the CRPA is not required between the administration and its employees (CRPA L112-2).',
        },
      ],
    },
    {
      id: 'cada-document-request',
      appliesTo: { fr: 'Demande de communication de documents administratifs', en: 'Request for administrative documents' },
      scope: [{ event: 'WrittenRequestSent', kinds: ['document_request'] }],
      trigger: { fr: 'Réception de la demande', en: 'Receipt of the request' },
      period: { fr: '1 mois', en: '1 month' },
      computation: { kind: 'months_same_date', months: 1, oneDayAmbiguity: true },
      consequence: {
        fr: 'Refus implicite de communication ; saisir ensuite la CADA',
        en: 'Implicit refusal to communicate; then refer the matter to the CADA',
      },
      source: 'CRPA R311-12, R311-13',
      notes: [
        {
          fr: "Comme pour toute décision née du silence, un doute d'un jour subsiste sur la date de naissance du refus : la date la plus tôt est retenue.",
          en: 'As with any decision born of silence, there is a one-day doubt on the date the refusal is born: the earlier is used.',
        },
      ],
    },
    {
      id: 'cada-referral',
      appliesTo: { fr: 'Après un refus de communication (implicite ou explicite)', en: 'After a refusal to communicate documents (implicit or explicit)' },
      scope: [{ event: 'rule', after: 'cada-document-request' }],
      trigger: { fr: 'Naissance du refus implicite ; réception du refus explicite', en: 'Birth of the implicit refusal; receipt of the explicit refusal' },
      period: { fr: '2 mois', en: '2 months' },
      computation: { kind: 'months_same_date_extended', months: 2 },
      consequence: {
        fr: 'Dernier jour pour saisir la CADA (préalable obligatoire au recours contentieux)',
        en: 'Last day to refer the matter to the CADA (mandatory before going to court)',
      },
      source: 'CRPA R343-1, L342-1',
      notes: [],
    },
    {
      id: 'gdpr-rights-request',
      appliesTo: {
        fr: "Demande d'exercice de droits RGPD (accès, rectification, effacement…)",
        en: 'GDPR data-subject rights request (access, rectification, erasure...)',
      },
      scope: [{ event: 'WrittenRequestSent', kinds: ['gdpr_rights_request'] }],
      trigger: { fr: 'Réception de la demande', en: 'Receipt of the request' },
      period: { fr: '1 mois (prolongeable de 2 mois si la personne en est informée)', en: '1 month (extendable by 2 months if the person is told)' },
      computation: { kind: 'months_same_date_extended', months: 1 },
      consequence: { fr: 'Réponse en retard', en: 'Answer overdue' },
      source: 'RGPD art. 12(3) ; Règlement 1182/71 art. 3(4)',
      notes: [
        {
          fr: "La prolongation de deux mois (personne informée dans le premier mois, avec les motifs) n'est pas suivie ici.",
          en: 'The two-month extension (person told within the first month, with reasons) is not tracked here.',
        },
      ],
    },
    {
      id: 'gdpr-breach-notification',
      appliesTo: { fr: 'Incident de catégorie « protection des données »', en: 'Incident of category "data protection"' },
      scope: [{ event: 'IncidentReported', category: 'data_protection' }],
      trigger: {
        fr: "Prise de connaissance de la violation (occurredAt de l'incident, qui ne peut être postérieur)",
        en: "Awareness of the breach (the incident's occurredAt, which cannot be later)",
      },
      period: { fr: '72 heures', en: '72 hours' },
      computation: { kind: 'clock_hours', hours: 72 },
      consequence: { fr: 'Notification à la CNIL en retard', en: 'Notification to the CNIL overdue' },
      source: 'RGPD art. 33',
      notes: [
        {
          fr: "Heures d'horloge, jamais prorogées : 72 heures à cheval sur un changement d'heure sont 72 heures réelles.",
          en: 'Clock hours, never extended: 72 hours across a DST change are 72 real hours.',
        },
      ],
    },
    providerSlaRule('resolution_blocking'),
    providerSlaRule('resolution_non_blocking'),
    providerSlaRule('service_restoration'),
    providerSlaRule('data_restoration'),
    providerSlaRule('max_data_loss'),
    {
      id: 'provider-prior-notice',
      appliesTo: {
        fr: "Coupure ou action du prestataire sans information préalable (priorNotice « none » ou notifiedBeforehand faux), quand il s'est engagé à prévenir",
        en: 'Cut-off or provider action without prior notice (priorNotice "none" or notifiedBeforehand false), where the provider committed to give notice',
      },
      scope: [
        { event: 'AccessCutOff', metric: 'prior_notice' },
        { event: 'ProviderActionRecorded', metric: 'prior_notice' },
      ],
      trigger: { fr: "La coupure ou l'action", en: 'The cut-off or the action' },
      period: { fr: 'Aucun', en: 'None' },
      computation: { kind: 'none' },
      consequence: { fr: 'Opération sans information préalable', en: 'Operation without prior notice' },
      source: "Contrat ; guide de l'ANSSI « Maîtriser les risques de l'infogérance » (devoir d'information du prestataire)",
      notes: [],
    },
  ],
};

export const RULE_IDS: readonly RuleId[] = RULE_SET_FR_2026.rules.map((r) => r.id);

/** The rule of `fr-2026` with that id. */
export function deadlineRule(id: RuleId): DeadlineRule {
  const rule = RULE_SET_FR_2026.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown deadline rule ${id}`);
  return rule;
}

/** The rule that gives a written request of that kind its deadline, or null (provider tickets, other). */
export function requestRuleId(kind: RequestKind): 'silence-agent-request' | 'cada-document-request' | 'gdpr-rights-request' | null {
  switch (kind) {
    case 'question_to_hierarchy':
    case 'grievance':
      return 'silence-agent-request';
    case 'document_request':
      return 'cada-document-request';
    case 'gdpr_rights_request':
      return 'gdpr-rights-request';
    case 'provider_ticket':
    case 'other':
      return null;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The rule of a contract metric: `provider-sla-<metric>`, or `provider-prior-notice`. */
export function slaRuleId(metric: SlaRuleMetric): ProviderSlaRuleId | 'provider-prior-notice' {
  return metric === 'prior_notice' ? 'provider-prior-notice' : `provider-sla-${metric}`;
}
