import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { EventStore, StoredEvent } from './event-store.port';
import { ChainVerifier } from './hash-chain';
import type { SealedImporter } from './sealed-import';

/**
 * Moving a whole journal: embedded -> NDJSON -> embedded, or embedded -> EventStoreDB. Records
 * travel sealed (eventId, recordedAt, prevHash and hash as stored), in commit order, and are
 * checked link by link on the way, so the target holds the very same hashes.
 */

const PAGE = 2000;

/** Every record of a store, in commit order. */
export async function* journalRecords(store: EventStore): AsyncGenerator<StoredEvent> {
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return;
    for (const { record } of page) yield record;
    after = page[page.length - 1].position;
  }
}

/** A journal export: one record per line, exactly the stored object, `\n` after each. */
export async function* ndjsonRecords(file: string): AsyncGenerator<StoredEvent> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as StoredEvent;
    } catch (error) {
      throw new JournalTransferError(`Line ${n} of ${file} is not JSON (${(error as Error).message})`);
    }
  }
}

export class JournalTransferError extends Error {
  readonly code = 'JOURNAL_TRANSFER';
  constructor(message: string) {
    super(message);
    this.name = 'JournalTransferError';
  }
}

export interface TransferSummary {
  events: number;
  streams: number;
  /** SHA-256 over "streamId revision hash\n" of every record, in order: equal digests, equal journals. */
  digest: string;
}

/** Running summary of a sequence of records. */
export class JournalDigest {
  private readonly sha = createHash('sha256');
  private readonly streams = new Set<string>();
  private events = 0;

  add(record: StoredEvent): void {
    this.sha.update(`${record.streamId} ${record.revision} ${record.hash}\n`, 'utf8');
    this.streams.add(record.streamId);
    this.events++;
  }

  summary(): TransferSummary {
    return { events: this.events, streams: this.streams.size, digest: this.sha.copy().digest('hex') };
  }
}

/** Summary of every record a store holds (after a transfer, to compare with the source's). */
export async function summarizeJournal(store: EventStore): Promise<TransferSummary> {
  const digest = new JournalDigest();
  for await (const record of journalRecords(store)) digest.add(record);
  return digest.summary();
}

/**
 * Writes `records` into `target` sealed as they are. Each record is checked (hash, revision,
 * link, recordedAt) before it is written, consecutive records of one stream go in one append.
 */
export async function copyJournal(records: AsyncIterable<StoredEvent>, target: SealedImporter, batchSize = 200): Promise<TransferSummary> {
  const verifier = new ChainVerifier();
  const digest = new JournalDigest();
  let batch: StoredEvent[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const toWrite = batch;
    batch = [];
    await target.appendSealed(toWrite[0].streamId, toWrite);
  };
  for await (const record of records) {
    const failure = verifier.check(record);
    if (failure) throw new JournalTransferError(`Source chain broken: ${failure.message}`);
    if (batch.length > 0 && (batch[0].streamId !== record.streamId || batch.length >= batchSize)) await flush();
    batch.push(record);
    digest.add(record);
  }
  await flush();
  return digest.summary();
}

/** Writes every record of `store` to a new NDJSON file (refuses to overwrite one). */
export async function exportJournal(store: EventStore, file: string): Promise<TransferSummary> {
  const out = createWriteStream(file, { flags: 'wx', encoding: 'utf8' });
  await once(out, 'open');
  const digest = new JournalDigest();
  const verifier = new ChainVerifier();
  try {
    for await (const record of journalRecords(store)) {
      const failure = verifier.check(record);
      if (failure) throw new JournalTransferError(`Journal chain broken: ${failure.message}`);
      digest.add(record);
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return digest.summary();
}
