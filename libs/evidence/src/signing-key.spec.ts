import { execFile, execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNING_KEY_FILE, SigningKeyError, loadOrCreateSigningKey, publicKeyFingerprint } from './signing-key';

describe('loadOrCreateSigningKey', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mc-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an Ed25519 key once, readable by its owner only, and loads the same one afterwards', () => {
    const first = loadOrCreateSigningKey(dataDir);
    const file = join(dataDir, SIGNING_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([SIGNING_KEY_FILE]);
    const pem = readFileSync(file, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');

    const again = loadOrCreateSigningKey(dataDir);
    expect(readFileSync(file, 'utf8')).toBe(pem);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
  });

  it('gives every process the same key when several start at once on an empty data directory', async () => {
    const script = `const { loadOrCreateSigningKey } = require(${JSON.stringify(join(__dirname, 'signing-key'))});
      process.stdout.write(loadOrCreateSigningKey(${JSON.stringify(dataDir)}).fingerprint);`;
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile('node', ['-r', 'ts-node/register/transpile-only', '-e', script], (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    const fingerprints = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(fingerprints)).toEqual(new Set([loadOrCreateSigningKey(dataDir).fingerprint]));
    expect(readdirSync(dataDir)).toEqual([SIGNING_KEY_FILE]);
  }, 30_000);

  it('creates the data directory if needed', () => {
    const nested = join(dataDir, 'a', 'b');
    expect(loadOrCreateSigningKey(nested).fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(nested)).toEqual([SIGNING_KEY_FILE]);
  });

  it('publishes an SPKI PEM whose fingerprint is what openssl and sha256sum compute', () => {
    const key = loadOrCreateSigningKey(dataDir);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/);
    const pemPath = join(dataDir, 'public.pem');
    writeFileSync(pemPath, key.publicKeyPem);
    const outside = execFileSync('bash', ['-c', `openssl pkey -pubin -in '${pemPath}' -outform DER | sha256sum`]).toString();
    expect(outside).toBe(`${key.fingerprint}  -\n`);
    expect(publicKeyFingerprint(key.publicKeyPem)).toBe(key.fingerprint);
    expect(publicKeyFingerprint(key.privateKey)).toBe(key.fingerprint);

    const message = Buffer.from('manifest');
    const signature = sign(null, message, key.privateKey);
    expect(signature).toHaveLength(64);
    expect(verify(null, message, createPublicKey(key.publicKeyPem), signature)).toBe(true);
  });

  it('never overwrites an existing key file, and refuses one that is not Ed25519', () => {
    const file = join(dataDir, SIGNING_KEY_FILE);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadOrCreateSigningKey(dataDir)).toThrow(SigningKeyError);
    expect(() => loadOrCreateSigningKey(dataDir)).toThrow(
      expect.objectContaining({
        sentence: expect.objectContaining({ fr: expect.stringMatching(`^La clé de signature ${file} est une clé ec, pas Ed25519 : remettez`) }),
      }),
    );
    writeFileSync(file, 'abîmé');
    expect(() => loadOrCreateSigningKey(dataDir)).toThrow(/not a readable PEM private key/);
    expect(() => loadOrCreateSigningKey(dataDir)).toThrow(
      expect.objectContaining({
        sentence: {
          fr: expect.stringMatching(/n’est pas une clé privée PEM lisible \(.*\) : remettez en place ce fichier .* N’en créez pas une nouvelle/),
          en: expect.stringMatching(/is not a readable PEM private key \(.*\): put this file back .* Do not create a new one/),
        },
      }),
    );
    expect(readFileSync(file, 'utf8')).toBe('abîmé');
  });
});
