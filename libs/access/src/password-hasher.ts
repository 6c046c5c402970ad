import * as argon2 from 'argon2';

/** argon2id with the library's defaults (memory-hard); the hash string carries its own parameters. */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so that the answer takes as long either way.
let decoy: Promise<string> | null = null;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('main-courante-decoy-password');
  await verifyPassword(await decoy, password);
}

/** ANSSI's recommendation for passwords protecting ordinary accounts: 12 characters at least. */
export const MIN_PASSWORD_LENGTH = 12;
const MIN_DISTINCT_CHARACTERS = 5;

/** Passwords every guesser tries first, compared without case, spaces or dashes. */
const COMMON = new Set([
  'motdepasse',
  'motdepasse123',
  'password',
  'password123',
  'azertyuiop',
  'azertyuiop123',
  'qwertyuiop',
  '123456789012',
  'administrateur',
  'bonjour12345',
  'soleil123456',
]);

export function passwordProblem(password: string): { fr: string; en: string } | null {
  const chars = typeof password === 'string' ? [...password] : [];
  if (chars.length < MIN_PASSWORD_LENGTH) {
    return {
      fr: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères (une phrase de plusieurs mots convient bien).`,
      en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long (a phrase of several words works well).`,
    };
  }
  if (chars.length > 200) return { fr: 'Le mot de passe dépasse 200 caractères.', en: 'The password exceeds 200 characters.' };
  if (new Set(chars).size < MIN_DISTINCT_CHARACTERS || COMMON.has(password.toLowerCase().replace(/[\s_.-]/g, ''))) {
    return {
      fr: 'Ce mot de passe est trop facile à deviner : choisissez une phrase de plusieurs mots.',
      en: 'This password is too easy to guess: choose a phrase of several words.',
    };
  }
  return null;
}
