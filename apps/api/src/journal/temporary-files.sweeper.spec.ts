import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { fixedClock } from '@mc/domain';
import { ContentStore } from '@mc/evidence';
import type { AppConfig } from '../config/config';
import { TemporaryFilesSweeper } from './temporary-files.sweeper';

describe('TemporaryFilesSweeper', () => {
  const clock = fixedClock('2026-11-23T10:00:00Z');
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'mc-sweeper-'))));
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sweeper = () => new TemporaryFilesSweeper({ dataDir } as AppConfig, new ContentStore(join(dataDir, 'attachments')), clock);
  const file = (area: string, name: string, modifiedAt: string, bytes = 10) => {
    mkdirSync(join(dataDir, area), { recursive: true });
    const path = join(dataDir, area, name);
    writeFileSync(path, Buffer.alloc(bytes));
    utimesSync(path, new Date(modifiedAt), new Date(modifiedAt));
    return path;
  };

  it('removes what was left in the uploads, the staged evidence and the exports, an hour after it was last written', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const old = [
      file('uploads', 'a1b2', '2026-11-23T08:59:59Z', 2_000_000),
      file('attachments/tmp', 'x.part', '2026-11-23T08:00:00Z', 500_000),
      file('exports', 'y.zip', '2026-11-22T10:00:00Z'),
    ];
    const recent = [file('uploads', 'c3d4', '2026-11-23T09:30:00Z'), file('exports', 'z.pdf', '2026-11-23T09:59:00Z')];
    const stored = file('attachments/ab', 'ab'.padEnd(64, '0'), '2020-01-01T00:00:00Z');

    expect(await sweeper().sweep()).toEqual({ files: 3, bytes: 2_500_010 });
    expect(old.filter(existsSync)).toEqual([]);
    expect(recent.filter(existsSync)).toEqual(recent);
    expect(existsSync(stored)).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Fichiers temporaires abandonnés supprimés : 3 (2,5 Mo)'));
  });

  it('says nothing when there is nothing to remove, and goes on past an area it cannot read', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(await sweeper().sweep()).toEqual({ files: 0, bytes: 0 });
    expect(log).not.toHaveBeenCalled();

    writeFileSync(join(dataDir, 'uploads'), 'un fichier là où le dossier devrait être');
    const left = file('exports', 'y.zip', '2026-11-22T10:00:00Z');
    expect(await sweeper().sweep()).toEqual({ files: 1, bytes: 10 });
    expect(existsSync(left)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Fichiers temporaires de « uploads » non nettoyés'));
  });
});
