import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkSlice, type SliceJob } from './sqlite-chain-check';

/** Worker thread of verifySqliteJournalInParallel: checks one slice of positions, read-only. */
async function main(): Promise<void> {
  const { file, after, upTo } = workerData as SliceJob;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    parentPort!.postMessage({ segment: await checkSlice(db, after, upTo) });
  } finally {
    db.close();
  }
}

main().catch((error: unknown) =>
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error), code: (error as { code?: unknown } | null)?.code }),
);
