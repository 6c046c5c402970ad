import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@mc/domain';
import { SqliteEventStore, checkJournalFile, type EventStore, type SealedImporter } from '@mc/event-store';
import { EsdbEventStore } from '@mc/event-store/eventstoredb/esdb-event-store';
import { ConfigError, type AppConfig } from '../config/config';

/** The embedded journal's file in the data directory. */
export const JOURNAL_FILE = 'journal.sqlite';
/** This instance's numbering of EventStoreDB positions (see libs/event-store/src/eventstoredb/position-index.ts). */
export const ESDB_POSITIONS_FILE = 'eventstoredb-positions.sqlite';

export type JournalStore = EventStore & SealedImporter;

/** The embedded store of a data directory. */
export function openEmbeddedStore(dataDir: string, clock: Clock): SqliteEventStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteEventStore({ file: join(dataDir, JOURNAL_FILE), clock });
}

/**
 * The EventStoreDB store of the configuration, once the cluster has answered. Projections, their
 * checkpoints and the position index stay in local SQLite files of this instance's data
 * directory, so several instances can serve one cluster.
 */
export async function openEventStoreDb(config: AppConfig, clock: Clock, connectionString = config.eventStoreConnectionString): Promise<EsdbEventStore> {
  if (!connectionString) {
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      'EVENTSTORE_CONNECTION_STRING est requis pour EventStoreDB (par exemple esdb://localhost:2113?tls=false).',
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    return await EsdbEventStore.connect({ connectionString, clock, positionIndexFile: join(config.dataDir, ESDB_POSITIONS_FILE) });
  } catch {
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      `Le cluster EventStoreDB désigné par EVENTSTORE_CONNECTION_STRING (${connectionString}) ne répond pas : vérifiez l’adresse, le paramètre tls et que les nœuds sont démarrés.`,
    );
  }
}

/** The store the configuration names. */
export async function openEventStore(config: AppConfig, clock: Clock): Promise<JournalStore> {
  return config.store === 'eventstoredb' ? openEventStoreDb(config, clock) : openEmbeddedStore(config.dataDir, clock);
}

/**
 * Checked before Nest starts, so that an unreachable cluster or a journal file that cannot be
 * opened stops start-up with one sentence (a failing provider would be reported by Nest with a
 * stack trace, and the process ended there).
 */
export async function assertStoreReachable(config: AppConfig, clock: Clock): Promise<void> {
  if (config.store !== 'eventstoredb') {
    mkdirSync(config.dataDir, { recursive: true });
    checkJournalFile(join(config.dataDir, JOURNAL_FILE));
    return;
  }
  const store = await openEventStoreDb(config, clock);
  await store.close();
}
