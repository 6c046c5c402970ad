import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { journalRecords } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { JOURNAL_FILE, openEmbeddedStore, openEventStoreDb } from '@mc/api/journal/event-store.factory';
import { systemClock } from '@mc/domain';
import { CliError } from '../cli-error';
import { say } from '../cli-language';
import { counts, transferJournal } from '../journal-transfer';

interface MigrateOptions {
  to?: 'eventstoredb';
  connection?: string;
}

@Command({
  name: 'migrate',
  description: say({
    fr: 'Copie le journal intégré (MC_DATA_DIR) dans un cluster EventStoreDB vide, avec les mêmes identifiants, dates et empreintes, puis vérifie la chaîne de la destination',
    en: 'Copies the embedded journal (MC_DATA_DIR) into an empty EventStoreDB cluster, with the same ids, dates and hashes, then verifies the chain of the destination',
  }),
})
export class MigrateCommand extends CommandRunner {
  async run(_: string[], options: MigrateOptions = {}): Promise<void> {
    if (options.to !== 'eventstoredb') {
      throw new CliError({
        fr: 'Précisez la destination : main-courante migrate --to eventstoredb.',
        en: 'Name the destination: main-courante migrate --to eventstoredb.',
      });
    }
    const config = loadConfig({ ...process.env, MC_STORE: 'sqlite' });
    const file = join(config.dataDir, JOURNAL_FILE);
    if (!existsSync(file)) {
      throw new CliError({
        fr: `Aucun journal intégré dans ${config.dataDir} (${JOURNAL_FILE} absent) : rien à migrer.`,
        en: `No embedded journal in ${config.dataDir} (${JOURNAL_FILE} missing): nothing to migrate.`,
      });
    }
    const source = openEmbeddedStore(config.dataDir, systemClock);
    try {
      const target = await openEventStoreDb(config, systemClock, options.connection ?? config.eventStoreConnectionString);
      try {
        const summary = await transferJournal(journalRecords(source), target);
        console.log(
          say({
            fr: `Journal migré vers EventStoreDB : ${counts(summary)}, chaîne vérifiée, empreintes identiques (${summary.digest}).`,
            en: `Journal migrated to EventStoreDB: ${counts(summary)}, chain verified, identical hashes (${summary.digest}).`,
          }),
        );
        console.log(
          say({
            fr: 'Étape suivante : démarrez le service avec MC_STORE=eventstoredb et la même EVENTSTORE_CONNECTION_STRING.',
            en: 'Next step: start the service with MC_STORE=eventstoredb and the same EVENTSTORE_CONNECTION_STRING.',
          }),
        );
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  }

  @Option({ flags: '--to <store>', description: say({ fr: 'destination : eventstoredb', en: 'destination: eventstoredb' }) })
  parseTo(value: string): 'eventstoredb' {
    if (value !== 'eventstoredb') {
      throw new CliError({
        fr: `Destination inconnue « ${value} » : seule eventstoredb est possible.`,
        en: `Unknown destination "${value}": only eventstoredb is possible.`,
      });
    }
    return value;
  }

  @Option({
    flags: '--connection <esdb-url>',
    description: say({
      fr: 'chaîne de connexion EventStoreDB (sinon EVENTSTORE_CONNECTION_STRING)',
      en: 'EventStoreDB connection string (otherwise EVENTSTORE_CONNECTION_STRING)',
    }),
  })
  parseConnection(value: string): string {
    if (!/^esdb(\+discover)?:\/\//.test(value)) {
      throw new CliError({
        fr: 'La chaîne de connexion doit commencer par esdb:// ou esdb+discover://.',
        en: 'The connection string must start with esdb:// or esdb+discover://.',
      });
    }
    return value;
  }
}
