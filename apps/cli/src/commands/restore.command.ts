import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import Database from 'better-sqlite3';
import { backupSqliteJournal, isUnreadableSqliteFile, verifySqliteJournalFile, type JournalFileCheck } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { prepareDataDir } from '@mc/api/app.factory';
import { JOURNAL_FILE } from '@mc/api/journal/event-store.factory';
import { READ_MODELS_FILE } from '@mc/api/journal/read-models-file';
import { CliError } from '../cli-error';
import { say } from '../cli-language';
import { counts } from '../journal-transfer';

interface RestoreOptions {
  force?: boolean;
}

@Command({
  name: 'restore',
  arguments: say({ fr: '<fichier>', en: '<file>' }),
  description: say({
    fr: 'Remet en place une sauvegarde du journal intégré (service arrêté), après avoir vérifié sa chaîne ; --force remplace un journal existant, mis de côté',
    en: 'Puts back a backup of the embedded journal (service stopped), after verifying its chain; --force replaces an existing journal, set aside',
  }),
})
export class RestoreCommand extends CommandRunner {
  async run([file]: string[], options: RestoreOptions = {}): Promise<void> {
    const config = loadConfig();
    const backup = resolve(file);
    if (!existsSync(backup)) throw new CliError({ fr: `La sauvegarde ${backup} n’existe pas.`, en: `The backup ${backup} does not exist.` });
    const before = await checkBackup(backup);
    prepareDataDir(config);
    const journal = join(config.dataDir, JOURNAL_FILE);
    let setAside: string | null = null;
    if (existsSync(journal)) {
      const current = journalContents(journal);
      if ('unreadable' in current && !options.force) {
        throw new CliError({
          fr: `${journal} n’est pas un journal lisible (${current.unreadable}) : ajoutez --force pour le mettre de côté (jamais effacé) et remettre la sauvegarde.`,
          en: `${journal} is not a readable journal (${current.unreadable}): add --force to set it aside (never deleted) and put the backup back.`,
        });
      }
      if ('events' in current && current.events > 0 && !options.force) {
        throw new CliError({
          fr: `${config.dataDir} contient déjà un journal (${current.events} événements) : ajoutez --force pour le remplacer (il sera mis de côté, jamais effacé).`,
          en: `${config.dataDir} already holds a journal (${current.events} events): add --force to replace it (it will be set aside, never deleted).`,
        });
      }
      const aside = `${journal}.avant-restauration-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      if ('events' in current) {
        checkpoint(journal);
        renameSync(journal, aside);
      } else {
        // SQLite cannot fold its -wal file into an unreadable journal: all of it goes aside as is.
        for (const suffix of ['', '-wal', '-shm']) if (existsSync(journal + suffix)) renameSync(journal + suffix, aside + suffix);
      }
      setAside = aside;
    }
    const partial = `${journal}.restauration-en-cours`;
    rmSync(partial, { force: true });
    await backupSqliteJournal(backup, partial);
    renameSync(partial, journal);
    // Derived from the journal: dropped, rebuilt from the events at the next start.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(config.dataDir, READ_MODELS_FILE + suffix), { force: true });
    const after = await verifySqliteJournalFile(journal);
    if (after.failure || after.events !== before.events) {
      throw new CliError({
        fr: `Le journal restauré ne correspond pas à la sauvegarde (${after.events} événements au lieu de ${before.events}) : recommencez la restauration.`,
        en: `The restored journal does not match the backup (${after.events} events instead of ${before.events}): run the restore again.`,
      });
    }
    console.log(
      say({
        fr: `Journal restauré depuis ${backup} : ${counts(after)}, chaîne vérifiée avant et après.`,
        en: `Journal restored from ${backup}: ${counts(after)}, chain verified before and after.`,
      }),
    );
    if (setAside) console.log(say({ fr: `L’ancien journal est conservé dans ${setAside}.`, en: `The previous journal is kept in ${setAside}.` }));
  }

  @Option({
    flags: '--force',
    description: say({ fr: 'remplace le journal présent (il est conservé à côté)', en: 'replaces the present journal (it is kept alongside)' }),
  })
  parseForce(): boolean {
    return true;
  }
}

async function checkBackup(file: string): Promise<JournalFileCheck> {
  let check: JournalFileCheck;
  try {
    check = await verifySqliteJournalFile(file);
  } catch (error) {
    const detail = (error as Error).message;
    throw new CliError({
      fr: `${file} n’est pas une sauvegarde lisible du journal (${detail}) : rien n’a été restauré.`,
      en: `${file} is not a readable journal backup (${detail}): nothing was restored.`,
    });
  }
  if (check.failure) {
    const f = check.failure;
    throw new CliError({
      fr: `Sauvegarde refusée, sa chaîne est rompue : flux ${f.streamId}, révision ${f.revision} (${f.reason}) ; rien n’a été restauré.`,
      en: `Backup refused, its chain is broken: stream ${f.streamId}, revision ${f.revision} (${f.reason}); nothing was restored.`,
    });
  }
  return check;
}

/** How many events the journal file holds, or why SQLite cannot read it. */
function journalContents(file: string): { events: number } | { unreadable: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    return { events: table ? (db.prepare('SELECT count(*) FROM events').pluck().get() as number) : 0 };
  } catch (error) {
    if (isUnreadableSqliteFile(error)) return { unreadable: (error as Error).message };
    throw error;
  } finally {
    db?.close();
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
