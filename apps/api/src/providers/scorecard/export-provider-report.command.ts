import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountView, actorOf } from '@mc/access';
import { Clock, PROVIDER_SCHEMA_VERSION, providerStream, recordedActor } from '@mc/domain';
import { renderProviderReport } from '@mc/dossier';
import { ANY_REVISION, EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import type { AppConfig } from '../../config/config';
import { exportsDir } from '../../config/data-dirs';
import { ExportedFile, sha256Of } from '../../exports/send-exported-file';
import { APP_CONFIG, CLOCK } from '../../journal/journal.tokens';
import { ScorecardBuilder } from './provider-scorecard.query';
import { newEventId } from '@mc/event-store/event-id';

export class ExportProviderReportCommand extends Command<ExportedFile> {
  constructor(
    readonly account: AccountView,
    readonly providerId: string,
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly lang: 'fr' | 'en',
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Renders the provider's written evaluation, records ProviderReportExported with its SHA-256, then hands it out. */
@CommandHandler(ExportProviderReportCommand)
export class ExportProviderReportHandler implements ICommandHandler<ExportProviderReportCommand, ExportedFile> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scorecards: ScorecardBuilder,
  ) {}

  async execute({ account, providerId, from, to, lang, correlationId }: ExportProviderReportCommand): Promise<ExportedFile> {
    const actor = actorOf(account);
    const scorecard = await this.scorecards.build(actor, providerId, from, to);
    const dir = exportsDir(this.config);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${randomUUID()}.pdf`);
    try {
      const generatedAt = this.clock.now();
      await renderProviderReport(
        {
          scorecard,
          lang,
          timezone: this.config.timezone,
          generatedAt,
          generatedBy: { username: account.username, role: account.role, displayName: account.displayName },
        },
        createWriteStream(path),
      );
      const { sha256, size } = await sha256Of(path);
      const exportId = randomUUID();
      await this.store.append(
        providerStream(providerId),
        [
          {
            eventId: newEventId(),
            type: 'ProviderReportExported',
            data: { exportId, ...(from ? { from } : {}), to: scorecard.to, sha256, casesCounted: scorecard.casesCounted },
            metadata: { schemaVersion: PROVIDER_SCHEMA_VERSION, actor: recordedActor(actor), correlationId, causationId: randomUUID() },
          },
        ],
        ANY_REVISION,
      );
      return {
        path,
        sha256,
        size,
        mediaType: 'application/pdf',
        fileName: `evaluation-prestataire-${providerId.slice(0, 8)}-${scorecard.to.slice(0, 10)}.pdf`,
        exportId,
        dispose: () => unlink(path).catch(() => undefined),
      };
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
  }
}
