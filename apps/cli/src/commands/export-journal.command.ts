import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { exportJournal } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { openEventStore } from '@mc/api/journal/event-store.factory';
import { systemClock } from '@mc/domain';
import { CliError } from '../cli-error';
import { say } from '../cli-language';
import { counts } from '../journal-transfer';

@Command({
  name: 'export-journal',
  arguments: say({ fr: '<fichier.ndjson>', en: '<file.ndjson>' }),
  description: say({
    fr: 'Écrit tout le journal dans un fichier NDJSON (un événement scellé par ligne, dans l’ordre), chaîne vérifiée au passage',
    en: 'Writes the whole journal to an NDJSON file (one sealed event per line, in order), verifying the chain on the way',
  }),
})
export class ExportJournalCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    const target = resolve(file);
    if (existsSync(target)) {
      throw new CliError({
        fr: `Le fichier ${target} existe déjà : choisissez un autre nom, rien n’a été écrit.`,
        en: `The file ${target} already exists: choose another name, nothing was written.`,
      });
    }
    const store = await openEventStore(loadConfig(), systemClock);
    try {
      const summary = await exportJournal(store, target);
      console.log(
        say({
          fr: `Journal exporté vers ${target} : ${counts(summary)}, empreinte de l’ensemble ${summary.digest}.`,
          en: `Journal exported to ${target}: ${counts(summary)}, overall digest ${summary.digest}.`,
        }),
      );
    } finally {
      await store.close();
    }
  }
}
