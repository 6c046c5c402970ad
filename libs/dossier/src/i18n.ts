import type { RequestStatus } from '@mc/domain';
import type {
  DecidedBy,
  ExportFormat,
  IncidentCategory,
  Permission,
  PriorNotice,
  ProviderAction,
  RequestKind,
  ResourceKind,
  ResponseChannel,
  ResponseForm,
  ResponseOutcome,
  Role,
  Severity,
} from '@mc/domain';
import type { TimelineEntryType } from '@mc/projections';

export type Lang = 'fr' | 'en';

/** Everything the dossier says, in one language. Enum labels are total records, so a new enum value fails to compile here. */
export interface Messages {
  locale: string;
  /** Value of the PDF /Lang entry. */
  pdfLang: string;
  dossierTitle: string;
  sections: {
    cover: string;
    summary: string;
    chronology: string;
    registers: string;
    requests: string;
    outages: string;
    meetings: string;
    /** Data-protection incidents and the 72 hours to notify the CNIL. */
    breachNotifications: string;
    evidence: string;
    integrity: string;
    custody: string;
  };
  cover: {
    service: string;
    organisation: string;
    openedBy: string;
    provider: string;
    status: string;
    period: string;
    noFacts: string;
    asOf: string;
    generated: string;
    head: string;
    headHash: string;
    key: string;
    openedOn: (who: string, date: string) => string;
    periodRange: (from: string, to: string) => string;
    generatedBy: (date: string, who: string) => string;
    timezone: (zone: string) => string;
    caseId: (id: string) => string;
    /** How a character that the PDF's fonts cannot draw is written. */
    glyphs: string;
  };
  status: { open: string; closed: string };
  figures: {
    entriesByKind: string;
    total: string;
    retractedIncluded: string;
    evidence: string;
    corrections: string;
    retractions: string;
    late: string;
    outages: string;
    cutOffs: string;
    ongoing: string;
    ongoingMark: string;
    totalOutage: string;
    requests: string;
    sent: string;
    withReceipt: string;
    answered: string;
    unanswered: string;
    meetings: string;
    retractedExcluded: string;
  };
  entry: {
    occurredAt: string;
    recordedAt: string;
    recordedBy: (date: string, who: string) => string;
    late: (days: number) => string;
    retractedMark: string;
    retractedSuffix: string;
    retracted: (date: string, who: string, revision: string) => string;
    correction: (date: string, who: string, revision: string) => string;
    reason: string;
    removed: string;
    evidence: string;
    restorations: string;
    receipts: string;
    responses: string;
    notes: string;
    statements: string;
  };
  registers: {
    sentAt: string;
    fromTo: string;
    receipt: string;
    noReceipt: string;
    responses: string;
    unanswered: (asOf: string, days: number) => string;
    cutOffTitle: (date: string) => string;
    meetingTitle: (date: string) => string;
    restorations: string;
    allRestored: string;
    duration: string;
    ongoingFor: (asOf: string, duration: string) => string;
    noRequests: string;
    noOutages: string;
    noMeetings: string;
    due: string;
    status: string;
    statuses: Record<RequestStatus, string>;
    nextStep: string;
    caveats: string;
    /**
     * « 13 mars 2020 — Décision implicite de rejet née à cette date (règle silence-agent-request, CRPA L231-4) »;
     * `later`, when the law leaves a doubt, is the other reading's date, printed beside the date.
     */
    deadline: (date: string, consequence: string, ruleId: string, source: string, later: string | null) => string;
    notificationDue: string;
    breachStatuses: { running: string; passed: string };
    slaBreaches: string;
    breach: (consequence: string, dueAt: string, source: string) => string;
    disclaimer: string;
  };
  evidence: {
    intro: string;
    none: string;
    mediaType: string;
    size: string;
    sha256: string;
    recordedAt: string;
    capturedAt: string;
    about: string;
    description: string;
    embedded: string;
    embeddedAs: (name: string) => string;
    sameAs: (label: string) => string;
    notEmbedded: (path: string) => string;
    mismatch: (path: string) => string;
  };
  integrity: {
    intro: string;
    /** What each step checks, then the command that does it (none for the last one). */
    steps: Array<{ text: string; command?: string }>;
    readme: string;
    /** A PDF exported on its own is in no bundle: it is proven by the export event that recorded its digest. */
    standalone: { intro: string; steps: (asOf: string) => Array<{ text: string; command?: string }>; readme: string };
    events: (count: string, head: string) => string;
    headHash: (revision: string) => string;
    key: string;
    revisions: string;
    noCustody: string;
    shared: (grantee: string, permission: string) => string;
    revoked: (grantId: string) => string;
    exported: (format: string, asOf: string) => string;
    grantee: { user: (id: string) => string; union: (name: string) => string; management: string; group: (id: string) => string };
  };
  noEntries: string;
  entryNo: (n: number) => string;
  evidenceNo: (n: number) => string;
  revision: (n: string) => string;
  page: (x: number, y: number) => string;
  runningHeader: (title: string, shortId: string) => string;
  footer: (asOf: string) => string;
  subject: (title: string, asOf: string) => string;
  /** Quotes a user's text the way the language does. */
  quote: (text: string) => string;
  yes: string;
  no: string;
  listSeparator: string;
  duration: { day: (n: number) => string; hour: (n: number) => string; minute: (n: number) => string; totalMinutes: (formatted: string, n: number) => string };
  bytes: (n: string) => string;
  dateAt: string;
  entryTypes: Record<TimelineEntryType, string>;
  fields: Record<string, string>;
  roles: Record<Role, string>;
  categories: Record<IncidentCategory, string>;
  severities: Record<Severity, string>;
  resourceKinds: Record<ResourceKind, string>;
  decidedBy: Record<DecidedBy, string>;
  priorNotice: Record<PriorNotice, string>;
  providerActions: Record<ProviderAction, string>;
  channels: Record<ResponseChannel, string>;
  requestKinds: Record<RequestKind, string>;
  responseForms: Record<ResponseForm, string>;
  responseOutcomes: Record<ResponseOutcome, string>;
  permissions: Record<Permission, string>;
  exportFormats: Record<ExportFormat, string>;
}

const NBSP = '\u00a0';
const frPlural = (n: number, one: string, many: string): string => (Math.abs(n) < 2 ? one : many);
const enPlural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const fr: Messages = {
  locale: 'fr-FR',
  pdfLang: 'fr-FR',
  dossierTitle: 'Dossier de main courante',
  sections: {
    cover: 'Page de garde',
    summary: 'Synthèse',
    chronology: 'Chronologie des faits',
    registers: 'Registres',
    requests: 'Demandes écrites',
    outages: 'Coupures d’accès',
    meetings: 'Réunions',
    breachNotifications: 'Violations de données personnelles : notification à la CNIL',
    evidence: 'Annexe : pièces',
    integrity: 'Intégrité et vérification',
    custody: 'Partages et exports du dossier',
  },
  cover: {
    service: 'Service',
    organisation: 'Organisation',
    openedBy: 'Ouvert par',
    provider: 'Prestataire',
    status: 'Statut',
    period: 'Période couverte',
    noFacts: 'aucun fait consigné',
    asOf: 'État au',
    generated: 'Édité le',
    head: 'Dernier événement',
    headHash: 'Empreinte de tête',
    key: 'Clé de signature (SHA-256)',
    openedOn: (who, date) => `${who}, le ${date}`,
    periodRange: (from, to) => `du ${from} au ${to}`,
    generatedBy: (date, who) => `${date}, par ${who}`,
    timezone: (zone) => `Les dates et heures sont données dans le fuseau horaire ${zone}.`,
    caseId: (id) => `Identifiant du dossier${NBSP}: ${id}`,
    glyphs: `Un caractère que les polices de ce PDF ne savent pas dessiner est écrit sous la forme [U+XXXX], son code Unicode${NBSP}; le texte consigné au journal reste tel quel.`,
  },
  status: { open: 'ouvert', closed: 'clos' },
  figures: {
    entriesByKind: 'Entrées consignées, par nature',
    total: 'Total',
    retractedIncluded: 'Les entrées retirées restent comptées : elles demeurent au dossier.',
    evidence: 'Pièces jointes',
    corrections: 'Corrections',
    retractions: 'Retraits',
    late: 'Entrées consignées 24 heures ou plus après les faits',
    outages: 'Coupures d’accès',
    cutOffs: 'Coupures consignées',
    ongoing: 'dont en cours',
    ongoingMark: 'en cours',
    totalOutage: 'Durée cumulée des coupures',
    requests: 'Demandes écrites',
    sent: 'Envoyées',
    withReceipt: 'Réception confirmée',
    answered: 'Ayant reçu une réponse',
    unanswered: 'Sans réponse',
    meetings: 'Réunions',
    retractedExcluded: 'Les entrées retirées ne sont pas prises en compte dans ces chiffres.',
  },
  entry: {
    occurredAt: 'Date des faits',
    recordedAt: 'Consigné le',
    recordedBy: (date, who) => `${date}, par ${who}`,
    late: (days) => `Consigné ${days}${NBSP}${frPlural(days, 'jour', 'jours')} après les faits`,
    retractedMark: 'RETIRÉE',
    retractedSuffix: '(retirée)',
    retracted: (date, who, revision) => `Entrée retirée le ${date} par ${who} (${revision})`,
    correction: (date, who, revision) => `Correction du ${date} par ${who} (${revision})`,
    reason: 'Motif',
    removed: '(supprimé)',
    evidence: 'Pièces',
    restorations: 'Rétablissements',
    receipts: 'Accusés de réception',
    responses: 'Réponses',
    notes: 'Notes',
    statements: 'Témoignages',
  },
  registers: {
    sentAt: 'Envoyée le',
    fromTo: 'De / à',
    receipt: 'Réception',
    noReceipt: 'non confirmée',
    responses: 'Réponses',
    unanswered: (asOf, days) => `sans réponse au ${asOf} (${days}${NBSP}${frPlural(days, 'jour', 'jours')} après l’envoi)`,
    cutOffTitle: (date) => `Coupure du ${date}`,
    meetingTitle: (date) => `Réunion du ${date}`,
    restorations: 'Rétablissements',
    allRestored: 'tous les accès',
    duration: 'Durée',
    ongoingFor: (asOf, duration) => `en cours au ${asOf}${NBSP}: ${duration}`,
    noRequests: 'Aucune demande écrite consignée.',
    noOutages: 'Aucune coupure d’accès consignée.',
    noMeetings: 'Aucune réunion consignée.',
    due: 'Réponse attendue',
    status: 'État',
    statuses: {
      awaiting: 'en attente de réponse',
      due_soon: 'échéance dans moins de 7 jours',
      overdue: 'réponse en retard',
      implicit_rejection: 'décision implicite de rejet',
      answered: 'répondu',
      refused: 'refusé',
      no_deadline: 'pas de délai légal',
    },
    nextStep: 'Étape suivante',
    caveats: 'Réserves',
    deadline: (date, consequence, ruleId, source, later) =>
      `${date}${later ? ` (autre lecture possible${NBSP}: ${later})` : ''} — ${consequence} (règle ${ruleId}${NBSP}; ${source})`,
    notificationDue: 'Notification à la CNIL',
    breachStatuses: {
      running: 'délai de 72 heures en cours',
      passed: 'délai de 72 heures écoulé (le journal ne consigne pas la notification elle-même)',
    },
    slaBreaches: 'Engagements du prestataire',
    breach: (consequence, dueAt, source) => `${consequence} — échéance contractuelle${NBSP}: ${dueAt} (${source})`,
    disclaimer:
      'Les dates d’échéance sont une aide au calcul, pas un conseil juridique : faites-les confirmer par votre syndicat ou un avocat (règles fr-2026, calculées par le journal).',
  },
  evidence: {
    intro: 'Chaque pièce est identifiée par son empreinte SHA-256 : le fichier remis doit donner exactement cette empreinte.',
    none: 'Aucune pièce jointe.',
    mediaType: 'Type',
    size: 'Taille',
    sha256: 'SHA-256',
    recordedAt: 'Versée le',
    capturedAt: 'Date de capture',
    about: 'Concerne',
    description: 'Description',
    embedded: 'Dans ce PDF',
    embeddedAs: (name) => `jointe sous le nom ${fr.quote(name)}`,
    sameAs: (label) => `même fichier que la pièce ${label}`,
    notEmbedded: (path) => `non jointe${NBSP}: voir ${path} dans l’archive de preuve`,
    mismatch: (path) => `non jointe${NBSP}: le fichier disponible ne correspond pas à l’empreinte${NBSP}; voir ${path} dans l’archive de preuve`,
  },
  integrity: {
    intro:
      'Chaque événement du journal est enregistré une fois pour toutes et porte l’empreinte SHA-256 de l’événement précédent. ' +
      'Ce dossier fait partie d’une archive de preuve signée que chacun peut vérifier sans ce logiciel :',
    steps: [
      { text: 'Extraire l’archive :', command: 'unzip archive.zip -d dossier && cd dossier' },
      {
        text: 'Vérifier la signature du manifeste (réponse attendue : « Signature Verified Successfully ») :',
        command: 'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig',
      },
      {
        text: 'Calculer les empreintes des fichiers ; chacune doit être celle qu’indique manifest.json :',
        command: 'sha256sum events.jsonl dossier.pdf attachments/*',
      },
      {
        text: 'Calculer l’empreinte de la clé publique ; elle doit être celle indiquée ci-dessous :',
        command: 'openssl pkey -pubin -in public-key.pem -outform DER | sha256sum',
      },
      {
        text: 'La dernière ligne de events.jsonl doit porter l’empreinte de tête indiquée ci-dessous, et chaque ligne l’empreinte de la précédente (prevHash).',
      },
    ],
    readme: 'Le fichier LISEZMOI.txt de l’archive détaille ces étapes.',
    standalone: {
      intro:
        'Chaque événement du journal est enregistré une fois pour toutes et porte l’empreinte SHA-256 de l’événement précédent. ' +
        `Ce PDF a été exporté seul, hors de toute archive de preuve${NBSP}: son empreinte SHA-256 a été consignée au journal au moment de l’export, ` +
        `dans un événement DossierExported, que contient toute archive de preuve signée de ce dossier produite ensuite. Pour le vérifier sans ce logiciel${NBSP}:`,
      steps: (asOf) => [
        { text: `Calculer l’empreinte de ce fichier (remplacer fichier.pdf par son nom)${NBSP}:`, command: 'sha256sum fichier.pdf' },
        {
          text: 'Se procurer une archive de preuve de ce dossier produite après cet export, et la vérifier comme l’indique son fichier LISEZMOI.txt (signature, empreintes, chaîne des événements).',
        },
        {
          text: `Dans son fichier events.jsonl, l’empreinte calculée à l’étape 1 doit figurer dans une ligne DossierExported (format pdf, asOf ${asOf})${NBSP}:`,
          command: 'grep <empreinte> events.jsonl',
        },
        {
          text: 'Le contenu de ce PDF est celui du journal jusqu’à l’empreinte de tête indiquée ci-dessous, qui figure à la ligne de même révision de events.jsonl.',
        },
      ],
      readme: 'Tant que cette ligne n’est pas retrouvée dans une archive vérifiée, rien ne prouve que ce fichier est celui qui a été exporté.',
    },
    events: (count, head) => `${count} événements, révisions 0 à ${head}`,
    headHash: (revision) => `Empreinte de tête (révision ${revision})`,
    key: 'Empreinte de la clé publique (SHA-256)',
    revisions: 'Événements',
    noCustody: 'Aucun partage ni export consigné.',
    shared: (grantee, permission) => `Partagé avec ${grantee} (${permission})`,
    revoked: (grantId) => `Accès retiré (autorisation ${grantId})`,
    exported: (format, asOf) => `Export ${format}, état au ${asOf}`,
    grantee: {
      user: (id) => `l’utilisateur ${id}`,
      union: (name) => `le syndicat ${name}`,
      management: 'l’encadrement',
      group: (id) => `le groupe ${id}`,
    },
  },
  noEntries: 'Aucune entrée consignée à cette date.',
  entryNo: (n) => `n°${NBSP}${n}`,
  evidenceNo: (n) => `P${n}`,
  revision: (n) => `révision ${n}`,
  page: (x, y) => `Page ${x} / ${y}`,
  runningHeader: (title, shortId) => `${title} — dossier ${shortId}`,
  footer: (asOf) => `Main courante — état au ${asOf}`,
  subject: (title, asOf) => `Dossier de main courante${NBSP}: ${title}, état au ${asOf}`,
  quote: (text) => `«${NBSP}${text}${NBSP}»`,
  yes: 'oui',
  no: 'non',
  listSeparator: ' ; ',
  duration: {
    day: (n) => `${n}${NBSP}${frPlural(n, 'jour', 'jours')}`,
    hour: (n) => `${n}${NBSP}${frPlural(n, 'heure', 'heures')}`,
    minute: (n) => `${n}${NBSP}${frPlural(n, 'minute', 'minutes')}`,
    totalMinutes: (formatted, n) => `${formatted}${NBSP}${frPlural(n, 'minute', 'minutes')} au total`,
  },
  bytes: (n) => `${n}${NBSP}octets`,
  dateAt: 'à',
  entryTypes: {
    IncidentReported: 'Incident',
    AccessCutOff: 'Coupure d’accès',
    AccessRestored: 'Rétablissement des accès',
    ProviderActionRecorded: 'Action du prestataire',
    WrittenRequestSent: 'Demande écrite',
    RequestReceiptConfirmed: 'Accusé de réception',
    ResponseReceived: 'Réponse reçue',
    MeetingHeld: 'Réunion',
    ImpactRecorded: 'Conséquences pour le service',
    WitnessStatementAdded: 'Témoignage',
    NoteAdded: 'Note',
    EvidenceAttached: 'Pièce jointe',
    CaseClosed: 'Clôture du dossier',
    CaseReopened: 'Réouverture du dossier',
  },
  fields: {
    occurredAt: 'Date des faits',
    endedAt: 'Fin',
    title: 'Titre',
    description: 'Description',
    category: 'Catégorie',
    severity: 'Gravité',
    affectedServices: 'Services touchés',
    witnesses: 'Témoins',
    resources: 'Accès coupés',
    affectedPeople: 'Personnes concernées',
    decidedBy: 'Décidée par',
    priorNotice: 'Préavis',
    reasonGiven: 'Motif donné',
    cutOffEntryId: 'Coupure concernée',
    restoredResources: 'Accès rétablis',
    conditions: 'Conditions',
    action: 'Action',
    authorizedBy: 'Autorisée par',
    notifiedBeforehand: 'Prévenu à l’avance',
    sentAt: 'Date d’envoi',
    channel: 'Moyen',
    from: 'De',
    to: 'À',
    subject: 'Objet',
    body: 'Texte',
    kind: 'Nature',
    deadlinePolicy: 'Délai de réponse',
    requestEntryId: 'Demande concernée',
    receivedAt: 'Date de réception',
    proof: 'Preuve',
    form: 'Forme',
    outcome: 'Teneur',
    summary: 'Résumé',
    participants: 'Participants',
    minutesAvailable: 'Compte rendu disponible',
    periodStart: 'Début de la période',
    periodEnd: 'Fin de la période',
    hoursLost: 'Temps de travail perdu',
    tasksBlocked: 'Tâches bloquées',
    extraStaff: 'Renforts',
    publicImpact: 'Conséquences pour le public',
    witness: 'Témoin',
    statement: 'Déclaration',
    aboutEntryId: 'Concerne',
    text: 'Texte',
    fileName: 'Fichier',
    mediaType: 'Type',
    size: 'Taille',
    sha256: 'SHA-256',
    capturedAt: 'Date de capture',
    reason: 'Motif',
  },
  roles: { agent: 'agent', union_rep: 'représentant syndical', manager: 'encadrement', admin: 'administrateur' },
  categories: {
    outage: 'panne',
    provider_action: 'action du prestataire',
    pressure: 'pression',
    data_protection: 'protection des données',
    other: 'autre',
  },
  severities: { blocking: 'bloquant', non_blocking: 'non bloquant' },
  resourceKinds: {
    mailbox: 'messagerie',
    chat: 'tchat',
    file_server: 'serveur de fichiers',
    business_software: 'logiciel métier',
    workstation: 'poste de travail',
    phone: 'téléphone',
    other: 'autre',
  },
  decidedBy: { provider: 'le prestataire', hierarchy: 'la hiérarchie', unknown: 'inconnu' },
  priorNotice: { none: 'aucun préavis', oral: 'préavis oral', written: 'préavis écrit' },
  providerActions: {
    remote_takeover: 'prise de main à distance',
    account_suspension: 'suspension de compte',
    configuration_change: 'modification de configuration',
    data_access: 'accès aux données',
    demand: 'exigence',
    other: 'autre',
  },
  channels: {
    email: 'courriel',
    letter: 'courrier',
    registered_letter: 'lettre recommandée',
    hand_delivered: 'remise en main propre',
    internal_note: 'note interne',
    ticket: 'ticket',
    oral: 'oral',
  },
  requestKinds: {
    question_to_hierarchy: 'question à la hiérarchie',
    document_request: 'demande de document',
    gdpr_rights_request: 'exercice de droits RGPD',
    provider_ticket: 'ticket au prestataire',
    grievance: 'réclamation',
    other: 'autre',
  },
  responseForms: { written: 'écrite', oral: 'orale' },
  responseOutcomes: { answered: 'réponse apportée', partial: 'réponse partielle', refused: 'refus', acknowledged: 'simple prise en compte' },
  permissions: { read: 'lecture', contribute: 'contribution', export: 'export' },
  exportFormats: { pdf: 'PDF', bundle: 'archive de preuve' },
};

const en: Messages = {
  locale: 'en-GB',
  pdfLang: 'en-GB',
  dossierTitle: 'Logbook dossier',
  sections: {
    cover: 'Cover page',
    summary: 'Summary',
    chronology: 'Chronology of facts',
    registers: 'Registers',
    requests: 'Written requests',
    outages: 'Access cut-offs',
    meetings: 'Meetings',
    breachNotifications: 'Personal data breaches: notification to the CNIL',
    evidence: 'Annex: evidence',
    integrity: 'Integrity and verification',
    custody: 'Sharing and exports of the case',
  },
  cover: {
    service: 'Service',
    organisation: 'Organisation',
    openedBy: 'Opened by',
    provider: 'Provider',
    status: 'Status',
    period: 'Period covered',
    noFacts: 'no fact recorded',
    asOf: 'As of',
    generated: 'Generated on',
    head: 'Last event',
    headHash: 'Head hash',
    key: 'Signing key (SHA-256)',
    openedOn: (who, date) => `${who}, on ${date}`,
    periodRange: (from, to) => `from ${from} to ${to}`,
    generatedBy: (date, who) => `${date}, by ${who}`,
    timezone: (zone) => `Dates and times are given in the ${zone} time zone.`,
    caseId: (id) => `Case identifier: ${id}`,
    glyphs: 'A character that the fonts of this PDF cannot draw is written as [U+XXXX], its Unicode code; the text recorded in the journal is unchanged.',
  },
  status: { open: 'open', closed: 'closed' },
  figures: {
    entriesByKind: 'Entries recorded, by kind',
    total: 'Total',
    retractedIncluded: 'Retracted entries are still counted: they remain in the record.',
    evidence: 'Evidence files',
    corrections: 'Corrections',
    retractions: 'Retractions',
    late: 'Entries recorded 24 hours or more after the facts',
    outages: 'Access cut-offs',
    cutOffs: 'Cut-offs recorded',
    ongoing: 'of which ongoing',
    ongoingMark: 'ongoing',
    totalOutage: 'Total outage time',
    requests: 'Written requests',
    sent: 'Sent',
    withReceipt: 'Receipt confirmed',
    answered: 'Answered',
    unanswered: 'Without answer',
    meetings: 'Meetings',
    retractedExcluded: 'Retracted entries are left out of these figures.',
  },
  entry: {
    occurredAt: 'Date of the facts',
    recordedAt: 'Recorded on',
    recordedBy: (date, who) => `${date}, by ${who}`,
    late: (days) => `Recorded ${days} ${enPlural(days, 'day', 'days')} after the facts`,
    retractedMark: 'RETRACTED',
    retractedSuffix: '(retracted)',
    retracted: (date, who, revision) => `Entry retracted on ${date} by ${who} (${revision})`,
    correction: (date, who, revision) => `Correction of ${date} by ${who} (${revision})`,
    reason: 'Reason',
    removed: '(removed)',
    evidence: 'Evidence',
    restorations: 'Restorations',
    receipts: 'Receipts',
    responses: 'Responses',
    notes: 'Notes',
    statements: 'Witness statements',
  },
  registers: {
    sentAt: 'Sent on',
    fromTo: 'From / to',
    receipt: 'Receipt',
    noReceipt: 'not confirmed',
    responses: 'Responses',
    unanswered: (asOf, days) => `no answer as of ${asOf} (${days} ${enPlural(days, 'day', 'days')} after sending)`,
    cutOffTitle: (date) => `Cut-off of ${date}`,
    meetingTitle: (date) => `Meeting of ${date}`,
    restorations: 'Restorations',
    allRestored: 'all access',
    duration: 'Duration',
    ongoingFor: (asOf, duration) => `ongoing as of ${asOf}: ${duration}`,
    noRequests: 'No written request recorded.',
    noOutages: 'No access cut-off recorded.',
    noMeetings: 'No meeting recorded.',
    due: 'Answer due',
    status: 'Status',
    statuses: {
      awaiting: 'awaiting an answer',
      due_soon: 'due within 7 days',
      overdue: 'answer overdue',
      implicit_rejection: 'implicit rejection',
      answered: 'answered',
      refused: 'refused',
      no_deadline: 'no legal deadline',
    },
    nextStep: 'Next step',
    caveats: 'Caveats',
    deadline: (date, consequence, ruleId, source, later) =>
      `${date}${later ? ` (other possible reading: ${later})` : ''} — ${consequence} (rule ${ruleId}; ${source})`,
    notificationDue: 'Notification to the CNIL',
    breachStatuses: {
      running: '72-hour period running',
      passed: '72-hour period over (the journal does not record the notification itself)',
    },
    slaBreaches: 'Provider commitments',
    breach: (consequence, dueAt, source) => `${consequence} — contractual deadline: ${dueAt} (${source})`,
    disclaimer:
      'Due dates help you count; they are not legal advice: have them confirmed by your union or a lawyer (rule set fr-2026, computed by the journal).',
  },
  evidence: {
    intro: 'Each file is identified by its SHA-256 digest: the file produced must give exactly this digest.',
    none: 'No evidence file.',
    mediaType: 'Type',
    size: 'Size',
    sha256: 'SHA-256',
    recordedAt: 'Added on',
    capturedAt: 'Captured on',
    about: 'About',
    description: 'Description',
    embedded: 'In this PDF',
    embeddedAs: (name) => `attached as ${en.quote(name)}`,
    sameAs: (label) => `same file as ${label}`,
    notEmbedded: (path) => `not attached: see ${path} in the evidence bundle`,
    mismatch: (path) => `not attached: the available file does not match the digest; see ${path} in the evidence bundle`,
  },
  integrity: {
    intro:
      'Every event of the journal is written once and for all and carries the SHA-256 digest of the event before it. ' +
      'This dossier is part of a signed evidence bundle that anyone can check without this software:',
    steps: [
      { text: 'Extract the bundle:', command: 'unzip bundle.zip -d dossier && cd dossier' },
      {
        text: 'Check the manifest’s signature (expected answer: “Signature Verified Successfully”):',
        command: 'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig',
      },
      { text: 'Compute the files’ digests; each must be the one manifest.json gives:', command: 'sha256sum events.jsonl dossier.pdf attachments/*' },
      {
        text: 'Compute the public key’s fingerprint; it must be the one given below:',
        command: 'openssl pkey -pubin -in public-key.pem -outform DER | sha256sum',
      },
      { text: 'The last line of events.jsonl must carry the head hash given below, and each line the hash of the line before (prevHash).' },
    ],
    readme: 'The bundle’s LISEZMOI.txt file details these steps.',
    standalone: {
      intro:
        'Every event of the journal is written once and for all and carries the SHA-256 digest of the event before it. ' +
        'This PDF was exported on its own, outside any evidence bundle: its SHA-256 digest was recorded in the journal when it was exported, ' +
        'in a DossierExported event, which every signed evidence bundle of this case produced afterwards contains. To check it without this software:',
      steps: (asOf) => [
        { text: 'Compute this file’s digest (replace file.pdf with its name):', command: 'sha256sum file.pdf' },
        {
          text: 'Obtain an evidence bundle of this case produced after this export, and check it as its LISEZMOI.txt file says (signature, digests, chain of events).',
        },
        {
          text: `In its events.jsonl file, the digest computed in step 1 must appear in a DossierExported line (format pdf, asOf ${asOf}):`,
          command: 'grep <digest> events.jsonl',
        },
        { text: 'The content of this PDF is the journal’s up to the head hash given below, which appears on the line of the same revision in events.jsonl.' },
      ],
      readme: 'Until that line is found in a checked bundle, nothing proves that this file is the one that was exported.',
    },
    events: (count, head) => `${count} events, revisions 0 to ${head}`,
    headHash: (revision) => `Head hash (revision ${revision})`,
    key: 'Public key fingerprint (SHA-256)',
    revisions: 'Events',
    noCustody: 'No sharing or export recorded.',
    shared: (grantee, permission) => `Shared with ${grantee} (${permission})`,
    revoked: (grantId) => `Access revoked (grant ${grantId})`,
    exported: (format, asOf) => `Export ${format}, as of ${asOf}`,
    grantee: {
      user: (id) => `user ${id}`,
      union: (name) => `the ${name} union`,
      management: 'management',
      group: (id) => `group ${id}`,
    },
  },
  noEntries: 'No entry recorded at this date.',
  entryNo: (n) => `no.${NBSP}${n}`,
  evidenceNo: (n) => `E${n}`,
  revision: (n) => `revision ${n}`,
  page: (x, y) => `Page ${x} / ${y}`,
  runningHeader: (title, shortId) => `${title} — case ${shortId}`,
  footer: (asOf) => `Main courante — as of ${asOf}`,
  subject: (title, asOf) => `Logbook dossier: ${title}, as of ${asOf}`,
  quote: (text) => `“${text}”`,
  yes: 'yes',
  no: 'no',
  listSeparator: '; ',
  duration: {
    day: (n) => `${n} ${enPlural(n, 'day', 'days')}`,
    hour: (n) => `${n} ${enPlural(n, 'hour', 'hours')}`,
    minute: (n) => `${n} ${enPlural(n, 'minute', 'minutes')}`,
    totalMinutes: (formatted, n) => `${formatted} ${enPlural(n, 'minute', 'minutes')} in total`,
  },
  bytes: (n) => `${n} bytes`,
  dateAt: 'at',
  entryTypes: {
    IncidentReported: 'Incident',
    AccessCutOff: 'Access cut-off',
    AccessRestored: 'Access restored',
    ProviderActionRecorded: 'Provider action',
    WrittenRequestSent: 'Written request',
    RequestReceiptConfirmed: 'Receipt confirmed',
    ResponseReceived: 'Response received',
    MeetingHeld: 'Meeting',
    ImpactRecorded: 'Impact on the service',
    WitnessStatementAdded: 'Witness statement',
    NoteAdded: 'Note',
    EvidenceAttached: 'Evidence file',
    CaseClosed: 'Case closed',
    CaseReopened: 'Case reopened',
  },
  fields: {
    occurredAt: 'Date of the facts',
    endedAt: 'Ended',
    title: 'Title',
    description: 'Description',
    category: 'Category',
    severity: 'Severity',
    affectedServices: 'Services affected',
    witnesses: 'Witnesses',
    resources: 'Access cut',
    affectedPeople: 'People affected',
    decidedBy: 'Decided by',
    priorNotice: 'Prior notice',
    reasonGiven: 'Reason given',
    cutOffEntryId: 'Cut-off',
    restoredResources: 'Access restored',
    conditions: 'Conditions',
    action: 'Action',
    authorizedBy: 'Authorised by',
    notifiedBeforehand: 'Notified beforehand',
    sentAt: 'Sent on',
    channel: 'Channel',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    body: 'Text',
    kind: 'Kind',
    deadlinePolicy: 'Answer deadline',
    requestEntryId: 'Request',
    receivedAt: 'Received on',
    proof: 'Proof',
    form: 'Form',
    outcome: 'Outcome',
    summary: 'Summary',
    participants: 'Participants',
    minutesAvailable: 'Minutes available',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    hoursLost: 'Working time lost',
    tasksBlocked: 'Tasks blocked',
    extraStaff: 'Extra staff',
    publicImpact: 'Impact on the public',
    witness: 'Witness',
    statement: 'Statement',
    aboutEntryId: 'About',
    text: 'Text',
    fileName: 'File',
    mediaType: 'Type',
    size: 'Size',
    sha256: 'SHA-256',
    capturedAt: 'Captured on',
    reason: 'Reason',
  },
  roles: { agent: 'agent', union_rep: 'union representative', manager: 'management', admin: 'administrator' },
  categories: { outage: 'outage', provider_action: 'provider action', pressure: 'pressure', data_protection: 'data protection', other: 'other' },
  severities: { blocking: 'blocking', non_blocking: 'non-blocking' },
  resourceKinds: {
    mailbox: 'mailbox',
    chat: 'chat',
    file_server: 'file server',
    business_software: 'business software',
    workstation: 'workstation',
    phone: 'phone',
    other: 'other',
  },
  decidedBy: { provider: 'the provider', hierarchy: 'the hierarchy', unknown: 'unknown' },
  priorNotice: { none: 'no prior notice', oral: 'oral notice', written: 'written notice' },
  providerActions: {
    remote_takeover: 'remote takeover',
    account_suspension: 'account suspension',
    configuration_change: 'configuration change',
    data_access: 'data access',
    demand: 'demand',
    other: 'other',
  },
  channels: {
    email: 'email',
    letter: 'letter',
    registered_letter: 'registered letter',
    hand_delivered: 'hand delivered',
    internal_note: 'internal note',
    ticket: 'ticket',
    oral: 'oral',
  },
  requestKinds: {
    question_to_hierarchy: 'question to the hierarchy',
    document_request: 'document request',
    gdpr_rights_request: 'GDPR rights request',
    provider_ticket: 'provider ticket',
    grievance: 'grievance',
    other: 'other',
  },
  responseForms: { written: 'written', oral: 'oral' },
  responseOutcomes: { answered: 'answered', partial: 'partial answer', refused: 'refused', acknowledged: 'acknowledged only' },
  permissions: { read: 'read', contribute: 'contribute', export: 'export' },
  exportFormats: { pdf: 'PDF', bundle: 'evidence bundle' },
};

/** French typography: a no-break space before « : ; ! ? » and after «, so no line starts with them. */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** Applies frenchSpacing to the fixed strings only: functions may carry a user's text, which stays verbatim. */
function withFrenchSpacing<T>(value: T): T {
  if (typeof value === 'string') return frenchSpacing(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withFrenchSpacing(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withFrenchSpacing(item)])) as T;
  }
  return value;
}

const MESSAGES: Record<Lang, Messages> = { fr: withFrenchSpacing(fr), en };

export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}
