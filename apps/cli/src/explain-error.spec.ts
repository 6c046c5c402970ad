import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@mc/domain';
import { JournalFileUnreadableError } from '@mc/event-store';
import { CliError } from './cli-error';
import { explainError } from './explain-error';

describe('explainError', () => {
  it('says what the file system refused, and where, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-cli-'));
    try {
      const missing = await writeFile(join(dir, 'absent', 'journal.ndjson'), '').catch((e: unknown) => e);
      expect(explainError(missing)).toBe(`Impossible d’utiliser ${join(dir, 'absent', 'journal.ndjson')} : le fichier ou le dossier n’existe pas (ENOENT).`);
      expect(explainError(missing, 'en')).toBe(`Cannot use ${join(dir, 'absent', 'journal.ndjson')}: no such file or directory (ENOENT).`);
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      expect(explainError(full)).toBe('Opération sur le disque impossible : le disque est plein (ENOSPC).');
      expect(explainError(full, 'en')).toBe('Disk operation failed: the disk is full (ENOSPC).');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps our own refusals as they are, and shows the stack only for the unexpected', () => {
    expect(explainError(new CliError({ fr: 'La sauvegarde x n’existe pas.', en: 'Backup x does not exist.' }))).toBe('La sauvegarde x n’existe pas.');
    expect(explainError(DomainError.of('NOT_FOUND', 'caseId', 'Dossier introuvable.', 'Case not found.'))).toBe('Dossier introuvable.');
    const unreadable = new JournalFileUnreadableError('/data/journal.sqlite', { kind: 'damaged', sqlite: 'database disk image is malformed' });
    expect(explainError(unreadable)).toMatch(
      /^Le fichier du journal \/data\/journal.sqlite est endommagé \(SQLite : database disk image is malformed\)\. Rien n’y a été écrit\./,
    );
    expect(explainError(unreadable, 'en')).toMatch(
      /^The journal file \/data\/journal.sqlite is damaged \(SQLite: database disk image is malformed\)\. Nothing was written/,
    );
    expect(explainError(Object.assign(new Error('odd'), { code: 'ECONNRESET', syscall: 'read' }))).toMatch(/^Erreur inattendue : Error: odd\n\s+at /);
    expect(explainError(new TypeError('x is undefined'))).toMatch(/^Erreur inattendue : TypeError: x is undefined/);
  });

  it('speaks English when asked, for our refusals, domain errors and the unexpected alike', () => {
    expect(explainError(new CliError({ fr: 'La sauvegarde x n’existe pas.', en: 'Backup x does not exist.' }), 'en')).toBe('Backup x does not exist.');
    expect(explainError(DomainError.of('NOT_FOUND', 'caseId', 'Dossier introuvable.', 'Case not found.'), 'en')).toBe('Case not found.');
    expect(explainError(new TypeError('x is undefined'), 'en')).toMatch(/^Unexpected error: TypeError: x is undefined\n\s+at /);
  });
});
