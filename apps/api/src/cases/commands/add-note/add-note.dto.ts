import { TEXT_LIMITS } from '@mc/domain';
import { EntryRef, Revision, Text } from '../../../validation/field-decorators';

/** POST /cases/:caseId/notes — NoteAdded. */
export class AddNoteDto {
  @Text({
    max: TEXT_LIMITS.text,
    example: "À la question « s'agit-il d'une sanction disciplinaire ? », aucune réponse ne nous a été faite oralement.",
  })
  text!: string;

  @EntryRef({ required: false, description: "L'entrée que commente cette note." })
  aboutEntryId?: string;

  @Revision()
  expectedRevision?: number;
}
