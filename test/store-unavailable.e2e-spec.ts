import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

/**
 * The disk stops accepting writes under a running service (full, remounted read-only): writes
 * answer 503 with a clear sentence, nothing half-written, and the service recovers by itself.
 * As root, file modes do not stop writes, so the write-ahead log is made immutable instead.
 */
/** Makes a directory refuse new files (immutable as root, read-only otherwise) while `run` runs. */
async function withoutWrites<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dir, { recursive: true });
  if (asRoot) execFileSync('chattr', ['+i', dir]);
  else execFileSync('chmod', ['555', dir]);
  try {
    return await run();
  } finally {
    if (asRoot) execFileSync('chattr', ['-i', dir]);
    else execFileSync('chmod', ['755', dir]);
  }
}

describe('Store unavailable', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('answers 503 while the journal cannot write, writes nothing, and recovers', async () => {
    t = await startTestApp();
    const token = (await t.user('bollywood')).token;
    const { caseId } = await seedSmallCase(t, token);
    const wal = join(t.dataDir, 'journal.sqlite-wal');
    const before = (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(token)).expect(200)).body.length;

    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', wal]);
    else execFileSync('chmod', ['444', wal]);
    try {
      const refused = await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(token)).send({ text: 'Le disque est plein' });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(refused.body.message[0]).toMatch(/rien n’a été enregistré/);
      // Reads keep working.
      const events = await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(token)).expect(200);
      expect(events.body.length).toBe(before);
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', wal]);
      else execFileSync('chmod', ['644', wal]);
    }

    await t.http.post(`/api/v1/cases/${caseId}/notes`).set(bearer(token)).send({ text: 'Le disque a de la place' }).expect(201);
    const after = await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(token)).expect(200);
    expect(after.body.length).toBe(before + 1);
    expect(after.body[before].data.text).toBe('Le disque a de la place');
    const verify = await t.http
      .get('/api/v1/integrity/verify')
      .set(bearer(await t.adminToken()))
      .expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('answers 503 to an upload or an export the data directory cannot take, records nothing, leaves nothing, and recovers', async () => {
    t = await startTestApp();
    const token = (await t.user('bollywood')).token;
    const { caseId } = await seedSmallCase(t, token);
    const events = async () => (await t.http.get(`/api/v1/cases/${caseId}/events`).set(bearer(token)).expect(200)).body.length;
    const upload = () =>
      t.http.post(`/api/v1/cases/${caseId}/evidence`).set(bearer(token)).attach('file', Buffer.from('capture du message d’erreur'), 'capture.txt');
    const before = await events();

    // Each place the bytes pass: the upload's temporary file, the store's staging area, the store itself.
    for (const dir of ['uploads', join('attachments', 'tmp'), 'attachments']) {
      const refused = await withoutWrites(join(t.dataDir, dir), upload);
      expect({ dir, status: refused.status, code: refused.body.code }).toEqual({ dir, status: 503, code: 'STORE_UNAVAILABLE' });
      expect(refused.body.message[0]).toMatch(/rien n’a été enregistré/);
    }
    const exported = await withoutWrites(join(t.dataDir, 'exports'), () => t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(token)));
    expect({ status: exported.status, code: exported.body.code }).toEqual({ status: 503, code: 'STORE_UNAVAILABLE' });

    expect(await events()).toBe(before);
    expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'attachments'), { recursive: true })).toEqual(['tmp']);
    expect(readdirSync(join(t.dataDir, 'exports'))).toEqual([]);

    await upload().expect(201);
    await t.http.get(`/api/v1/cases/${caseId}/dossier.pdf`).set(bearer(token)).expect(200);
    expect(await events()).toBe(before + 2);
  });
});
