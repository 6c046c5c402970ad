import { mkdirSync, mkdtempSync, existsSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ABANDONED_AFTER_MS, removeAbandonedFiles } from './abandoned-files';

describe('removeAbandonedFiles', () => {
  const now = new Date();
  const aged = (path: string, ms: number) => {
    const at = new Date(now.getTime() - ms);
    utimesSync(path, at, at);
    return path;
  };

  it('removes the files unmodified for longer than the delay, and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-abandoned-'));
    writeFileSync(join(dir, 'old.part'), Buffer.alloc(1000));
    aged(join(dir, 'old.part'), ABANDONED_AFTER_MS + 1000);
    writeFileSync(join(dir, 'older.pdf'), Buffer.alloc(24));
    aged(join(dir, 'older.pdf'), 3 * ABANDONED_AFTER_MS);
    writeFileSync(join(dir, 'recent.part'), 'en cours');
    aged(join(dir, 'recent.part'), ABANDONED_AFTER_MS - 60_000);
    mkdirSync(join(dir, 'ab'));
    writeFileSync(join(dir, 'ab', 'inside'), 'x');
    aged(join(dir, 'ab', 'inside'), 3 * ABANDONED_AFTER_MS);
    aged(join(dir, 'ab'), 3 * ABANDONED_AFTER_MS);

    expect(await removeAbandonedFiles(dir, now)).toEqual({ files: 2, bytes: 1024 });
    expect(existsSync(join(dir, 'old.part'))).toBe(false);
    expect(existsSync(join(dir, 'older.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'recent.part'))).toBe(true);
    expect(existsSync(join(dir, 'ab', 'inside'))).toBe(true);
  });

  it('takes the delay it is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-abandoned-'));
    writeFileSync(join(dir, 'a'), 'a');
    aged(join(dir, 'a'), 10_000);
    expect(await removeAbandonedFiles(dir, now, 20_000)).toEqual({ files: 0, bytes: 0 });
    expect(await removeAbandonedFiles(dir, now, 5_000)).toEqual({ files: 1, bytes: 1 });
  });

  it('never follows a link out of the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-abandoned-'));
    const outside = mkdtempSync(join(tmpdir(), 'mc-outside-'));
    writeFileSync(join(outside, 'precious'), 'à garder');
    aged(join(outside, 'precious'), 3 * ABANDONED_AFTER_MS);
    symlinkSync(join(outside, 'precious'), join(dir, 'link'));
    expect(await removeAbandonedFiles(dir, now)).toEqual({ files: 0, bytes: 0 });
    expect(existsSync(join(outside, 'precious'))).toBe(true);
  });

  it('finds nothing to do in a directory that does not exist', async () => {
    expect(await removeAbandonedFiles(join(tmpdir(), 'mc-abandoned-absent', 'nowhere'), now)).toEqual({ files: 0, bytes: 0 });
  });
});
