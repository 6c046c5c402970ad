import type { ArchiveProblem, ArchiveProblemCode } from './zip-types';

/**
 * Steps of spec section 4, plus 0 for the ZIP container itself (unreadable, unsafe or
 * duplicate entry names), which is checked before step 1.
 */
export type VerificationStep = 0 | 1 | 2 | 3 | 4 | 5;

export const STEP_LABELS: Record<VerificationStep, { fr: string; en: string }> = {
  0: { fr: 'archive ZIP', en: 'ZIP archive' },
  1: { fr: 'signature', en: 'signature' },
  2: { fr: 'empreintes des fichiers', en: 'file hashes' },
  3: { fr: 'chaîne des événements', en: 'event chain' },
  4: { fr: 'pièces jointes', en: 'attachments' },
  5: { fr: 'clé du journal', en: 'journal key' },
};

export type BundleFailureCode =
  | ArchiveProblemCode
  | 'missing_file'
  | 'bad_public_key'
  | 'bad_signature'
  | 'malformed_manifest'
  | 'unknown_format'
  | 'key_mismatch'
  | 'invalid_file_list'
  | 'unlisted_file'
  | 'hash_mismatch'
  | 'crc_mismatch'
  | 'malformed_line'
  | 'wrong_stream'
  | 'event_hash_mismatch'
  | 'prev_hash_mismatch'
  | 'revision_gap'
  | 'recorded_at_regression'
  | 'after_as_of'
  | 'event_count_mismatch'
  | 'head_revision_mismatch'
  | 'head_hash_mismatch'
  | 'missing_attachment'
  | 'attachment_size_mismatch'
  | 'unexpected_key';

/** The first thing found wrong, precisely enough to be checked by hand. */
export interface BundleFailure {
  step: VerificationStep;
  code: BundleFailureCode;
  /** Path inside the archive, or the archive's own name for container-level failures. */
  file: string;
  /** 1-based line of events.jsonl. */
  line?: number;
  revision?: number;
  expected?: string;
  found?: string;
  /** One French sentence naming the file, line, revision, expected and found values. */
  message: string;
  messageEn: string;
}

export interface BundleVerified {
  ok: true;
  caseId: string;
  streamId: string;
  asOf: string;
  generatedAt: string;
  eventCount: number;
  headRevision: number;
  headHash: string;
  /** SHA-256 of the bundle's public key (DER SubjectPublicKeyInfo). */
  fingerprint: string;
  /** Whether the fingerprint was compared with an expected one (step 5). */
  fingerprintChecked: boolean;
  warnings: BundleWarning[];
}

/**
 * Something worth telling beside the verdict that none of the checks of spec section 4 looks at,
 * so that it never decides the outcome: the ZIP entries' dates, which are not signed.
 */
export interface BundleWarning {
  code: 'entry_dates_differ';
  /** The bundle's generatedAt, the date the writer gives every entry. */
  expected: string;
  /** The entries dated otherwise, in archive order, each with the date it carries. */
  entries: Array<{ file: string; found: string }>;
  message: string;
  messageEn: string;
}

export type BundleVerification = BundleVerified | { ok: false; failure: BundleFailure; warnings: BundleWarning[] };

export interface FailureDetail {
  step: VerificationStep;
  code: BundleFailureCode;
  file: string;
  line?: number;
  revision?: number;
  expected?: string;
  found?: string;
  /**
   * How the message shows the values, when "expected" and "found" would leave the reader to
   * guess which is the file's claim and which the verifier's computation.
   */
  shown?: ShownValue[];
  fr: string;
  en: string;
}

export interface ShownValue {
  fr: string;
  en: string;
  value: string | undefined;
}

/** Thrown inside the verifier to stop at the first failure. */
export class BundleCheckFailed extends Error {
  constructor(readonly failure: BundleFailure) {
    super(failure.messageEn);
    this.name = 'BundleCheckFailed';
  }
}

export function fail(detail: FailureDetail): never {
  throw new BundleCheckFailed(describeFailure(detail));
}

export function describeFailure({ fr, en, shown, ...where }: FailureDetail): BundleFailure {
  const { file, line, revision, expected, found } = where;
  const place = (lineWord: string, revisionWord: string) =>
    `${file}${line !== undefined ? `, ${lineWord} ${line}` : ''}${revision !== undefined ? ` (${revisionWord} ${revision})` : ''}`;
  const labelled: ShownValue[] | undefined =
    shown ??
    (expected !== undefined || found !== undefined
      ? [
          { fr: 'attendu :', en: 'expected:', value: expected },
          { fr: 'trouvé :', en: 'found:', value: found },
        ]
      : undefined);
  const values = (lang: 'fr' | 'en', separator: string) =>
    labelled ? ` — ${labelled.map((shownValue) => `${shownValue[lang]} ${shownValue.value ?? '?'}`).join(separator)}` : '';
  return {
    ...where,
    message: `${place('ligne', 'révision')} : ${fr}${values('fr', ' ; ')}.`,
    messageEn: `${place('line', 'revision')}: ${en}${values('en', '; ')}.`,
  };
}

const ARCHIVE_TEXTS: Record<ArchiveProblemCode, { fr: string; en: string }> = {
  unreadable: { fr: 'le fichier ne peut pas être lu', en: 'the file cannot be read' },
  not_a_zip: { fr: 'ce n’est pas une archive ZIP lisible', en: 'this is not a readable ZIP archive' },
  inconsistent_archive: {
    fr: 'la structure de l’archive ZIP a été modifiée (octets hors de tout fichier, répertoire central incohérent)',
    en: 'the ZIP structure was altered (bytes outside any entry, inconsistent central directory)',
  },
  corrupt_archive: { fr: 'le répertoire central de l’archive ZIP est abîmé', en: 'the ZIP central directory is damaged' },
  too_many_entries: {
    fr: 'l’archive contient trop de fichiers pour être un paquet de preuves',
    en: 'the archive holds too many files to be an evidence bundle',
  },
  unsafe_name: {
    fr: 'nom de fichier dangereux ou illisible dans l’archive (chemin absolu, « .. », caractère interdit)',
    en: 'unsafe or unreadable file name in the archive (absolute path, "..", forbidden character)',
  },
  unsafe_entry: {
    fr: 'entrée ZIP dangereuse ou inhabituelle (lien symbolique, fichier caché, champ d’en-tête inconnu ou modifié)',
    en: 'unsafe or unusual ZIP entry (symbolic link, hidden file, unknown or altered header field)',
  },
  duplicate_entry: { fr: 'ce nom figure deux fois dans l’archive', en: 'this name appears twice in the archive' },
  encrypted_entry: { fr: 'ce fichier est chiffré dans l’archive', en: 'this entry is encrypted' },
  unsupported_compression: { fr: 'méthode de compression inconnue', en: 'unknown compression method' },
  entry_too_large: { fr: 'ce fichier est bien plus grand que ce que le format prévoit', en: 'this file is far larger than the format allows' },
  corrupt_entry: {
    fr: 'le contenu compressé est abîmé ou a été modifié (décompression impossible)',
    en: 'the compressed content is damaged or was altered (cannot be decompressed)',
  },
  inconsistent_entry: {
    fr: 'les en-têtes ZIP de ce fichier se contredisent (archive modifiée)',
    en: 'this entry’s ZIP headers contradict each other (archive altered)',
  },
};

/** `step`: 0 for what opening the archive found, else the step that was reading the entry. */
export function archiveFailure(problem: ArchiveProblem, step: VerificationStep, archiveName: string): FailureDetail {
  const text = ARCHIVE_TEXTS[problem.code];
  return {
    step,
    code: problem.code,
    file: problem.entry ?? archiveName,
    expected: problem.expected,
    found: problem.found,
    fr: `${text.fr} (${problem.detail})`,
    en: `${text.en} (${problem.detail})`,
  };
}
