import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@mc/domain';
import { NO_STREAM, type EventToAppend } from '../event-store.port';
import { ChainVerifier } from '../hash-chain';
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

  it('hashes the record text SQLite assembles, reading a row again only when it was altered', async () => {
    const file = await journal(dir, 3, 4);
    const store = new SqliteEventStore({ file, clock: systemClock });
    await store.append('case-0', [note('« guillemets » "doubles" \\ anti-barre, é, 😀, \u0001 et </script>')], 3);
    await store.close();
    const reread = jest.spyOn(ChainVerifier.prototype, 'checkStored');
    try {
      expect(await verifySqliteJournalFile(file, { workers: 1 })).toEqual({ events: 13, streams: 3, failure: null });
      expect(reread).not.toHaveBeenCalled();

      tamper(file, `UPDATE events SET data = replace(data, 'note', 'nota') WHERE position = 5`);
      expect((await verifySqliteJournalFile(file, { workers: 1 })).failure).toMatchObject({ reason: 'hash_mismatch', streamId: 'case-1', revision: 1 });
      expect(reread).toHaveBeenCalledTimes(1);
    } finally {
      reread.mockRestore();
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
