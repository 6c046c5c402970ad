/**
 * The content of a correction (`EntryCorrected.changes`), checked against the entry it corrects:
 * the corrected entry must be one the matching write endpoint would have accepted.
 */
import { getMetadataStorage } from 'class-validator';
import { IMMUTABLE_ENTRY_FIELDS, type EntryType, type FieldProblem } from '@mc/domain';
import { AddNoteDto } from '../cases/commands/add-note/add-note.dto';
import { AddWitnessStatementDto } from '../cases/commands/add-witness-statement/add-witness-statement.dto';
import { ConfirmRequestReceiptDto } from '../cases/commands/confirm-request-receipt/confirm-request-receipt.dto';
import { RecordAccessCutOffDto } from '../cases/commands/record-access-cut-off/record-access-cut-off.dto';
import { RecordAccessRestorationDto } from '../cases/commands/record-access-restoration/record-access-restoration.dto';
import { RecordImpactDto } from '../cases/commands/record-impact/record-impact.dto';
import { RecordMeetingDto } from '../cases/commands/record-meeting/record-meeting.dto';
import { RecordProviderActionDto } from '../cases/commands/record-provider-action/record-provider-action.dto';
import { RecordResponseDto } from '../cases/commands/record-response/record-response.dto';
import { RecordWrittenRequestDto } from '../cases/commands/record-written-request/record-written-request.dto';
import { ReportIncidentDto } from '../cases/commands/report-incident/report-incident.dto';
import { isPlainObject, validateBody } from './validation-problems';

export type DtoClass = new () => object;

/** The write DTO of each entry type: a corrected entry must pass the check its creation passed. */
export const ENTRY_DTO_BY_TYPE: Record<EntryType, DtoClass> = {
  IncidentReported: ReportIncidentDto,
  AccessCutOff: RecordAccessCutOffDto,
  AccessRestored: RecordAccessRestorationDto,
  ProviderActionRecorded: RecordProviderActionDto,
  WrittenRequestSent: RecordWrittenRequestDto,
  RequestReceiptConfirmed: ConfirmRequestReceiptDto,
  ResponseReceived: RecordResponseDto,
  MeetingHeld: RecordMeetingDto,
  ImpactRecorded: RecordImpactDto,
  WitnessStatementAdded: AddWitnessStatementDto,
  NoteAdded: AddNoteDto,
};

/** Fields that are about the request, not the entry. */
const REQUEST_ONLY_FIELDS = ['expectedRevision'];

/** The entry fields a DTO declares (its validated properties), request-only fields excluded. */
function declaredFields(dto: DtoClass): Set<string> {
  const names = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .map((metadata) => metadata.propertyName);
  return new Set(names.filter((name) => !REQUEST_ONLY_FIELDS.includes(name)));
}

const problem = (field: string, fr: string, en: string): FieldProblem => ({ field: `changes.${field}`, fr, en });

/**
 * Checks `changes` (field -> new value, `null` removes an optional field) against the original
 * entry data. Identity and link fields (IMMUTABLE_ENTRY_FIELDS) and fields the entry type does
 * not have are refused; otherwise the merged entry is validated with the entry type's DTO, and
 * problems are reported as `changes.<field>`. Returns [] when the correction is acceptable.
 */
export async function validateEntryChanges(entryType: EntryType, original: Record<string, unknown>, changes: Record<string, unknown>): Promise<FieldProblem[]> {
  if (!isPlainObject(changes) || Object.keys(changes).length === 0) {
    return [
      {
        field: 'changes',
        fr: 'Le champ « changes » doit être un objet non vide { champ: nouvelle valeur }.',
        en: 'changes must be a non-empty object { field: new value }.',
      },
    ];
  }
  const dto = ENTRY_DTO_BY_TYPE[entryType];
  const declared = declaredFields(dto);

  const refused: FieldProblem[] = [];
  for (const name of Object.keys(changes)) {
    if (IMMUTABLE_ENTRY_FIELDS.includes(name)) {
      refused.push(
        problem(
          name,
          `Le champ « changes.${name} » ne peut pas être corrigé : il identifie l'entrée ou la relie à une autre. Retirez l'entrée et saisissez-en une nouvelle.`,
          `changes.${name} cannot be corrected: it identifies the entry or links it to another. Retract the entry and record a new one.`,
        ),
      );
    } else if (!declared.has(name)) {
      refused.push(
        problem(name, `Le champ « changes.${name} » n'existe pas dans une entrée ${entryType}.`, `changes.${name} is not a field of a ${entryType} entry.`),
      );
    }
  }
  if (refused.length > 0) return refused;

  // Keep only what the DTO declares: the server-assigned entryId and the links named by the path
  // (requestEntryId) are not part of the body the DTO validates.
  const merged: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(original)) {
    if (declared.has(name) && value !== undefined) merged[name] = value;
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }

  const problems = await validateBody(dto, merged, 'changes');
  return problems.map((found) => {
    const name = found.field.slice('changes.'.length);
    if (changes[name] !== null || name in merged) return found;
    return problem(
      name,
      `Le champ « changes.${name} » est obligatoire dans une entrée ${entryType} : il ne peut pas être retiré.`,
      `changes.${name} is required in a ${entryType} entry: it cannot be removed.`,
    );
  });
}
