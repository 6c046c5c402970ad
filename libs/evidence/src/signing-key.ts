import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './sha256';
import { fsyncDirectorySync } from './durable-fs';

export const SIGNING_KEY_FILE = 'signing-key.pem';

/** The journal's Ed25519 key: signs the manifest of every evidence bundle. */
export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI PEM, as published by GET /integrity/public-key and put in every bundle. */
  publicKeyPem: string;
  /** Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo (the bundle's `publicKeySha256`). */
  fingerprint: string;
}

export class SigningKeyError extends Error {
  readonly code = 'SIGNING_KEY_INVALID';
  /** What an operator does about it, in French and English. */
  readonly sentence: { fr: string; en: string };

  constructor(source: string, problem: { fr: string; en: string }) {
    super(`${source} ${problem.en}`);
    this.name = 'SigningKeyError';
    this.sentence = {
      fr:
        `La clé de signature ${source} ${problem.fr} : remettez en place ce fichier depuis votre sauvegarde du dossier de données. ` +
        'N’en créez pas une nouvelle : les paquets de preuve déjà remis sont vérifiés avec celle-ci.',
      en:
        `The signing key ${source} ${problem.en}: put this file back from your backup of the data directory. ` +
        'Do not create a new one: the evidence bundles already handed over are verified against this one.',
    };
  }
}

/**
 * Loads `<dataDir>/signing-key.pem`, or on first start generates it (mode 0600). The file is
 * never overwritten: every bundle ever exported is checked against this key, so losing or
 * replacing it would orphan them.
 */
export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const file = join(dataDir, SIGNING_KEY_FILE);
  let pem = readIfExists(file);
  if (pem === null) {
    createKeyFile(dataDir, file);
    pem = readFileSync(file, 'utf8');
  }
  return signingKeyFromPem(pem, file);
}

export function signingKeyFromPem(pem: string, source = 'signing key'): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    const detail = (error as Error).message;
    throw new SigningKeyError(source, { fr: `n’est pas une clé privée PEM lisible (${detail})`, en: `is not a readable PEM private key (${detail})` });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    const type = String(privateKey.asymmetricKeyType);
    throw new SigningKeyError(source, { fr: `est une clé ${type}, pas Ed25519`, en: `is a ${type} key, not Ed25519` });
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

/** Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo of a key (public or private, object or PEM). */
export function publicKeyFingerprint(key: KeyObject | string): string {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// Filesystems without hard links (some network and FUSE mounts).
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function createKeyFile(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written whole and fsynced under a temporary name, then hard-linked: link() fails if another
  // process created the key in the meantime, where rename() would silently replace it.
  const temp = join(dataDir, `.${SIGNING_KEY_FILE}.${randomUUID()}.tmp`);
  writeNewFile(temp, pem);
  try {
    linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (NO_HARD_LINKS.has(code)) writeNewFileIfAbsent(file, pem);
    else if (code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  fsyncDirectorySync(dataDir);
}

function writeNewFile(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeNewFileIfAbsent(path: string, text: string): void {
  try {
    writeNewFile(path, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
