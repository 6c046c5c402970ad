import type { StoredEvent } from '@mc/event-store/event-store.port';

/** Names and shapes of the `main-courante-bundle/1` archive (../shared/spec/evidence-bundle.md). */

export const BUNDLE_FORMAT = 'main-courante-bundle/1';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const PUBLIC_KEY_FILE = 'public-key.pem';
export const EVENTS_FILE = 'events.jsonl';
export const DOSSIER_FILE = 'dossier.pdf';
export const README_FILE = 'LISEZMOI.txt';
export const ATTACHMENTS_DIR = 'attachments/';

/** The only files of an archive that `files` need not list (spec section 4, step 2). */
export const UNLISTED_FILES: readonly string[] = [MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE, README_FILE];

export const ED25519_SIGNATURE_BYTES = 64;

export interface BundleActor {
  id: string;
  username: string;
  role: string;
}

/** manifest.json, members in the order of spec section 3. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  caseId: string;
  streamId: string;
  asOf: string;
  generatedAt: string;
  generatedBy: BundleActor;
  eventCount: number;
  headRevision: number;
  headHash: string;
  publicKeySha256: string;
  /** Archive path -> lowercase hex SHA-256 of its bytes. */
  files: Record<string, string>;
}

export function attachmentPath(sha256: string): string {
  return `${ATTACHMENTS_DIR}${sha256}`;
}

/** The exact bytes that are signed. Indented so that a person can read and compare them. */
export function serializeManifest(manifest: BundleManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/** One line of events.jsonl: the eight members of the record, nothing else, then `\n`. */
export function eventLine(record: StoredEvent): string {
  const { streamId, revision, eventId, type, data, metadata, prevHash, hash } = record;
  return `${JSON.stringify({ streamId, revision, eventId, type, data, metadata, prevHash, hash })}\n`;
}

export const EVIDENCE_ATTACHED = 'EvidenceAttached';

/** The sha256 named by each EvidenceAttached record, first occurrence first, without repeats. */
export function attachedSha256s(records: readonly StoredEvent[]): string[] {
  const seen = new Set<string>();
  for (const record of records) {
    if (record.type === EVIDENCE_ATTACHED) seen.add(record.data.sha256 as string);
  }
  return [...seen];
}
