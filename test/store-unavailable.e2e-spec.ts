import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

/**
 * The disk stops accepting writes under a running service (full, remounted read-only): writes
 * answer 503 with a clear sentence, nothing half-written, and the service recovers by itself.
 * As root, file modes do not stop writes, so the write-ahead log is made immutable instead.
 */
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
});
