import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import type { ChainCheck } from '../event-store.port';
import { ChainVerifier, joinSegments, type SegmentCheck, type StoredRow } from '../hash-chain';
import { startWorker } from './start-worker';

/**
 * Chain verification of an embedded journal. The events table is cut into slices of positions;
 * each slice is checked on its own (ChainVerifier.forSegment, hashing the stored canonical texts)
 * and the slices are joined in order (joinSegments). On a large journal the slices are checked
 * by worker threads, each on its own read-only connection, so every core hashes and the
 * service's main thread stays free.
 */

const PAGE = 5000;

/**
 * SQLite assembles each record's canonical text from the stored texts (canonicalRecordText's
 * layout, nothing escaped) and hands it over as bytes: the texts are not decoded into strings
 * only to be encoded again for hashing. ChainVerifier.checkPrebuilt decides when these bytes can
 * be trusted to be the canonical text, and reads the row with SELECT_ROW when they cannot.
 */
const SELECT_SLICE = `SELECT position, stream_id, revision, event_id, type, metadata, prev_hash, hash,
                             CAST(concat('{"data":', data, ',"eventId":"', event_id, '","metadata":', metadata, ',"prevHash":"', prev_hash,
                                         '","revision":', revision, ',"streamId":"', stream_id, '","type":"', type, '"}') AS BLOB)
                      FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`;
const SELECT_ROW = 'SELECT stream_id, revision, event_id, type, data, metadata, prev_hash, hash FROM events WHERE position = ?';

type SliceRow = [number, string, number, string, string, string, string, string, Uint8Array];
type FullRow = [string, number, string, string, string, string, string, string];

/** Positions (after, upTo] of one journal file. */
export interface SliceJob {
  file: string;
  after: number;
  upTo: number;
}

/**
 * Checks the records at positions (after, upTo], in pages of PAGE; between pages `pause` may
 * yield (a connection that also serves appends must not hold a statement open across turns).
 */
export async function checkSlice(db: Database.Database, after: number, upTo: number, pause?: () => Promise<void>): Promise<SegmentCheck> {
  const verifier = ChainVerifier.forSegment();
  const page = db.prepare(SELECT_SLICE).raw(true);
  const selectRow = db.prepare(SELECT_ROW).raw(true);
  for (let from = after; ;) {
    const rows = page.all(from, upTo, PAGE) as SliceRow[];
    if (rows.length === 0) return verifier.segmentCheck(null);
    for (const [position, streamId, revision, eventId, type, metadataText, prevHash, hash, canonicalBytes] of rows) {
      const stored = (): StoredRow => {
        const [streamId, revision, eventId, type, dataText, metadataText, prevHash, hash] = selectRow.get(position) as FullRow;
        return { streamId, revision, eventId, type, dataText, metadataText, prevHash, hash };
      };
      const failure = verifier.checkPrebuilt({ streamId, revision, eventId, type, metadataText, prevHash, hash, canonicalBytes }, stored);
      if (failure) return verifier.segmentCheck(failure);
      from = position;
    }
    if (pause) await pause();
  }
}

/** The highest position of the journal (0 when empty): every record up to it is committed and never changes. */
export function headPositionOf(db: Database.Database): number {
  return db.prepare('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() as number;
}

export interface ChainCheckOptions {
  /** Worker threads for a large journal. Default: defaultVerifyWorkers(); 1 checks in this thread. */
  workers?: number;
  /** From how many events worker threads are used (starting them costs more than checking a small journal). Default 20,000. */
  parallelFrom?: number;
}

/**
 * Checks the whole journal of `db` (opened on `file`): in worker threads when it is large and
 * more than one core is available, otherwise on this connection, in this thread.
 */
export async function verifySqliteJournal(
  db: Database.Database,
  file: string,
  options: ChainCheckOptions = {},
  pause?: () => Promise<void>,
): Promise<ChainCheck> {
  const upTo = headPositionOf(db);
  const workers = options.workers ?? defaultVerifyWorkers();
  const onDisk = file !== '' && file !== ':memory:';
  if (onDisk && workers > 1 && upTo >= (options.parallelFrom ?? 20_000)) return verifySqliteJournalInParallel(file, upTo, { workers });
  return joinSegments([await checkSlice(db, 0, upTo, pause)]);
}

export interface ParallelCheckOptions {
  /** Worker threads. Default: defaultVerifyWorkers(). */
  workers?: number;
}

/** One more thread than cores (measured: a thread waiting on a page read leaves its core to another), at most 4; 1 on one core. */
export function defaultVerifyWorkers(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(4, cores + 1) : 1;
}

/**
 * Checks positions (0, upTo] of a journal file in `workers` slices of equal width, one worker
 * thread each (positions have no gaps but those of refused appends, so widths are nearly counts).
 */
export async function verifySqliteJournalInParallel(file: string, upTo: number, options: ParallelCheckOptions = {}): Promise<ChainCheck> {
  const workers = Math.max(1, Math.min(options.workers ?? defaultVerifyWorkers(), Math.max(1, upTo)));
  const bounds = Array.from({ length: workers + 1 }, (_, index) => Math.round((upTo * index) / workers));
  const segments = await Promise.all(bounds.slice(1).map((end, index) => runSliceWorker({ file, after: bounds[index], upTo: end })));
  return joinSegments(segments);
}

function runSliceWorker(job: SliceJob): Promise<SegmentCheck> {
  return new Promise<SegmentCheck>((resolve, reject) => {
    const worker = startWorker('sqlite-chain-check.worker', job);
    let result: SegmentCheck | undefined;
    worker.once('message', (message: { segment: SegmentCheck } | { error: string }) => {
      if ('segment' in message) result = message.segment;
      else reject(new Error(`Chain check of positions ${job.after + 1}–${job.upTo} failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`Chain check worker exited with code ${code}`))));
  });
}
