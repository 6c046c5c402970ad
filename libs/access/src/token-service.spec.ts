import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenSecretError, TokenService } from './token-service';

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

  it('checks a signature once per token, while expiry is checked at every call', () => {
    const service = new TokenService(randomBytes(32), 60_000);
    const sign = jest.spyOn(service as unknown as { sign(payload: string): string }, 'sign');
    const { token } = service.issue('acc-1', 2, now);
    sign.mockClear();
    expect(service.verify(token, now)).toEqual({ sub: 'acc-1', cv: 2, exp: now.getTime() + 60_000 });
    const claims = service.verify(token, now);
    expect(claims).toEqual({ sub: 'acc-1', cv: 2, exp: now.getTime() + 60_000 });
    expect(sign).toHaveBeenCalledTimes(1);
    // A caller changing its copy changes nothing for the next one.
    claims!.sub = 'admin';
    expect(service.verify(token, now)?.sub).toBe('acc-1');
    expect(service.verify(token, new Date(now.getTime() + 60_000))).toBeNull();
    expect(service.verify(token, now)?.sub).toBe('acc-1');
    // A token one character away from a remembered one is checked, and refused.
    expect(service.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, now)).toBeNull();
  });

  it('remembers a bounded number of tokens', () => {
    const service = new TokenService(randomBytes(32), 60_000);
    const sign = jest.spyOn(service as unknown as { sign(payload: string): string }, 'sign');
    const first = service.issue('acc-0', 1, now).token;
    service.verify(first, now);
    for (let i = 1; i <= 4096; i++) service.verify(service.issue(`acc-${i}`, 1, now).token, now);
    sign.mockClear();
    expect(service.verify(first, now)?.sub).toBe('acc-0');
    expect(sign).toHaveBeenCalledTimes(1);
  });

  it('keeps its secret in the data directory, readable by the owner only, stable across starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-secret-'));
    const first = TokenService.secretFromDataDir(dir);
    expect(TokenService.secretFromDataDir(dir).equals(first)).toBe(true);
    expect(statSync(join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
  });

  it('refuses a secret file too short to sign with, saying what to do, and leaves it as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-secret-'));
    writeFileSync(join(dir, 'token-secret'), 'abc');
    expect(() => TokenService.secretFromDataDir(dir)).toThrow(TokenSecretError);
    expect(() => TokenService.secretFromDataDir(dir)).toThrow(
      expect.objectContaining({
        sentence: expect.objectContaining({ fr: expect.stringContaining('est invalide (2 octets au lieu d’au moins 32) : supprimez ce fichier') }),
      }),
    );
    expect(readFileSync(join(dir, 'token-secret'), 'utf8')).toBe('abc');
  });
});
