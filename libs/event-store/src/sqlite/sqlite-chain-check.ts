import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import type { ChainCheck } from '../event-store.port';
import { ChainVerifier, joinSegments, type ChainFailure, type SegmentCheck, type StoredRow } from '../hash-chain';
import { startWorker } from './start-worker';

/**
 * Chain verification of an embedded journal. The events table is cut into slices of positions;
 * each slice is checked on its own (ChainVerifier.forSegment, hashing the stored canonical texts)
 * and the slices are joined in order (joinSegments). On a large journal the slices are checked
 * by worker threads, each on its own read-only connection, so every core hashes and the
 * service's main thread stays free.
 */

const PAGE = 2000;

/** Each record's canonical text as SQLite assembles it from the stored texts (canonicalRecordText's layout, nothing escaped). */
const RECORD_TEXT = `concat('{"data":', data, ',"eventId":"', event_id, '","metadata":', metadata, ',"prevHash":"', prev_hash,
                           '","revision":', revision, ',"streamId":"', stream_id, '","type":"', type, '"}')`;

/**
 * A page of records packed into one value per member (ChainVerifier.checkPacked): the driver's
 * cost per value returned is what limited the check. The rows of the subquery come in position
 * order (a subquery with LIMIT is not merged into an aggregate query); the positions are returned
 * too, and the page is checked row by row if they are not ascending. So it is if a row's members
 * are not of the types the writer stores (`typed`: 'text' is the greatest type name), or if a row
 * is larger than PACKED_ROW_BYTES: a page packs at most PAGE of them, so it never holds more than
 * a few tens of megabytes (row by row, one row at a time is assembled).
 */
const PACKED_ROW_BYTES = 16_384;
const SELECT_PACKED = `SELECT count(*), max(position), min(typed) AND max(size) <= ${PACKED_ROW_BYTES}, group_concat(position, ','), CAST(group_concat(record, char(10)) AS BLOB),
                              group_concat(stream_id, char(10)), group_concat(event_id, char(10)), group_concat(type, char(10)),
                              group_concat(revision, ','), group_concat(prev_hash, ''), group_concat(hash, ''), group_concat(metadata_at, ',')
                       FROM (SELECT position, stream_id, event_id, type, revision, prev_hash, hash, octet_length(data) + octet_length(metadata) AS size,
                                    CASE WHEN octet_length(data) + octet_length(metadata) <= ${PACKED_ROW_BYTES} THEN ${RECORD_TEXT} END AS record,
                                    33 + octet_length(data) + octet_length(event_id) AS metadata_at,
                                    min(typeof(stream_id), typeof(event_id), typeof(type), typeof(data), typeof(metadata), typeof(prev_hash), typeof(hash)) = 'text'
                                      AND typeof(revision) = 'integer' AS typed
                             FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?)`;
type PackedRow = [number, number | null, number | null, string, Buffer, string, string, string, string, string, string, string];

/**
 * The same records one by one, for a page checkPacked cannot vouch for: SQLite hands each
 * record's text over as bytes, ChainVerifier.checkPrebuilt decides when these bytes can be
 * trusted to be the canonical text, and reads the row with SELECT_ROW when they cannot.
 */
const SELECT_SLICE = `SELECT position, stream_id, revision, event_id, type, metadata, prev_hash, hash, CAST(${RECORD_TEXT} AS BLOB)
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
  const packedPage = db.prepare(SELECT_PACKED).raw(true);
  const rowByRow = rowByRowCheck(db, verifier);
  for (let from = after; ;) {
    const [count, last, packable, positionList, records, streamIds, eventIds, types, revisions, prevHashes, hashes, metadataAt] = packedPage.get(
      from,
      upTo,
      PAGE,
    ) as PackedRow;
    if (count === 0 || last === null) return verifier.segmentCheck(null);
    const positions = ascendingPositions(positionList, count);
    const page = { count, records, streamIds, eventIds, types, revisions, prevHashes, hashes, metadataAt };
    const vouched = packable === 1 && positions ? verifier.checkPacked(page) : 0;
    if (vouched < count) {
      const failure = rowByRow(vouched === 0 ? from : (positions as number[])[vouched - 1], last);
      if (failure) return verifier.segmentCheck(failure);
    }
    from = last;
    if (pause) await pause();
  }
}

/** Checks the records at positions (from, to] one by one (at most PAGE of them); returns the first failure. */
function rowByRowCheck(db: Database.Database, verifier: ChainVerifier): (from: number, to: number) => ChainFailure | null {
  const slice = db.prepare(SELECT_SLICE).raw(true);
  const selectRow = db.prepare(SELECT_ROW).raw(true);
  return (from, to) => {
    for (const [position, streamId, revision, eventId, type, metadataText, prevHash, hash, canonicalBytes] of slice.all(from, to, PAGE) as SliceRow[]) {
      const stored = (): StoredRow => {
        const [streamId, revision, eventId, type, dataText, metadataText, prevHash, hash] = selectRow.get(position) as FullRow;
        return { streamId, revision, eventId, type, dataText, metadataText, prevHash, hash };
      };
      const failure = verifier.checkPrebuilt({ streamId, revision, eventId, type, metadataText, prevHash, hash, canonicalBytes }, stored);
      if (failure) return failure;
    }
    return null;
  };
}

/** `count` positions joined by commas, if they are strictly ascending; null otherwise. */
function ascendingPositions(list: string, count: number): number[] | null {
  const positions = list.split(',').map(Number);
  if (positions.length !== count) return null;
  for (let i = 1; i < count; i++) if (!(positions[i] > positions[i - 1])) return null;
  return positions;
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
    worker.once('message', (message: { segment: SegmentCheck } | { error: string; code?: unknown }) => {
      if ('segment' in message) result = message.segment;
      // With SQLite's code, so that a damaged file is recognized as such (JournalFileUnreadableError).
      else reject(Object.assign(new Error(`Chain check of positions ${job.after + 1}–${job.upTo} failed: ${message.error}`), { code: message.code }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`Chain check worker exited with code ${code}`))));
  });
}
