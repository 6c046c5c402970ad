import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { exportJournal } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { openEventStore } from '@mc/api/journal/event-store.factory';
import { systemClock } from '@mc/domain';
import { CliError } from '../cli-error';
import { counts } from '../journal-transfer';

@Command({
  name: 'export-journal',
  arguments: '<fichier.ndjson>',
  description: 'Écrit tout le journal dans un fichier NDJSON (un événement scellé par ligne, dans l’ordre), chaîne vérifiée au passage',
})
export class ExportJournalCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const target = resolve(file);
    if (existsSync(target)) throw new CliError(`Le fichier ${target} existe déjà : choisissez un autre nom, rien n’a été écrit.`);
    const store = await openEventStore(loadConfig(), systemClock);
    try {
      const summary = await exportJournal(store, target);
      console.log(`Journal exporté vers ${target} : ${counts(summary)}, empreinte de l’ensemble ${summary.digest}.`);
    } finally {
      await store.close();
    }
  }
}
