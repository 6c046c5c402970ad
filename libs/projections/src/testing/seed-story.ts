import type { Actor } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { CaseRecords } from './case-records';

/**
 * The seed story (../shared/seeds/forum-prestataire-coupure-acces.txt) as hand-built records.
 * On Tuesday 12 November 2019 the librarians find their mailbox, chat and file server cut by the
 * provider without notice; the DGS summons them; they write to the President; the DGS's written
 * note arrives the next day (and is recorded a week late); access comes back two days later.
 */
export const agent: Actor = { id: 'user-agent-1', username: 'bollywood', role: 'agent' };
export const colleague: Actor = { id: 'user-agent-2', username: 'collegue', role: 'agent' };
export const unionRep: Actor = { id: 'user-union-1', username: 'ferris', role: 'union_rep' };

export const CASE_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

export const ids = {
  mailing: 'e-mailing',
  cutOff: 'e-cutoff',
  screenshot: 'ev-screenshot',
  meeting: 'e-meeting-dgs',
  providerNotice: 'e-provider-notice',
  requestToDgs: 'e-request-dgs',
  letterToPresident: 'e-letter-president',
  rumour: 'e-note-rumour',
  receipt: 'e-receipt-letter',
  dgsNote: 'e-response-dgs',
  restoration: 'e-restoration',
  correction: 'e-correction-cutoff',
  retraction: 'e-retraction-rumour',
  noteAboutCutOff: 'e-note-cutoff',
} as const;

export interface SeedStory {
  streamId: string;
  records: StoredEvent[];
  /** revision of each event, by a short name */
  rev: Record<string, number>;
}

export function seedStory(): SeedStory {
  const c = new CaseRecords(CASE_ID, agent);
  const rev: Record<string, number> = {};
  const add = (name: string, type: string, data: Record<string, unknown>, recordedAt: string, actor?: Actor): void => {
    rev[name] = c.add(type, data, recordedAt, actor).revision;
  };

  add(
    'opened',
    'CaseOpened',
    {
      title: 'Coupure des accès de la médiathèque par le prestataire',
      summary: 'Messagerie, tchat et serveur coupés sans préavis après un mailing.',
      service: 'Médiathèque',
      organisation: 'Communauté de communes',
      providerId: 'provider-infogerance',
    },
    '2019-11-12T09:10:00.000Z',
  );
  // 08:30 Paris (07:30Z); corrected later to 08:15 and its "reason given" removed.
  add(
    'cutOff',
    'AccessCutOff',
    {
      entryId: ids.cutOff,
      occurredAt: '2019-11-12T08:30:00+01:00',
      resources: [{ kind: 'mailbox' }, { kind: 'chat' }, { kind: 'file_server', label: 'Serveur de fichiers (dossiers)' }],
      affectedPeople: ['bollywood', 'collegue'],
      decidedBy: 'provider',
      priorNotice: 'none',
      reasonGiven: 'Panne supposée',
    },
    '2019-11-12T09:15:00.000Z',
  );
  add(
    'screenshot',
    'EvidenceAttached',
    {
      evidenceId: ids.screenshot,
      sha256: 'a'.repeat(64),
      size: 48213,
      mediaType: 'image/png',
      fileName: 'erreur-connexion.png',
      aboutEntryId: ids.cutOff,
      capturedAt: '2019-11-12T08:35:00+01:00',
    },
    '2019-11-12T09:16:00.000Z',
  );
  // The Saturday mailing (687 sent, 87 bounced), recorded three days later.
  add(
    'mailing',
    'IncidentReported',
    {
      entryId: ids.mailing,
      occurredAt: '2019-11-09T10:00:00+01:00',
      title: 'Mailing PMB : 87 retours sur 687 envois',
      category: 'other',
      severity: 'non_blocking',
    },
    '2019-11-12T09:20:00.000Z',
  );
  // 09:00 Paris = 08:00Z.
  add(
    'meeting',
    'MeetingHeld',
    {
      entryId: ids.meeting,
      occurredAt: '2019-11-12T09:00:00+01:00',
      participants: ['DGS', 'bollywood'],
      summary: 'La DGS exige le nettoyage de la base et la saisie des 687 adresses pour rendre l’accès au serveur.',
    },
    '2019-11-12T10:30:00.000Z',
  );
  // The provider's notification, stamped in UTC: 08:30Z = 09:30 Paris, after the meeting,
  // although its string sorts before "2019-11-12T09:00:00+01:00".
  add(
    'providerNotice',
    'ProviderActionRecorded',
    {
      entryId: ids.providerNotice,
      occurredAt: '2019-11-12T08:30:00Z',
      action: 'account_suspension',
      description: 'Courriel du prestataire : compte de la médiathèque suspendu.',
      notifiedBeforehand: false,
    },
    '2019-11-12T10:40:00.000Z',
  );
  add(
    'requestToDgs',
    'WrittenRequestSent',
    {
      entryId: ids.requestToDgs,
      sentAt: '2019-11-12T11:00:00+01:00',
      channel: 'email',
      from: 'bollywood',
      to: 'DGS',
      subject: 'Demande d’un écrit sur la coupure de nos accès',
      kind: 'question_to_hierarchy',
    },
    '2019-11-12T10:45:00.000Z',
  );
  add(
    'letterToPresident',
    'WrittenRequestSent',
    {
      entryId: ids.letterToPresident,
      sentAt: '2019-11-12T16:00:00+01:00',
      channel: 'letter',
      from: 'bollywood, collegue',
      to: 'Président',
      subject: 'S’agit-il d’une sanction ? Motif et durée',
      kind: 'question_to_hierarchy',
    },
    '2019-11-12T15:30:00.000Z',
    colleague,
  );
  add('rumour', 'NoteAdded', { entryId: ids.rumour, text: 'Le prestataire aurait agi sur ordre du maire.' }, '2019-11-13T08:00:00.000Z');
  add(
    'receipt',
    'RequestReceiptConfirmed',
    { entryId: ids.receipt, requestEntryId: ids.letterToPresident, receivedAt: '2019-11-13T10:00:00+01:00', proof: 'Tampon du secrétariat' },
    '2019-11-13T09:30:00.000Z',
  );
  add('shared', 'CaseShared', { grantId: 'grant-1', grantee: { kind: 'group', id: 'union:cgt' }, permission: 'read' }, '2019-11-13T12:00:00.000Z');
  // Two days later: access back (11:00 Paris).
  add(
    'restoration',
    'AccessRestored',
    { entryId: ids.restoration, cutOffEntryId: ids.cutOff, occurredAt: '2019-11-14T11:00:00+01:00', conditions: '687 adresses saisies' },
    '2019-11-14T10:30:00.000Z',
  );
  add(
    'correction',
    'EntryCorrected',
    {
      entryId: ids.correction,
      targetEntryId: ids.cutOff,
      changes: { occurredAt: '2019-11-12T08:15:00+01:00', reasonGiven: null },
      reason: 'Heure vérifiée dans le journal de connexion ; aucun motif n’avait été donné.',
    },
    '2019-11-15T08:00:00.000Z',
  );
  add(
    'noteAboutCutOff',
    'NoteAdded',
    { entryId: ids.noteAboutCutOff, text: 'Aucun préavis écrit ni oral.', aboutEntryId: ids.cutOff },
    '2019-11-15T08:30:00.000Z',
    unionRep,
  );
  add('retraction', 'EntryRetracted', { entryId: ids.retraction, targetEntryId: ids.rumour, reason: 'Rumeur non vérifiée.' }, '2019-11-16T09:00:00.000Z');
  // The DGS's written note, received the day after the request (14:00 Paris), recorded a week later.
  add(
    'dgsNote',
    'ResponseReceived',
    {
      entryId: ids.dgsNote,
      requestEntryId: ids.requestToDgs,
      receivedAt: '2019-11-13T14:00:00+01:00',
      channel: 'email',
      from: 'DGS',
      form: 'written',
      outcome: 'answered',
      summary: 'Le prestataire a de son propre chef coupé le compte de la médiathèque sans en référer à quiconque.',
    },
    '2019-11-20T14:00:00.000Z',
  );
  add(
    'exported',
    'DossierExported',
    { exportId: 'export-1', format: 'pdf', asOf: '2019-11-25T10:00:00.000Z', sha256: 'b'.repeat(64) },
    '2019-11-25T10:00:00.000Z',
    unionRep,
  );
  add('closed', 'CaseClosed', { reason: 'Accès rétablis, dossier transmis au syndicat.' }, '2019-12-02T10:00:00.000Z');

  return { streamId: c.streamId, records: c.records, rev };
}
