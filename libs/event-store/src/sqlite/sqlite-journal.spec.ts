import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { JournalFileUnreadableError } from '../errors';
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
