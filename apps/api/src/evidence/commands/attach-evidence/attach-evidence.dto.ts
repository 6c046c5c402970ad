import { ApiProperty } from '@nestjs/swagger';
import { TEXT_LIMITS } from '@mc/domain';
import { EntryRef, FactDate, FormRevision, Text } from '../../../validation/field-decorators';

/** The text fields of the multipart form of POST /cases/:caseId/evidence (the file is the `file` part). */
export class AttachEvidenceDto {
  @Text({ max: TEXT_LIMITS.text, required: false, example: 'Courrier de la DGS reconnaissant que le prestataire a coupé le compte de son propre chef' })
  description?: string;

  @EntryRef({ required: false })
  aboutEntryId?: string;

  @FactDate({ required: false, example: '2019-11-13T10:00:00+01:00' })
  capturedAt?: string;

  /** Text, as every field of a form: read as a number by expectedRevisionOf. */
  @FormRevision()
  expectedRevision?: string;
}

/** The revision the upload expects the case to be at, as a number (undefined when not given). */
export function expectedRevisionOf(fields: AttachEvidenceDto): number | undefined {
  return fields.expectedRevision === undefined ? undefined : Number(fields.expectedRevision);
}

/**
 * The whole form as the OpenAPI document shows it: the text fields and the required `file` part.
 * Documentation only: the file is read by multer, never validated as a field.
 */
export class AttachEvidenceForm extends AttachEvidenceDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Le fichier de la pièce (une seule partie « file »).' })
  file!: unknown;
}
