import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANY_REVISION, NO_STREAM, StoreUnavailableError, type ExpectedRevision } from '../event-store.port';
import { prepareEvents } from '../hash-chain';
import { verifySqliteJournal } from './sqlite-chain-check';
import { openJournal, toStoreError } from './sqlite-journal';
import { JournalWrites, type AppendRequest } from './sqlite-journal-writes';

const ACTOR = { id: 'u1', username: 'agent.dupont', role: 'agent' as const };
let id = 0;
const request = (streamId: string, expected: ExpectedRevision, text: string): AppendRequest => ({
  streamId,
  expected,
  events: prepareEvents([
    { eventId: `e-${++id}`, type: 'NoteAdded', data: { text }, metadata: { schemaVersion: 1, actor: ACTOR, correlationId: 'c', causationId: 'c' } },
  ]),
});

describe('JournalWrites', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-journal-writes-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every chain whole when the disk fills up in the middle of a batch, and goes on once there is room', async () => {
    const file = path.join(dir, 'events.db');
    const db = openJournal(file, { migrate: true });
    const writes = new JournalWrites(db);
    const now = new Date('2026-03-02T08:30:00Z');
    writes.writeBatch([request('case-1', NO_STREAM, 'première note'), request('case-2', NO_STREAM, 'autre dossier')], now);

    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`); // the disk is full
    let failures: unknown[];
    let written = 0;
    try {
      const outcomes = writes.writeBatch(
        [request('case-1', 0, 'x'.repeat(20_000)), request('case-2', 0, 'courte'), request('case-1', 1, 'y'.repeat(20_000))],
        now,
      );
      failures = outcomes.filter((o) => !o.ok).map((o) => (o as { error: unknown }).error);
      written = outcomes.length - failures.length;
    } catch (error) {
      failures = [error];
    }
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(toStoreError(failure)).toBeInstanceOf(StoreUnavailableError);
    // SQLite may give up the whole transaction: then the batch fails as a whole, none of it runs outside the transaction.
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(2 + written);

    db.pragma('max_page_count = 1073741823'); // room again
    const [one, two] = writes.writeBatch([request('case-1', ANY_REVISION, 'après'), request('case-2', ANY_REVISION, 'après')], now);
    expect(one.ok && two.ok).toBe(true);
    const revisions = (stream: string) => db.prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY position').pluck().all(stream);
    for (const stream of ['case-1', 'case-2']) expect(revisions(stream)).toEqual(revisions(stream).map((_, index) => index));
    expect((await verifySqliteJournal(db, file, { workers: 1 })).failure).toBeNull();
    db.close();
  });
});
