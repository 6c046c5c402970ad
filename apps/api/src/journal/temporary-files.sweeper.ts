import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@mc/domain';
import { ContentStore, removeAbandonedFiles, type RemovedFiles } from '@mc/evidence';
import type { AppConfig } from '../config/config';
import { exportsDir, uploadsDir } from '../config/data-dirs';
import { APP_CONFIG, CLOCK, CONTENT_STORE } from './journal.tokens';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * A request cut short by a crash or a SIGKILL leaves its temporary copy behind: the upload, the
 * evidence bytes staged before the case accepted them, the export not yet sent. Nothing refers to
 * them (an event is appended only once its bytes are in the store), so they are removed at start
 * and every hour, once untouched for ABANDONED_AFTER_MS.
 */
@Injectable()
export class TemporaryFilesSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Journal');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CONTENT_STORE) private readonly contents: ContentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over the three temporary areas; a failure is logged, never thrown (the service goes on). */
  async sweep(): Promise<RemovedFiles> {
    const now = this.clock.now();
    const total: RemovedFiles = { files: 0, bytes: 0 };
    const passes: Array<[string, () => Promise<RemovedFiles>]> = [
      ['uploads', () => removeAbandonedFiles(uploadsDir(this.config), now)],
      ['attachments/tmp', () => this.contents.removeAbandonedStaging(now)],
      ['exports', () => removeAbandonedFiles(exportsDir(this.config), now)],
    ];
    for (const [area, pass] of passes) {
      try {
        const removed = await pass();
        total.files += removed.files;
        total.bytes += removed.bytes;
      } catch (error) {
        this.logger.warn(`Fichiers temporaires de « ${area} » non nettoyés : ${(error as Error).message}`);
      }
    }
    if (total.files > 0) {
      this.logger.log(`Fichiers temporaires abandonnés supprimés : ${total.files} (${megabytes(total.bytes)} Mo), restes d'un arrêt brutal.`);
    }
    return total;
  }
}

const megabytes = (bytes: number): string => (bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
