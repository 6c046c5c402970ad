import { parentPort, workerData } from 'node:worker_threads';
import { generateShard, type ShardOptions } from './journal-generator';

/** Worker thread of buildJournal: generates one shard of cases and posts its rows in batches. */
const port = parentPort;
if (port) {
  try {
    const stats = generateShard(workerData as ShardOptions, (rows) => port.postMessage({ rows }));
    port.postMessage({ done: stats });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
