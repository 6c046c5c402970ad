import type { FileHandle } from 'node:fs/promises';
import type * as yauzl from 'yauzl';
import { ArchiveProblem, hex32, type ArchiveEntry } from './zip-types';
import { parseExtraFields } from './zip-fields';

/**
 * What yauzl does not check: that every local header and data descriptor agrees with the
 * central directory, that the entries, central directory and end record follow each other with
 * no byte outside them, and that the end record agrees with the central directory. Programs that
 * read local headers one after the other would otherwise see other files than the verifier.
 */
export async function checkStructure(handle: FileHandle, zip: yauzl.ZipFile, entries: ArchiveEntry[]): Promise<void> {
  const extents: Array<{ name: string; start: number; end: number }> = [];
  for (const entry of entries) {
    const header = await localHeader(zip, entry);
    const descriptorLength = header.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR ? await checkDataDescriptor(handle, entry, header.fileDataStart) : 0;
    extents.push({ name: entry.name, start: entry.raw.relativeOffsetOfLocalHeader, end: header.fileDataStart + entry.raw.compressedSize + descriptorLength });
  }
  const centralDirectoryOffset = await checkEndRecord(handle, entries);
  extents.sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const extent of extents) {
    if (extent.start !== cursor) {
      throw new ArchiveProblem(
        'inconsistent_archive',
        extent.name,
        extent.start > cursor ? 'bytes that belong to no entry precede this entry' : 'entries overlap',
        String(cursor),
        String(extent.start),
      );
    }
    cursor = extent.end;
  }
  if (centralDirectoryOffset !== null && cursor !== centralDirectoryOffset) {
    throw new ArchiveProblem(
      'inconsistent_archive',
      undefined,
      'bytes that belong to no entry precede the central directory',
      String(cursor),
      String(centralDirectoryOffset),
    );
  }
}

const FLAG_DATA_DESCRIPTOR = 0x8;
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
const END_RECORD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const END_RECORD_BYTES = 22;
const ZIP64_SIZE = 0xffffffff;

async function localHeader(zip: yauzl.ZipFile, entry: ArchiveEntry): Promise<yauzl.LocalFileHeader> {
  let header: yauzl.LocalFileHeader;
  try {
    header = await zip.readLocalFileHeaderPromise(entry.raw);
  } catch (error) {
    throw new ArchiveProblem('corrupt_entry', entry.name, (error as Error).message);
  }
  const central = entry.raw;
  const mismatch = (what: string, expected: unknown, found: unknown) =>
    new ArchiveProblem('inconsistent_entry', entry.name, `local header ${what} differs from the central directory`, String(expected), String(found));
  if (!header.fileName.equals(central.fileNameRaw)) {
    throw mismatch('name', central.fileNameRaw.toString('latin1'), header.fileName.toString('latin1'));
  }
  for (const [what, local, expected] of [
    ['compression method', header.compressionMethod, central.compressionMethod],
    ['flags', header.generalPurposeBitFlag, central.generalPurposeBitFlag],
    ['version needed to extract', header.versionNeededToExtract, central.versionNeededToExtract],
    ['time', header.lastModFileTime, central.lastModFileTime],
    ['date', header.lastModFileDate, central.lastModFileDate],
  ] as const) {
    if (local !== expected) throw mismatch(what, expected, local);
  }
  const extra = parseExtraFields(header.extraField);
  if (typeof extra === 'string') throw mismatch('extra field', 'known fields', extra);
  // With a data descriptor the local header may leave CRC and sizes at zero.
  const deferred = (header.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) !== 0;
  if (!(deferred && header.crc32 === 0) && header.crc32 !== central.crc32) {
    throw mismatch('CRC-32', hex32(central.crc32), hex32(header.crc32));
  }
  for (const [what, local, expected] of [
    ['compressed size', header.compressedSize, central.compressedSize],
    ['size', header.uncompressedSize, central.uncompressedSize],
  ] as const) {
    if (!(deferred && local === 0) && local !== ZIP64_SIZE && local !== expected) throw mismatch(what, expected, local);
  }
  return header;
}

/** Checks the data descriptor after an entry's data; returns its length. */
async function checkDataDescriptor(handle: FileHandle, entry: ArchiveEntry, fileDataStart: number): Promise<number> {
  const central = entry.raw;
  const zip64 = central.extraFields.some((field) => field.id === 0x0001);
  const buffer = Buffer.alloc(zip64 ? 24 : 16);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, fileDataStart + central.compressedSize);
  const signed = bytesRead >= 4 && buffer.readUInt32LE(0) === DATA_DESCRIPTOR_SIGNATURE;
  let offset = signed ? 4 : 0;
  const length = offset + (zip64 ? 20 : 12);
  if (bytesRead < length) throw new ArchiveProblem('inconsistent_entry', entry.name, 'data descriptor truncated');
  const crc = buffer.readUInt32LE(offset);
  offset += 4;
  const readSize = () => {
    const value = zip64 ? Number(buffer.readBigUInt64LE(offset)) : buffer.readUInt32LE(offset);
    offset += zip64 ? 8 : 4;
    return value;
  };
  const found = `${hex32(crc)}/${readSize()}/${readSize()}`;
  const expected = `${hex32(central.crc32)}/${central.compressedSize}/${central.uncompressedSize}`;
  if (found !== expected) {
    throw new ArchiveProblem(
      'inconsistent_entry',
      entry.name,
      'data descriptor (CRC-32/compressed size/size) differs from the central directory',
      expected,
      found,
    );
  }
  return length;
}

/**
 * Checks the end of central directory record against the central directory; returns the central
 * directory's offset, or null for ZIP64 archives, whose end records yauzl alone checks.
 */
async function checkEndRecord(handle: FileHandle, entries: ArchiveEntry[]): Promise<number | null> {
  const { size } = await handle.stat();
  const tailLength = Math.min(size, END_RECORD_BYTES + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let at = -1;
  for (let i = tailLength - END_RECORD_BYTES; i >= 0 && at < 0; i -= 1) {
    if (tail.readUInt32LE(i) === END_RECORD_SIGNATURE && tail.readUInt16LE(i + 20) === tailLength - END_RECORD_BYTES - i) at = i;
  }
  const endRecordOffset = size - tailLength + at;
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR_SIGNATURE) return null;
  const field = (offset: number, bytes: 2 | 4) => (bytes === 2 ? tail.readUInt16LE(at + offset) : tail.readUInt32LE(at + offset));
  const problem = (what: string, expected: number, found: number) =>
    new ArchiveProblem('inconsistent_archive', undefined, `end of central directory: ${what}`, String(expected), String(found));
  const [centralDisk, entriesOnDisk, entryCount, centralSize, centralOffset] = [field(6, 2), field(8, 2), field(10, 2), field(12, 4), field(16, 4)];
  if (centralDisk !== 0) throw problem('disk of the central directory', 0, centralDisk);
  if (entriesOnDisk !== entryCount) throw problem('entries on this disk', entryCount, entriesOnDisk);
  if (centralOffset + centralSize !== endRecordOffset) throw problem('central directory size', endRecordOffset - centralOffset, centralSize);

  let position = centralOffset;
  const diskField = Buffer.alloc(2);
  for (const { name, raw } of entries) {
    await handle.read(diskField, 0, 2, position + 34);
    if (diskField.readUInt16LE(0) !== 0)
      throw new ArchiveProblem('inconsistent_entry', name, 'central directory: disk number', '0', String(diskField.readUInt16LE(0)));
    position += 46 + raw.fileNameLength + raw.extraFieldLength + raw.fileCommentLength;
  }
  if (position !== endRecordOffset) throw problem('central directory length', endRecordOffset - centralOffset, position - centralOffset);
  return centralOffset;
}
