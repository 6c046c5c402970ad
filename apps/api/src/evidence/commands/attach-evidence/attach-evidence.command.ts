import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, caseNotFound } from '@mc/access';
import { Actor, Clock, DomainError, decideCase } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ContentStore, detectMediaType, isRefusedMediaType } from '@mc/evidence';
import { isUuid, loadCase } from '../../../journal/case-stream';
import { CLOCK, CONTENT_STORE } from '../../../journal/journal.tokens';
import { CaseWriteResult, ExecuteCaseCommand } from '../../../cases/commands/execute-case-command/execute-case-command.command';
import { revisionConflict } from '../../../cases/commands/execute-case-command/execute-case-command.handler';
import { dtoData } from '../../../validation/dto-data';
import { AttachEvidenceDto, expectedRevisionOf } from './attach-evidence.dto';

export interface UploadedFile {
  /** Where multer left the bytes (a temporary file under the data directory). */
  path: string;
  originalName: string;
  claimedType: string;
}

export interface AttachEvidenceResult {
  write: CaseWriteResult;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

export class AttachEvidenceCommand extends Command<AttachEvidenceResult> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly file: UploadedFile,
    readonly fields: AttachEvidenceDto,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Client file names are data, never paths: keep them readable, bounded and free of control characters. */
export function cleanFileName(name: string): string {
  const cleaned = [...name.replace(/\p{Cc}/gu, '')].slice(0, 255).join('').trim();
  return cleaned || 'fichier';
}

/**
 * Stores the bytes first (content-addressed, durable), then records EvidenceAttached: a crash in
 * between leaves an unreferenced file, never an event pointing at missing bytes. The case's
 * rules (closed case, unknown aboutEntryId, date in the future...) are checked before the bytes
 * are kept, so that a refused upload leaves nothing behind; so is `expectedRevision`, then checked
 * again when the event is appended.
 */
@CommandHandler(AttachEvidenceCommand)
export class AttachEvidenceHandler implements ICommandHandler<AttachEvidenceCommand, AttachEvidenceResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONTENT_STORE) private readonly contents: ContentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly commands: CommandBus,
  ) {}

  async execute({ actor, caseId, file, fields, correlationId }: AttachEvidenceCommand): Promise<AttachEvidenceResult> {
    try {
      if (!isUuid(caseId)) throw caseNotFound();
      const { state, revision } = await loadCase(this.store, caseId);
      this.policy.assertCanWriteCase(actor, state, 'AttachEvidence');
      const expectedRevision = expectedRevisionOf(fields);
      if (expectedRevision !== undefined && expectedRevision !== revision) throw revisionConflict();
      const fileName = cleanFileName(file.originalName);
      const mediaType = await detectMediaType(file.path, file.claimedType, fileName);
      if (isRefusedMediaType(mediaType)) {
        throw DomainError.of(
          'MEDIA_TYPE_REFUSED',
          'file',
          `Ce type de fichier n’est pas conservé comme pièce (${mediaType}).`,
          `This kind of file is not kept as evidence (${mediaType}).`,
        );
      }
      const staged = await this.contents.stageFile(file.path);
      const { sha256, size } = staged;
      const data = { sha256, size, mediaType, fileName, ...dtoData(fields) };
      try {
        decideCase({ type: 'AttachEvidence', data: { ...data, evidenceId: randomUUID() } }, state, { now: this.clock.now() });
        await staged.keep();
      } finally {
        await staged.discard();
      }
      const write = await this.commands.execute(new ExecuteCaseCommand(caseId, { type: 'AttachEvidence', data }, actor, correlationId, expectedRevision));
      return { write, sha256, size, mediaType, fileName };
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
