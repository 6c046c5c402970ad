import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@mc/domain';
import { NO_STREAM, type ChainCheck, type EventToAppend } from '../event-store.port';
import { ChainVerifier, type StoredRow } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';
import { verifySqliteJournalFile } from './sqlite-backup';
import { verifySqliteJournalInParallel } from './sqlite-chain-check';

const ACTOR = { id: 'u1', username: 'agent.dupont', role: 'agent' as const };
let id = 0;
const note = (text: string): EventToAppend => ({
  eventId: `e-${++id}`,
  type: 'NoteAdded',
  data: { text },
  metadata: { schemaVersion: 1, actor: ACTOR, correlationId: 'c', causationId: 'c' },
});

/** A journal file of `streams` interleaved streams of `perStream` events each. */
async function journal(dir: string, streams: number, perStream: number): Promise<string> {
  const file = path.join(dir, 'events.db');
  const store = new SqliteEventStore({ file, clock: systemClock });
  for (let revision = 0; revision < perStream; revision++) {
    await Promise.all(
      Array.from({ length: streams }, (_, s) => store.append(`case-${s}`, [note(`note ${revision} « ${s} »`)], revision === 0 ? NO_STREAM : revision - 1)),
    );
  }
  await store.close();
  return file;
}

/** What an intruder with write access to the file does: drop the guards, then change rows. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;');
  db.exec(sql);
  db.close();
}

/** The reference: every row as stored, read one by one and checked in position order with checkStored. */
function everyRowInTurn(file: string): ChainCheck {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT stream_id AS streamId, revision, event_id AS eventId, type, data AS dataText, metadata AS metadataText, prev_hash AS prevHash, hash FROM events ORDER BY position')
      .all() as StoredRow[];
    const verifier = new ChainVerifier();
    let streams = 0;
    for (const [index, row] of rows.entries()) {
      if (!verifier.head(row.streamId)) streams++;
      const failure = verifier.checkStored(row);
      if (failure) return { events: index + 1, streams, failure };
    }
    return { events: rows.length, streams, failure: null };
  } finally {
    db.close();
  }
}

describe('verifying an embedded journal in worker threads', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-chain-check-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts every event and stream of an intact journal, as the check in one thread does', async () => {
    const file = await journal(dir, 7, 30);
    const inThread = await verifySqliteJournalFile(file, { workers: 1 });
    expect(inThread).toEqual({ events: 210, streams: 7, failure: null });
    expect(await verifySqliteJournalInParallel(file, 210, { workers: 3 })).toEqual(inThread);
  });

  it('names the stream and revision of an altered event, and of an event removed on a slice boundary', async () => {
    const file = await journal(dir, 5, 20); // positions 1..100, three slices: (0,33] (33,67] (67,100]
    tamper(file, `UPDATE events SET data = replace(data, 'note', 'nota') WHERE position = 80`);
    const altered = await verifySqliteJournalInParallel(file, 100, { workers: 3 });
    expect(altered.failure).toMatchObject({ reason: 'hash_mismatch', streamId: 'case-4', revision: 15 });
    expect(altered).toEqual(await verifySqliteJournalFile(file, { workers: 1 }));

    tamper(file, 'DELETE FROM events WHERE position = 34');
    const removed = await verifySqliteJournalInParallel(file, 100, { workers: 3 });
    expect(removed.failure).toMatchObject({ reason: 'revision_gap', streamId: 'case-3', revision: 7, expected: '6' });
    expect(removed).toEqual(await verifySqliteJournalFile(file, { workers: 1 }));
  });

  it('hashes pages of records packed by SQLite, checking rows one by one only from an altered one on', async () => {
    const file = await journal(dir, 3, 4);
    const store = new SqliteEventStore({ file, clock: systemClock });
    await store.append('case-0', [note('« guillemets » "doubles" \\ anti-barre, é, 😀, \u0001 et </script>')], 3);
    await store.close();
    const rowByRow = jest.spyOn(ChainVerifier.prototype, 'checkPrebuilt');
    const reread = jest.spyOn(ChainVerifier.prototype, 'checkStored');
    try {
      expect(await verifySqliteJournalFile(file, { workers: 1 })).toEqual({ events: 13, streams: 3, failure: null });
      expect(rowByRow).not.toHaveBeenCalled();

      tamper(file, `UPDATE events SET data = replace(data, 'note', 'nota') WHERE position = 5`);
      expect((await verifySqliteJournalFile(file, { workers: 1 })).failure).toMatchObject({ reason: 'hash_mismatch', streamId: 'case-1', revision: 1 });
      expect(rowByRow).toHaveBeenCalledTimes(1);
      expect(reread).toHaveBeenCalledTimes(1);
    } finally {
      rowByRow.mockRestore();
      reread.mockRestore();
    }
  });

  it('checks a page holding a large record row by row, and still finds a change in it', async () => {
    const file = await journal(dir, 2, 3);
    const store = new SqliteEventStore({ file, clock: systemClock });
    await store.append('case-0', [note('x'.repeat(20_000))], 2); // position 7, beyond what a packed page takes
    await store.close();
    const rowByRow = jest.spyOn(ChainVerifier.prototype, 'checkPrebuilt');
    try {
      expect(await verifySqliteJournalFile(file, { workers: 1 })).toEqual({ events: 7, streams: 2, failure: null });
      expect(rowByRow).toHaveBeenCalledTimes(7);
      tamper(file, `UPDATE events SET data = replace(data, 'xxx', 'xyx') WHERE position = 7`);
      expect((await verifySqliteJournalFile(file, { workers: 1 })).failure).toMatchObject({ reason: 'hash_mismatch', streamId: 'case-0', revision: 3 });
    } finally {
      rowByRow.mockRestore();
    }
  });

  it('decides as checking every stored row in turn does, whatever an intruder changed in the file', async () => {
    const original = await journal(dir, 3, 6);
    const changes = [
      `UPDATE events SET data = replace(data, 'note', 'nota') WHERE position = 7`,
      `UPDATE events SET metadata = replace(metadata, '"recordedAt":"', '"enregistré":"') WHERE position = 7`,
      `UPDATE events SET hash = CAST(hash AS BLOB) WHERE position = 7`,
      `UPDATE events SET metadata = CAST(metadata AS BLOB) WHERE position = 7`,
      `UPDATE events SET data = CAST(data AS BLOB) WHERE position = 7`,
      `UPDATE events SET revision = revision + 0.5 WHERE position = 7`,
      `UPDATE events SET revision = 'sept' WHERE position = 7`,
      `UPDATE events SET stream_id = 'case-"1' WHERE stream_id = 'case-1'`,
      `UPDATE events SET type = 'Note' || char(10) || 'Added' WHERE position = 7`,
      `UPDATE events SET prev_hash = upper(prev_hash) WHERE position = 7`,
      `DELETE FROM events WHERE position = 7`,
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, prev_hash, hash)
         SELECT stream_id, revision + 1, event_id || '-bis', type, data, metadata, prev_hash, hash FROM events WHERE position = 18`,
    ];
    for (const [index, change] of changes.entries()) {
      const file = path.join(dir, `changed-${index}.db`);
      fs.copyFileSync(original, file);
      tamper(file, change);
      const check = await verifySqliteJournalFile(file, { workers: 1 });
      expect({ change, check }).toEqual({ change, check: everyRowInTurn(file) });
      // Texts stored as bytes still hash the same; every other change is found.
      expect({ change, failed: check.failure !== null }).toEqual({ change, failed: !/SET (data|metadata) = CAST/.test(change) });
    }
  });

  it('is what the store does for a journal past the threshold, while it stays open for appends', async () => {
    const file = await journal(dir, 4, 25);
    tamper(file, `UPDATE events SET data = replace(data, 'note', 'nota') WHERE position = 61`);
    const store = new SqliteEventStore({ file, clock: systemClock, chainCheck: { workers: 2, parallelFrom: 50 } });
    try {
      const [check] = await Promise.all([store.verifyChain(), store.append('case-9', [note('pendant la vérification')], NO_STREAM)]);
      expect(check.failure).toMatchObject({ reason: 'hash_mismatch', streamId: 'case-0', revision: 15 });
      expect(check.events).toBe(61);
    } finally {
      await store.close();
    }
  });
});
