import { DomainError, FieldProblem } from '../errors';
import { checkFactDate, factDateMessage, instant } from '../time';
import { ALLOWED_ON_CLOSED_CASE, CaseCommand, EVENT_OF_COMMAND } from './case.commands';
import { describeResource, everythingRestored, resourceList, resourcesNotCut } from './access-restoration';
import { CaseEvent, DATE_FIELDS, EntryType, IMMUTABLE_ENTRY_FIELDS, isEntryType } from './case.events';
import { CaseState, EntryState, applyChanges, isKnownEntry } from './case.state';

export interface DecideContext {
  /** Server time, to refuse fact dates in the future. */
  now: Date;
}

const fail = (code: DomainError['code'], field: string, fr: string, en: string): never => {
  throw DomainError.of(code, field, fr, en);
};

/**
 * The case decider: given the current state, accept the command as events or refuse it with a
 * coded DomainError. Pure: no I/O, no clock, no id generation.
 */
export function decideCase(command: CaseCommand, state: CaseState, ctx: DecideContext): CaseEvent[] {
  if (command.type === 'OpenCase') {
    if (state.status !== 'none') fail('STATE_CONFLICT', 'caseId', 'Ce dossier existe déjà.', 'This case already exists.');
    return [{ type: 'CaseOpened', data: command.data }];
  }
  if (state.status === 'none') fail('NOT_FOUND', 'caseId', 'Dossier introuvable.', 'Case not found.');
  if (state.status === 'closed' && !ALLOWED_ON_CLOSED_CASE.includes(command.type)) {
    fail(
      'CASE_CLOSED',
      'caseId',
      'Ce dossier est clos : rouvrez-le avant d’y consigner quoi que ce soit.',
      'This case is closed: reopen it before recording anything.',
    );
  }

  switch (command.type) {
    case 'ReportIncident':
    case 'RecordAccessCutOff':
    case 'RecordAccessRestoration':
    case 'RecordProviderAction':
    case 'RecordWrittenRequest':
    case 'ConfirmRequestReceipt':
    case 'RecordResponse':
    case 'RecordMeeting':
    case 'RecordImpact':
    case 'AddWitnessStatement':
    case 'AddNote': {
      const type = EVENT_OF_COMMAND[command.type] as EntryType;
      const data = command.data as unknown as Record<string, unknown>;
      if (isKnownEntry(state, String(data.entryId)))
        fail('STATE_CONFLICT', 'entryId', 'Cet identifiant d’entrée est déjà utilisé.', 'This entry id is already used.');
      checkEntry(type, data, state, ctx, null);
      return [{ type, data: command.data } as CaseEvent];
    }
    case 'AttachEvidence': {
      const d = command.data;
      if (state.evidence.has(d.evidenceId)) fail('STATE_CONFLICT', 'evidenceId', 'Cette pièce est déjà jointe.', 'This evidence is already attached.');
      checkDates({ capturedAt: d.capturedAt }, ctx);
      if (d.aboutEntryId !== undefined) checkAbout(state, d.aboutEntryId);
      return [{ type: 'EvidenceAttached', data: d }];
    }
    case 'CorrectEntry': {
      const d = command.data;
      const target = existingEntry(state, d.targetEntryId);
      if (target.retracted)
        fail(
          'RULE_VIOLATED',
          'targetEntryId',
          'Cette entrée a été retirée : elle ne peut plus être corrigée.',
          'This entry was retracted and can no longer be corrected.',
        );
      const fields = Object.keys(d.changes);
      if (fields.length === 0) fail('INVALID_INPUT', 'changes', 'Indiquez au moins un champ à corriger.', 'Give at least one field to correct.');
      const frozen = fields.find((f) => IMMUTABLE_ENTRY_FIELDS.includes(f));
      if (frozen)
        fail(
          'INVALID_INPUT',
          `changes.${frozen}`,
          `Le champ « ${frozen} » identifie l’entrée et ne peut pas être corrigé.`,
          `${frozen} identifies the entry and cannot be corrected.`,
        );
      const merged = applyChanges(target.data, d.changes);
      checkEntry(target.type, merged, state, ctx, d.targetEntryId, 'changes.');
      return [{ type: 'EntryCorrected', data: d }];
    }
    case 'RetractEntry': {
      const target = existingEntry(state, command.data.targetEntryId);
      if (target.retracted) fail('STATE_CONFLICT', 'targetEntryId', 'Cette entrée est déjà retirée.', 'This entry is already retracted.');
      return [{ type: 'EntryRetracted', data: command.data }];
    }
    case 'ShareCase': {
      const d = command.data;
      if (state.grants.has(d.grantId)) fail('STATE_CONFLICT', 'grantId', 'Ce partage existe déjà.', 'This grant already exists.');
      if (d.grantee.kind === 'group' && !/^(union:.+|management)$/.test(d.grantee.id)) {
        fail('INVALID_INPUT', 'grantee.id', 'Un groupe est « management » ou « union:<nom du syndicat> ».', 'A group is "management" or "union:<union name>".');
      }
      if (d.grantee.kind === 'user' && d.grantee.id === state.ownerId) {
        fail('RULE_VIOLATED', 'grantee', 'Le propriétaire a déjà tous les droits sur son dossier.', 'The owner already has every right on the case.');
      }
      const same = [...state.grants.values()].some(
        (g) => g.active && g.permission === d.permission && g.grantee.kind === d.grantee.kind && g.grantee.id === d.grantee.id,
      );
      if (same) fail('STATE_CONFLICT', 'grantee', 'Ce dossier est déjà partagé ainsi.', 'The case is already shared this way.');
      return [{ type: 'CaseShared', data: d }];
    }
    case 'RevokeCaseAccess': {
      const grant = state.grants.get(command.data.grantId);
      if (!grant || !grant.active) fail('NOT_FOUND', 'grantId', 'Aucun partage actif ne porte cet identifiant.', 'No active grant has this id.');
      return [{ type: 'CaseAccessRevoked', data: command.data }];
    }
    case 'RecordDossierExport':
      return [{ type: 'DossierExported', data: command.data }];
    case 'CloseCase':
      return [{ type: 'CaseClosed', data: command.data }];
    case 'ReopenCase':
      if (state.status !== 'closed') fail('STATE_CONFLICT', 'caseId', 'Ce dossier n’est pas clos.', 'This case is not closed.');
      return [{ type: 'CaseReopened', data: command.data }];
    default: {
      const never: never = command;
      return never;
    }
  }
}

function existingEntry(state: CaseState, entryId: string): EntryState {
  const entry = state.entries.get(entryId);
  if (!entry) return fail('NOT_FOUND', 'entryId', 'Aucune entrée de ce dossier ne porte cet identifiant.', 'No entry of this case has this id.');
  return entry;
}

function checkDates(data: Record<string, unknown>, ctx: DecideContext, prefix = ''): void {
  const problems: FieldProblem[] = [];
  for (const field of DATE_FIELDS) {
    if (data[field] === undefined) continue;
    const problem = checkFactDate(data[field], ctx.now);
    if (problem) problems.push({ field: prefix + field, ...factDateMessage(prefix + field, problem) });
  }
  if (problems.length > 0) throw new DomainError('INVALID_INPUT', problems);
}

function checkAbout(state: CaseState, aboutEntryId: string, field = 'aboutEntryId'): void {
  if (!isKnownEntry(state, aboutEntryId)) {
    fail('RULE_VIOLATED', field, `Le champ « ${field} » ne désigne aucune entrée de ce dossier.`, `${field} does not name an entry of this case.`);
  }
}

function notBefore(later: unknown, earlier: unknown, field: string, fr: string, en: string): void {
  if (typeof later === 'string' && typeof earlier === 'string' && instant(later) < instant(earlier)) fail('RULE_VIOLATED', field, fr, en);
}

function referencedEntry(
  state: CaseState,
  id: unknown,
  type: EntryType,
  field: string,
  code: 'RULE_VIOLATED' | 'NOT_FOUND',
  what: { fr: string; en: string },
): EntryState {
  const entry = typeof id === 'string' ? state.entries.get(id) : undefined;
  if (!entry || entry.type !== type)
    return fail(code, field, `Le champ « ${field} » ne désigne aucune ${what.fr} de ce dossier.`, `${field} does not name ${what.en} of this case.`);
  if (entry.retracted) return fail('RULE_VIOLATED', field, `Le champ « ${field} » désigne une entrée retirée.`, `${field} names a retracted entry.`);
  return entry;
}

/** Restorations of a cut-off, other than `exceptId` (the one being corrected). */
function restorationsOf(state: CaseState, cutOffId: string, exceptId: string | null): EntryState[] {
  return [...state.entries.entries()]
    .filter(([id, e]) => id !== exceptId && e.type === 'AccessRestored' && !e.retracted && e.data.cutOffEntryId === cutOffId)
    .map(([, e]) => e);
}

/**
 * The invariants of an entry's data, for a new entry and for an entry as a correction would leave
 * it (`selfId` is then the corrected entry, `prefix` "changes.").
 */
function checkEntry(type: EntryType, data: Record<string, unknown>, state: CaseState, ctx: DecideContext, selfId: string | null, prefix = ''): void {
  checkDates(data, ctx, prefix);
  const f = (name: string) => prefix + name;
  switch (type) {
    case 'IncidentReported':
      notBefore(
        data.endedAt,
        data.occurredAt,
        f('endedAt'),
        'La fin de l’incident ne peut pas précéder son début.',
        'The end of the incident cannot precede its start.',
      );
      return;
    case 'AccessCutOff':
      for (const restoration of restorationsOf(state, selfId ?? '', null)) {
        notBefore(
          restoration.data.occurredAt,
          data.occurredAt,
          f('occurredAt'),
          'La coupure ne peut pas être postérieure à un rétablissement déjà consigné.',
          'The cut-off cannot be later than a restoration already recorded.',
        );
      }
      return;
    case 'AccessRestored': {
      const cutOff = referencedEntry(state, data.cutOffEntryId, 'AccessCutOff', 'cutOffEntryId', 'RULE_VIOLATED', {
        fr: 'coupure d’accès',
        en: 'an access cut-off',
      });
      notBefore(
        data.occurredAt,
        cutOff.data.occurredAt,
        f('occurredAt'),
        'Le rétablissement ne peut pas précéder la coupure.',
        'The restoration cannot precede the cut-off.',
      );
      const cut = resourceList(cutOff.data.resources);
      const outside = resourcesNotCut(resourceList(data.resources), cut).map(describeResource);
      if (outside.length > 0)
        fail(
          'RULE_VIOLATED',
          f('resources'),
          `Ces ressources n’ont pas été coupées : ${outside.join(', ')}.`,
          `These resources were not cut off: ${outside.join(', ')}.`,
        );
      const earlier = restorationsOf(state, String(data.cutOffEntryId), selfId).map((r) => resourceList(r.data.resources));
      if (everythingRestored(cut, earlier))
        fail('RULE_VIOLATED', 'cutOffEntryId', 'Tous les accès de cette coupure sont déjà rétablis.', 'Every access of this cut-off is already restored.');
      return;
    }
    case 'WrittenRequestSent':
      for (const [, e] of state.entries) {
        if ((e.type === 'ResponseReceived' || e.type === 'RequestReceiptConfirmed') && e.data.requestEntryId === selfId && !e.retracted) {
          notBefore(
            e.data.receivedAt,
            data.sentAt,
            f('sentAt'),
            'L’envoi ne peut pas être postérieur à une réception ou une réponse déjà consignée.',
            'The request cannot be later than a receipt or response already recorded.',
          );
        }
      }
      return;
    case 'RequestReceiptConfirmed':
    case 'ResponseReceived': {
      const request = referencedEntry(state, data.requestEntryId, 'WrittenRequestSent', 'requestEntryId', selfId === null ? 'NOT_FOUND' : 'RULE_VIOLATED', {
        fr: 'demande écrite',
        en: 'a written request',
      });
      notBefore(
        data.receivedAt,
        request.data.sentAt,
        f('receivedAt'),
        'La date de réception ne peut pas précéder l’envoi de la demande.',
        'The reception date cannot precede the sending of the request.',
      );
      return;
    }
    case 'ImpactRecorded':
      notBefore(
        data.periodEnd,
        data.periodStart,
        f('periodEnd'),
        'La fin de la période ne peut pas précéder son début.',
        'The end of the period cannot precede its start.',
      );
      return;
    case 'WitnessStatementAdded':
    case 'NoteAdded':
      if (data.aboutEntryId !== undefined) {
        if (data.aboutEntryId === selfId)
          fail('RULE_VIOLATED', f('aboutEntryId'), 'Une entrée ne peut pas porter sur elle-même.', 'An entry cannot be about itself.');
        checkAbout(state, String(data.aboutEntryId), f('aboutEntryId'));
      }
      return;
    case 'ProviderActionRecorded':
    case 'MeetingHeld':
      return;
    default: {
      const never: never = type;
      return never;
    }
  }
}

export { isEntryType };
