import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TokenClaims {
  /** Account id. */
  sub: string;
  /** Credential version when issued: a password change invalidates older tokens. */
  cv: number;
  /** Expiry, ms since epoch. */
  exp: number;
}

const PREFIX = 'mc1';

/** The token secret file holds too few bytes to sign with: carries what an operator does about it. */
export class TokenSecretError extends Error {
  readonly code = 'TOKEN_SECRET_INVALID';
  readonly sentence: { fr: string; en: string };

  constructor(file: string, bytes: number) {
    super(`Token secret ${file} holds ${bytes} bytes, at least 32 are needed`);
    this.name = 'TokenSecretError';
    this.sentence = {
      fr:
        `Le secret des jetons ${file} est invalide (${bytes} octets au lieu d’au moins 32) : supprimez ce fichier pour qu’un nouveau soit créé ` +
        '(chacun devra se reconnecter) ou, avec plusieurs instances, recopiez celui des autres.',
      en:
        `The token secret ${file} is invalid (${bytes} bytes instead of at least 32): delete this file for a new one to be created ` +
        '(everyone will have to log in again) or, with several instances, copy the others’ one.',
    };
  }
}

/** Tokens whose signature was checked lately, at most this many (one per session in use, about). */
const VERIFIED_TOKENS = 4096;

/**
 * Bearer tokens signed with HMAC-SHA256. Stateless so that several instances sharing one secret
 * accept each other's tokens; the account is still re-read at every request, so disabling it
 * or changing its password takes effect at once.
 */
export class TokenService {
  /**
   * Claims of tokens whose signature was checked, by token: a client sends the same token with
   * every request, and the HMAC is most of the cost of checking it. Expiry is still checked at
   * every call; the account, by the caller.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly secret: Buffer,
    readonly ttlMs: number = 12 * 60 * 60 * 1000,
  ) {
    if (secret.length < 32) throw new Error('Token secret must be at least 32 bytes');
  }

  /** Reads `<dataDir>/token-secret`, creating it (mode 0600) on first start. */
  static secretFromDataDir(dataDir: string): Buffer {
    const file = join(dataDir, 'token-secret');
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (secret.length < 32) throw new TokenSecretError(file, secret.length);
    return secret;
  }

  issue(accountId: string, credentialVersion: number, now: Date): { token: string; expiresAt: string } {
    const claims: TokenClaims = { sub: accountId, cv: credentialVersion, exp: now.getTime() + this.ttlMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${PREFIX}.${payload}.${this.sign(payload)}`, expiresAt: new Date(claims.exp).toISOString() };
  }

  /** The claims of a well-signed, unexpired token; null for anything else. */
  verify(token: string, now: Date): TokenClaims | null {
    const claims = this.verified.get(token) ?? this.checkSignature(token);
    if (!claims) return null;
    if (claims.exp <= now.getTime()) {
      this.verified.delete(token);
      return null;
    }
    return { ...claims };
  }

  /** The claims of a well-signed, well-formed token (remembered), null otherwise. */
  private checkSignature(token: string): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return null;
    const [, payload, signature] = parts;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.sub !== 'string' || typeof claims.cv !== 'number' || typeof claims.exp !== 'number') return null;
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { sub: claims.sub, cv: claims.cv, exp: claims.exp });
      return claims;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`${PREFIX}.${payload}`).digest('base64url');
  }
}
