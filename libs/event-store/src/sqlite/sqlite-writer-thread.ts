import type { Worker } from 'node:worker_threads';
import { DuplicateEventIdError } from '../errors';
import { StoreUnavailableError, WrongExpectedRevisionError, type AppendResult, type ExpectedRevision, type StoredEvent } from '../event-store.port';
import type { PreparedEvent } from '../hash-chain';
import type { AppendOutcome, AppendRequest } from './sqlite-journal-writes';
import { startWorker } from './start-worker';

/**
 * The journal's writes on a worker thread with its own connection. COMMIT with
 * synchronous=FULL waits for the disk; on the service's main thread that wait stops every
 * request. Here the main thread keeps deciding the next appends while the disk syncs the
 * current batch. One batch at a time, in order, so per-stream order is kept.
 */
export class WriterThread {
  private worker: Worker | null = null;
  /** Batches sent and not answered yet, in the order the thread writes them. */
  private readonly waiting: Array<{ batch: AppendRequest[]; resolve: (outcomes: AppendOutcome[]) => void; reject: (error: unknown) => void }> = [];

  constructor(private readonly file: string) {}

  /** Batches sent and not answered yet. */
  get inFlight(): number {
    return this.waiting.length;
  }

  /**
   * Writes one batch in one transaction, after the batches sent before it; rejects when the
   * transaction as a whole failed.
   */
  write(batch: AppendRequest[], now: Date): Promise<AppendOutcome[]> {
    const worker = (this.worker ??= this.start());
    return new Promise<AppendOutcome[]>((resolve, reject) => {
      worker.postMessage({ batch: batch.map(withoutData), now: now.toISOString() } satisfies WriteMessage);
      this.waiting.push({ batch, resolve, reject });
      worker.ref(); // the process waits for the answer
    });
  }

  /** Closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref(); // the process waits for the thread to close its connection
    worker.postMessage({ close: true } satisfies WriterMessage);
    await exited;
  }

  private start(): Worker {
    const worker = startWorker('sqlite-writer.worker', { file: this.file });
    worker.unref(); // an idle writer does not keep the process alive
    worker.on('message', (reply: WriterReply) => {
      const waiting = this.waiting.shift();
      if (this.waiting.length === 0) worker.unref();
      if (!waiting) return;
      if ('outcomes' in reply) waiting.resolve(reply.outcomes.map((outcome, index) => fromWireOutcome(outcome, waiting.batch[index])));
      else waiting.reject(fromWireError(reply.error));
    });
    const lost = (why: string): void => {
      if (this.worker !== worker) return;
      this.worker = null; // the next batch starts a new thread
      const error = new StoreUnavailableError(
        `The journal writer stopped (${why}): the last appends may or may not be stored; retrying them with the same event ids is safe`,
      );
      for (const waiting of this.waiting.splice(0)) waiting.reject(error);
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return worker;
  }
}

export type WriterMessage = WriteMessage | { close: true };
interface WriteMessage {
  batch: WireRequest[];
  now: string;
}

/**
 * An append as the thread gets it: the data objects stay on this side (the thread hashes their
 * canonical texts, and its answer does not carry the records), so they are not copied twice.
 */
export type WireRequest = Omit<AppendRequest, 'events'> & { events: Array<Omit<PreparedEvent, 'data'>> };

function withoutData({ streamId, expected, events }: AppendRequest): WireRequest {
  return { streamId, expected, events: events.map(({ eventId, type, dataJson, metadata }) => ({ eventId, type, dataJson, metadata })) };
}
export type WriterReply = { outcomes: WireOutcome[] } | { error: WireError };

/**
 * A new append comes back as what sealing added (revisions, recordedAt, hashes, position): the
 * main thread has the rest, so the events are not copied back. A retried one comes back whole,
 * as stored then.
 */
type WireOutcome =
  | { ok: true; sealed: { position: number; revision: number; prevHash: string; recordedAt: string; hashes: string[]; metadataJson: string[] } }
  | { ok: true; retried: AppendResult }
  | { ok: false; error: WireError };

/** Errors as plain data: class instances lose their class between threads. */
type WireError =
  | { code: 'WRONG_EXPECTED_REVISION'; streamId: string; expected: ExpectedRevision; actual: number }
  | { code: 'DUPLICATE_EVENT_ID'; streamId: string; eventId: string }
  | { code: 'STORE_UNAVAILABLE'; message: string }
  | { code: 'ERROR'; message: string };

export function toWireOutcome(outcome: AppendOutcome): WireOutcome {
  if (!outcome.ok) return { ok: false, error: toWireError(outcome.error) };
  if (outcome.retried) return { ok: true, retried: outcome.result };
  const { records, position } = outcome.result;
  const [first] = records;
  const { metadataJson } = outcome;
  return {
    ok: true,
    sealed: {
      position,
      revision: first.revision,
      prevHash: first.prevHash,
      recordedAt: first.metadata.recordedAt,
      hashes: records.map((r) => r.hash),
      metadataJson,
    },
  };
}

export function toWireError(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) return { code: error.code, streamId: error.streamId, expected: error.expected, actual: error.actual };
  if (error instanceof DuplicateEventIdError) return { code: error.code, streamId: error.streamId, eventId: error.eventId };
  if (error instanceof StoreUnavailableError) return { code: error.code, message: error.message };
  return { code: 'ERROR', message: error instanceof Error ? error.message : String(error) };
}

function fromWireOutcome(outcome: WireOutcome, request: AppendRequest): AppendOutcome {
  if (!outcome.ok) return { ok: false, error: fromWireError(outcome.error) };
  if ('retried' in outcome) return { ok: true, result: outcome.retried, retried: true };
  const { position, revision, recordedAt, hashes, metadataJson } = outcome.sealed;
  let prevHash = outcome.sealed.prevHash;
  // The records exactly as sealPrepared built them on the other side.
  const records = request.events.map(({ eventId, type, data, metadata }, index): StoredEvent => {
    const record = {
      streamId: request.streamId,
      revision: revision + index,
      eventId,
      type,
      data,
      metadata: { ...metadata, recordedAt } as unknown as StoredEvent['metadata'],
      prevHash,
      hash: hashes[index],
    };
    prevHash = record.hash;
    return record;
  });
  return { ok: true, result: { records, nextExpectedRevision: revision + records.length - 1, position }, retried: false, metadataJson };
}

function fromWireError(error: WireError): Error {
  switch (error.code) {
    case 'WRONG_EXPECTED_REVISION':
      return new WrongExpectedRevisionError(error.streamId, error.expected, error.actual);
    case 'DUPLICATE_EVENT_ID':
      return new DuplicateEventIdError(error.streamId, error.eventId);
    case 'STORE_UNAVAILABLE':
      return new StoreUnavailableError(error.message);
    default:
      return new Error(error.message);
  }
}
