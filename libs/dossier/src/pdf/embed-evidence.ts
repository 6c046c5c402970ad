import { createHash } from 'node:crypto';
import type { EvidenceItem } from '../model/dossier-model';
import { drained } from './pacing';
import './pdfkit-augment';

/** What became of an evidence file: the annex says it. */
export type Embedding =
  | { kind: 'embedded'; name: string }
  /** The same bytes are already embedded, under another exhibit number. */
  | { kind: 'duplicate'; of: number }
  | { kind: 'unavailable' }
  /** The bytes given are not the ones the journal recorded: never embedded. */
  | { kind: 'mismatch' };

/** A name that is safe as an attachment name and says which exhibit it is: P1-erreur-connexion.png. */
function attachmentName(label: string, fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim();
  return safe === '' ? label : `${label}-${safe}`;
}

/**
 * Embeds every evidence file whose bytes are given and match their recorded digest, once per
 * digest, one at a time: each file is handed to the output before the next is asked for.
 */
export async function embedEvidence(
  doc: PDFKit.PDFDocument,
  evidence: readonly EvidenceItem[],
  bytesOf: ((sha256: string) => Buffer | null) | undefined,
  label: (n: number) => string,
): Promise<Map<string, Embedding>> {
  const outcomes = new Map<string, Embedding>();
  const firstBySha = new Map<string, number>();
  for (const item of evidence) {
    const digest = item.sha256.toLowerCase();
    const first = firstBySha.get(digest);
    if (first !== undefined) {
      outcomes.set(item.entry.entryId, { kind: 'duplicate', of: first });
      continue;
    }
    const bytes = bytesOf?.(item.sha256) ?? null;
    if (!bytes) {
      outcomes.set(item.entry.entryId, { kind: 'unavailable' });
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== digest) {
      outcomes.set(item.entry.entryId, { kind: 'mismatch' });
      continue;
    }
    const name = attachmentName(label(item.number), item.fileName);
    const recordedAt = new Date(item.entry.recordedAt);
    const captured = typeof item.entry.data.capturedAt === 'string' ? new Date(item.entry.data.capturedAt) : recordedAt;
    doc.file(bytes, {
      name,
      type: item.mediaType,
      description: `${label(item.number)} — ${item.fileName} — SHA-256 ${digest}`,
      creationDate: Number.isNaN(captured.getTime()) ? recordedAt : captured,
      modifiedDate: recordedAt,
      relationship: 'Supplement',
    });
    firstBySha.set(digest, item.number);
    outcomes.set(item.entry.entryId, { kind: 'embedded', name });
    await drained(doc);
  }
  return outcomes;
}
