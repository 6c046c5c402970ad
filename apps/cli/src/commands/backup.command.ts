import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { backupSqliteJournal, verifySqliteJournalFile } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { JOURNAL_FILE } from '@mc/api/journal/event-store.factory';
import { CliError } from '../cli-error';
import { counts } from '../journal-transfer';

@Command({
  name: 'backup',
  arguments: '<fichier>',
  description: 'Sauvegarde le journal intégré dans un fichier (sauvegarde en ligne de SQLite : le service peut tourner), puis vérifie la chaîne de la copie',
})
export class BackupCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const config = loadConfig();
    if (config.store !== 'sqlite') {
      throw new CliError('backup sauvegarde le journal intégré ; avec MC_STORE=eventstoredb, sauvegardez le cluster avec les outils d’EventStoreDB.');
    }
    const source = join(config.dataDir, JOURNAL_FILE);
    const destination = resolve(file);
    if (!existsSync(source)) throw new CliError(`Aucun journal intégré dans ${config.dataDir} (${JOURNAL_FILE} absent) : rien à sauvegarder.`);
    if (existsSync(destination)) throw new CliError(`Le fichier ${destination} existe déjà : une sauvegarde n’en écrase jamais une autre.`);
    await backupSqliteJournal(source, destination);
    const check = await verifySqliteJournalFile(destination);
    if (check.failure) {
      const f = check.failure;
      throw new CliError(
        `Sauvegarde écrite dans ${destination}, mais sa chaîne est rompue (flux ${f.streamId}, révision ${f.revision}, ${f.reason}) : le journal lui-même est à vérifier.`,
      );
    }
    console.log(`Sauvegarde écrite : ${destination} (${counts(check)}, chaîne vérifiée).`);
  }
}
