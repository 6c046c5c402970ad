import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { journalRecords } from '@mc/event-store';
import { loadConfig } from '@mc/api/config/config';
import { JOURNAL_FILE, openEmbeddedStore, openEventStoreDb } from '@mc/api/journal/event-store.factory';
import { systemClock } from '@mc/domain';
import { CliError } from '../cli-error';
import { counts, transferJournal } from '../journal-transfer';

interface MigrateOptions {
  to?: 'eventstoredb';
  connection?: string;
}

@Command({
  name: 'migrate',
  description:
    'Copie le journal intégré (MC_DATA_DIR) dans un cluster EventStoreDB vide, avec les mêmes identifiants, dates et empreintes, puis vérifie la chaîne de la destination',
})
export class MigrateCommand extends CommandRunner {
  async run(_: string[], options: MigrateOptions = {}): Promise<void> {
    if (options.to !== 'eventstoredb') throw new CliError('Précisez la destination : main-courante migrate --to eventstoredb.');
    const config = loadConfig({ ...process.env, MC_STORE: 'sqlite' });
    const file = join(config.dataDir, JOURNAL_FILE);
    if (!existsSync(file)) throw new CliError(`Aucun journal intégré dans ${config.dataDir} (${JOURNAL_FILE} absent) : rien à migrer.`);
    const source = openEmbeddedStore(config.dataDir, systemClock);
    try {
      const target = await openEventStoreDb(config, systemClock, options.connection ?? config.eventStoreConnectionString);
      try {
        const summary = await transferJournal(journalRecords(source), target);
        console.log(`Journal migré vers EventStoreDB : ${counts(summary)}, chaîne vérifiée, empreintes identiques (${summary.digest}).`);
        console.log('Étape suivante : démarrez le service avec MC_STORE=eventstoredb et la même EVENTSTORE_CONNECTION_STRING.');
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  }

  @Option({ flags: '--to <store>', description: 'destination : eventstoredb' })
  parseTo(value: string): 'eventstoredb' {
    if (value !== 'eventstoredb') throw new CliError(`Destination inconnue « ${value} » : seule eventstoredb est possible.`);
    return value;
  }

  @Option({ flags: '--connection <esdb-url>', description: 'chaîne de connexion EventStoreDB (sinon EVENTSTORE_CONNECTION_STRING)' })
  parseConnection(value: string): string {
    if (!/^esdb(\+discover)?:\/\//.test(value)) throw new CliError('La chaîne de connexion doit commencer par esdb:// ou esdb+discover://.');
    return value;
  }
}
