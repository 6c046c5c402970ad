export * from './event-store.port';
export * from './errors';
export * from './hash-chain';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
// The shared contract suite uses jest globals: import it from '@mc/event-store/contract/event-store.contract'.
