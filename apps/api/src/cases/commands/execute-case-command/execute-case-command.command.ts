import { Command } from '@nestjs/cqrs';
import { Actor, CaseCommandType } from '@mc/domain';

/** A case command as the edge knows it: the server-assigned ids are added by the handler. */
export interface CaseCommandDraft {
  type: CaseCommandType;
  data: Record<string, unknown>;
}

export interface CaseWriteResult {
  caseId: string;
  streamId: string;
  revision: number;
  recordedAt: string;
  hash: string;
  /** The id the server gave the new thing (entryId, evidenceId, grantId, exportId), if any. */
  assignedId: { field: string; value: string } | null;
  position: number;
}

/** Every write to a case goes through this one command and its handler (one decider, one shell). */
export class ExecuteCaseCommand extends Command<CaseWriteResult> {
  constructor(
    /** null for OpenCase: the handler makes the case id. */
    readonly caseId: string | null,
    readonly draft: CaseCommandDraft,
    readonly actor: Actor,
    readonly correlationId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
