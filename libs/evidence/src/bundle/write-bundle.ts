import { createHash, sign } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { ChainVerifier } from '@mc/event-store/hash-chain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { isSha256Hex, sha256Hex } from '../sha256';
import { publicKeyFingerprint, type SigningKey } from '../signing-key';
import {
  BUNDLE_FORMAT,
  DOSSIER_FILE,
  EVENTS_FILE,
  EVIDENCE_ATTACHED,
  MANIFEST_FILE,
  PUBLIC_KEY_FILE,
  README_FILE,
  SIGNATURE_FILE,
  attachedSha256s,
  attachmentPath,
  eventLine,
  serializeManifest,
  type BundleActor,
  type BundleManifest,
} from './bundle-format';
import { renderReadme } from './readme';

/** Bytes given whole, as a file path, or as a stream. */
export type ByteSource = Buffer | string | NodeJS.ReadableStream;

export interface BundleInput {
  caseId: string;
  streamId: string;
  asOf: string | Date;
  generatedAt: string | Date;
  generatedBy: BundleActor;
  /** The stream's records from revision 0, all with recordedAt <= asOf. */
  records: readonly StoredEvent[];
  dossierPdf: Buffer | string;
  /** The bytes of an attachment, e.g. `(h) => contentStore.openRead(h)`. */
  attachment: (sha256: string) => ByteSource | Promise<ByteSource>;
  signingKey: SigningKey;
  /** Zone of the local times LISEZMOI.txt shows beside UTC. Default Europe/Paris. */
  timeZone?: string;
}

export interface WrittenBundle {
  manifest: BundleManifest;
  manifestBytes: Buffer;
  /** SHA-256 and size of the whole archive, e.g. for the DossierExported event. */
  sha256: string;
  size: number;
}

/** The input cannot make a bundle that verifies: nothing valid was written. */
export class BundleInputError extends Error {
  readonly code = 'BUNDLE_INPUT_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'BundleInputError';
  }
}

/**
 * Writes the `main-courante-bundle/1` archive to `out` (and ends it). Every check that the
 * verifier makes is made first, so a bundle that would not verify is never signed. Attachments
 * are streamed and re-hashed on the way: if stored bytes no longer match their digest the
 * output is destroyed rather than completed. The same input always gives the same bytes.
 */
export async function writeBundle(input: BundleInput, out: NodeJS.WritableStream): Promise<WrittenBundle> {
  for (const member of ['caseId', 'streamId'] as const) {
    if (typeof input[member] !== 'string' || input[member] === '') throw new BundleInputError(`${member} must be a non-empty string`);
  }
  const asOf = isoDate(input.asOf, 'asOf');
  const generatedAt = isoDate(input.generatedAt, 'generatedAt');
  const events = serializeEvents(input.records, input.streamId, asOf);
  const attachments = attachedSha256s(input.records);
  const citedSizes = new Map<string, unknown>();
  for (const { type, data, revision } of input.records) {
    if (type !== EVIDENCE_ATTACHED) continue;
    const sha256 = data.sha256 as string;
    if (citedSizes.has(sha256) && citedSizes.get(sha256) !== data.size) {
      throw new BundleInputError(`Revision ${revision} gives ${sha256} another size than an earlier EvidenceAttached`);
    }
    citedSizes.set(sha256, data.size);
  }
  const dossierSha256 = Buffer.isBuffer(input.dossierPdf) ? sha256Hex(input.dossierPdf) : await sha256OfFile(input.dossierPdf);
  const { publicKeyPem } = input.signingKey;
  const publicKeySha256 = publicKeyFingerprint(publicKeyPem);
  if (publicKeySha256 !== publicKeyFingerprint(input.signingKey.privateKey)) {
    throw new BundleInputError('signingKey.publicKeyPem is not the public half of signingKey.privateKey');
  }

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    caseId: input.caseId,
    streamId: input.streamId,
    asOf,
    generatedAt,
    generatedBy: { id: input.generatedBy.id, username: input.generatedBy.username, role: input.generatedBy.role },
    eventCount: input.records.length,
    headRevision: events.head.revision,
    headHash: events.head.hash,
    publicKeySha256,
    files: {
      [EVENTS_FILE]: sha256Hex(events.bytes),
      [DOSSIER_FILE]: dossierSha256,
      ...Object.fromEntries(attachments.map((sha256) => [attachmentPath(sha256), sha256])),
    },
  };
  const manifestBytes = serializeManifest(manifest);
  const signature = sign(null, manifestBytes, input.signingKey.privateKey);
  const readme = renderReadme({ manifest, timeZone: input.timeZone ?? 'Europe/Paris' });

  const zip = new ZipFile();
  const output = zip.outputStream as PassThrough;
  const abort = (error: unknown) => output.destroy(error as Error);
  zip.on('error', abort);
  const options = { mtime: new UtcDosDate(generatedAt), mode: 0o100644, compress: true };
  zip.addBuffer(manifestBytes, MANIFEST_FILE, options);
  zip.addBuffer(signature, SIGNATURE_FILE, options);
  zip.addBuffer(Buffer.from(publicKeyPem, 'utf8'), PUBLIC_KEY_FILE, options);
  zip.addBuffer(Buffer.from(readme, 'utf8'), README_FILE, options);
  zip.addBuffer(events.bytes, EVENTS_FILE, options);
  const addStreamed = (path: string, expected: Expected, open: () => ByteSource | Promise<ByteSource>) =>
    zip.addReadStreamLazy(path, options, (callback) => {
      Promise.resolve()
        .then(open)
        .then((source) => callback(null, checkedStream(source, expected, path, abort)), abort);
    });
  addStreamed(DOSSIER_FILE, { sha256: dossierSha256 }, () => input.dossierPdf);
  for (const sha256 of attachments) {
    addStreamed(attachmentPath(sha256), { sha256, size: citedSizes.get(sha256) }, () => input.attachment(sha256));
  }
  zip.end();

  const archiveHash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      archiveHash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(output, measure, out);
  return { manifest, manifestBytes, sha256: archiveHash.digest('hex'), size };
}

function serializeEvents(records: readonly StoredEvent[], streamId: string, asOf: string): { bytes: Buffer; head: StoredEvent } {
  if (records.length === 0) throw new BundleInputError('A bundle needs at least one event');
  const asOfMs = Date.parse(asOf);
  const lines = records.map((record) => {
    if (record.streamId !== streamId) {
      throw new BundleInputError(`Revision ${record.revision} belongs to stream ${record.streamId}, not ${streamId}`);
    }
    if (!(Date.parse(record.metadata.recordedAt) <= asOfMs)) {
      throw new BundleInputError(`Revision ${record.revision} was recorded at ${record.metadata.recordedAt}, after asOf ${asOf}`);
    }
    if (record.type === EVIDENCE_ATTACHED && !isSha256Hex(record.data.sha256)) {
      throw new BundleInputError(`Revision ${record.revision}: EvidenceAttached.sha256 is not a SHA-256`);
    }
    return eventLine(record);
  });
  // Check what will be written, as the verifier will read it back.
  const failure = ChainVerifier.verifyStream(lines.map((line) => JSON.parse(line) as unknown));
  if (failure) throw new BundleInputError(`The records do not form a valid chain: ${failure.message}`);
  return { bytes: Buffer.from(lines.join(''), 'utf8'), head: records[records.length - 1] };
}

interface Expected {
  sha256: string;
  /** The size EvidenceAttached recorded, which the verifier also compares. */
  size?: unknown;
}

/** The source's bytes, failing the archive if they are not the expected ones. */
function checkedStream(source: ByteSource, expected: Expected, path: string, abort: (error: unknown) => void): Readable {
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : typeof source === 'string' ? createReadStream(source) : source;
  const hash = createHash('sha256');
  let size = 0;
  const checker = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const found = hash.digest('hex');
      if (found !== expected.sha256) done(new BundleInputError(`${path}: the bytes provided hash to ${found}, not ${expected.sha256}`));
      else if (expected.size !== undefined && expected.size !== size)
        done(new BundleInputError(`${path}: ${size} bytes, EvidenceAttached says ${String(expected.size)}`));
      else done();
    },
  });
  pipeline(input, checker).catch(abort);
  return checker;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isoDate(value: string | Date, what: string): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw new BundleInputError(`${what} is not a date: ${String(value)}`);
  return new Date(ms).toISOString();
}

/**
 * ZIP entry dates are DOS local times, which yazl takes from the host's time zone. Reading them
 * in UTC makes the archive's bytes the same on every server; the exact UTC time is also in each
 * entry's extended timestamp.
 */
class UtcDosDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
}
