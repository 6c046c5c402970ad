import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, AccountView, caseNotFound, actorOf } from '@mc/access';
import { Clock, ExportFormat, recordedActor, viewInstant } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ContentStore, SigningKey, writeBundle } from '@mc/evidence';
import { renderDossier } from '@mc/dossier';
import { recordedBy, type ProviderBusinessHours, type ProviderSlaCommitment } from '@mc/projections';
import { loadProvider } from '../providers/provider-stream';
import type { AppConfig } from '../config/config';
import { exportsDir } from '../config/data-dirs';
import { CaseStateCache } from '../journal/case-state-cache';
import { isUuid, loadCase } from '../journal/case-stream';
import { APP_CONFIG, CLOCK, CONTENT_STORE, SIGNING_KEY } from '../journal/journal.tokens';
import { ExportedFile, sha256Of } from './send-exported-file';
import { ExecuteCaseCommand } from '../cases/commands/execute-case-command/execute-case-command.command';

export type { ExportedFile };

export class ExportCaseCommand extends Command<ExportedFile> {
  constructor(
    readonly account: AccountView,
    readonly caseId: string,
    readonly format: ExportFormat,
    readonly asOf: string | undefined,
    readonly lang: 'fr' | 'en',
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Largest single file embedded into the PDF itself; every file is in the bundle anyway. */
const MAX_EMBEDDED_BYTES = 10 * 1024 * 1024;

/**
 * Renders a dossier (PDF) or a signed bundle of a case as of a date into a temporary file,
 * records DossierExported with the SHA-256 of exactly those bytes, and only then hands them out.
 */
@CommandHandler(ExportCaseCommand)
export class ExportCaseHandler implements ICommandHandler<ExportCaseCommand, ExportedFile> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONTENT_STORE) private readonly contents: ContentStore,
    @Inject(SIGNING_KEY) private readonly signingKey: SigningKey,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: AccessPolicy,
    private readonly commands: CommandBus,
    private readonly cases: CaseStateCache,
  ) {}

  /** The case's provider, by name and with its commitments and support hours over time (the dossier applies those of each outage's date, as held at asOf), when the case names a registered one. */
  private async providerOf(
    providerId: string | null,
  ): Promise<{ providerName?: string; providerCommitments?: ProviderSlaCommitment[]; providerBusinessHours?: ProviderBusinessHours[] }> {
    if (!providerId) return {};
    const { state } = await loadProvider(this.store, providerId);
    return state.exists ? { providerName: state.name, providerCommitments: state.commitmentHistory, providerBusinessHours: state.businessHoursHistory } : {};
  }

  async execute({ account, caseId, format, asOf, lang, correlationId }: ExportCaseCommand): Promise<ExportedFile> {
    if (!isUuid(caseId)) throw caseNotFound();
    const actor = actorOf(account);
    // The instant first, then the appends stamped until then, then the read: every event recorded
    // up to asOf is in the snapshot (an append stamped before the read may not be committed yet).
    const generatedAt = this.clock.now();
    await this.cases.settled(caseId);
    const { records: all, state } = await loadCase(this.store, caseId);
    this.policy.assertCanWriteCase(actor, state, 'RecordDossierExport');
    const asOfIso = viewInstant(asOf, generatedAt);
    const records = recordedBy(all, Date.parse(asOfIso));
    if (records.length === 0) throw caseNotFound();

    const dir = exportsDir(this.config);
    await mkdir(dir, { recursive: true });
    const pdfPath = join(dir, `${randomUUID()}.pdf`);
    const generatedBy = { id: account.id, username: account.username, role: account.role, displayName: account.displayName };
    const paths = [pdfPath];
    try {
      await renderDossier(
        {
          records,
          asOf: asOfIso,
          lang,
          timezone: this.config.timezone,
          generatedAt,
          generatedBy,
          signingKeyFingerprint: this.signingKey.fingerprint,
          inBundle: format === 'bundle',
          alsaceMoselle: state.alsaceMoselle,
          ...(await this.providerOf(state.providerId)),
          attachments: (sha256) => (this.contents.has(sha256) && this.contents.size(sha256) <= MAX_EMBEDDED_BYTES ? this.contents.readBuffer(sha256) : null),
        },
        createWriteStream(pdfPath),
      );
      let path = pdfPath;
      if (format === 'bundle') {
        path = join(dir, `${randomUUID()}.zip`);
        paths.push(path);
        const out = createWriteStream(path);
        await writeBundle(
          {
            caseId,
            streamId: records[0].streamId,
            asOf: asOfIso,
            generatedAt,
            generatedBy: recordedActor(actor),
            records,
            dossierPdf: pdfPath,
            attachment: (sha256: string) => this.contents.openRead(sha256),
            signingKey: this.signingKey,
          },
          out,
        );
        await new Promise<void>((resolve) => (out.writableFinished ? resolve() : out.on('finish', () => resolve())));
      }
      const { sha256, size } = await sha256Of(path);
      const write = await this.commands.execute(
        new ExecuteCaseCommand(caseId, { type: 'RecordDossierExport', data: { format, asOf: asOfIso, sha256 } }, actor, correlationId),
      );
      const stamp = asOfIso.slice(0, 10);
      return {
        path,
        sha256,
        size,
        mediaType: format === 'pdf' ? 'application/pdf' : 'application/zip',
        fileName: `main-courante-${caseId.slice(0, 8)}-${stamp}.${format === 'pdf' ? 'pdf' : 'zip'}`,
        exportId: write.assignedId!.value,
        dispose: async () => {
          await Promise.all(paths.map((p) => unlink(p).catch(() => undefined)));
        },
      };
    } catch (error) {
      await Promise.all(paths.map((p) => unlink(p).catch(() => undefined)));
      throw error;
    }
  }
}
