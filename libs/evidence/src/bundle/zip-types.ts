import type * as yauzl from 'yauzl';

export type ArchiveProblemCode =
  | 'unreadable'
  | 'not_a_zip'
  | 'corrupt_archive'
  | 'inconsistent_archive'
  | 'too_many_entries'
  | 'unsafe_name'
  | 'unsafe_entry'
  | 'duplicate_entry'
  | 'encrypted_entry'
  | 'unsupported_compression'
  | 'entry_too_large'
  | 'corrupt_entry'
  | 'inconsistent_entry';

/** Something wrong with the ZIP container itself; `entry` is the archive path concerned, if any. */
export class ArchiveProblem extends Error {
  constructor(
    readonly code: ArchiveProblemCode,
    readonly entry: string | undefined,
    readonly detail: string,
    readonly expected?: string,
    readonly found?: string,
  ) {
    super(`${code}${entry ? ` (${entry})` : ''}: ${detail}`);
    this.name = 'ArchiveProblem';
  }
}

export interface ArchiveEntry {
  name: string;
  isDirectory: boolean;
  /** Uncompressed size as the central directory states it (yauzl enforces it when reading). */
  size: number;
  crc32: number;
  /** The DOS date and time read as UTC, and the extended timestamp if any (seconds since 1970). */
  dosSeconds: number;
  unixSeconds?: number;
  raw: yauzl.Entry;
}

export function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}
