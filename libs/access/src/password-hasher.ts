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

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): { fr: string; en: string } | null {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    return {
      fr: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
      en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    };
  }
  if ([...password].length > 200) return { fr: 'Le mot de passe dépasse 200 caractères.', en: 'The password exceeds 200 characters.' };
  return null;
}
