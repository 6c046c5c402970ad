import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { backupSqliteJournal, verifySqliteJournalFile } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { JOURNAL_FILE } from '@mc/api/journal/event-store.factory';
import { CliError } from '../cli-error';
import { say } from '../cli-language';
import { counts } from '../journal-transfer';

@Command({
  name: 'backup',
  arguments: say({ fr: '<fichier>', en: '<file>' }),
  description: say({
    fr: 'Sauvegarde le journal intégré dans un fichier (sauvegarde en ligne de SQLite : le service peut tourner), puis vérifie la chaîne de la copie',
    en: 'Backs up the embedded journal to a file (SQLite online backup: the service may keep running), then verifies the chain of the copy',
  }),
})
export class BackupCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const config = loadConfig();
    if (config.store !== 'sqlite') {
      throw new CliError({
        fr: 'backup sauvegarde le journal intégré ; avec MC_STORE=eventstoredb, sauvegardez le cluster avec les outils d’EventStoreDB.',
        en: 'backup saves the embedded journal; with MC_STORE=eventstoredb, back up the cluster with EventStoreDB’s own tools.',
      });
    }
    const source = join(config.dataDir, JOURNAL_FILE);
    const destination = resolve(file);
    if (!existsSync(source)) {
      throw new CliError({
        fr: `Aucun journal intégré dans ${config.dataDir} (${JOURNAL_FILE} absent) : rien à sauvegarder.`,
        en: `No embedded journal in ${config.dataDir} (${JOURNAL_FILE} missing): nothing to back up.`,
      });
    }
    if (existsSync(destination)) {
      throw new CliError({
        fr: `Le fichier ${destination} existe déjà : une sauvegarde n’en écrase jamais une autre.`,
        en: `The file ${destination} already exists: a backup never overwrites another.`,
      });
    }
    await backupSqliteJournal(source, destination);
    const check = await verifySqliteJournalFile(destination);
    if (check.failure) {
      const f = check.failure;
      throw new CliError({
        fr: `Sauvegarde écrite dans ${destination}, mais sa chaîne est rompue (flux ${f.streamId}, révision ${f.revision}, ${f.reason}) : le journal lui-même est à vérifier.`,
        en: `Backup written to ${destination}, but its chain is broken (stream ${f.streamId}, revision ${f.revision}, ${f.reason}): the journal itself needs checking.`,
      });
    }
    console.log(
      say({
        fr: `Sauvegarde écrite : ${destination} (${counts(check)}, chaîne vérifiée).`,
        en: `Backup written: ${destination} (${counts(check)}, chain verified).`,
      }),
    );
  }
}
