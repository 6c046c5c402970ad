import { createHash, generateKeyPairSync } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import type { Actor } from '@mc/domain';
import { sealEvents } from '@mc/event-store/hash-chain';
import type { EventToAppend, StoredEvent } from '@mc/event-store/event-store.port';
import { signingKeyFromPem, type SigningKey } from '../signing-key';
import { writeBundle, type BundleInput, type WrittenBundle } from '../bundle/write-bundle';

/** Test helpers: a small, really chained case with attachments, and tools to take bundles apart. */

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

export const AGENT: Actor = { id: 'user-agent-1', username: 'agent.dupont', role: 'agent' };
export const CASE_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
export const STREAM_ID = `case-${CASE_ID}`;

/** A minimal, well-formed one-page PDF. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** The letter the agent attached (a PDF) and a screenshot (PNG signature + IHDR). */
export const LETTER = Buffer.concat([TINY_PDF, Buffer.from('% courrier de la DGS\n')]);
export const SCREENSHOT = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

export const AS_OF = '2026-03-02T12:00:00.000Z';
export const GENERATED_AT = '2026-03-03T09:15:42.000Z';

function event(type: string, data: Record<string, unknown>, n: number): EventToAppend {
  return { eventId: `event-${n}`, type, data, metadata: { schemaVersion: 1, actor: AGENT, correlationId: `corr-${n}`, causationId: `corr-${n}` } };
}

/** Seven records: five by AS_OF (two attachments, one of them cited twice), two after. */
export function sampleRecords(): StoredEvent[] {
  const steps: Array<[string, EventToAppend]> = [
    ['2026-03-02T08:30:00.000Z', event('CaseOpened', { title: 'Coupure de la messagerie', service: 'Médiathèque' }, 0)],
    [
      '2026-03-02T08:45:10.123Z',
      event(
        'AccessCutOff',
        { entryId: 'e-cut', occurredAt: '2026-03-02T09:40:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' },
        1,
      ),
    ],
    [
      '2026-03-02T09:00:00.000Z',
      event(
        'EvidenceAttached',
        { evidenceId: 'ev-1', sha256: sha256(LETTER), size: LETTER.length, mediaType: 'application/pdf', fileName: 'Courrier « DGS ».pdf' },
        2,
      ),
    ],
    [
      '2026-03-02T09:05:00.000Z',
      event(
        'EvidenceAttached',
        { evidenceId: 'ev-2', sha256: sha256(SCREENSHOT), size: SCREENSHOT.length, mediaType: 'image/png', fileName: 'capture.png', aboutEntryId: 'e-cut' },
        3,
      ),
    ],
    [
      '2026-03-02T10:00:00.000Z',
      event('EvidenceAttached', { evidenceId: 'ev-3', sha256: sha256(LETTER), size: LETTER.length, mediaType: 'application/pdf', fileName: 'copie.pdf' }, 4),
    ],
    ['2026-03-02T14:00:00.000Z', event('NoteAdded', { entryId: 'e-note', text: 'Accès toujours coupé 😡' }, 5)],
    ['2026-03-03T08:00:00.000Z', event('AccessRestored', { entryId: 'e-back', cutOffEntryId: 'e-cut', occurredAt: '2026-03-03T08:55:00+01:00' }, 6)],
  ];
  const records: StoredEvent[] = [];
  for (const [at, toAppend] of steps) {
    const last = records[records.length - 1];
    const previous = last ? { revision: last.revision, hash: last.hash, recordedAt: last.metadata.recordedAt } : null;
    records.push(...sealEvents(STREAM_ID, previous, [toAppend], new Date(at)));
  }
  return records;
}

export function testSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}

export const ATTACHMENT_BYTES: Record<string, Buffer> = { [sha256(LETTER)]: LETTER, [sha256(SCREENSHOT)]: SCREENSHOT };

export function sampleInput(signingKey: SigningKey, overrides: Partial<BundleInput> = {}): BundleInput {
  return {
    caseId: CASE_ID,
    streamId: STREAM_ID,
    asOf: AS_OF,
    generatedAt: GENERATED_AT,
    generatedBy: { id: 'user-union-1', username: 'ferris', role: 'union_rep' },
    records: sampleRecords().filter((r) => r.metadata.recordedAt <= AS_OF),
    dossierPdf: TINY_PDF,
    attachment: (h) => Readable.from([ATTACHMENT_BYTES[h]]),
    signingKey,
    ...overrides,
  };
}

/** Writes a bundle into memory. */
export async function bundleBytes(input: BundleInput): Promise<{ zip: Buffer } & WrittenBundle> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const written = await writeBundle(input, out);
  return { zip: Buffer.concat(chunks), ...written };
}

export async function writeBundleFile(input: BundleInput, path: string): Promise<WrittenBundle> {
  return writeBundle(input, createWriteStream(path));
}

export interface ZipEntryCopy {
  name: string;
  bytes: Buffer;
  mode?: number;
}

/** Every entry of a ZIP, in order, as plain bytes. */
export async function readZipEntries(path: string): Promise<ZipEntryCopy[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const entries: ZipEntryCopy[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
  }
  zip.close();
  return entries;
}

/** Writes entries as a new ZIP (names are taken as given, even repeated). */
export async function writeZip(entries: ZipEntryCopy[], path: string, mtime = new Date(GENERATED_AT)): Promise<void> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.bytes, entry.name, { mtime, mode: entry.mode ?? 0o100644 });
  zip.end();
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(out).on('finish', resolve).on('error', reject);
  });
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
