export * from './event-store.port';
export * from './errors';
export * from './event-id';
export * from './hash-chain';
export * from './sealed-import';
export * from './journal-transfer';
export { backupSqliteJournal, verifySqliteJournalFile, type JournalFileCheck } from './sqlite/sqlite-backup';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { checkJournalFile, isUnreadableSqliteFile } from './sqlite/sqlite-journal';
// The EventStoreDB adapter loads the gRPC client: import it from '@mc/event-store/eventstoredb/esdb-event-store'.
// The shared contract suite uses jest globals: import it from '@mc/event-store/contract/event-store.contract'.
