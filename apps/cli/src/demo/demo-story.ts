import type { CaseCommandType } from '@mc/domain';

export type Record_ = (type: CaseCommandType, data: Record<string, unknown>) => Promise<string | null>;

/**
 * The forum story (../shared/seeds/forum-prestataire-coupure-acces.txt) as a demo case. The
 * journal stamps recordedAt with the real clock, so the facts are placed in the days before
 * `now` rather than in 2019: a dossier full of "recorded seven years later" would mislead.
 */
export async function recordDemoStory(now: Date, record: Record_): Promise<void> {
  const at = (daysAgo: number, hourUtc: number, minute = 0) => {
    const d = new Date(now);
    d.setUTCDate(d.getUTCDate() - daysAgo);
    d.setUTCHours(hourUtc, minute, 0, 0);
    return d.toISOString().replace('.000Z', 'Z');
  };

  await record('RecordMeeting', {
    occurredAt: at(370, 13),
    participants: [
      'Le prestataire',
      'Le vice-président au numérique',
      'Le vice-président à la culture',
      'La DGS',
      'La responsable du pôle service à la population',
    ],
    summary:
      'Réunion sur les retours de courriels du logiciel de prêt : le prestataire affirme que notre base est non conforme et nous enjoint de la nettoyer.',
  });
  await record('ReportIncident', {
    occurredAt: at(12, 9),
    title: 'Envoi groupé de 687 courriels : 87 retours, dont plus de la moitié d’adresses valides',
    description: 'Parmi les retours, des adresses professionnelles de nos propres services.',
    category: 'other',
    severity: 'non_blocking',
    affectedServices: ['Médiathèque'],
  });
  const cutOff = await record('RecordAccessCutOff', {
    occurredAt: at(9, 7, 30),
    resources: [
      { kind: 'mailbox', label: 'Boîte aux lettres de la médiathèque' },
      { kind: 'chat' },
      { kind: 'file_server', label: 'Serveur de fichiers : nos dossiers' },
    ],
    affectedPeople: ['L’agente qui tient ce journal', 'Sa collègue médiathécaire'],
    decidedBy: 'provider',
    priorNotice: 'none',
    reasonGiven: 'Le prestataire « ne souhaite plus endosser la responsabilité d’un mauvais usage de la messagerie ».',
    description: 'En reprenant notre poste mardi, plus d’accès à la messagerie, au tchat ni au serveur ; aucune information préalable.',
  });
  await record('RecordMeeting', {
    occurredAt: at(9, 8, 15),
    participants: ['La DGS', 'L’agente'],
    summary:
      'La DGS indique qu’il nous revient de nettoyer la base et de saisir les 687 adresses dans un carnet commun pour retrouver l’accès. À la question « est-ce une sanction disciplinaire ? », aucune réponse.',
    minutesAvailable: false,
  });
  await record('RecordProviderAction', {
    occurredAt: at(9, 7, 30),
    action: 'account_suspension',
    description: 'Suspension du compte de la médiathèque sans en référer à quiconque.',
    notifiedBeforehand: false,
  });
  const askDgs = await record('RecordWrittenRequest', {
    sentAt: at(9, 9),
    channel: 'hand_delivered',
    from: 'L’agente',
    to: 'La DGS',
    subject: 'Demande d’un écrit expliquant la coupure de nos accès',
    kind: 'document_request',
  });
  await record('RecordResponse', {
    requestEntryId: askDgs,
    receivedAt: at(8, 9),
    channel: 'internal_note',
    from: 'La DGS',
    form: 'written',
    outcome: 'partial',
    summary:
      'Écrit de la DGS : le prestataire a de son propre chef coupé le compte de la médiathèque sans en référer à quiconque. Aucune mention d’une sanction.',
  });
  const letter = await record('RecordWrittenRequest', {
    sentAt: at(8, 14),
    channel: 'registered_letter',
    from: 'L’agente et sa collègue',
    to: 'Le président de la collectivité',
    subject: 'S’agit-il d’une sanction ? Quels en sont le motif et la durée ?',
    body: 'Nous vous demandons de nous indiquer si la coupure de nos accès constitue une sanction disciplinaire, et le cas échéant son motif et sa durée.',
    kind: 'question_to_hierarchy',
  });
  await record('ConfirmRequestReceipt', { requestEntryId: letter, receivedAt: at(7, 10), proof: 'Avis de réception signé' });
  await record('RecordAccessRestoration', {
    cutOffEntryId: cutOff,
    occurredAt: at(7, 8),
    conditions: 'Après saisie des 687 adresses dans le carnet d’adresses de la messagerie.',
  });
  await record('RecordImpact', {
    periodStart: at(9, 7, 30),
    periodEnd: at(7, 8),
    hoursLost: 2 * 2 * 7 * 60,
    tasksBlocked: ['Commandes', 'Suivi du budget', 'Accès aux dossiers du service'],
    extraStaff: 'Deux agents supplémentaires ont saisi les adresses à notre place.',
    publicImpact: 'Relances et réservations des lecteurs interrompues pendant deux jours.',
  });
  await record('AddWitnessStatement', {
    witness: 'La collègue médiathécaire',
    statement: 'J’étais présente mardi matin : plus de messagerie, de tchat ni de serveur, sans aucun avertissement.',
    aboutEntryId: cutOff,
  });
  await record('AddNote', {
    text: 'Toujours pas d’écrit indiquant une sanction de la part de notre hiérarchie. Conseil reçu : tout garder et noter chaque incident avec la date et l’heure.',
  });
}
