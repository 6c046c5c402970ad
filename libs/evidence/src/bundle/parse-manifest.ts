import { TextDecoder } from 'node:util';
import { isSha256Hex } from '../sha256';
import { ATTACHMENTS_DIR, BUNDLE_FORMAT, DOSSIER_FILE, EVENTS_FILE, MANIFEST_FILE, SIGNATURE_FILE, type BundleManifest } from './bundle-format';
import { fail } from './verification-result';
import { pathProblem } from './zip-archive';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Reads manifest.json (already known to be signed); any shape problem is a step 1 failure. */
export function parseManifest(bytes: Buffer): BundleManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    malformed(`not valid UTF-8 JSON (${(error as Error).message})`, `n’est pas du JSON UTF-8 valide (${(error as Error).message})`);
  }
  if (!isObject(value)) malformed('not a JSON object', 'n’est pas un objet JSON');
  if (value.format !== BUNDLE_FORMAT) {
    fail({
      step: 1,
      code: 'unknown_format',
      file: MANIFEST_FILE,
      expected: BUNDLE_FORMAT,
      found: JSON.stringify(value.format),
      fr: 'format de paquet inconnu',
      en: 'unknown bundle format',
    });
  }
  for (const member of ['caseId', 'streamId'] as const) {
    if (typeof value[member] !== 'string' || value[member] === '') badMember(member, 'a non-empty string', 'une chaîne non vide');
  }
  for (const member of ['asOf', 'generatedAt'] as const) {
    const date = value[member];
    if (typeof date !== 'string' || !ISO_DATE.test(date) || !Number.isFinite(Date.parse(date))) {
      badMember(member, 'an ISO-8601 date', 'une date ISO-8601');
    }
  }
  const by = value.generatedBy;
  if (!isObject(by) || !['id', 'username', 'role'].every((member) => typeof by[member] === 'string')) {
    badMember('generatedBy', '{id, username, role}', '{id, username, role}');
  }
  if (!Number.isSafeInteger(value.eventCount) || (value.eventCount as number) < 1) {
    badMember('eventCount', 'a positive integer', 'un entier positif');
  }
  if (!Number.isSafeInteger(value.headRevision) || (value.headRevision as number) < 0) {
    badMember('headRevision', 'a non-negative integer', 'un entier positif ou nul');
  }
  for (const member of ['headHash', 'publicKeySha256'] as const) {
    if (!isSha256Hex(value[member])) badMember(member, '64 lowercase hex digits', '64 chiffres hexadécimaux minuscules');
  }
  if (!isObject(value.files)) badMember('files', 'an object', 'un objet');
  return value as unknown as BundleManifest;
}

/** Step 2 on the list itself: safe paths, SHA-256 values, the two mandatory files, attachments named by their hash. */
export function checkFileList(files: Record<string, unknown>): void {
  for (const required of [EVENTS_FILE, DOSSIER_FILE]) {
    if (!(required in files)) {
      invalidList(required, `${required} is not listed in "files"`, `${required} n’est pas listé dans "files"`);
    }
  }
  for (const [path, sha256] of Object.entries(files)) {
    const problem = pathProblem(path);
    if (problem || path.endsWith('/') || path === MANIFEST_FILE || path === SIGNATURE_FILE) {
      invalidList(path, `"files" lists an impossible path (${problem ?? 'reserved name'})`, `"files" liste un chemin impossible (${problem ?? 'nom réservé'})`);
    }
    if (!isSha256Hex(sha256)) {
      invalidList(
        path,
        'the listed value is not a SHA-256',
        'la valeur listée n’est pas une empreinte SHA-256',
        '64 lowercase hex digits',
        JSON.stringify(sha256),
      );
    }
    if (path.startsWith(ATTACHMENTS_DIR) && path !== `${ATTACHMENTS_DIR}${sha256}`) {
      invalidList(
        path,
        'an attachment must be named after its hash',
        'une pièce jointe doit porter le nom de son empreinte',
        `${ATTACHMENTS_DIR}${sha256}`,
        path,
      );
    }
  }
}

function malformed(en: string, fr: string): never {
  fail({ step: 1, code: 'malformed_manifest', file: MANIFEST_FILE, fr: `le contenu ${fr}`, en: `the content is ${en}` });
}

function badMember(member: string, en: string, fr: string): never {
  fail({ step: 1, code: 'malformed_manifest', file: MANIFEST_FILE, fr: `le champ "${member}" doit être ${fr}`, en: `member "${member}" must be ${en}` });
}

function invalidList(file: string, en: string, fr: string, expected?: string, found?: string): never {
  fail({ step: 2, code: 'invalid_file_list', file, expected, found, fr, en });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
