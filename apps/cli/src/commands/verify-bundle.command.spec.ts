import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GENERATED_AT,
  bundleBytes,
  readZipEntries,
  sampleInput,
  sampleRecords,
  testSigningKey,
  writeZip,
} from '../../../../libs/evidence/src/testing/sample-case';
import { verifyBundle } from '@mc/evidence';
import { CliError } from '../cli-error';
import { VerifyBundleCommand, failureSentence, successSentence, warningSentence } from './verify-bundle.command';

describe('main-courante verify <bundle>', () => {
  const key = testSigningKey();
  const command = new VerifyBundleCommand();
  let work: string;
  let bundle: string;
  let printed: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mc-cli-verify-'));
    bundle = join(work, 'paquet.zip');
    writeFileSync(bundle, (await bundleBytes(sampleInput(key))).zip);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints the case, as-of date, event count, head hash and key of a sound bundle', async () => {
    const head = sampleRecords()[4].hash;
    await command.run([bundle], { fingerprint: command.parseFingerprint(key.fingerprint.toUpperCase()) });
    expect(printed).toEqual([
      `Paquet vérifié : dossier 6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b, état au 2026-03-02T12:00:00.000Z, 5 événements, empreinte de tête ${head}, clé ${key.fingerprint}`,
    ]);
  });

  it('warns that the key was not compared when no --fingerprint is given', async () => {
    await command.run([bundle], {});
    expect(printed).toHaveLength(2);
    expect(printed[1]).toContain(`Comparez ${key.fingerprint} à celle que publie le journal`);
  });

  it('refuses a bundle with one French sentence naming the step, the file and the expected and found values', async () => {
    const entries = await readZipEntries(bundle);
    const events = entries.find((e) => e.name === 'events.jsonl')!;
    events.bytes = Buffer.from(events.bytes.toString().replace('Médiathèque', 'Mediatheque'));
    const tampered = join(work, 'modifie.zip');
    await writeZip(entries, tampered);
    const error = await command.run([tampered], {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(
      /^Paquet refusé à l’étape 2 \(empreintes des fichiers\) : events\.jsonl : l’empreinte SHA-256 du fichier diffère de celle du manifeste : le fichier a été modifié — attendu : [0-9a-f]{64} ; trouvé : [0-9a-f]{64}\.$/,
    );

    const other = testSigningKey();
    const wrongKey = await command.run([bundle], { fingerprint: other.fingerprint }).catch((e: unknown) => e);
    expect((wrongKey as CliError).message).toBe(
      `Paquet refusé à l’étape 5 (clé du journal) : public-key.pem : le paquet est signé par une autre clé que celle attendue : il ne vient pas de ce journal — attendu : ${other.fingerprint} ; trouvé : ${key.fingerprint}.`,
    );
    const absent = await command.run([join(work, 'absent.zip')], {}).catch((e: unknown) => e);
    expect((absent as CliError).message).toMatch(/^Paquet refusé à l’étape 0 \(archive ZIP\) : absent\.zip : le fichier ne peut pas être lu/);
    expect(printed).toEqual([]);
  });

  it('says the same in English when asked, with the English step label and the verifier’s English message', async () => {
    const verified = await verifyBundle(bundle, { expectedFingerprint: key.fingerprint });
    if (!verified.ok) throw new Error(verified.failure.messageEn);
    expect(successSentence(verified, 'en')).toBe(
      `Bundle verified: case 6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b, as of 2026-03-02T12:00:00.000Z, 5 events, head hash ${sampleRecords()[4].hash}, key ${key.fingerprint}`,
    );
    expect(successSentence(verified, 'fr')).toBe(successSentence(verified));

    const other = testSigningKey();
    const refused = await verifyBundle(bundle, { expectedFingerprint: other.fingerprint });
    if (refused.ok) throw new Error('a bundle signed by another key was accepted');
    expect(failureSentence(refused.failure, 'en')).toBe(
      `Bundle refused at step 5 (journal key): public-key.pem: the bundle is signed by another key than the expected one: it does not come from this journal — expected: ${other.fingerprint}; found: ${key.fingerprint}.`,
    );
    const error = await command.run([join(work, 'absent.zip')], {}).catch((e: unknown) => e);
    expect((error as CliError).sentence.en).toMatch(/^Bundle refused at step 0 \(ZIP archive\): absent\.zip: the file cannot be read/);
    expect(printed).toEqual([]);
  });

  describe('a bundle zipped again with new dates, which no check of the spec reads', () => {
    const later = new Date('2026-11-23T08:41:40.000Z');

    it('is verified, and the dates are a warning printed after the verdict', async () => {
      const redated = join(work, 'redate.zip');
      await writeZip(await readZipEntries(bundle), redated, later);
      await command.run([redated], { fingerprint: key.fingerprint });
      expect(printed).toHaveLength(2);
      expect(printed[0]).toMatch(/^Paquet vérifié : dossier /);
      expect(printed[1]).toMatch(
        new RegExp(`^Avertissement : dans l’archive, 8 fichiers ne portent pas la date de production du paquet \\(generatedAt ${GENERATED_AT}\\) : `),
      );
      const verified = await verifyBundle(redated);
      if (!verified.ok) throw new Error(verified.failure.messageEn);
      expect(warningSentence(verified.warnings[0], 'en')).toMatch(/^Warning: in the archive, 8 files do not carry the bundle’s production date /);
    });

    it('is refused for the altered file’s hash, the date warning coming after the refusal', async () => {
      const entries = await readZipEntries(bundle);
      const events = entries.find((e) => e.name === 'events.jsonl')!;
      events.bytes = Buffer.from(events.bytes.toString().replace('Médiathèque', 'Mediatheque'));
      const tampered = join(work, 'modifie-redate.zip');
      await writeZip(entries, tampered, later);
      const error = await command.run([tampered], {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      const [refusal, warning, ...rest] = (error as CliError).sentence.fr.split('\n');
      expect(refusal).toMatch(
        /^Paquet refusé à l’étape 2 \(empreintes des fichiers\) : events\.jsonl : l’empreinte SHA-256 du fichier diffère de celle du manifeste/,
      );
      expect(warning).toMatch(/^Avertissement : dans l’archive, 8 fichiers ne portent pas la date/);
      expect(rest).toEqual([]);
      expect((error as CliError).sentence.en).toMatch(/^Bundle refused at step 2 \(file hashes\): events\.jsonl: .*\nWarning: in the archive, 8 files /s);
      expect(printed).toEqual([]);
    });
  });

  it('refuses a malformed --fingerprint', () => {
    expect(() => command.parseFingerprint('1234')).toThrow(CliError);
    expect(command.parseFingerprint(key.fingerprint.toUpperCase().match(/../g)!.join(':'))).toBe(key.fingerprint);
  });
});
