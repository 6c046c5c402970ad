import { open, type FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';
import { centralFieldsProblem, dosDateTimeSeconds, extendedTimestamp, parseExtraFields } from './zip-fields';
import { checkStructure } from './zip-structure';
import { ArchiveProblem, hex32, type ArchiveEntry } from './zip-types';

export { ArchiveProblem, type ArchiveEntry, type ArchiveProblemCode } from './zip-types';

export interface EntryRead {
  size: number;
  /** Present when the bytes read do not have the CRC-32 the archive records for them. */
  crcMismatch?: { expected: string; found: string };
}

const MAX_ENTRIES = 100_000;
const FLAG_UTF8 = 0x800;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read-only view of a ZIP archive for the verifier; nothing is ever extracted to disk. Opening
 * checks what yauzl leaves to its callers: safe, unique entry names, plain files, and a
 * structure whose every header agrees (zip-structure.ts). Reading checks each entry's CRC-32.
 */
export class ZipArchive {
  private constructor(
    private readonly handle: FileHandle,
    private readonly zip: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, ArchiveEntry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw new ArchiveProblem('unreadable', undefined, (error as Error).message);
    }
    try {
      let zip: yauzl.ZipFile;
      try {
        zip = await yauzl.fromFdPromise(handle.fd, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
      } catch (error) {
        throw new ArchiveProblem('not_a_zip', undefined, (error as Error).message);
      }
      if (zip.entryCount > MAX_ENTRIES) throw new ArchiveProblem('too_many_entries', undefined, `${zip.entryCount} entries`);
      const entries = await readCentralDirectory(zip);
      await checkStructure(handle, zip, [...entries.values()]);
      return new ZipArchive(handle, zip, entries);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * Streams an entry's bytes to `onChunk`. Throws ArchiveProblem when they cannot be decoded;
   * reports a CRC mismatch in the result, so that the caller can first say whether the content
   * differs from what the manifest expects.
   */
  async read(name: string, onChunk: (chunk: Buffer) => void): Promise<EntryRead> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`No entry ${name}`);
    let crc = 0;
    let size = 0;
    try {
      const stream = await this.zip.openReadStreamPromise(entry.raw);
      for await (const chunk of stream) {
        crc = crc32(chunk as Buffer, crc);
        size += (chunk as Buffer).length;
        onChunk(chunk as Buffer);
      }
    } catch (error) {
      throw new ArchiveProblem('corrupt_entry', name, (error as Error).message);
    }
    return crc === entry.crc32 ? { size } : { size, crcMismatch: { expected: hex32(entry.crc32), found: hex32(crc) } };
  }

  async close(): Promise<void> {
    // Not zip.close(): yauzl would close the descriptor that this handle owns.
    await this.handle.close();
  }
}

async function readCentralDirectory(zip: yauzl.ZipFile): Promise<Map<string, ArchiveEntry>> {
  const entries = new Map<string, ArchiveEntry>();
  const folded = new Set<string>();
  try {
    for await (const raw of zip.eachEntry()) {
      const name = entryName(raw);
      // Case-insensitive file systems (Windows, macOS) would make one file of two.
      const key = name.normalize('NFC').toLowerCase();
      if (folded.has(key)) throw new ArchiveProblem('duplicate_entry', name, 'the archive holds this name twice');
      folded.add(key);
      const isDirectory = name.endsWith('/');
      // Unknown extra fields include the alternative Unicode name some unzip programs prefer.
      const extra = parseExtraFields(raw.extraFieldRaw);
      if (typeof extra === 'string') throw new ArchiveProblem('unsafe_entry', name, extra);
      const problem = centralFieldsProblem(raw, extra, isDirectory);
      if (problem) throw new ArchiveProblem('unsafe_entry', name, problem);
      if (raw.fileCommentLength > 0) throw new ArchiveProblem('unsafe_entry', name, 'entry comment');
      if (raw.isEncrypted()) throw new ArchiveProblem('encrypted_entry', name, 'encrypted entry');
      if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
        throw new ArchiveProblem('unsupported_compression', name, `compression method ${raw.compressionMethod}`);
      }
      entries.set(name, {
        name,
        isDirectory,
        size: raw.uncompressedSize,
        crc32: raw.crc32,
        dosSeconds: dosDateTimeSeconds(raw.lastModFileDate, raw.lastModFileTime),
        unixSeconds: extendedTimestamp(extra),
        raw,
      });
    }
  } catch (error) {
    if (error instanceof ArchiveProblem) throw error;
    throw new ArchiveProblem('corrupt_archive', undefined, (error as Error).message);
  }
  return entries;
}

/** The entry's path, if it is a safe relative path; an ArchiveProblem otherwise. */
function entryName(raw: yauzl.Entry): string {
  const bytes = raw.fileNameRaw;
  const shown = bytes.toString('latin1');
  if (!bytes.every((byte) => byte < 0x80) && !(raw.generalPurposeBitFlag & FLAG_UTF8)) {
    throw new ArchiveProblem('unsafe_name', shown, 'name in an unknown legacy encoding');
  }
  let name: string;
  try {
    name = utf8.decode(bytes);
  } catch {
    throw new ArchiveProblem('unsafe_name', shown, 'name is not valid UTF-8');
  }
  const problem = pathProblem(name);
  if (problem) throw new ArchiveProblem('unsafe_name', name, problem);
  return name;
}

/** Why a path could not be extracted safely inside the target folder, or null. */
export function pathProblem(name: string): string | null {
  if (name.length === 0) return 'empty name';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return 'control character, backslash or colon in name';
  if (name.startsWith('/')) return 'absolute path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 'relative path component';
  return null;
}
