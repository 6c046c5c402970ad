import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { EventMetadata } from '@mc/domain';
import type { ChainFailure, ChainFailureReason } from './chain-failure';
import { canonicalJson, setMember, withMembersInOrder } from './canonical-json';
import type { ChainCheck, EventToAppend, StoredEvent } from './event-store.port';

export { canonicalJson } from './canonical-json';

/**
 * The per-stream hash chain of ../shared/spec/evidence-bundle.md section 1. Outside verifiers
 * rely on these rules byte for byte: change nothing here without changing the spec.
 */

/** `prevHash` of revision 0. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** A record before its hash is computed: exactly the seven hashed members. */
export type UnhashedEvent = Omit<StoredEvent<unknown>, 'hash'>;

/** What a stream ends with, as far as the chain is concerned. */
export interface ChainHead {
  revision: number;
  hash: string;
  recordedAt: string;
}

/** The members of a record besides data and metadata, whose canonical texts are given apart. */
export type RecordHead = Pick<UnhashedEvent, 'streamId' | 'revision' | 'eventId' | 'type' | 'prevHash'>;

/**
 * The canonical text of the seven hashed members, assembled from the canonical texts of data and
 * metadata: RFC 8785 sorts members by UTF-16 code units (data < eventId < metadata < prevHash <
 * revision < streamId < type) and writes strings and integers as JSON.stringify does, so this is
 * canonicalJson of the record without serializing data and metadata again (the store keeps their
 * canonical texts). A property test checks the equality.
 */
export function canonicalRecordText(head: RecordHead, dataText: string, metadataText: string): string {
  return (
    `{"data":${dataText},"eventId":${JSON.stringify(head.eventId)},"metadata":${metadataText},"prevHash":${JSON.stringify(head.prevHash)},` +
    `"revision":${JSON.stringify(head.revision)},"streamId":${JSON.stringify(head.streamId)},"type":${JSON.stringify(head.type)}}`
  );
}

/** Hex SHA-256 of a text's UTF-8 bytes; Node's one-shot crypto.hash (20.12+) is twice as fast as a Hash object for small inputs. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;
const sha256Hex = oneShot
  ? (text: string | Uint8Array): string => oneShot('sha256', text, 'hex')
  : (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** Lowercase hex SHA-256 of the UTF-8 bytes of the canonical record without `hash`. */
export function computeHash(record: UnhashedEvent): string {
  // Pick the seven members explicitly: a `hash` (or any stray member) must never be hashed.
  const { streamId, revision, eventId, type, data, metadata, prevHash } = record;
  return sha256Hex(canonicalRecordText({ streamId, revision, eventId, type, prevHash }, canonicalJson(data), canonicalJson(metadata)));
}

/** A sealed record plus the JSON text of its data and metadata, ready to be stored as is. */
export interface SealedEvent {
  record: StoredEvent;
  dataJson: string;
  metadataJson: string;
}

/**
 * Gives the events their revision, recordedAt, prevHash and hash, continuing after `previous`
 * (null for a new stream). Every event of one append shares one recordedAt: the later of `now`
 * and the previous recordedAt, so the stream's recordedAt never goes backwards.
 */
export function sealEvents(streamId: string, previous: ChainHead | null, events: EventToAppend[], now: Date): StoredEvent[] {
  return sealForStorage(streamId, previous, events, now).map((sealed) => sealed.record);
}

/** sealEvents, keeping the JSON texts so that adapters do not serialize twice. */
export function sealForStorage(streamId: string, previous: ChainHead | null, events: EventToAppend[], now: Date): SealedEvent[] {
  requireText(streamId, 'streamId');
  return sealPrepared(streamId, previous, prepareEvents(events), now);
}

/** An event checked and normalized for storage, with the canonical text of its data: what sealing needs besides the stream's head. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  dataJson: string;
  /** Without the recordedAt sealing stamps. */
  metadata: Record<string, unknown>;
}

/**
 * The part of sealing that does not depend on the stream's head: checks and normalizes the
 * events and serializes their data. A store may do it before it takes its write lock, or on
 * another thread than the one that writes.
 */
export function prepareEvents(events: EventToAppend[]): PreparedEvent[] {
  return events.map((event, index) => {
    const where = `event ${index} (${String(event?.eventId)})`;
    requireText(event.eventId, `${where}: eventId`);
    requireText(event.type, `${where}: type`);
    const data = withMembersInOrder(normalizeObject(event.data, `${where}: data`).value) as Record<string, unknown>;
    const metadata = withMembersInOrder(normalizeObject(event.metadata, `${where}: metadata`).value) as Record<string, unknown>;
    // Stored as its canonical text, so that verification can hash what is stored without re-serializing.
    return { eventId: event.eventId, type: event.type, data, dataJson: canonicalJson(data), metadata };
  });
}

/** Gives prepared events their revision, recordedAt, prevHash and hash, continuing after `previous` (see sealEvents). */
export function sealPrepared(streamId: string, previous: ChainHead | null, events: PreparedEvent[], now: Date): SealedEvent[] {
  requireText(streamId, 'streamId');
  const recordedAt = nextRecordedAt(previous, now);
  let revision = previous ? previous.revision : -1;
  let prevHash = previous ? previous.hash : GENESIS_PREV_HASH;

  return events.map(({ eventId, type, data, dataJson, metadata: given }) => {
    // A recordedAt sent by the caller is overwritten: only the store's clock dates an event.
    const metadata = withRecordedAt(given, recordedAt);
    revision += 1;
    const unhashed = { streamId, revision, eventId, type, data, metadata: metadata as unknown as EventMetadata, prevHash };
    const metadataJson = canonicalJson(metadata);
    const hash = sha256Hex(canonicalRecordText(unhashed, dataJson, metadataJson));
    prevHash = hash;
    return { record: { ...unhashed, hash }, dataJson, metadataJson };
  });
}

/** The metadata with recordedAt set, in its place among the members (see withMembersInOrder). */
function withRecordedAt(given: Record<string, unknown>, recordedAt: string): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  let placed = false;
  for (const key of Object.keys(given)) {
    if (!placed && 'recordedAt' < key) {
      metadata.recordedAt = recordedAt;
      placed = true;
    }
    if (key !== 'recordedAt') setMember(metadata, key, given[key]);
  }
  if (!placed) metadata.recordedAt = recordedAt;
  return metadata;
}

function nextRecordedAt(previous: ChainHead | null, now: Date): string {
  const nowMs = now instanceof Date ? now.getTime() : NaN;
  if (!Number.isFinite(nowMs)) throw new Error('The clock returned an invalid date');
  if (!previous) return new Date(nowMs).toISOString();
  if (!Number.isSafeInteger(previous.revision) || previous.revision < 0) {
    throw new Error(`Invalid previous revision ${String(previous.revision)}`);
  }
  const previousMs = Date.parse(previous.recordedAt);
  if (!Number.isFinite(previousMs)) throw new Error(`Invalid previous recordedAt ${String(previous.recordedAt)}`);
  return new Date(Math.max(nowMs, previousMs)).toISOString();
}

// In unicode mode a well-formed surrogate pair is one code point, so only lone surrogates match.
const LONE_SURROGATE = /\p{Cs}/u;

function requireText(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${what} must be a non-empty string`);
  if (LONE_SURROGATE.test(value)) throw new Error(`${what} contains a lone UTF-16 surrogate`);
}

/**
 * JSON round trip, so that what is hashed is exactly what is stored and read back (undefined
 * members disappear, dates become strings). Values JSON would silently turn into null
 * (NaN, Infinity) and strings that have no UTF-8 form (lone surrogates, refused by RFC 8785)
 * are rejected instead.
 */
function normalizeObject(value: unknown, what: string): { value: Record<string, unknown> } {
  // Without a replacer JSON.stringify takes its fast path. What the checks below look for cannot hide
  // from it: a non-finite number is written null, a lone surrogate \udXXX, a bigint throws.
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return normalizeObjectWithChecks(value, what); // says why
  }
  if (json === undefined || (!json.includes('null') && !ESCAPED_SURROGATE.test(json))) return parsedObject(json, what);
  return normalizeObjectWithChecks(value, what);
}

/** `\ud800`–`\udfff` written by JSON.stringify for a lone surrogate (or found in an escaped backslash's text: checked again). */
const ESCAPED_SURROGATE = /\\ud[89a-f]/;

function normalizeObjectWithChecks(value: unknown, what: string): { value: Record<string, unknown> } {
  const json = JSON.stringify(value, (key: string, member: unknown) => {
    if (typeof member === 'number' && !Number.isFinite(member)) {
      throw new Error(`${what}: non-finite number ${member} at "${key}" cannot be stored`);
    }
    if (typeof member === 'bigint') throw new Error(`${what}: bigint at "${key}" cannot be stored`);
    if (typeof member === 'string' && LONE_SURROGATE.test(member)) {
      throw new Error(`${what}: string at "${key}" contains a lone UTF-16 surrogate`);
    }
    if (LONE_SURROGATE.test(key)) throw new Error(`${what}: member name contains a lone UTF-16 surrogate`);
    return member;
  });
  return parsedObject(json, what);
}

function parsedObject(json: string | undefined, what: string): { value: Record<string, unknown> } {
  const parsed: unknown = json === undefined ? undefined : JSON.parse(json);
  if (!isPlainObject(parsed)) throw new Error(`${what} must be a JSON object`);
  return { value: parsed };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { ChainFailure, ChainFailureReason } from './chain-failure';

const RECORD_MEMBERS = ['streamId', 'revision', 'eventId', 'type', 'data', 'metadata', 'prevHash', 'hash'];
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A recordedAt as stores write it: a real UTC date in the fixed-width form with milliseconds. */
export function isRecordedAtText(value: unknown): value is string {
  return typeof value === 'string' && ISO_UTC_MS.test(value) && Number.isFinite(Date.parse(value));
}

/**
 * recordedAt is always in the fixed-width ISO_UTC_MS form here, so its text order is time order;
 * hash is always 64 lowercase hex digits (a record whose hash is not never becomes a head).
 */
interface VerifiedHead {
  revision: number;
  hash: string;
  recordedAt: string;
}

/** The first record a segment verifier saw of a stream, for linking to the segments before it. */
export interface SegmentEntry {
  streamId: string;
  revision: number;
  prevHash: string;
  hash: string;
  recordedAt: string;
  /** 1-based index of the record within its segment. */
  ordinal: number;
}

/**
 * What a verifier found in one slice of the journal (consecutive positions), checked on its own:
 * every record's hash, every link inside the slice, and, for linking to the slices before it,
 * each stream's first and last record. Plain data, so it crosses worker threads.
 */
export interface SegmentCheck {
  /** Records checked, up to and including the failure if any. */
  events: number;
  /** The first failure inside the slice, with its ordinal; the slice was not read further. */
  failure: (ChainFailure & { ordinal: number }) | null;
  /** Each stream's first record in the slice, in order (streams whose first record failed excepted). */
  entries: SegmentEntry[];
  /** Each stream's last record in the slice. */
  heads: Array<{ streamId: string; revision: number; hash: string; recordedAt: string }>;
}

/**
 * Checks records one at a time, in journal (position) order, streams interleaved. Keeps only
 * the last record's revision, hash and recordedAt per stream. Hashes are recomputed from the
 * record as given. After a failure it carries on from the record as given, so each defect is
 * reported once instead of cascading down the stream.
 *
 * A segment verifier (`ChainVerifier.forSegment()`) checks one slice of the journal that does not
 * start at the beginning: a stream's first record in the slice is not linked (its predecessor is
 * in an earlier slice) but noted as an entry; `linkSegment` then joins the slices in order. Split
 * anywhere, the joined slices report exactly what one verifier reading everything would.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, VerifiedHead>();
  private readonly entries: SegmentEntry[] = [];
  private checked = 0;

  /** `segment`: see forSegment. */
  constructor(private readonly segment = false) {}

  /** Checks a slice that may start in the middle of streams. */
  static forSegment(): ChainVerifier {
    return new ChainVerifier(true);
  }

  /** Checks a whole stream from revision 0; returns the first failure, or null. */
  static verifyStream(records: Iterable<unknown>): ChainFailure | null {
    const verifier = new ChainVerifier();
    let streamId: string | undefined;
    for (const record of records) {
      const current = isPlainObject(record) ? record.streamId : undefined;
      if (streamId !== undefined && typeof current === 'string' && current !== streamId) {
        const { revision } = record as { revision: unknown };
        return malformed(current, Number.isSafeInteger(revision) ? (revision as number) : -1, `Record of stream ${current} found in stream ${streamId}`);
      }
      const failure = verifier.check(record);
      if (failure) return failure;
      streamId ??= current as string;
    }
    return null;
  }

  check(record: unknown): ChainFailure | null {
    this.checked++;
    return this.checkParsed(record);
  }

  private checkParsed(record: unknown): ChainFailure | null {
    const problem = shapeProblem(record);
    if (problem) {
      const r = (isPlainObject(record) ? record : {}) as Partial<Record<string, unknown>>;
      const streamId = typeof r.streamId === 'string' ? r.streamId : '';
      const revision = Number.isSafeInteger(r.revision) ? (r.revision as number) : -1;
      return malformed(streamId, revision, problem);
    }
    const event = record as StoredEvent;
    const at = `Stream ${event.streamId} revision ${event.revision}`;
    let recomputed: string;
    try {
      recomputed = computeHash(event);
    } catch (error) {
      this.remember(event.streamId, event.revision, event.hash, event.metadata.recordedAt);
      return malformed(event.streamId, event.revision, `${at}: cannot be canonicalized (${(error as Error).message})`);
    }
    if (recomputed !== event.hash) {
      this.remember(event.streamId, event.revision, event.hash, event.metadata.recordedAt);
      return failure(event, 'hash_mismatch', recomputed, event.hash, `${at}: stored hash ${event.hash} differs from the recomputed ${recomputed}`);
    }
    return this.link({ streamId: event.streamId, revision: event.revision, prevHash: event.prevHash, hash: event.hash, recordedAt: event.metadata.recordedAt });
  }

  /** Checks a record whose hash is right against the previous one of its stream, and makes it the stream's head. */
  private link(event: { streamId: string; revision: number; prevHash: string; hash: string; recordedAt: string }): ChainFailure | null {
    const { streamId, revision, prevHash, hash, recordedAt } = event;
    const head = this.heads.get(streamId);
    if (!head) {
      this.heads.set(streamId, { revision, hash, recordedAt });
      if (!this.segment) return brokenLink(event, 0, GENESIS_PREV_HASH, null);
      this.entries.push({ streamId, revision, prevHash, hash, recordedAt, ordinal: this.checked });
      return null;
    }
    const expectedRevision = head.revision + 1;
    const expectedPrev = head.hash;
    const previousRecordedAt = head.recordedAt;
    head.revision = revision;
    head.hash = hash;
    head.recordedAt = recordedAt;
    return brokenLink(event, expectedRevision, expectedPrev, previousRecordedAt);
  }

  private remember(streamId: string, revision: number, hash: string, recordedAt: string): void {
    const head = this.heads.get(streamId);
    if (!head) this.heads.set(streamId, { revision, hash, recordedAt });
    else {
      head.revision = revision;
      head.hash = hash;
      head.recordedAt = recordedAt;
    }
  }

  /**
   * Checks a record as a store keeps it: its members, and the texts of its data and metadata.
   * When those texts are canonical (as this library stores them) the hash is taken over the
   * stored bytes directly, without parsing and serializing again; a mismatch, or texts stored in
   * another form by an older version, fall back to the full check of the parsed record.
   */
  checkStored(row: StoredRow): ChainFailure | null {
    this.checked++;
    const recordedAt = recordedAtOf(row.metadataText);
    const fast = recordedAt !== null && HEX_SHA256.test(row.prevHash) && sha256Hex(canonicalRecordText(row, row.dataText, row.metadataText)) === row.hash;
    if (!fast) return this.checkParsed(parsedRecord(row));
    return this.link({ streamId: row.streamId, revision: row.revision, prevHash: row.prevHash, hash: row.hash, recordedAt: recordedAt as string });
  }

  /**
   * Checks a row from the UTF-8 bytes of its canonical record text as the store assembled them
   * (stored texts and members joined between the fixed keys, nothing escaped). Those bytes are
   * canonicalRecordText's only when streamId, eventId and type need no JSON escaping and the
   * revision is an integer, which is checked here; otherwise, or when the hash differs,
   * `stored()` reads the row's texts and checkStored decides, so the outcome is checkStored's.
   */
  checkPrebuilt(row: PrebuiltRow, stored: () => StoredRow): ChainFailure | null {
    const recordedAt = recordedAtOf(row.metadataText);
    const fast =
      recordedAt !== null &&
      Number.isSafeInteger(row.revision) &&
      QUOTED_AS_IS.test(row.streamId) &&
      QUOTED_AS_IS.test(row.eventId) &&
      QUOTED_AS_IS.test(row.type) &&
      HEX_SHA256.test(row.prevHash) &&
      sha256Hex(row.canonicalBytes) === row.hash;
    if (!fast) return this.checkStored(stored());
    this.checked++;
    return this.link({ streamId: row.streamId, revision: row.revision, prevHash: row.prevHash, hash: row.hash, recordedAt: recordedAt as string });
  }

  /**
   * Checks a page of rows packed by the store (see PackedRows) as far as every row passes
   * checkPrebuilt's fast path and follows the one before it in its stream: records those rows
   * exactly as checkPrebuilt row after row would, and returns how many they are. The store checks
   * the rest of the page row by row, which finds and names the failure if there is one.
   */
  checkPacked(page: PackedRows): number {
    const { count, records, hashes, prevHashes } = page;
    if (!packedMembersAsIs(page)) return 0;
    const [streamIds, types, revisions, metadataAt] = [
      page.streamIds.split('\n'),
      page.types.split('\n'),
      page.revisions.split(','),
      page.metadataAt.split(','),
    ];
    if ([streamIds, types, revisions, metadataAt].some((list) => list.length !== count) || hashes.length !== 64 * count || prevHashes.length !== 64 * count)
      return 0;
    for (let i = 0, start = 0; i < count; i++) {
      const newline = records.indexOf(10, start);
      const end = i < count - 1 ? newline : newline < 0 ? records.length : -1;
      if (end < 0) return i;
      // (String.prototype.startsWith at an offset is several times slower than slice and ===.)
      const hash = sha256Hex(records.subarray(start, end));
      if (hashes.slice(i * 64, i * 64 + 64) !== hash) return i;
      const streamId = streamIds[i];
      const revision = Number(revisions[i]);
      // After metadata: ,"prevHash":"…","revision":…,"streamId":"…","type":"…"} (115 bytes and the four members').
      const metadataEnd = end - 115 - revisions[i].length - streamId.length - types[i].length;
      const recordedAt = records[metadataEnd] === COMMA ? packedRecordedAt(records, start + Number(metadataAt[i]), metadataEnd) : null;
      if (recordedAt === null || !Number.isSafeInteger(revision)) return i;
      const prevHash = prevHashes.slice(i * 64, i * 64 + 64);
      const head = this.heads.get(streamId);
      if (head) {
        if (revision !== head.revision + 1 || prevHash !== head.hash || recordedAt < head.recordedAt) return i;
        head.revision = revision;
        head.hash = hash;
        head.recordedAt = recordedAt;
      } else {
        if (!HEX_SHA256.test(prevHash) || (!this.segment && (revision !== 0 || prevHash !== GENESIS_PREV_HASH))) return i;
        this.heads.set(streamId, { revision, hash, recordedAt });
        if (this.segment) this.entries.push({ streamId, revision, prevHash, hash, recordedAt, ordinal: this.checked + 1 });
      }
      this.checked++;
      start = end + 1;
    }
    return count;
  }

  /** The last record checked in that stream, if any. */
  head(streamId: string): ChainHead | undefined {
    const head = this.heads.get(streamId);
    return head && { revision: head.revision, hash: head.hash, recordedAt: head.recordedAt };
  }

  /** How many streams have a head. */
  streamCount(): number {
    return this.heads.size;
  }

  /** What a segment verifier found, given the first failure it stopped at (null if none). */
  segmentCheck(failure: ChainFailure | null): SegmentCheck {
    return {
      events: this.checked,
      failure: failure && { ...failure, ordinal: this.checked },
      entries: [...this.entries],
      heads: [...this.heads].map(([streamId, { revision, hash, recordedAt }]) => ({ streamId, revision, hash, recordedAt })),
    };
  }

  /**
   * Joins the next slice of the journal to everything joined so far: links each stream's first
   * record of the slice to its last record before it, then takes the slice's last records as the
   * heads. Returns the slice's first failure in position order (a broken join or a failure inside
   * the slice) with its ordinal in the slice, or null.
   */
  linkSegment(segment: SegmentCheck): (ChainFailure & { ordinal: number }) | null {
    const inside = segment.failure;
    for (const entry of segment.entries) {
      if (inside && entry.ordinal >= inside.ordinal) break;
      const broken = this.link(entry);
      if (broken) return { ...broken, ordinal: entry.ordinal };
    }
    if (inside) return inside;
    for (const { streamId, revision, hash, recordedAt } of segment.heads) this.remember(streamId, revision, hash, recordedAt);
    return null;
  }
}

/**
 * Joins slices of the journal checked apart (in position order, together covering it from the
 * start) into the outcome of checking the whole: events and streams counted up to the first
 * failure, as one verifier reading every record in turn counts them.
 */
export function joinSegments(segments: Iterable<SegmentCheck>): ChainCheck {
  const verifier = new ChainVerifier();
  let events = 0;
  for (const segment of segments) {
    const broken = verifier.linkSegment(segment);
    if (broken) {
      const { ordinal, ...failure } = broken;
      return { events: events + ordinal, streams: verifier.streamCount() + (verifier.head(failure.streamId) ? 0 : 1), failure };
    }
    events += segment.events;
  }
  return { events, streams: verifier.streamCount(), failure: null };
}

/** A record as a store keeps it: data and metadata as JSON texts. */
export type StoredRow = RecordHead & { dataText: string; metadataText: string; hash: string };

/** A stored row with, instead of its data text, the UTF-8 bytes of its whole record text assembled by the store (see checkPrebuilt). */
export type PrebuiltRow = RecordHead & { metadataText: string; hash: string; canonicalBytes: Uint8Array };

/** Printable ASCII but quote and backslash: what JSON writes between quotes unchanged. */
const AS_IS_CHARACTER = '[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]';
/** A non-empty text made of them. */
const QUOTED_AS_IS = new RegExp(`^${AS_IS_CHARACTER}+$`);

/**
 * Consecutive rows of the journal in position order, packed by the store into one value per
 * member for the whole page: reading one value per row and member costs the SQLite driver more
 * than hashing the row does. Every member must be given as the store holds it, and the store
 * packs only rows whose members are texts and whose revision is an integer (other pages it checks
 * row by row).
 */
export interface PackedRows {
  count: number;
  /** Each row's record text assembled as for PrebuiltRow, in UTF-8, joined by "\n". */
  records: Buffer;
  /** Joined by "\n". */
  streamIds: string;
  eventIds: string;
  types: string;
  /** Decimal, joined by ",". */
  revisions: string;
  /** 64 characters each, nothing between. */
  prevHashes: string;
  hashes: string;
  /** Where each row's metadata text starts in its record text, in bytes; joined by ",". */
  metadataAt: string;
}

/** Such texts joined by newlines. */
const QUOTED_AS_IS_LINES = new RegExp(`^${AS_IS_CHARACTER}+(?:\\n${AS_IS_CHARACTER}+)*$`);
const INTEGER_LIST = /^(?:0|-?[1-9]\d*)(?:,(?:0|-?[1-9]\d*))*$/;

/** What checkPrebuilt asks of each row's members, asked of the whole page at once (one regular expression per member). */
function packedMembersAsIs(page: PackedRows): boolean {
  const { count } = page;
  return (
    count > 0 &&
    lineCount(page.eventIds) === count &&
    QUOTED_AS_IS_LINES.test(page.streamIds) &&
    QUOTED_AS_IS_LINES.test(page.eventIds) &&
    QUOTED_AS_IS_LINES.test(page.types) &&
    INTEGER_LIST.test(page.revisions)
  );
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** recordedAtOf of the metadata text at bytes [metadataStart, metadataEnd) of a packed record. */
function packedRecordedAt(records: Buffer, metadataStart: number, metadataEnd: number): string | null {
  const key = RECORDED_AT_KEY_BYTES;
  let at = metadataEnd - key.length;
  for (; at > metadataStart; at--) {
    if (records[at] !== QUOTE) continue;
    let k = 1;
    while (k < key.length && records[at + k] === key[k]) k++;
    if (k === key.length) break;
  }
  const valueEnd = at + key.length + 24;
  if (at <= metadataStart || valueEnd >= metadataEnd || records[valueEnd] !== QUOTE) return null;
  const value = records.toString('latin1', valueEnd - 24, valueEnd);
  return ISO_UTC_MS.test(value) ? value : null;
}

const QUOTE = 0x22;
const COMMA = 0x2c;

/** How a record fails to follow the previous one of its stream (null: it follows). */
function brokenLink(
  event: { streamId: string; revision: number; prevHash: string; recordedAt: string },
  expectedRevision: number,
  expectedPrev: string,
  previousRecordedAt: string | null,
): ChainFailure | null {
  const { revision, prevHash, recordedAt } = event;
  const at = (): string => `Stream ${event.streamId} revision ${revision}`;
  if (revision !== expectedRevision) {
    return failure(event, 'revision_gap', String(expectedRevision), String(revision), `${at()}: expected revision ${expectedRevision}`);
  }
  if (prevHash !== expectedPrev) {
    return failure(event, 'prev_hash_mismatch', expectedPrev, prevHash, `${at()}: prevHash ${prevHash} does not link to ${expectedPrev}`);
  }
  if (previousRecordedAt !== null && recordedAt < previousRecordedAt) {
    return failure(
      event,
      'recorded_at_regression',
      previousRecordedAt,
      recordedAt,
      `${at()}: recordedAt ${recordedAt} is earlier than the previous ${previousRecordedAt}`,
    );
  }
  return null;
}

function shapeProblem(record: unknown): string | null {
  if (!isPlainObject(record)) return 'Record is not a JSON object';
  const keys = Object.keys(record);
  const missing = RECORD_MEMBERS.filter((name) => !keys.includes(name));
  if (missing.length) return `Record lacks ${missing.join(', ')}`;
  const extra = keys.filter((name) => !RECORD_MEMBERS.includes(name));
  if (extra.length) return `Record has unexpected members ${extra.join(', ')}`;
  const r = record as Record<string, unknown>;
  if (typeof r.streamId !== 'string' || !r.streamId) return 'streamId must be a non-empty string';
  if (!Number.isSafeInteger(r.revision) || (r.revision as number) < 0) return 'revision must be a non-negative integer';
  if (typeof r.eventId !== 'string' || !r.eventId) return 'eventId must be a non-empty string';
  if (typeof r.type !== 'string' || !r.type) return 'type must be a non-empty string';
  if (!isPlainObject(r.data)) return 'data must be an object';
  if (!isPlainObject(r.metadata)) return 'metadata must be an object';
  const recordedAt = r.metadata.recordedAt;
  if (!isRecordedAtText(recordedAt)) {
    return `metadata.recordedAt must be a UTC ISO-8601 date with milliseconds, found ${JSON.stringify(recordedAt)}`;
  }
  if (typeof r.prevHash !== 'string' || !HEX_SHA256.test(r.prevHash)) return 'prevHash must be 64 lowercase hex digits';
  if (typeof r.hash !== 'string' || !HEX_SHA256.test(r.hash)) return 'hash must be 64 lowercase hex digits';
  return null;
}

const RECORDED_AT_KEY = '"recordedAt":"';
const RECORDED_AT_KEY_BYTES = Buffer.from(RECORDED_AT_KEY);

/**
 * metadata.recordedAt read from canonical metadata text without parsing it: the server writes
 * metadata, its members are sorted (recordedAt comes after actor and the ids) and quotes inside
 * string values are escaped, so the last unescaped `"recordedAt":"` is the top-level member.
 * Null when the text is not in that form (the full check then decides).
 */
function recordedAtOf(metadataText: string): string | null {
  if (typeof metadataText !== 'string') return null; // a store's file altered to hold bytes: the full check decides
  const at = metadataText.lastIndexOf(RECORDED_AT_KEY);
  if (at < 0) return null;
  const value = metadataText.slice(at + RECORDED_AT_KEY.length, at + RECORDED_AT_KEY.length + 24);
  return metadataText.charAt(at + RECORDED_AT_KEY.length + 24) === '"' && ISO_UTC_MS.test(value) ? value : null;
}

/** A stored row as the record it holds; texts that are not JSON leave a record the shape check refuses. */
function parsedRecord(row: StoredRow): unknown {
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };
  const { streamId, revision, eventId, type, prevHash, hash } = row;
  return { streamId, revision, eventId, type, data: parse(row.dataText), metadata: parse(row.metadataText), prevHash, hash };
}

function malformed(streamId: string, revision: number, message: string): ChainFailure {
  return { streamId, revision, reason: 'malformed', message };
}

function failure(event: { streamId: string; revision: number }, reason: ChainFailureReason, expected: string, found: string, message: string): ChainFailure {
  return { streamId: event.streamId, revision: event.revision, reason, expected, found, message };
}
