import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { isUnreadableSqliteFile } from '@mc/event-store';
import type { SqliteDatabase } from '@mc/projections';

/** The read models' file in the data directory: derived from the journal, rebuilt from it when missing. */
export const READ_MODELS_FILE = 'read-models.sqlite';

/**
 * Opens the read models. A file SQLite cannot read (replaced, damaged at its schema) holds
 * nothing the journal does not: it is set aside, never deleted, and the read models are rebuilt
 * from the events. (Damage deeper in the file shows up as query errors: `main-courante replay`.)
 */
export function openReadModels(dataDir: string, now: Date, logger = new Logger('Journal')): SqliteDatabase {
  const file = join(dataDir, READ_MODELS_FILE);
  const db = new Database(file);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if (!isUnreadableSqliteFile(error)) throw error;
    const aside = `${file}.illisible-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    logger.warn(
      `Les vues de lecture (${file}) étaient illisibles (${(error as Error).message}) : mises de côté dans ${aside}, reconstruites depuis le journal.`,
    );
    return new Database(file);
  }
}
