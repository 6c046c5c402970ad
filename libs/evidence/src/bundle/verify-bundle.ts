import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import { isSha256Hex } from '../sha256';
import { publicKeyFingerprint } from '../signing-key';
import {
  ED25519_SIGNATURE_BYTES,
  EVENTS_FILE,
  MANIFEST_FILE,
  PUBLIC_KEY_FILE,
  README_FILE,
  SIGNATURE_FILE,
  UNLISTED_FILES,
  type BundleManifest,
} from './bundle-format';
import { checkCitations, checkEvents } from './check-events';
import { checkFileList, parseManifest } from './parse-manifest';
import {
  BundleCheckFailed,
  archiveFailure,
  describeFailure,
  fail,
  type BundleVerification,
  type BundleWarning,
  type VerificationStep,
} from './verification-result';
import { ArchiveProblem, ZipArchive, type ArchiveEntry, type EntryRead } from './zip-archive';
import { entryDateProblem } from './zip-fields';

export interface VerifyBundleOptions {
  /** The fingerprint the journal publishes (step 5); hex, case and `:` separators ignored. */
  expectedFingerprint?: string;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;
const MAX_PUBLIC_KEY_BYTES = 64 * 1024;
const MAX_EVENTS_BYTES = 512 * 1024 * 1024;

/**
 * Offline verification of a `main-courante-bundle/1` archive, spec section 4 steps 1 to 5, in
 * that order, stopping at the first failure. Nothing is extracted to disk. What those steps do
 * not look at (the entries' dates) is only ever a warning, given with the verdict.
 */
export async function verifyBundle(zipPath: string, options: VerifyBundleOptions = {}): Promise<BundleVerification> {
  let expectedFingerprint: string | undefined;
  if (options.expectedFingerprint !== undefined) {
    expectedFingerprint = normalizeFingerprint(options.expectedFingerprint) ?? undefined;
    if (!expectedFingerprint) throw new TypeError('expectedFingerprint must be a SHA-256 in hex (64 digits)');
  }
  const archiveName = basename(zipPath);
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(zipPath);
  } catch (error) {
    if (error instanceof ArchiveProblem) return { ok: false, failure: describeFailure(archiveFailure(error, 0, archiveName)), warnings: [] };
    throw error;
  }
  const check = new BundleCheck(archive, archiveName);
  try {
    return await check.run(expectedFingerprint);
  } catch (error) {
    if (error instanceof BundleCheckFailed) return { ok: false, failure: error.failure, warnings: check.warnings };
    throw error;
  } finally {
    await archive.close();
  }
}

/** 64 lowercase hex digits from a fingerprint as people copy it (upper case, `:` or spaces), or null. */
export function normalizeFingerprint(value: string): string | null {
  const hex = value.replace(/[\s:]/g, '').toLowerCase();
  return isSha256Hex(hex) ? hex : null;
}

class BundleCheck {
  readonly warnings: BundleWarning[] = [];

  constructor(
    private readonly archive: ZipArchive,
    private readonly archiveName: string,
  ) {}

  async run(expectedFingerprint: string | undefined): Promise<BundleVerification> {
    const { manifest, fingerprint } = await this.checkSignature();
    // Only once the manifest is signed: its generatedAt is the date to compare with.
    const dates = entryDatesWarning(this.archive.entries.values(), manifest.generatedAt);
    if (dates) this.warnings.push(dates);
    const eventsBytes = await this.checkFiles(manifest);
    const citations = checkEvents(eventsBytes, manifest);
    checkCitations(citations, manifest.files, (path) => this.archive.entries.get(path)?.size);
    if (expectedFingerprint !== undefined && expectedFingerprint !== fingerprint) {
      fail({
        step: 5,
        code: 'unexpected_key',
        file: PUBLIC_KEY_FILE,
        expected: expectedFingerprint,
        found: fingerprint,
        fr: 'le paquet est signé par une autre clé que celle attendue : il ne vient pas de ce journal',
        en: 'the bundle is signed by another key than the expected one: it does not come from this journal',
      });
    }
    return {
      ok: true,
      caseId: manifest.caseId,
      streamId: manifest.streamId,
      asOf: manifest.asOf,
      generatedAt: manifest.generatedAt,
      eventCount: manifest.eventCount,
      headRevision: manifest.headRevision,
      headHash: manifest.headHash,
      fingerprint,
      fingerprintChecked: expectedFingerprint !== undefined,
      warnings: this.warnings,
    };
  }

  /** Step 1: manifest.sig is the signature of manifest.json by public-key.pem, the key the manifest names. */
  private async checkSignature(): Promise<{ manifest: BundleManifest; fingerprint: string }> {
    const manifestBytes = await this.readWhole(MANIFEST_FILE, MAX_MANIFEST_BYTES);
    const signature = await this.readWhole(SIGNATURE_FILE, MAX_SIGNATURE_BYTES);
    const key = parsePublicKey(await this.readWhole(PUBLIC_KEY_FILE, MAX_PUBLIC_KEY_BYTES));
    if (signature.length !== ED25519_SIGNATURE_BYTES) {
      fail({
        step: 1,
        code: 'bad_signature',
        file: SIGNATURE_FILE,
        expected: String(ED25519_SIGNATURE_BYTES),
        found: String(signature.length),
        fr: 'ce n’est pas une signature Ed25519 brute (longueur en octets)',
        en: 'this is not a raw Ed25519 signature (length in bytes)',
      });
    }
    if (!verify(null, manifestBytes, key, signature)) {
      fail({
        step: 1,
        code: 'bad_signature',
        file: SIGNATURE_FILE,
        fr: 'la signature ne correspond pas à manifest.json et public-key.pem : l’un des trois fichiers a été modifié',
        en: 'the signature does not match manifest.json and public-key.pem: one of the three files was altered',
      });
    }
    const manifest = parseManifest(manifestBytes);
    const fingerprint = publicKeyFingerprint(key);
    if (manifest.publicKeySha256 !== fingerprint) {
      fail({
        step: 1,
        code: 'key_mismatch',
        file: PUBLIC_KEY_FILE,
        expected: manifest.publicKeySha256,
        found: fingerprint,
        fr: 'l’empreinte de la clé diffère de celle que déclare le manifeste (publicKeySha256)',
        en: 'the key’s fingerprint differs from the manifest’s publicKeySha256',
      });
    }
    return { manifest, fingerprint };
  }

  /** Step 2: exactly the listed files (plus the four named), each with its listed SHA-256. Returns events.jsonl. */
  private async checkFiles(manifest: BundleManifest): Promise<Buffer> {
    const { files } = manifest;
    checkFileList(files);
    const listed = Object.keys(files);
    for (const entry of this.archive.entries.values()) {
      const isFolderOfListed = entry.isDirectory && entry.size === 0 && listed.some((path) => path.startsWith(entry.name));
      if (!isFolderOfListed && !UNLISTED_FILES.includes(entry.name) && !Object.hasOwn(files, entry.name)) {
        fail({
          step: 2,
          code: 'unlisted_file',
          file: entry.name,
          fr: 'ce fichier est dans l’archive mais pas dans la liste signée du manifeste (files)',
          en: 'this file is in the archive but not in the manifest’s signed list (files)',
        });
      }
    }
    for (const path of listed) {
      if (!this.archive.entries.get(path) || this.archive.entries.get(path)?.isDirectory) {
        fail({
          step: 2,
          code: 'missing_file',
          file: path,
          expected: files[path],
          found: 'absent',
          fr: 'fichier listé dans le manifeste mais absent de l’archive',
          en: 'file listed in the manifest but missing from the archive',
        });
      }
    }
    // Not signed, but its ZIP checksum still tells whether it was damaged.
    if (this.archive.entries.has(README_FILE)) this.checkCrc(README_FILE, 2, await this.read(README_FILE, 2, () => undefined));

    let events: Buffer | undefined;
    for (const [path, expected] of Object.entries(files)) {
      if (path === EVENTS_FILE) this.refuseLarger(path, MAX_EVENTS_BYTES, 2);
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      const read = await this.read(path, 2, (chunk) => {
        hash.update(chunk);
        if (path === EVENTS_FILE) chunks.push(chunk);
      });
      const found = hash.digest('hex');
      if (found !== expected) {
        fail({
          step: 2,
          code: 'hash_mismatch',
          file: path,
          expected,
          found,
          fr: `l’empreinte SHA-256 du fichier diffère de celle du manifeste : le fichier a été modifié${read.crcMismatch ? ' (son contrôle CRC ZIP échoue aussi)' : ''}`,
          en: `the file’s SHA-256 differs from the manifest’s: the file was altered${read.crcMismatch ? ' (its ZIP CRC check fails too)' : ''}`,
        });
      }
      this.checkCrc(path, 2, read);
      if (path === EVENTS_FILE) events = Buffer.concat(chunks);
    }
    return events as Buffer;
  }

  private async readWhole(name: string, maxBytes: number): Promise<Buffer> {
    const step = 1;
    if (!this.archive.entries.has(name)) {
      fail({ step, code: 'missing_file', file: name, fr: 'fichier absent de l’archive', en: 'file missing from the archive' });
    }
    this.refuseLarger(name, maxBytes, step);
    const chunks: Buffer[] = [];
    this.checkCrc(name, step, await this.read(name, step, (chunk) => chunks.push(chunk)));
    return Buffer.concat(chunks);
  }

  private async read(name: string, step: VerificationStep, onChunk: (chunk: Buffer) => void): Promise<EntryRead> {
    try {
      return await this.archive.read(name, onChunk);
    } catch (error) {
      if (error instanceof ArchiveProblem) fail(archiveFailure(error, step, this.archiveName));
      throw error;
    }
  }

  private refuseLarger(name: string, maxBytes: number, step: VerificationStep): void {
    const size = this.archive.entries.get(name)?.size ?? 0;
    if (size > maxBytes) {
      fail(archiveFailure(new ArchiveProblem('entry_too_large', name, `${size} > ${maxBytes}`), step, this.archiveName));
    }
  }

  private checkCrc(name: string, step: VerificationStep, read: EntryRead): void {
    if (!read.crcMismatch) return;
    fail({
      step,
      code: 'crc_mismatch',
      file: name,
      ...read.crcMismatch,
      fr: 'le contrôle CRC-32 du ZIP échoue : le fichier a été modifié ou abîmé dans l’archive',
      en: 'the ZIP CRC-32 check fails: the file was altered or damaged in the archive',
    });
  }
}

const NAMED_ENTRIES = 3;

/**
 * The writer dates every entry at generatedAt, but these dates are not signed and no check of
 * spec section 4 reads them: zipping the unzipped files again, or copying them without their
 * dates, changes them on an intact bundle. So they are worth a remark, never a refusal.
 */
function entryDatesWarning(entries: Iterable<ArchiveEntry>, generatedAt: string): BundleWarning | null {
  const generatedAtMs = Date.parse(generatedAt);
  const dated: BundleWarning['entries'] = [];
  for (const entry of entries) {
    // A folder entry is added by whoever zips an unzipped bundle again, with its own date.
    if (entry.isDirectory) continue;
    const found = entryDateProblem(entry.dosSeconds, entry.unixSeconds, generatedAtMs);
    if (found) dated.push({ file: entry.name, found });
  }
  if (dated.length === 0) return null;
  const names = dated.slice(0, NAMED_ENTRIES).map(({ file }) => file);
  const others = dated.length - names.length;
  const list = {
    fr: `${names.join(', ')}${others > 0 ? ` et ${others} autre${others > 1 ? 's' : ''}` : ''}`,
    en: `${names.join(', ')}${others > 0 ? ` and ${others} other${others > 1 ? 's' : ''}` : ''}`,
  };
  return {
    code: 'entry_dates_differ',
    expected: generatedAt,
    entries: dated,
    message:
      `Avertissement : dans l’archive, ${dated.length > 1 ? `${dated.length} fichiers ne portent pas` : 'un fichier ne porte pas'} ` +
      `la date de production du paquet (generatedAt ${generatedAt}) : ${list.fr}. ` +
      'L’archive a sans doute été refaite ou copiée sans garder les dates. Ces dates ne sont pas signées ' +
      'et ne font partie d’aucun contrôle : seuls les contrôles décident du résultat.',
    messageEn:
      `Warning: in the archive, ${dated.length > 1 ? `${dated.length} files do` : 'one file does'} not carry ` +
      `the bundle’s production date (generatedAt ${generatedAt}): ${list.en}. ` +
      'The archive was probably zipped again or copied without keeping dates. These dates are not signed ' +
      'and are part of no check: only the checks decide the outcome.',
  };
}

function parsePublicKey(pem: Buffer): KeyObject {
  const text = pem.toString('utf8');
  let key: KeyObject | undefined;
  // Only a public key: createPublicKey would also derive one from a private key.
  if (/^-----BEGIN PUBLIC KEY-----\r?\n/.test(text)) {
    try {
      key = createPublicKey(text);
    } catch {
      key = undefined;
    }
  }
  if (!key) {
    fail({
      step: 1,
      code: 'bad_public_key',
      file: PUBLIC_KEY_FILE,
      fr: 'ce n’est pas une clé publique lisible au format PEM (« BEGIN PUBLIC KEY »)',
      en: 'this is not a readable public key in PEM form ("BEGIN PUBLIC KEY")',
    });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    fail({
      step: 1,
      code: 'bad_public_key',
      file: PUBLIC_KEY_FILE,
      expected: 'ed25519',
      found: String(key.asymmetricKeyType),
      fr: 'la clé publique n’est pas une clé Ed25519',
      en: 'the public key is not an Ed25519 key',
    });
  }
  return key;
}
