import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openJournal, toStoreError } from './sqlite-journal';
import { JournalWrites, type AppendRequest } from './sqlite-journal-writes';
import { toWireError, toWireOutcome, type WriterMessage, type WriterReply } from './sqlite-writer-thread';

/** Worker thread of WriterThread: its own connection to the journal, one batch per message. */
const { file } = workerData as { file: string };
let db: Database.Database | null = null;
let writes: JournalWrites | null = null;

function reply(message: WriterReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (message: WriterMessage) => {
  if ('close' in message) {
    db?.close();
    parentPort!.close();
    return;
  }
  try {
    // Opened on first use, and again after a failure to open (the disk may come back).
    if (!writes) {
      db = openJournal(file);
      writes = new JournalWrites(db);
    }
    // Without their data objects (WireRequest): the records sealed here are not sent back, only what sealing added.
    const batch = message.batch as AppendRequest[];
    reply({ outcomes: writes.writeBatch(batch, new Date(message.now)).map(toWireOutcome) });
  } catch (error) {
    if (!writes) {
      db?.close();
      db = null;
    }
    reply({ error: toWireError(toStoreError(error)) });
  }
});
