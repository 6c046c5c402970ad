import { TextDecoder } from 'node:util';
import { ChainVerifier, type ChainFailure } from '@mc/event-store/hash-chain';
import { isSha256Hex } from '../sha256';
import { ATTACHMENTS_DIR, EVENTS_FILE, EVIDENCE_ATTACHED, type BundleManifest } from './bundle-format';
import { fail, type BundleFailureCode, type ShownValue } from './verification-result';

/** Where events.jsonl cites an attached file. */
export interface AttachmentCitation {
  sha256: unknown;
  size: unknown;
  line: number;
  revision: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Step 3: every line of events.jsonl parses, re-hashes to its `hash`, links to the line before,
 * follows the revision numbering, belongs to the manifest's stream and was recorded by `asOf`;
 * the count and the head match the manifest. Returns the EvidenceAttached citations for step 4.
 */
export function checkEvents(bytes: Buffer, manifest: BundleManifest): AttachmentCitation[] {
  const verifier = new ChainVerifier();
  const asOfMs = Date.parse(manifest.asOf);
  const citations: AttachmentCitation[] = [];
  let last: { line: number; revision: number; hash: string } | undefined;
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line += 1;
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) {
      lineFailure(line, 'malformed_line', 'la dernière ligne ne se termine pas par un saut de ligne', 'the last line does not end with a line feed');
    }
    const record = parseLine(bytes.subarray(start, end), line);
    start = end + 1;

    if (typeof record.streamId === 'string' && record.streamId !== manifest.streamId) {
      lineFailure(line, 'wrong_stream', 'inscription d’un autre dossier que celui du manifeste', 'entry of another stream than the manifest’s', {
        expected: manifest.streamId,
        found: record.streamId,
        revision: revisionOf(record),
      });
    }
    const chainFailure = verifier.check(record);
    if (chainFailure) reportChainFailure(chainFailure, line);

    const revision = record.revision as number;
    const hash = record.hash as string;
    const recordedAt = (record.metadata as { recordedAt: string }).recordedAt;
    if (Date.parse(recordedAt) > asOfMs) {
      lineFailure(line, 'after_as_of', 'inscription enregistrée après la date du paquet (asOf)', 'entry recorded after the bundle’s asOf date', {
        revision,
        expected: `≤ ${manifest.asOf}`,
        found: recordedAt,
      });
    }
    if (record.type === EVIDENCE_ATTACHED) {
      const data = record.data as Record<string, unknown>;
      citations.push({ sha256: data.sha256, size: data.size, line, revision });
    }
    last = { line, revision, hash };
  }

  if (line !== manifest.eventCount) {
    fail({
      step: 3,
      code: 'event_count_mismatch',
      file: EVENTS_FILE,
      expected: String(manifest.eventCount),
      found: String(line),
      fr: 'le nombre de lignes diffère du nombre d’inscriptions annoncé par le manifeste (eventCount)',
      en: 'the number of lines differs from the manifest’s eventCount',
    });
  }
  const head = last as NonNullable<typeof last>;
  if (head.revision !== manifest.headRevision) {
    lineFailure(
      head.line,
      'head_revision_mismatch',
      'la dernière révision diffère de celle du manifeste (headRevision)',
      'the last revision differs from the manifest’s headRevision',
      { revision: head.revision, expected: String(manifest.headRevision), found: String(head.revision) },
    );
  }
  if (head.hash !== manifest.headHash) {
    lineFailure(
      head.line,
      'head_hash_mismatch',
      'la dernière empreinte diffère de celle du manifeste (headHash)',
      'the last hash differs from the manifest’s headHash',
      { revision: head.revision, expected: manifest.headHash, found: head.hash },
    );
  }
  return citations;
}

/** Step 4: every cited file is listed (hence present and hash-checked in step 2), with the cited size. */
export function checkCitations(citations: AttachmentCitation[], files: Record<string, string>, sizeOf: (path: string) => number | undefined): void {
  for (const { sha256, size, line, revision } of citations) {
    const where = { file: EVENTS_FILE, line, revision };
    if (!isSha256Hex(sha256)) {
      fail({
        step: 4,
        code: 'missing_attachment',
        ...where,
        expected: 'SHA-256',
        found: JSON.stringify(sha256),
        fr: 'cet EvidenceAttached ne nomme pas une empreinte SHA-256',
        en: 'this EvidenceAttached names no SHA-256',
      });
    }
    const path = `${ATTACHMENTS_DIR}${sha256}`;
    if (!Object.hasOwn(files, path)) {
      fail({
        step: 4,
        code: 'missing_attachment',
        ...where,
        expected: path,
        found: 'absent',
        fr: 'la pièce jointe citée par cet EvidenceAttached manque dans le paquet',
        en: 'the file cited by this EvidenceAttached is missing from the bundle',
      });
    }
    const actual = sizeOf(path);
    if (actual !== size) {
      fail({
        step: 4,
        code: 'attachment_size_mismatch',
        ...where,
        expected: String(size),
        found: String(actual),
        fr: `la taille de ${path} diffère de celle inscrite (octets)`,
        en: `the size of ${path} differs from the recorded one (bytes)`,
      });
    }
  }
}

function parseLine(bytes: Buffer, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    const text = utf8.decode(bytes);
    if (text.trim() === '') throw new Error('empty line');
    value = JSON.parse(text);
  } catch (error) {
    lineFailure(line, 'malformed_line', `ligne illisible (${(error as Error).message})`, `unreadable line (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    lineFailure(line, 'malformed_line', 'la ligne n’est pas un objet JSON', 'the line is not a JSON object');
  }
  return value as Record<string, unknown>;
}

interface ChainText {
  code: BundleFailureCode;
  fr: string;
  en: string;
  /** Values named after where they come from, the line's claim first ("expected" alone would not say which). */
  shown?: (failure: ChainFailure) => ShownValue[];
}

const CHAIN_TEXTS: Record<ChainFailure['reason'], ChainText> = {
  hash_mismatch: {
    code: 'event_hash_mismatch',
    fr: 'l’empreinte recalculée de l’inscription diffère de son champ "hash" : la ligne a été modifiée',
    en: 'the entry’s recomputed hash differs from its "hash" member: the line was altered',
    shown: ({ expected, found }) => [
      { fr: 'inscrit dans la ligne (hash) :', en: 'stated in the line (hash):', value: found },
      { fr: 'recalculé :', en: 'recomputed:', value: expected },
    ],
  },
  revision_gap: {
    code: 'revision_gap',
    fr: 'les numéros de révision ne se suivent pas : une ligne manque, a été ajoutée ou déplacée',
    en: 'revisions do not follow each other: a line is missing, was added or moved',
  },
  prev_hash_mismatch: {
    code: 'prev_hash_mismatch',
    fr: 'le champ "prevHash" ne renvoie pas à l’empreinte de la ligne précédente',
    en: 'the "prevHash" member does not link to the hash of the line before',
    shown: ({ expected, found }) => [
      { fr: 'inscrit dans la ligne (prevHash) :', en: 'stated in the line (prevHash):', value: found },
      { fr: 'empreinte de la ligne précédente :', en: 'hash of the line before:', value: expected },
    ],
  },
  recorded_at_regression: {
    code: 'recorded_at_regression',
    fr: 'la date d’enregistrement est antérieure à celle de la ligne précédente',
    en: 'recordedAt is earlier than the line before’s',
  },
  malformed: { code: 'malformed_line', fr: 'inscription mal formée', en: 'malformed entry' },
};

function reportChainFailure(failure: ChainFailure, line: number): never {
  const text = CHAIN_TEXTS[failure.reason];
  const detail = failure.reason === 'malformed' ? ` (${failure.message})` : '';
  lineFailure(line, text.code, `${text.fr}${detail}`, `${text.en}${detail}`, {
    revision: failure.revision >= 0 ? failure.revision : undefined,
    expected: failure.expected,
    found: failure.found,
    shown: text.shown?.(failure),
  });
}

function lineFailure(
  line: number,
  code: BundleFailureCode,
  fr: string,
  en: string,
  extra: { revision?: number; expected?: string; found?: string; shown?: ShownValue[] } = {},
): never {
  fail({ step: 3, code, file: EVENTS_FILE, line, ...extra, fr, en });
}

function revisionOf(record: Record<string, unknown>): number | undefined {
  return Number.isSafeInteger(record.revision) ? (record.revision as number) : undefined;
}
