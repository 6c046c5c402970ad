import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TestApp, bearer, seedSmallCase, startTestApp } from './support/test-app';

/** Someone with access to the data file edits history: the chain check must name the place. */
describe('Tampering with the stored journal', () => {
  let t: TestApp;

  afterEach(() => t?.close());

  it('refuses UPDATE and DELETE while the guard triggers stand', async () => {
    t = await startTestApp();
    const agent = (await t.user('bollywood')).token;
    await seedSmallCase(t, agent);
    const db = new Database(join(t.dataDir, 'journal.sqlite'));
    try {
      expect(() => db.prepare("UPDATE events SET data = '{}' WHERE revision = 1").run()).toThrow(/append-only|not allowed|refus/i);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow();
    } finally {
      db.close();
    }
    const verify = await t.http
      .get('/api/v1/integrity/verify')
      .set(bearer(await t.adminToken()))
      .expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it.each([
    ['a changed word in an entry', "UPDATE events SET data = replace(data, 'Président', 'Maire') WHERE stream_id = ? AND revision = 2", 2, 'hash_mismatch'],
    ['a deleted entry', 'DELETE FROM events WHERE stream_id = ? AND revision = 1', 2, 'revision_gap'],
    [
      'a backdated recording',
      'UPDATE events SET metadata = replace(metadata, \'"recordedAt":"2\', \'"recordedAt":"1\') WHERE stream_id = ? AND revision = 1',
      1,
      'hash_mismatch',
    ],
  ])('names the stream and revision of %s (guard triggers dropped)', async (_label, sql, revision, reason) => {
    t = await startTestApp();
    const agent = (await t.user('bollywood')).token;
    const { caseId } = await seedSmallCase(t, agent);
    const db = new Database(join(t.dataDir, 'journal.sqlite'));
    try {
      db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
      expect(db.prepare(sql).run(`case-${caseId}`).changes).toBe(1);
    } finally {
      db.close();
    }
    const verify = await t.http
      .get('/api/v1/integrity/verify')
      .set(bearer(await t.adminToken()))
      .expect(200);
    expect(verify.body).toMatchObject({ ok: false, firstFailure: { streamId: `case-${caseId}`, revision, reason } });
  });
});
