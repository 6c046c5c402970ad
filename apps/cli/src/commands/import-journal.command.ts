import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { ndjsonRecords } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { prepareDataDir } from '@mc/api/app.factory';
import { openEventStore } from '@mc/api/journal/event-store.factory';
import { systemClock } from '@mc/domain';
import { CliError } from '../cli-error';
import { say } from '../cli-language';
import { counts, transferJournal } from '../journal-transfer';

@Command({
  name: 'import-journal',
  arguments: say({ fr: '<fichier.ndjson>', en: '<file.ndjson>' }),
  description: say({
    fr: 'Charge un export NDJSON dans un journal vide, en gardant identifiants, dates d’enregistrement et empreintes, puis vérifie la chaîne',
    en: 'Loads an NDJSON export into an empty journal, keeping ids, recording dates and hashes, then verifies the chain',
  }),
})
export class ImportJournalCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const source = resolve(file);
    if (!existsSync(source)) throw new CliError({ fr: `Le fichier ${source} n’existe pas.`, en: `The file ${source} does not exist.` });
    const config = loadConfig();
    prepareDataDir(config);
    const store = await openEventStore(config, systemClock);
    try {
      const summary = await transferJournal(ndjsonRecords(source), store);
      console.log(
        say({
          fr: `Journal importé depuis ${source} : ${counts(summary)}, chaîne vérifiée, empreintes identiques (${summary.digest}).`,
          en: `Journal imported from ${source}: ${counts(summary)}, chain verified, identical hashes (${summary.digest}).`,
        }),
      );
    } finally {
      await store.close();
    }
  }
}
