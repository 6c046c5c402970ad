import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from './token-service';

describe('TokenService', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const tokens = new TokenService(randomBytes(32), 60_000);

  it('accepts its own unexpired tokens and gives back the claims', () => {
    const { token, expiresAt } = tokens.issue('acc-1', 3, now);
    expect(expiresAt).toBe('2026-11-22T10:01:00.000Z');
    expect(tokens.verify(token, now)).toEqual({ sub: 'acc-1', cv: 3, exp: Date.parse(expiresAt) });
  });

  it('refuses expired, tampered, foreign and malformed tokens', () => {
    const { token } = tokens.issue('acc-1', 1, now);
    expect(tokens.verify(token, new Date(now.getTime() + 60_000))).toBeNull();
    const [p, payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', cv: 1, exp: 9e15 })).toString('base64url');
    expect(tokens.verify(`${p}.${forged}.${sig}`, now)).toBeNull();
    expect(tokens.verify(`${p}.${payload}.${sig.slice(0, -2)}xx`, now)).toBeNull();
    expect(new TokenService(randomBytes(32)).verify(token, now)).toBeNull();
    for (const bad of ['', 'abc', 'mc1..', 'mc1.x.y.z']) expect(tokens.verify(bad, now)).toBeNull();
  });

  it('keeps its secret in the data directory, readable by the owner only, stable across starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-secret-'));
    const first = TokenService.secretFromDataDir(dir);
    expect(TokenService.secretFromDataDir(dir).equals(first)).toBe(true);
    expect(statSync(join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
  });
});
