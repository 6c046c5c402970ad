import path from 'node:path';
import { describeEventStoreContract, inTempDir } from '@mc/event-store/contract/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The shared contract against a real EventStoreDB, the only proof that the adapter works with the
 * server (the fake client of esdb-event-store.spec.ts is not). Start one, for instance with
 * `docker compose up -d eventstore`, then:
 *
 *   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest libs/event-store/src/eventstoredb
 *
 * The server must accept appends of 2 MB and more (EVENTSTORE_MAX_APPEND_SIZE, as in docker-compose.yml).
 * Without the variable the suite is skipped, and says why.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim();

if (connectionString) {
  describeEventStoreContract(
    `eventstoredb (${connectionString})`,
    inTempDir((dir, clock) => EsdbEventStore.connect({ connectionString, clock, positionIndexFile: path.join(dir, 'positions.sqlite') })),
  );
} else {
  console.log('EventStore contract against a real EventStoreDB skipped: EVENTSTORE_CONNECTION_STRING is not set (no server runs here).');
  describe.skip('EventStore contract: eventstoredb (real server; set EVENTSTORE_CONNECTION_STRING to run it)', () => {
    it('needs a server', () => undefined);
  });
}
