import { GENESIS_PREV_HASH, computeHash, isRecordedAtText, type ChainHead } from './hash-chain';
import type { AppendResult, StoredEvent } from './event-store.port';

/**
 * Writing records that are already sealed (a migration, an import): the records keep their
 * eventId, recordedAt, prevHash and hash, so every hash of the source is the hash in the target.
 * The store checks that they continue its chain and are intact; it stamps nothing.
 */
export interface SealedImporter {
  /** Appends sealed records of one stream, which must continue the stream exactly. */
  appendSealed(streamId: string, records: StoredEvent[]): Promise<AppendResult>;
}

/** Sealed records refused: they do not continue the target's chain or are not intact. */
export class SealedImportError extends Error {
  readonly code = 'SEALED_IMPORT_REFUSED';
  constructor(
    readonly streamId: string,
    readonly revision: number,
    message: string,
  ) {
    super(message);
    this.name = 'SealedImportError';
  }
}

const MEMBERS = ['data', 'eventId', 'hash', 'metadata', 'prevHash', 'revision', 'streamId', 'type'].join();

/** Throws SealedImportError unless `records` continue `head` (null: new stream) link by link. */
export function checkSealedBatch(streamId: string, head: ChainHead | null, records: StoredEvent[]): void {
  if (!Array.isArray(records) || records.length === 0) throw new SealedImportError(streamId, -1, `Stream ${streamId}: nothing to import`);
  let previous = head;
  for (const record of records) {
    const at = `Stream ${streamId} revision ${String(record?.revision)}`;
    const refuse = (why: string): never => {
      throw new SealedImportError(streamId, Number.isSafeInteger(record?.revision) ? record.revision : -1, `${at}: ${why}`);
    };
    if (typeof record !== 'object' || record === null) refuse('not a record');
    if (Object.keys(record).sort().join() !== MEMBERS) refuse(`members ${Object.keys(record).sort().join(', ')}`);
    if (record.streamId !== streamId) refuse(`belongs to stream ${record.streamId}`);
    const expectedRevision = previous ? previous.revision + 1 : 0;
    if (record.revision !== expectedRevision) refuse(`expected revision ${expectedRevision}`);
    const expectedPrev = previous ? previous.hash : GENESIS_PREV_HASH;
    if (record.prevHash !== expectedPrev) refuse(`prevHash ${record.prevHash} does not link to ${expectedPrev}`);
    const recordedAt = (record.metadata as { recordedAt?: unknown } | undefined)?.recordedAt;
    if (!isRecordedAtText(recordedAt)) return refuse(`metadata.recordedAt ${JSON.stringify(recordedAt)} is not a UTC date with milliseconds`);
    if (previous && Date.parse(recordedAt) < Date.parse(previous.recordedAt)) refuse(`recordedAt ${recordedAt} is earlier than ${previous.recordedAt}`);
    let recomputed: string;
    try {
      recomputed = computeHash(record);
    } catch (error) {
      return refuse(`cannot be canonicalized (${(error as Error).message})`);
    }
    if (recomputed !== record.hash) refuse(`stored hash ${record.hash} differs from the recomputed ${recomputed}`);
    previous = { revision: record.revision, hash: record.hash, recordedAt };
  }
}
