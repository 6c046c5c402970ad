import { WrongExpectedRevisionError, type EventStore } from '@mc/event-store/event-store.port';

/**
 * Wraps a live store instance's readStream and append (bench-only, the code is untouched) to
 * add up the time spent inside them. Both are synchronous underneath (better-sqlite3): the time
 * until they return their promise is their whole cost, fsync included.
 */
export class StoreMeter {
  readNs = 0;
  appendNs = 0;
  reads = 0;
  appends = 0;
  conflicts = 0;

  constructor(store: EventStore) {
    const readStream = store.readStream.bind(store);
    const append = store.append.bind(store);
    store.readStream = (...args) => {
      const t = process.hrtime.bigint();
      const result = readStream(...args);
      this.readNs += Number(process.hrtime.bigint() - t);
      this.reads++;
      return result;
    };
    store.append = (...args) => {
      const t = process.hrtime.bigint();
      const result = append(...args);
      this.appendNs += Number(process.hrtime.bigint() - t);
      this.appends++;
      result.catch((error: unknown) => {
        if (error instanceof WrongExpectedRevisionError) this.conflicts++;
      });
      return result;
    };
  }

  snapshot(): { readNs: number; appendNs: number; reads: number; appends: number; conflicts: number } {
    return { readNs: this.readNs, appendNs: this.appendNs, reads: this.reads, appends: this.appends, conflicts: this.conflicts };
  }
}
