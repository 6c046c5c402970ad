import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { ANY_REVISION } from '../event-store.port';
import { JournalFileUnreadableError } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';
import { checkJournalFile } from './sqlite-journal';

describe('checkJournalFile', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'mc-journal-file-'));
  const problemOf = (file: string) => {
    try {
      checkJournalFile(file);
      return null;
    } catch (error) {
      if (!(error instanceof JournalFileUnreadableError)) throw error;
      return error.problem.kind;
    }
  };

  it('creates a journal where there is none, and opens it again', () => {
    const file = join(dir(), 'journal.sqlite');
    expect(problemOf(file)).toBeNull();
    expect(problemOf(file)).toBeNull();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('names a file that is not an SQLite database, and leaves it untouched', () => {
    const file = join(dir(), 'journal.sqlite');
    writeFileSync(file, 'une lettre enregistrée sous le mauvais nom');
    expect(problemOf(file)).toBe('not_a_database');
    expect(readFileSync(file, 'utf8')).toBe('une lettre enregistrée sous le mauvais nom');
  });

  it('names a damaged journal', () => {
    const file = join(dir(), 'journal.sqlite');
    checkJournalFile(file);
    const bytes = readFileSync(file);
    // The schema's page (the first, after the 100-byte header) overwritten.
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(file, bytes);
    expect(problemOf(file)).toBe('damaged');
  });

  it('names a journal of a schema version it does not know, with both versions, and leaves it as it was', () => {
    const file = join(dir(), 'journal.sqlite');
    checkJournalFile(file);
    const db = new Database(file);
    db.pragma('user_version = 7');
    db.close();
    expect(() => checkJournalFile(file)).toThrow(
      expect.objectContaining({
        problem: { kind: 'unknown_schema', found: 7, expected: 1 },
        sentence: expect.objectContaining({ en: expect.stringContaining('format 7') }),
      }),
    );
    const again = new Database(file, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(7);
    again.close();
  });
});

describe('a journal damaged after it was written', () => {
  const clock = { now: () => new Date('2026-11-23T08:00:00Z') };

  /** 300 events of about 1 KB, then every page but the first two and the last overwritten in part. */
  async function damagedJournal(): Promise<string> {
    const file = join(mkdtempSync(join(tmpdir(), 'mc-damaged-')), 'journal.sqlite');
    const store = new SqliteEventStore({ file, clock, writer: 'inline' });
    for (let i = 0; i < 300; i++) {
      const metadata = {
        schemaVersion: 1,
        actor: { id: 'u1', username: 'agent', role: 'agent' as const },
        correlationId: randomUUID(),
        causationId: randomUUID(),
      };
      await store.append(`case-${i % 7}`, [{ eventId: randomUUID(), type: 'NoteAdded', data: { text: `${'x'.repeat(800)} ${i}` }, metadata }], ANY_REVISION);
    }
    await store.close();
    const bytes = readFileSync(file);
    for (let page = 2; page < bytes.length / 4096 - 1; page++) bytes.fill(0x41, page * 4096 + 50, page * 4096 + 2000);
    writeFileSync(file, bytes);
    return file;
  }

  it.each([
    ['reading a stream', (store: SqliteEventStore) => store.readStream('case-3')],
    ['reading everything', (store: SqliteEventStore) => store.readAll()],
    ['verifying the chain in this thread', (store: SqliteEventStore) => store.verifyChain()],
  ])('names the damaged file when %s', async (_what, read) => {
    const file = await damagedJournal();
    const store = new SqliteEventStore({ file, clock, writer: 'inline', chainCheck: { workers: 1 } });
    try {
      await expect(read(store)).rejects.toMatchObject({ name: 'JournalFileUnreadableError', file, problem: { kind: 'damaged' } });
    } finally {
      await store.close();
    }
  });

  it('names it when worker threads verify the chain', async () => {
    const file = await damagedJournal();
    const store = new SqliteEventStore({ file, clock, writer: 'inline', chainCheck: { workers: 2, parallelFrom: 1 } });
    try {
      await expect(store.verifyChain()).rejects.toMatchObject({ name: 'JournalFileUnreadableError', file, problem: { kind: 'damaged' } });
    } finally {
      await store.close();
    }
  });
});
