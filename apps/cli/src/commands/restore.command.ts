import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import Database from 'better-sqlite3';
import { backupSqliteJournal, verifySqliteJournalFile, type JournalFileCheck } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { prepareDataDir } from '@mc/api/app.factory';
import { JOURNAL_FILE } from '@mc/api/journal/event-store.factory';
import { CliError } from '../cli-error';
import { counts } from '../journal-transfer';

interface RestoreOptions {
  force?: boolean;
}

/** Derived from the journal: dropped on restore, rebuilt from the events at the next start. */
const READ_MODELS_FILE = 'read-models.sqlite';

@Command({
  name: 'restore',
  arguments: '<fichier>',
  description:
    'Remet en place une sauvegarde du journal intégré (service arrêté), après avoir vérifié sa chaîne ; --force remplace un journal existant, mis de côté',
})
export class RestoreCommand extends CommandRunner {
  async run([file]: string[], options: RestoreOptions = {}): Promise<void> {
    const config = loadConfig();
    const backup = resolve(file);
    if (!existsSync(backup)) throw new CliError(`La sauvegarde ${backup} n’existe pas.`);
    const before = await checkBackup(backup);
    prepareDataDir(config);
    const journal = join(config.dataDir, JOURNAL_FILE);
    let setAside: string | null = null;
    if (existsSync(journal)) {
      const current = eventCount(journal);
      if (current > 0 && !options.force) {
        throw new CliError(
          `${config.dataDir} contient déjà un journal (${current} événements) : ajoutez --force pour le remplacer (il sera mis de côté, jamais effacé).`,
        );
      }
      setAside = `${journal}.avant-restauration-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      checkpoint(journal);
      renameSync(journal, setAside);
    }
    const partial = `${journal}.restauration-en-cours`;
    rmSync(partial, { force: true });
    await backupSqliteJournal(backup, partial);
    renameSync(partial, journal);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(config.dataDir, READ_MODELS_FILE + suffix), { force: true });
    const after = await verifySqliteJournalFile(journal);
    if (after.failure || after.events !== before.events) {
      throw new CliError(
        `Le journal restauré ne correspond pas à la sauvegarde (${after.events} événements au lieu de ${before.events}) : recommencez la restauration.`,
      );
    }
    console.log(`Journal restauré depuis ${backup} : ${counts(after)}, chaîne vérifiée avant et après.`);
    if (setAside) console.log(`L’ancien journal est conservé dans ${setAside}.`);
  }

  @Option({ flags: '--force', description: 'remplace le journal présent (il est conservé à côté)' })
  parseForce(): boolean {
    return true;
  }
}

async function checkBackup(file: string): Promise<JournalFileCheck> {
  let check: JournalFileCheck;
  try {
    check = await verifySqliteJournalFile(file);
  } catch (error) {
    throw new CliError(`${file} n’est pas une sauvegarde lisible du journal (${(error as Error).message}) : rien n’a été restauré.`);
  }
  if (check.failure) {
    const f = check.failure;
    throw new CliError(`Sauvegarde refusée, sa chaîne est rompue : flux ${f.streamId}, révision ${f.revision} (${f.reason}) ; rien n’a été restauré.`);
  }
  return check;
}

function eventCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    return table ? (db.prepare('SELECT count(*) FROM events').pluck().get() as number) : 0;
  } finally {
    db.close();
  }
}

/** Folds the -wal file into the journal, so that moving the one file moves everything. */
function checkpoint(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
}
