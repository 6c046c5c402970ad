import { execSync, spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { computeHash } from '@mc/event-store/hash-chain';
import {
  AS_OF,
  CASE_ID,
  GENERATED_AT,
  LETTER,
  SCREENSHOT,
  STREAM_ID,
  TINY_PDF,
  bundleBytes,
  readZipEntries,
  sampleInput,
  sampleRecords,
  sha256,
  testSigningKey,
} from '../testing/sample-case';
import { VERIFY_COMMANDS } from './readme';
import { verifyBundle } from './verify-bundle';
import { BundleInputError, writeBundle } from './write-bundle';

const key = testSigningKey();

describe('writeBundle', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'mc-bundle-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes exactly the archive of spec sections 2 and 3', async () => {
    const { zip, manifest, manifestBytes } = await bundleBytes(sampleInput(key));
    const path = join(work, 'paquet.zip');
    writeFileSync(path, zip);
    const entries = await readZipEntries(path);
    const letter = `attachments/${sha256(LETTER)}`;
    const screenshot = `attachments/${sha256(SCREENSHOT)}`;
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'manifest.sig',
      'public-key.pem',
      'LISEZMOI.txt',
      'events.jsonl',
      'dossier.pdf',
      letter,
      screenshot,
    ]);
    const file = (name: string) => entries.find((e) => e.name === name)!.bytes;

    expect(file('manifest.json')).toEqual(manifestBytes);
    expect(Object.keys(JSON.parse(manifestBytes.toString()))).toEqual([
      'format',
      'caseId',
      'streamId',
      'asOf',
      'generatedAt',
      'generatedBy',
      'eventCount',
      'headRevision',
      'headHash',
      'publicKeySha256',
      'files',
    ]);
    const records = sampleRecords().slice(0, 5);
    expect(manifest).toEqual({
      format: 'main-courante-bundle/1',
      caseId: CASE_ID,
      streamId: STREAM_ID,
      asOf: AS_OF,
      generatedAt: GENERATED_AT,
      generatedBy: { id: 'user-union-1', username: 'ferris', role: 'union_rep' },
      eventCount: 5,
      headRevision: 4,
      headHash: records[4].hash,
      publicKeySha256: key.fingerprint,
      files: {
        'events.jsonl': sha256(file('events.jsonl')),
        'dossier.pdf': sha256(TINY_PDF),
        [letter]: sha256(LETTER),
        [screenshot]: sha256(SCREENSHOT),
      },
    });
    expect(file('manifest.sig')).toHaveLength(64);
    expect(verify(null, manifestBytes, createPublicKey(file('public-key.pem').toString()), file('manifest.sig'))).toBe(true);
    expect(file('public-key.pem').toString()).toBe(key.publicKeyPem);
    expect(file('dossier.pdf')).toEqual(TINY_PDF);
    expect(file(letter)).toEqual(LETTER);
    expect(file(screenshot)).toEqual(SCREENSHOT);

    const text = file('events.jsonl').toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(records);
    for (const line of lines) {
      const parsed = JSON.parse(line);
      expect(Object.keys(parsed)).toEqual(['streamId', 'revision', 'eventId', 'type', 'data', 'metadata', 'prevHash', 'hash']);
      expect(computeHash(parsed)).toBe(parsed.hash);
    }
  });

  it('gives the same bytes for the same input, whatever the time zone of the server', async () => {
    const first = await bundleBytes(sampleInput(key));
    const second = await bundleBytes(sampleInput(key, { dossierPdf: writeTemp(work, TINY_PDF) }));
    expect(second.zip.equals(first.zip)).toBe(true);
    expect(first.sha256).toBe(sha256(first.zip));
    expect(first.size).toBe(first.zip.length);

    // ZIP dates are local times: the bundle must not depend on the server's zone.
    const zone = process.env.TZ;
    try {
      for (const TZ of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Paris']) {
        process.env.TZ = TZ;
        expect({ TZ, hash: (await bundleBytes(sampleInput(key))).sha256 }).toEqual({ TZ, hash: first.sha256 });
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('verifies with unzip, openssl and sha256sum alone, running the commands LISEZMOI.txt gives', async () => {
    const { zip, manifest } = await bundleBytes(sampleInput(key));
    writeFileSync(join(work, 'paquet.zip'), zip);
    const run = (command: string, cwd = work) => execSync(command, { cwd, shell: '/bin/bash', stdio: 'pipe' }).toString();

    const readme = (await readZipEntries(join(work, 'paquet.zip'))).find((e) => e.name === 'LISEZMOI.txt')!.bytes.toString('utf8');
    const commands = [
      VERIFY_COMMANDS.unzip,
      VERIFY_COMMANDS.enter,
      VERIFY_COMMANDS.signature,
      VERIFY_COMMANDS.listHashes(true),
      VERIFY_COMMANDS.checkHashes,
      VERIFY_COMMANDS.fingerprint,
      VERIFY_COMMANDS.verify('<empreinte_publiée>'),
    ];
    for (const command of commands) expect(readme).toContain(`\n    ${command}\n`);
    expect(readme).toContain(key.fingerprint);
    expect(readme.indexOf('COMMENT LE VÉRIFIER')).toBeLessThan(readme.indexOf('HOW TO VERIFY IT'));

    run(VERIFY_COMMANDS.unzip);
    const dir = join(work, 'paquet');
    expect(readdirSync(dir).sort()).toEqual(['LISEZMOI.txt', 'attachments', 'dossier.pdf', 'events.jsonl', 'manifest.json', 'manifest.sig', 'public-key.pem']);
    expect(run(VERIFY_COMMANDS.signature, dir)).toContain('Signature Verified Successfully');
    expect(run(VERIFY_COMMANDS.fingerprint, dir).split(' ')[0]).toBe(key.fingerprint);
    expect(run(`openssl pkey -pubin -in public-key.pem -outform DER | sha256sum`, dir).split(' ')[0]).toBe(manifest.publicKeySha256);

    const listed = run(VERIFY_COMMANDS.listHashes(true), dir)
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    expect(Object.fromEntries(listed.map(([hash, name]) => [name, hash]))).toEqual(manifest.files);
    for (const [name, hash] of Object.entries(manifest.files)) {
      expect(run(`sha256sum '${name}'`, dir).split(' ')[0]).toBe(hash);
    }
    const checked = run(VERIFY_COMMANDS.checkHashes, dir).trim().split('\n');
    expect(checked.sort()).toEqual(
      Object.keys(manifest.files)
        .map((name) => `${name}: OK`)
        .sort(),
    );

    // The same shell checks fail once a file is altered.
    writeFileSync(join(dir, 'events.jsonl'), readFileSync(join(dir, 'events.jsonl'), 'utf8').replace('Médiathèque', 'Mediatheque'));
    const failed = spawnSync('bash', ['-c', VERIFY_COMMANDS.checkHashes], { cwd: dir });
    expect({ status: failed.status, stdout: failed.stdout.toString() }).toEqual({ status: 1, stdout: expect.stringContaining('events.jsonl: FAILED\n') });
    writeFileSync(join(dir, 'manifest.json'), readFileSync(join(dir, 'manifest.json'), 'utf8').replace('"eventCount": 5', '"eventCount": 4'));
    const forged = spawnSync('bash', ['-c', VERIFY_COMMANDS.signature], { cwd: dir });
    expect({ status: forged.status, stdout: forged.stdout.toString() }).toEqual({
      status: 1,
      stdout: expect.stringContaining('Signature Verification Failure'),
    });
  });

  it('leaves attachments/* out of the listing command when there is no attachment', async () => {
    const records = sampleRecords().slice(0, 2);
    const { zip, manifest } = await bundleBytes(sampleInput(key, { records }));
    writeFileSync(join(work, 'paquet.zip'), zip);
    const readme = (await readZipEntries(join(work, 'paquet.zip'))).find((e) => e.name === 'LISEZMOI.txt')!.bytes.toString();
    expect(readme).toContain(`    ${VERIFY_COMMANDS.listHashes(false)}\n`);
    expect(Object.keys(manifest.files)).toEqual(['events.jsonl', 'dossier.pdf']);
    expect(await verifyBundle(join(work, 'paquet.zip'))).toMatchObject({ ok: true, eventCount: 2 });
  });

  it('accepts attachments as buffers, paths or streams, and reads a dossier from a path', async () => {
    const letterPath = writeTemp(work, LETTER);
    const result = await bundleBytes(
      sampleInput(key, {
        dossierPdf: writeTemp(work, TINY_PDF),
        attachment: async (h) => (h === sha256(LETTER) ? letterPath : SCREENSHOT),
      }),
    );
    writeFileSync(join(work, 'b.zip'), result.zip);
    expect(await verifyBundle(join(work, 'b.zip'))).toMatchObject({ ok: true });
  });

  it('refuses to sign what would not verify', async () => {
    const records = sampleRecords();
    const reject = (overrides: Parameters<typeof sampleInput>[1]) =>
      expect(writeBundle(sampleInput(key, overrides), new PassThrough())).rejects.toThrow(BundleInputError);
    await reject({ records: [] });
    await reject({ records }); // the last two were recorded after asOf
    await reject({ records: [records[0], records[2]] }); // a gap
    await reject({ records: records.slice(1, 4) }); // does not start at revision 0
    await reject({ records: records.slice(0, 3).map((r, i) => (i === 1 ? { ...r, data: { ...r.data, priorNotice: 'written' } } : r)) });
    await reject({ streamId: 'case-other' });
    await reject({ asOf: 'yesterday' });
    await reject({ signingKey: { ...key, publicKeyPem: testSigningKey().publicKeyPem } });
  });

  it('destroys the output instead of finishing it when stored bytes no longer match their digest', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const input = sampleInput(key, { attachment: (h) => Readable.from([h === sha256(LETTER) ? Buffer.from('altered') : SCREENSHOT]) });
    await expect(writeBundle(input, out)).rejects.toThrow(`attachments/${sha256(LETTER)}: the bytes provided hash to ${sha256('altered')}`);
    expect(out.destroyed).toBe(true);
    const path = join(work, 'partial.zip');
    writeFileSync(path, Buffer.concat(chunks));
    expect(await verifyBundle(path)).toMatchObject({ ok: false, failure: { step: 0, code: 'not_a_zip' } });
  });

  it('fails when an attachment cannot be read', async () => {
    const input = sampleInput(key, {
      attachment: () => {
        throw new Error('disk gone');
      },
    });
    await expect(writeBundle(input, new PassThrough())).rejects.toThrow('disk gone');
  });
});

function writeTemp(dir: string, bytes: Buffer): string {
  const path = join(dir, `${sha256(bytes)}.bin`);
  writeFileSync(path, bytes);
  return path;
}
