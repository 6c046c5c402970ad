import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { ndjsonRecords } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { prepareDataDir } from '@mc/api/app.factory';
import { openEventStore } from '@mc/api/journal/event-store.factory';
import { systemClock } from '@mc/domain';
import { CliError } from '../cli-error';
import { counts, transferJournal } from '../journal-transfer';

@Command({
  name: 'import-journal',
  arguments: '<fichier.ndjson>',
  description: 'Charge un export NDJSON dans un journal vide, en gardant identifiants, dates d’enregistrement et empreintes, puis vérifie la chaîne',
})
export class ImportJournalCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const source = resolve(file);
    if (!existsSync(source)) throw new CliError(`Le fichier ${source} n’existe pas.`);
    const config = loadConfig();
    prepareDataDir(config);
    const store = await openEventStore(config, systemClock);
    try {
      const summary = await transferJournal(ndjsonRecords(source), store);
      console.log(`Journal importé depuis ${source} : ${counts(summary)}, chaîne vérifiée, empreintes identiques (${summary.digest}).`);
    } finally {
      await store.close();
    }
  }
}
