import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '@mc/evidence';
import { TestApp, bearer, startTestApp, binaryBody, storedEvidenceFiles } from './support/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

describe('Evidence files and exports', () => {
  let t: TestApp;
  let agent: string;
  let other: string;
  let caseId: string;
  const work = mkdtempSync(join(tmpdir(), 'mc-export-'));

  beforeAll(async () => {
    t = await startTestApp({ MC_MAX_UPLOAD_BYTES: '100000' });
    agent = (await t.user('bollywood')).token;
    other = (await t.user('ferris')).token;
    caseId = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Coupure des accès — médiathèque', service: 'Médiathèque' }).expect(201)).body
      .id;
    await t.http
      .post(`/api/v1/cases/${caseId}/access-cutoffs`)
      .set(bearer(agent))
      .send({ occurredAt: '2019-11-12T08:30:00+01:00', resources: [{ kind: 'mailbox' }], decidedBy: 'provider', priorNotice: 'none' })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  let evidenceId: string;

  it('stores an upload by its SHA-256, detects the real media type and keeps the client name as data only', async () => {
    // Hand-built: client libraries strip directories from file names before sending.
    const boundary = 'mc-boundary-42';
    const part = (headers: string, body: Buffer | string) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
    const body = Buffer.concat([
      part('Content-Disposition: form-data; name="description"', 'Écrit de la DGS'),
      part('Content-Disposition: form-data; name="capturedAt"', '2019-11-13T10:00:00+01:00'),
      part('Content-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\nContent-Type: image/png', PDF),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(bearer(agent))
      .set('content-type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({ sha256: sha256(PDF), size: PDF.length, mediaType: 'application/pdf', fileName: '../../etc/passwd' });
    evidenceId = res.body.evidenceId;
    const stored = readdirSync(join(t.dataDir, 'attachments'), { recursive: true }).map(String);
    expect(stored.some((p) => p.endsWith(sha256(PDF)))).toBe(true);
    expect(stored.some((p) => p.includes('passwd'))).toBe(false);

    const again = await t.http.post(`/api/v1/cases/${caseId}/evidence`).set(bearer(agent)).attach('file', PDF, 'Lettre DGS « copie ».pdf').expect(201);
    expect(again.body.sha256).toBe(sha256(PDF));
    expect(again.body.evidenceId).not.toBe(evidenceId);
    expect(again.body.fileName).toBe('Lettre DGS « copie ».pdf');
  });

  it('gives the bytes back with their media type to the owner only', async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/evidence/${evidenceId}`).set(bearer(agent)).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(sha256(res.body)).toBe(sha256(PDF));
    await t.http.get(`/api/v1/cases/${caseId}/evidence/${evidenceId}`).set(bearer(other)).expect(404);
    await t.http.post(`/api/v1/cases/${caseId}/evidence`).set(bearer(other)).attach('file', PDF, 'x.pdf').expect(404);
    await t.http.get(`/api/v1/cases/${caseId}/evidence/3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13`).set(bearer(agent)).expect(404);
  });

  it('refuses files over the limit (413), executables (415) and a form without file (400), writing nothing', async () => {
    const before = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body.length;
    await t.http.post(`/api/v1/cases/${caseId}/evidence`).set(bearer(agent)).attach('file', Buffer.alloc(100001, 0x41), 'gros.txt').expect(413);
    const exe = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(bearer(agent))
      .attach('file', ELF, { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(415);
    expect(exe.body.code).toBe('MEDIA_TYPE_REFUSED');
    await t.http.post(`/api/v1/cases/${caseId}/evidence`).set(bearer(agent)).field('description', 'sans fichier').expect(400);
    expect((await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body.length).toBe(before);
    expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
  });

  it('keeps no byte of an upload the case refuses (unknown aboutEntryId, closed case)', async () => {
    const stored = () => storedEvidenceFiles(t.dataDir);
    const events = async () => (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body.length;
    const before = { stored: stored(), events: await events() };
    const unknownEntry = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(bearer(agent))
      .field('aboutEntryId', '3f1c2a4e-9b7d-4c1e-8f2a-1b2c3d4e5f60')
      .attach('file', Buffer.from('capture refusée 1'), 'capture.txt')
      .expect(422);
    expect(unknownEntry.body.code).toBe('RULE_VIOLATED');
    const closed = (await t.http.post('/api/v1/cases').set(bearer(agent)).send({ title: 'Dossier clos' }).expect(201)).body.id;
    await t.http.post(`/api/v1/cases/${closed}/close`).set(bearer(agent)).send({ reason: 'Accès rétablis.' }).expect(201);
    const onClosed = await t.http.post(`/api/v1/cases/${closed}/evidence`).set(bearer(agent)).attach('file', Buffer.from('capture refusée 2'), 'capture.txt');
    expect(onClosed.body.code).toBe('CASE_CLOSED');
    expect({ stored: stored(), events: await events() }).toEqual(before);
  });

  it('exports the PDF dossier, recording DossierExported with the SHA-256 of the bytes sent', async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(agent)).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = join(work, 'dossier.pdf');
    writeFileSync(file, res.body);
    execFileSync('qpdf', ['--check', file]);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('Coupure des accès — médiathèque');
    const events = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body;
    const last = events[events.length - 1];
    expect(last).toMatchObject({ type: 'DossierExported', data: { format: 'pdf', sha256: sha256(res.body) } });
    expect(res.headers['x-export-id']).toBe(last.data.exportId);
    await t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(other)).expect(404);
  });

  it('exports a signed bundle that verifies with our verifier and with unzip, sha256sum and openssl alone', async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/bundle.zip`).set(bearer(agent)).buffer(true).parse(binaryBody).expect(200);
    const zip = join(work, 'bundle.zip');
    writeFileSync(zip, res.body);
    const publicKey = (await t.http.get('/api/v1/integrity/public-key').expect(200)).text;
    const result = await verifyBundle(zip);
    expect(result).toMatchObject({ ok: true, caseId });

    const dir = join(work, 'unzipped');
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    expect(readFileSync(join(dir, 'public-key.pem'), 'utf8')).toBe(publicKey);
    execFileSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      join(dir, 'public-key.pem'),
      '-rawin',
      '-in',
      join(dir, 'manifest.json'),
      '-sigfile',
      join(dir, 'manifest.sig'),
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    for (const [name, hash] of Object.entries(manifest.files)) {
      expect(
        execFileSync('sha256sum', [join(dir, name)])
          .toString()
          .split(' ')[0],
      ).toBe(hash);
    }
    expect(manifest.files[`attachments/${sha256(PDF)}`]).toBe(sha256(PDF));
    expect(readFileSync(join(dir, 'LISEZMOI.txt'), 'utf8')).toContain('openssl pkeyutl -verify');

    // The export of this bundle is recorded after it was sealed: in the journal, not in the bundle.
    const events = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body;
    expect(events[events.length - 1]).toMatchObject({ type: 'DossierExported', data: { format: 'bundle', sha256: sha256(res.body) } });
    expect(manifest.eventCount).toBe(events.length - 1);
  });

  it('exports a bundle as of a past date: exactly the prefix of the stream recorded by then', async () => {
    const events = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body;
    const asOf = events[1].metadata.recordedAt;
    const res = await t.http
      .get(`/api/v1/cases/${caseId}/bundle.zip?asOf=${encodeURIComponent(asOf)}`)
      .set(bearer(agent))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const zip = join(work, 'bundle-asof.zip');
    writeFileSync(zip, res.body);
    const result = await verifyBundle(zip);
    expect(result.ok).toBe(true);
    const recordedByThen = events.filter((e: any) => e.metadata.recordedAt <= asOf).length;
    expect(result).toMatchObject({ eventCount: recordedByThen, headHash: events[recordedByThen - 1].hash });
  });

  it('exports, while others write to the case, bundles holding every event recorded up to their asOf', async () => {
    let writing = true;
    const writer = async () => {
      while (writing) await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(agent)).send({ text: 'Pendant l’export' }).expect(201);
    };
    const writers = [writer(), writer()];
    const bundles: { eventCount: number; asOf: string }[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const res = await t.http.get(`/api/v1/cases/${caseId}/bundle.zip`).set(bearer(agent)).buffer(true).parse(binaryBody).expect(200);
        const zip = join(work, `bundle-during-writes-${i}.zip`);
        writeFileSync(zip, res.body);
        const result = await verifyBundle(zip);
        expect(result.ok).toBe(true);
        if (result.ok) bundles.push({ eventCount: result.eventCount, asOf: result.asOf });
      }
    } finally {
      writing = false;
      await Promise.all(writers);
    }
    const events: { metadata: { recordedAt: string } }[] = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(agent))).body;
    const recordedBy = (asOf: string) => events.filter((e) => Date.parse(e.metadata.recordedAt) <= Date.parse(asOf)).length;
    expect(bundles.map((b) => ({ ...b, eventCount: b.eventCount }))).toEqual(bundles.map((b) => ({ ...b, eventCount: recordedBy(b.asOf) })));
  });

  it('catches one changed byte anywhere in a bundle', async () => {
    const original = readFileSync(join(work, 'bundle.zip'));
    for (const offset of [10, Math.floor(original.length / 3), Math.floor(original.length / 2), original.length - 30]) {
      const tampered = Buffer.from(original);
      tampered[offset] ^= 0x01;
      const path = join(work, `tampered-${offset}.zip`);
      writeFileSync(path, tampered);
      const result = await verifyBundle(path).catch((e: Error) => ({ ok: false, error: e.message }));
      expect({ offset, ok: result.ok }).toEqual({ offset, ok: false });
    }
  });
});
