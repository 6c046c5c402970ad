import { Command } from '@nestjs/cqrs';
import type { Actor } from '@mc/domain';
import type { ProviderCommand } from '@mc/domain/provider/provider';

export interface ProviderWriteResult {
  /** The provider id. */
  id: string;
  streamId: string;
  revision: number;
  recordedAt: string;
  hash: string;
  position: number;
}

/** Every write to a provider stream goes through this one command and its handler (admin only). */
export class ExecuteProviderCommand extends Command<ProviderWriteResult> {
  constructor(
    /** null for RegisterProvider: the handler makes the provider id. */
    readonly providerId: string | null,
    readonly command: ProviderCommand,
    readonly actor: Actor,
    readonly correlationId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
