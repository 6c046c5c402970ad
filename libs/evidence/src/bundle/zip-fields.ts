/**
 * Checks on ZIP header fields that carry no content but that unzip acts upon or shows: extra
 * fields, the kind of entry, and entry dates. yauzl reads them without judging them.
 */

const ZIP64 = 0x0001;
const NTFS_TIMES = 0x000a;
const EXTENDED_TIMESTAMP = 0x5455;
const INFO_ZIP_UNIX_OLD = 0x5855;
const INFO_ZIP_UNIX = 0x7875;
const KNOWN_EXTRA_FIELDS = new Set([ZIP64, NTFS_TIMES, EXTENDED_TIMESTAMP, INFO_ZIP_UNIX_OLD, INFO_ZIP_UNIX]);

export interface ExtraField {
  id: number;
  data: Buffer;
}

/** The extra fields, or a problem: unknown ids (e.g. an alternative file name), repeats, leftover bytes. */
export function parseExtraFields(raw: Buffer): ExtraField[] | string {
  const fields: ExtraField[] = [];
  let offset = 0;
  while (offset < raw.length) {
    if (offset + 4 > raw.length) return 'truncated extra field';
    const id = raw.readUInt16LE(offset);
    const size = raw.readUInt16LE(offset + 2);
    if (offset + 4 + size > raw.length) return `extra field 0x${id.toString(16)} overruns`;
    if (!KNOWN_EXTRA_FIELDS.has(id)) return `unknown extra field 0x${id.toString(16).padStart(4, '0')}`;
    if (fields.some((field) => field.id === id)) return `extra field 0x${id.toString(16)} repeated`;
    fields.push({ id, data: raw.subarray(offset + 4, offset + 4 + size) });
    offset += 4 + size;
  }
  return fields;
}

// MS-DOS/Windows FAT, Unix, Windows NTFS, macOS.
const KNOWN_HOSTS = new Set([0, 3, 10, 19]);
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const SPECIAL_MODE_BITS = 0o7000;
const DOS_DIRECTORY = 0x10;
// Read-only, directory, archive. Hidden and system would hide a file from whoever opens the folder.
const DOS_ALLOWED = 0x01 | DOS_DIRECTORY | 0x20;

export interface CentralFields {
  versionMadeBy: number;
  internalFileAttributes: number;
  externalFileAttributes: number;
}

/**
 * What unzip would make of an entry besides its name and bytes: the kind of file (a symbolic
 * link could point an extracted path outside the folder), hidden or setuid files. Also refuses
 * values no ZIP program writes, so that altered header bytes do not go unnoticed.
 */
export function centralFieldsProblem(fields: CentralFields, extra: ExtraField[], isDirectory: boolean): string | null {
  const host = fields.versionMadeBy >> 8;
  if (!KNOWN_HOSTS.has(host) || (fields.versionMadeBy & 0xff) > 63) return `unknown "version made by" 0x${fields.versionMadeBy.toString(16)}`;
  if (fields.internalFileAttributes & ~1) return `unknown internal attributes 0x${fields.internalFileAttributes.toString(16)}`;
  const dos = fields.externalFileAttributes & 0xffff;
  if (dos & ~DOS_ALLOWED) return `hidden, system or unknown file attributes 0x${dos.toString(16)}`;
  if (dos & DOS_DIRECTORY && !isDirectory) return 'file marked as a directory';
  if (host === UNIX_HOST) {
    const mode = fields.externalFileAttributes >>> 16;
    const kind = mode & S_IFMT;
    if (kind !== 0 && kind !== (isDirectory ? S_IFDIR : S_IFREG)) return `not a ${isDirectory ? 'directory' : 'regular file'} (Unix mode ${mode.toString(8)})`;
    if (mode & SPECIAL_MODE_BITS) return `setuid, setgid or sticky bit (Unix mode ${mode.toString(8)})`;
  }
  const timestamp = extra.find((field) => field.id === EXTENDED_TIMESTAMP);
  // In the central directory this field holds at most the modification time.
  if (timestamp && (timestamp.data.length === 0 || timestamp.data[0] & ~0x07 || timestamp.data.length !== (timestamp.data[0] & 1 ? 5 : 1))) {
    return 'malformed extended timestamp field';
  }
  return null;
}

/** The DOS date and time fields read as if they were UTC, in seconds since 1970. */
export function dosDateTimeSeconds(date: number, time: number): number {
  const ms = Date.UTC((date >> 9) + 1980, ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2);
  return Math.floor(ms / 1000);
}

/** The modification time of an extended timestamp field (0x5455), in seconds since 1970. */
export function extendedTimestamp(fields: ExtraField[]): number | undefined {
  const field = fields.find((f) => f.id === EXTENDED_TIMESTAMP);
  if (!field || field.data.length < 5 || !(field.data[0] & 1)) return undefined;
  return field.data.readUInt32LE(1);
}

const QUARTER_HOUR = 15 * 60;

/**
 * Whether an entry's dates are the bundle's generation time. The extended timestamp must be it
 * exactly. The DOS fields are a local time in whatever zone the ZIP was made (UTC for ours), so
 * they may differ by whole quarter hours, from UTC-12 to UTC+14, less the odd second DOS drops.
 */
export function entryDateProblem(dosSeconds: number, unixSeconds: number | undefined, generatedAtMs: number): string | null {
  const generated = Math.floor(generatedAtMs / 1000);
  if (unixSeconds !== undefined && unixSeconds !== generated) {
    return `extended timestamp ${isoSeconds(unixSeconds)}`;
  }
  const offset = dosSeconds - generated;
  const remainder = ((offset % QUARTER_HOUR) + QUARTER_HOUR) % QUARTER_HOUR;
  if (offset < -12 * 3600 - 1 || offset > 14 * 3600 || (remainder !== 0 && remainder !== QUARTER_HOUR - 1)) {
    return `DOS date ${isoSeconds(dosSeconds).replace('Z', '')} (local time)`;
  }
  return null;
}

function isoSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isFinite(date.getTime()) ? date.toISOString().replace('.000Z', 'Z') : String(seconds);
}
