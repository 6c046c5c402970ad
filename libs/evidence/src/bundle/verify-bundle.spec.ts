import { execSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as yauzl from 'yauzl';
import { sealEvents } from '@mc/event-store/hash-chain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import {
  AS_OF,
  CASE_ID,
  GENERATED_AT,
  LETTER,
  STREAM_ID,
  bundleBytes,
  readZipEntries,
  sampleInput,
  sampleRecords,
  sha256,
  testSigningKey,
  writeZip,
  type ZipEntryCopy,
} from '../testing/sample-case';
import { eventLine, serializeManifest, type BundleManifest } from './bundle-format';
import { verifyBundle } from './verify-bundle';

const key = testSigningKey();
const LETTER_PATH = `attachments/${sha256(LETTER)}`;

describe('verifyBundle', () => {
  let work: string;
  let good: string;
  let original: Buffer;
  let records: StoredEvent[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mc-verify-'));
    original = (await bundleBytes(sampleInput(key))).zip;
    good = join(work, 'paquet.zip');
    writeFileSync(good, original);
    records = sampleRecords().slice(0, 5);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  let counter = 0;
  const file = (bytes: Buffer) => {
    const path = join(work, `case-${(counter += 1)}.zip`);
    writeFileSync(path, bytes);
    return path;
  };

  /**
   * The good bundle's entries, edited, zipped again; `resign` re-signs an edited manifest with the
   * journal's key; `mtime` dates the new entries (generatedAt, as the writer does, by default).
   */
  async function rebuild(edit: (entries: ZipEntryCopy[], manifest: BundleManifest) => void, options: { resign?: boolean; mtime?: Date } = {}): Promise<string> {
    const entries = await readZipEntries(good);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.bytes.toString()) as BundleManifest;
    edit(entries, manifest);
    if (options.resign) {
      const bytes = serializeManifest(manifest);
      entries.find((e) => e.name === 'manifest.json')!.bytes = bytes;
      entries.find((e) => e.name === 'manifest.sig')!.bytes = sign(null, bytes, key.privateKey);
    }
    const path = join(work, `rebuilt-${(counter += 1)}.zip`);
    await writeZip(entries, path, options.mtime);
    return path;
  }
  const entryOf = (entries: ZipEntryCopy[], name: string) => entries.find((e) => e.name === name)!;
  /** Replaces events.jsonl and what the manifest says of it. */
  const setEvents = (entries: ZipEntryCopy[], manifest: BundleManifest, lines: string[]) => {
    const bytes = Buffer.from(lines.join(''));
    entryOf(entries, 'events.jsonl').bytes = bytes;
    manifest.files['events.jsonl'] = sha256(bytes);
  };

  it('accepts a bundle made by writeBundle and reports what it holds', async () => {
    expect(await verifyBundle(good)).toEqual({
      ok: true,
      caseId: CASE_ID,
      streamId: STREAM_ID,
      asOf: AS_OF,
      generatedAt: GENERATED_AT,
      eventCount: 5,
      headRevision: 4,
      headHash: records[4].hash,
      fingerprint: key.fingerprint,
      fingerprintChecked: false,
      warnings: [],
    });
    const copied = key.fingerprint.toUpperCase().match(/../g)!.join(':');
    expect(await verifyBundle(good, { expectedFingerprint: copied })).toMatchObject({ ok: true, fingerprintChecked: true });
    await expect(verifyBundle(good, { expectedFingerprint: 'abc' })).rejects.toThrow(TypeError);
  });

  it('accepts the same files zipped again by another program, in another time zone', async () => {
    const dir = join(work, 'unzipped');
    execSync(`unzip -q ${good} -d ${dir}`);
    for (const [name, flags] of [
      ['info-zip.zip', '-r'],
      ['info-zip-plain.zip', '-r -X'],
    ] as const) {
      execSync(`zip -q ${flags} ${join(work, name)} .`, { cwd: dir, env: { ...process.env, TZ: 'Asia/Kolkata' } });
      expect(await verifyBundle(join(work, name))).toMatchObject({ ok: true, eventCount: 5 });
    }
    expect(await verifyBundle(await rebuild(() => undefined))).toMatchObject({ ok: true });
  });

  describe('one changed byte in each region of the archive', () => {
    let regions: Region[];
    beforeAll(async () => {
      regions = await zipRegions(original);
    });

    it.each(['manifest.json', 'manifest.sig', 'public-key.pem', 'LISEZMOI.txt', 'events.jsonl', 'dossier.pdf', LETTER_PATH])(
      'fails, naming the file, when a byte of %s changes',
      async (name) => {
        const data = regions.find((r) => r.name === name && r.part === 'data')!;
        for (const offset of [data.start, Math.floor((data.start + data.end) / 2), data.end - 1]) {
          const result = await verifyBundle(file(flip(original, offset)));
          expect({ offset, ok: result.ok, file: !result.ok && result.failure.file }).toEqual({ offset, ok: false, file: name });
          if (!result.ok) expect(result.failure.message).toMatch(new RegExp(`^${escape(name)} : `));
        }
      },
    );

    it('fails on any changed byte of the ZIP headers, except fields that change nothing extracted, and warns of a changed date', async () => {
      const inert: string[] = [];
      const dated: string[] = [];
      const headers = regions.filter((r) => r.part !== 'data');
      for (const region of headers) {
        for (let offset = region.start; offset < region.end; offset += 1) {
          const result = await verifyBundle(file(flip(original, offset)));
          if (result.ok && result.warnings.length === 0) inert.push(`${region.part}+${offset - region.start}`);
          if (result.ok && result.warnings.length > 0) dated.push(`${region.name}:${region.part}+${offset - region.start}`);
        }
      }
      // Central directory record fields: 4 = "version made by" (63 -> 62), 36 = internal
      // attributes (the "text" bit), 38 = DOS attributes (read-only), 40 and 41 = Unix permission bits.
      expect(new Set(inert)).toEqual(new Set(['central+4', 'central+36', 'central+38', 'central+40', 'central+41']));
      // The modification time of the central extended timestamp (extra field 0x5455, right after
      // the name: id, size, flags, then 4 bytes), which unzip restores: accepted, with a warning.
      const mtimeBytes = regions
        .filter((r) => r.part === 'central')
        .flatMap((r) => [0, 1, 2, 3].map((i) => `${r.name}:central+${46 + Buffer.byteLength(r.name) + 5 + i}`));
      expect(dated).toEqual(mtimeBytes);
    }, 120_000);

    it('reports a CRC error clearly when only the checksum was altered', async () => {
      const central = regions.find((r) => r.name === 'dossier.pdf' && r.part === 'central')!;
      const result = await verifyBundle(file(flip(original, central.start + 16)));
      expect(result).toMatchObject({ ok: false, failure: { step: 0, code: 'inconsistent_entry', file: 'dossier.pdf' } });
      const local = regions.find((r) => r.name === 'dossier.pdf' && r.part === 'descriptor')!;
      const both = flip(flip(original, central.start + 16), local.start + 4);
      const crc = await verifyBundle(file(both));
      expect(crc).toMatchObject({ ok: false, failure: { step: 2, code: 'crc_mismatch', file: 'dossier.pdf' } });
      if (!crc.ok) expect(crc.failure.message).toMatch(/^dossier\.pdf : le contrôle CRC-32 du ZIP échoue .* — attendu : [0-9a-f]{8} ; trouvé : [0-9a-f]{8}\.$/);
    });
  });

  describe('content altered and zipped again consistently', () => {
    it('a changed line of events.jsonl', async () => {
      const path = await rebuild((entries) => {
        const events = entryOf(entries, 'events.jsonl');
        events.bytes = Buffer.from(events.bytes.toString().replace('"priorNotice":"none"', '"priorNotice":"oral"'));
      });
      const result = await verifyBundle(path);
      expect(result).toMatchObject({ ok: false, failure: { step: 2, code: 'hash_mismatch', file: 'events.jsonl' } });
      if (!result.ok) expect(result.failure.expected).toBe(JSON.parse(readZipText(good, 'manifest.json')).files['events.jsonl']);
    });

    it('a removed line of events.jsonl', async () => {
      const path = await rebuild((entries) => {
        const events = entryOf(entries, 'events.jsonl');
        events.bytes = Buffer.from(
          events.bytes
            .toString()
            .split('\n')
            .filter((_, i) => i !== 2)
            .join('\n'),
        );
      });
      expect(await verifyBundle(path)).toMatchObject({ ok: false, failure: { step: 2, code: 'hash_mismatch', file: 'events.jsonl' } });
    });

    it('a changed attachment, dossier, manifest, signature or public key', async () => {
      const cases: Array<[string, (entries: ZipEntryCopy[]) => void, object]> = [
        [
          LETTER_PATH,
          (e) => (entryOf(e, LETTER_PATH).bytes = Buffer.from('autre courrier')),
          { step: 2, code: 'hash_mismatch', file: LETTER_PATH, expected: sha256(LETTER), found: sha256('autre courrier') },
        ],
        ['dossier.pdf', (e) => (entryOf(e, 'dossier.pdf').bytes = Buffer.from('%PDF-1.4 autre')), { step: 2, code: 'hash_mismatch', file: 'dossier.pdf' }],
        [
          'manifest.json',
          (e) => (entryOf(e, 'manifest.json').bytes = Buffer.from(readZipText(good, 'manifest.json').replace('"eventCount": 5', '"eventCount": 4'))),
          { step: 1, code: 'bad_signature', file: 'manifest.sig' },
        ],
        [
          'manifest.sig',
          (e) => (entryOf(e, 'manifest.sig').bytes = sign(null, Buffer.from('autre'), key.privateKey)),
          { step: 1, code: 'bad_signature', file: 'manifest.sig' },
        ],
        ['public-key.pem', (e) => (entryOf(e, 'public-key.pem').bytes = Buffer.from(testSigningKey().publicKeyPem)), { step: 1, code: 'bad_signature' }],
        [
          'public-key.pem',
          (e) => (entryOf(e, 'public-key.pem').bytes = key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as Buffer),
          { step: 1, code: 'bad_public_key' },
        ],
        [
          'public-key.pem',
          (e) =>
            (entryOf(e, 'public-key.pem').bytes = Buffer.from(
              generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }),
            )),
          { step: 1, code: 'bad_public_key', expected: 'ed25519', found: 'ec' },
        ],
        ['manifest.sig', (e) => (entryOf(e, 'manifest.sig').bytes = Buffer.alloc(63)), { step: 1, code: 'bad_signature', expected: '64', found: '63' }],
      ];
      for (const [what, edit, failure] of cases) {
        const result = await verifyBundle(await rebuild(edit));
        expect({ what, result }).toMatchObject({ what, result: { ok: false, failure } });
      }
    });

    it('LISEZMOI.txt is not signed (spec section 4): rewriting it is not a failure', async () => {
      const path = await rebuild((entries) => (entryOf(entries, 'LISEZMOI.txt').bytes = Buffer.from('autre texte')));
      expect(await verifyBundle(path)).toMatchObject({ ok: true });
    });
  });

  describe('entry dates, which no check of spec section 4 reads: a warning beside the verdict, never a refusal', () => {
    /** Months after the bundle was made, and not a whole number of quarter hours, as a copy made later would be. */
    const LATER = new Date(Date.parse(GENERATED_AT) + 263 * 24 * 3600_000 + 7 * 60_000 + 37_000);

    it('accepts the unchanged files zipped again with a new date, and warns about the dates', async () => {
      const result = await verifyBundle(await rebuild(() => undefined, { mtime: LATER }));
      expect(result).toMatchObject({ ok: true, eventCount: 5, headHash: records[4].hash });
      expect(result.warnings).toHaveLength(1);
      const [warning] = result.warnings;
      expect(warning).toMatchObject({ code: 'entry_dates_differ', expected: GENERATED_AT });
      const names = (await readZipEntries(good)).map((e) => e.name);
      expect(names).toHaveLength(8);
      expect(warning.entries.map((e) => e.file)).toEqual(names);
      expect(warning.message).toBe(
        `Avertissement : dans l’archive, 8 fichiers ne portent pas la date de production du paquet (generatedAt ${GENERATED_AT}) : ` +
          'manifest.json, manifest.sig, public-key.pem et 5 autres. L’archive a sans doute été refaite ou copiée sans garder les dates. ' +
          'Ces dates ne sont pas signées et ne font partie d’aucun contrôle : seuls les contrôles décident du résultat.',
      );
      expect(warning.messageEn).toBe(
        `Warning: in the archive, 8 files do not carry the bundle’s production date (generatedAt ${GENERATED_AT}): ` +
          'manifest.json, manifest.sig, public-key.pem and 5 others. The archive was probably zipped again or copied without keeping dates. ' +
          'These dates are not signed and are part of no check: only the checks decide the outcome.',
      );
    });

    it('accepts a bundle whose unsigned LISEZMOI.txt alone was touched, then zipped again with zip', async () => {
      const dir = join(work, 'touched');
      execSync(`unzip -q ${good} -d ${dir}`);
      execSync('touch LISEZMOI.txt', { cwd: dir });
      const path = join(work, 'touched-readme.zip');
      execSync(`zip -q -r -X ${path} .`, { cwd: dir });
      const result = await verifyBundle(path);
      expect(result).toMatchObject({ ok: true, eventCount: 5 });
      expect(result.warnings.map((w) => w.entries.map((e) => e.file))).toEqual([['LISEZMOI.txt']]);
      expect(result.warnings[0].message).toMatch(
        /^Avertissement : dans l’archive, un fichier ne porte pas la date de production du paquet .* : LISEZMOI\.txt\. /,
      );
    });

    it('refuses a file altered and every entry dated anew, naming that file’s hash mismatch and not a date', async () => {
      const altered = (bytes: Buffer) => Buffer.from(bytes.toString().replace('"priorNotice":"none"', '"priorNotice":"oral"'));
      let alteredHash = '';
      const path = await rebuild(
        (entries) => {
          const events = entryOf(entries, 'events.jsonl');
          events.bytes = altered(events.bytes);
          alteredHash = sha256(events.bytes);
        },
        { mtime: LATER },
      );
      const result = await verifyBundle(path);
      expect(result).toMatchObject({
        ok: false,
        failure: {
          step: 2,
          code: 'hash_mismatch',
          file: 'events.jsonl',
          expected: JSON.parse(readZipText(good, 'manifest.json')).files['events.jsonl'],
          found: alteredHash,
        },
      });
      if (result.ok) return;
      expect(result.failure.message).toMatch(/^events\.jsonl : l’empreinte SHA-256 du fichier diffère de celle du manifeste : le fichier a été modifié — /);
      expect(result.warnings.map((w) => w.code)).toEqual(['entry_dates_differ']);

      const attachment = await rebuild((entries) => (entryOf(entries, LETTER_PATH).bytes = Buffer.from('autre courrier')), { mtime: LATER });
      expect(await verifyBundle(attachment)).toMatchObject({
        ok: false,
        failure: { step: 2, code: 'hash_mismatch', file: LETTER_PATH, expected: sha256(LETTER), found: sha256('autre courrier') },
      });
    });

    it('still refuses an altered manifest, at step 1, whatever the dates', async () => {
      const path = await rebuild(
        (entries) => (entryOf(entries, 'manifest.json').bytes = Buffer.from(readZipText(good, 'manifest.json').replace('"eventCount": 5', '"eventCount": 4'))),
        { mtime: LATER },
      );
      expect(await verifyBundle(path)).toMatchObject({ ok: false, failure: { step: 1, code: 'bad_signature', file: 'manifest.sig' } });
    });
  });

  describe('targeted failures, reported with their step, file, line and values', () => {
    it('an extra file', async () => {
      const path = await rebuild((entries) => entries.push({ name: 'attachments/notes.txt', bytes: Buffer.from('ajout') }));
      const result = await verifyBundle(path);
      expect(result).toMatchObject({ ok: false, failure: { step: 2, code: 'unlisted_file', file: 'attachments/notes.txt' } });
      if (!result.ok)
        expect(result.failure.message).toBe('attachments/notes.txt : ce fichier est dans l’archive mais pas dans la liste signée du manifeste (files).');
    });

    it('a missing attachment, with and without its line in the manifest', async () => {
      const removed = await rebuild((entries) =>
        entries.splice(
          entries.findIndex((e) => e.name === LETTER_PATH),
          1,
        ),
      );
      expect(await verifyBundle(removed)).toMatchObject({
        ok: false,
        failure: { step: 2, code: 'missing_file', file: LETTER_PATH, expected: sha256(LETTER), found: 'absent' },
      });

      const unlisted = await rebuild(
        (entries, manifest) => {
          entries.splice(
            entries.findIndex((e) => e.name === LETTER_PATH),
            1,
          );
          delete manifest.files[LETTER_PATH];
        },
        { resign: true },
      );
      const result = await verifyBundle(unlisted);
      expect(result).toEqual({
        ok: false,
        failure: expect.objectContaining({
          step: 4,
          code: 'missing_attachment',
          file: 'events.jsonl',
          line: 3,
          revision: 2,
          expected: LETTER_PATH,
          found: 'absent',
        }),
        warnings: [],
      });
      if (!result.ok) {
        expect(result.failure.message).toBe(
          `events.jsonl, ligne 3 (révision 2) : la pièce jointe citée par cet EvidenceAttached manque dans le paquet — attendu : ${LETTER_PATH} ; trouvé : absent.`,
        );
        expect(result.failure.messageEn).toBe(
          `events.jsonl, line 3 (revision 2): the file cited by this EvidenceAttached is missing from the bundle — expected: ${LETTER_PATH}; found: absent.`,
        );
      }
    });

    it('a removed line of events.jsonl, re-signed: a revision gap, or a count mismatch when it was the last', async () => {
      const lines = records.map(eventLine);
      const middle = await rebuild(
        (entries, manifest) =>
          setEvents(
            entries,
            manifest,
            lines.filter((_, i) => i !== 2),
          ),
        { resign: true },
      );
      expect(await verifyBundle(middle)).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'revision_gap', file: 'events.jsonl', line: 3, revision: 3, expected: '2', found: '3' },
      });
      const last = await rebuild((entries, manifest) => setEvents(entries, manifest, lines.slice(0, 4)), { resign: true });
      expect(await verifyBundle(last)).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'event_count_mismatch', file: 'events.jsonl', expected: '5', found: '4' },
      });
    });

    it('a line altered or unreadable, re-signed', async () => {
      const lines = records.map(eventLine);
      const altered = lines.map((line, i) => (i === 1 ? line.replace('"priorNotice":"none"', '"priorNotice":"oral"') : line));
      const result = await verifyBundle(await rebuild((entries, manifest) => setEvents(entries, manifest, altered), { resign: true }));
      expect(result).toMatchObject({ ok: false, failure: { step: 3, code: 'event_hash_mismatch', line: 2, revision: 1, found: records[1].hash } });
      if (!result.ok) {
        const recomputed = result.failure.expected!;
        expect(recomputed).toMatch(/^[0-9a-f]{64}$/);
        // The line's claim first, then what recomputing it gives, each named as such.
        expect(result.failure.message).toBe(
          `events.jsonl, ligne 2 (révision 1) : l’empreinte recalculée de l’inscription diffère de son champ "hash" : la ligne a été modifiée — inscrit dans la ligne (hash) : ${records[1].hash} ; recalculé : ${recomputed}.`,
        );
        expect(result.failure.messageEn).toBe(
          `events.jsonl, line 2 (revision 1): the entry’s recomputed hash differs from its "hash" member: the line was altered — stated in the line (hash): ${records[1].hash}; recomputed: ${recomputed}.`,
        );
      }

      const broken = lines.map((line, i) => (i === 3 ? '{"streamId":\n' : line));
      expect(await verifyBundle(await rebuild((entries, manifest) => setEvents(entries, manifest, broken), { resign: true }))).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'malformed_line', line: 4 },
      });
      const unterminated = [...lines.slice(0, 4), lines[4].trimEnd()];
      expect(await verifyBundle(await rebuild((entries, manifest) => setEvents(entries, manifest, unterminated), { resign: true }))).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'malformed_line', line: 5 },
      });
    });

    it('a line whose own hash is right but whose prevHash names another line, re-signed', async () => {
      const first = records.slice(0, 2);
      const elsewhere = 'e'.repeat(64);
      const { eventId, type, data, metadata } = records[2];
      const relinked = sealEvents(
        STREAM_ID,
        { revision: 1, hash: elsewhere, recordedAt: first[1].metadata.recordedAt },
        [{ eventId, type, data, metadata }],
        new Date(metadata.recordedAt),
      );
      const path = await rebuild(
        (entries, manifest) => {
          setEvents(entries, manifest, [...first, ...relinked].map(eventLine));
          Object.assign(manifest, { eventCount: 3, headRevision: 2, headHash: relinked[0].hash });
        },
        { resign: true },
      );
      const result = await verifyBundle(path);
      expect(result).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'prev_hash_mismatch', line: 3, revision: 2, expected: first[1].hash, found: elsewhere },
      });
      if (!result.ok) {
        expect(result.failure.message).toBe(
          `events.jsonl, ligne 3 (révision 2) : le champ "prevHash" ne renvoie pas à l’empreinte de la ligne précédente — inscrit dans la ligne (prevHash) : ${elsewhere} ; empreinte de la ligne précédente : ${first[1].hash}.`,
        );
        expect(result.failure.messageEn).toBe(
          `events.jsonl, line 3 (revision 2): the "prevHash" member does not link to the hash of the line before — stated in the line (prevHash): ${elsewhere}; hash of the line before: ${first[1].hash}.`,
        );
      }
    });

    it('an event recorded after asOf, of another stream, or a head that differs from the manifest', async () => {
      const earlier = await rebuild((_, manifest) => (manifest.asOf = '2026-03-02T09:30:00.000Z'), { resign: true });
      expect(await verifyBundle(earlier)).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'after_as_of', line: 5, revision: 4, expected: '≤ 2026-03-02T09:30:00.000Z', found: records[4].metadata.recordedAt },
      });
      const other = await rebuild((_, manifest) => (manifest.streamId = 'case-autre'), { resign: true });
      expect(await verifyBundle(other)).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'wrong_stream', line: 1, expected: 'case-autre', found: STREAM_ID },
      });
      const head = await rebuild((_, manifest) => (manifest.headHash = records[3].hash), { resign: true });
      expect(await verifyBundle(head)).toMatchObject({
        ok: false,
        failure: { step: 3, code: 'head_hash_mismatch', line: 5, revision: 4, expected: records[3].hash, found: records[4].hash },
      });
    });

    it('an attachment whose size differs from the one recorded', async () => {
      const first = records.slice(0, 2);
      const last = first[1];
      const wrong = sealEvents(
        STREAM_ID,
        { revision: 1, hash: last.hash, recordedAt: last.metadata.recordedAt },
        [
          {
            eventId: 'event-x',
            type: 'EvidenceAttached',
            data: { evidenceId: 'ev-x', sha256: sha256(LETTER), size: 3, mediaType: 'application/pdf', fileName: 'x.pdf' },
            metadata: records[2].metadata,
          },
        ],
        new Date('2026-03-02T09:00:00.000Z'),
      );
      const chain = [...first, ...wrong];
      const path = await rebuild(
        (entries, manifest) => {
          setEvents(entries, manifest, chain.map(eventLine));
          Object.assign(manifest, { eventCount: 3, headRevision: 2, headHash: wrong[0].hash });
        },
        { resign: true },
      );
      const result = await verifyBundle(path);
      expect(result).toMatchObject({
        ok: false,
        failure: { step: 4, code: 'attachment_size_mismatch', file: 'events.jsonl', line: 3, revision: 2, expected: '3', found: String(LETTER.length) },
      });
    });

    it('a manifest that names another key, or is malformed, though signed', async () => {
      const named = await rebuild((_, manifest) => (manifest.publicKeySha256 = 'f'.repeat(64)), { resign: true });
      expect(await verifyBundle(named)).toMatchObject({
        ok: false,
        failure: { step: 1, code: 'key_mismatch', file: 'public-key.pem', expected: 'f'.repeat(64), found: key.fingerprint },
      });
      const format = await rebuild((_, manifest) => Object.assign(manifest, { format: 'main-courante-bundle/2' }), { resign: true });
      expect(await verifyBundle(format)).toMatchObject({ ok: false, failure: { step: 1, code: 'unknown_format', file: 'manifest.json' } });
      const count = await rebuild((_, manifest) => Object.assign(manifest, { eventCount: '5' }), { resign: true });
      expect(await verifyBundle(count)).toMatchObject({ ok: false, failure: { step: 1, code: 'malformed_manifest', file: 'manifest.json' } });
      const slip = await rebuild((_, manifest) => (manifest.files['../../evil'] = sha256('x')), { resign: true });
      expect(await verifyBundle(slip)).toMatchObject({ ok: false, failure: { step: 2, code: 'invalid_file_list', file: '../../evil' } });
      const renamed = await rebuild((_, manifest) => (manifest.files[LETTER_PATH] = sha256('x')), { resign: true });
      expect(await verifyBundle(renamed)).toMatchObject({ ok: false, failure: { step: 2, code: 'invalid_file_list', file: LETTER_PATH } });
    });

    it('a key other than the one expected (step 5)', async () => {
      const other = testSigningKey();
      const result = await verifyBundle(good, { expectedFingerprint: other.fingerprint });
      expect(result).toMatchObject({
        ok: false,
        failure: { step: 5, code: 'unexpected_key', file: 'public-key.pem', expected: other.fingerprint, found: key.fingerprint },
      });
      // A bundle entirely re-made and signed by someone else passes steps 1 to 4, never step 5.
      const forged = join(work, 'forged.zip');
      writeFileSync(forged, (await bundleBytes(sampleInput(other))).zip);
      expect(await verifyBundle(forged)).toMatchObject({ ok: true });
      expect(await verifyBundle(forged, { expectedFingerprint: key.fingerprint })).toMatchObject({ ok: false, failure: { step: 5 } });
    });
  });

  describe('hostile archives', () => {
    it('refuses names that would escape the folder, duplicates and links', async () => {
      const entries = await readZipEntries(good);
      const slipPath = join(work, 'slip.zip');
      await writeZip([...entries, { name: 'zz/zz/evil.txt', bytes: Buffer.from('x') }], slipPath);
      const slip = readFileSync(slipPath);
      const slipped = Buffer.from(slip.toString('latin1').split('zz/zz/').join('../../'), 'latin1');
      expect(await verifyBundle(file(slipped))).toMatchObject({ ok: false, failure: { step: 0, code: 'unsafe_name', file: '../../evil.txt' } });

      const absolute = Buffer.from(slip.toString('latin1').split('zz/zz/evil.txt').join('/tmp/evil.txt!'), 'latin1');
      expect(await verifyBundle(file(absolute))).toMatchObject({ ok: false, failure: { step: 0, code: 'unsafe_name' } });

      const twice = join(work, 'twice.zip');
      await writeZip([...entries, { name: 'Manifest.json', bytes: Buffer.from('{}') }], twice);
      expect(await verifyBundle(twice)).toMatchObject({ ok: false, failure: { step: 0, code: 'duplicate_entry', file: 'Manifest.json' } });

      const link = join(work, 'link.zip');
      await writeZip(
        entries.map((e) => (e.name === 'dossier.pdf' ? { ...e, mode: 0o120777 } : e)),
        link,
      );
      expect(await verifyBundle(link)).toMatchObject({ ok: false, failure: { step: 0, code: 'unsafe_entry', file: 'dossier.pdf' } });
    });

    it('refuses bytes hidden between entries', async () => {
      const regions = await zipRegions(original);
      const second = regions.find((r) => r.name === 'manifest.sig' && r.part === 'local')!;
      // Shift everything after the first entry by 3 bytes and fix the offsets that point past it.
      const patched = Buffer.concat([original.subarray(0, second.start), Buffer.from('???'), original.subarray(second.start)]);
      const shifted = await shiftOffsets(patched, second.start, 3);
      expect(await verifyBundle(file(shifted))).toMatchObject({ ok: false, failure: { step: 0, code: 'inconsistent_archive', file: 'manifest.sig' } });
    });

    it('answers any damage with a verdict, never an exception, and accepts only what leaves the signed files as they were', async () => {
      type Damage =
        | { flip: number; xor: number }
        | { cut: number }
        | { insert: number; bytes: Uint8Array }
        | { remove: number; length: number }
        | { overwrite: number; bytes: Uint8Array };
      const at = fc.nat(original.length - 1);
      const damage: fc.Arbitrary<Damage> = fc.oneof(
        fc.record({ flip: at, xor: fc.integer({ min: 1, max: 255 }) }),
        fc.record({ cut: at }),
        fc.record({ insert: at, bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
        fc.record({ remove: at, length: fc.integer({ min: 1, max: 40 }) }),
        fc.record({ overwrite: at, bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
      );
      /** Offsets are taken modulo the length, as earlier damages may have shortened the archive. */
      const apply = (bytes: Buffer, d: Damage): Buffer => {
        const copy = Buffer.from(bytes);
        if ('flip' in d) copy[d.flip % copy.length] ^= d.xor;
        if ('overwrite' in d) Buffer.from(d.bytes).copy(copy, d.overwrite % copy.length);
        if ('cut' in d) return copy.subarray(0, d.cut % copy.length);
        if ('insert' in d) return Buffer.concat([copy.subarray(0, d.insert % copy.length), Buffer.from(d.bytes), copy.subarray(d.insert % copy.length)]);
        if ('remove' in d) return Buffer.concat([copy.subarray(0, d.remove % copy.length), copy.subarray((d.remove % copy.length) + d.length)]);
        return copy;
      };
      const signed = async (path: string) => (await readZipEntries(path)).filter((e) => e.name !== 'LISEZMOI.txt');
      const intact = await signed(good);
      await fc.assert(
        fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 3 }), async (damages) => {
          const bytes = damages.reduce(apply, original);
          const path = file(bytes);
          const result = await verifyBundle(path);
          if (result.ok) expect(await signed(path)).toEqual(intact);
          else expect(result.failure).toMatchObject({ step: expect.any(Number), code: expect.any(String), message: expect.stringMatching(/\S/) });
        }),
        { numRuns: 300 },
      );
    }, 120_000);

    it('reports a missing or non-ZIP file at step 0', async () => {
      expect(await verifyBundle(join(work, 'absent.zip'))).toMatchObject({ ok: false, failure: { step: 0, code: 'unreadable', file: 'absent.zip' } });
      expect(await verifyBundle(file(Buffer.from('pas un zip')))).toMatchObject({ ok: false, failure: { step: 0, code: 'not_a_zip' } });
      expect(await verifyBundle(file(original.subarray(0, original.length - 100)))).toMatchObject({ ok: false, failure: { step: 0 } });
    });
  });
});

function flip(bytes: Buffer, offset: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] ^= 0x01;
  return copy;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function readZipText(path: string, name: string): string {
  return execSync(`unzip -p ${path} ${name}`).toString();
}

interface Region {
  name: string;
  part: 'local' | 'data' | 'descriptor' | 'central' | 'end';
  start: number;
  end: number;
}

/** Where each structure of a ZIP written by yazl lies. */
async function zipRegions(zip: Buffer): Promise<Region[]> {
  const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const regions: Region[] = [];
  const endRecord = zip.length - 22;
  let central = zip.readUInt32LE(endRecord + 16);
  for await (const entry of archive.eachEntry()) {
    const header = await archive.readLocalFileHeaderPromise(entry);
    const dataEnd = header.fileDataStart + entry.compressedSize;
    const descriptorEnd = entry.generalPurposeBitFlag & 0x8 ? dataEnd + 16 : dataEnd;
    const centralEnd = central + 46 + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
    regions.push(
      { name: entry.fileName, part: 'local', start: entry.relativeOffsetOfLocalHeader, end: header.fileDataStart },
      { name: entry.fileName, part: 'data', start: header.fileDataStart, end: dataEnd },
      { name: entry.fileName, part: 'descriptor', start: dataEnd, end: descriptorEnd },
      { name: entry.fileName, part: 'central', start: central, end: centralEnd },
    );
    central = centralEnd;
  }
  archive.close();
  regions.push({ name: '', part: 'end', start: endRecord, end: zip.length });
  return regions.filter((r) => r.end > r.start);
}

/** Adds `by` to every local header offset past `from` in the central directory, and to its offset in the end record. */
async function shiftOffsets(zip: Buffer, from: number, by: number): Promise<Buffer> {
  const copy = Buffer.from(zip);
  const endRecord = copy.length - 22;
  const centralStart = copy.readUInt32LE(endRecord + 16) + by;
  copy.writeUInt32LE(centralStart, endRecord + 16);
  let position = centralStart;
  while (copy.readUInt32LE(position) === 0x02014b50) {
    const offset = copy.readUInt32LE(position + 42);
    if (offset >= from) copy.writeUInt32LE(offset + by, position + 42);
    position += 46 + copy.readUInt16LE(position + 28) + copy.readUInt16LE(position + 30) + copy.readUInt16LE(position + 32);
  }
  return copy;
}
