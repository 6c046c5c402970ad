import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventRecord, ServerProcess, chainProblems } from './support/processes';

/**
 * Durability of the bytes beside the journal: the real server, as a child process, is killed
 * (SIGKILL) while clients upload evidence and download bundles of the same case. After a restart
 * on the same data directory: every acknowledged upload is in the case with its bytes; no
 * EvidenceAttached event lacks its bytes; every bundle a client received whole was recorded
 * (DossierExported, with its SHA-256) before it was sent; the temporary copies the kill cut short
 * are removed once old enough, and the fresh ones are left alone.
 */
jest.setTimeout(90_000);

const ADMIN = { username: 'admin', password: 'motdepasse-admin-kill-pieces' };
const AGENT = { username: 'deposante', password: 'motdepasse-deposante' };
const WRITE_FOR_MS = 2000;
const TEMPORARY_AREAS = ['uploads', join('attachments', 'tmp'), 'exports'];
const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  evidenceId: string;
  sha256: string;
  size: number;
}

interface Loop {
  uploads: Upload[];
  /** SHA-256 of each bundle received whole (its length as announced). */
  bundles: string[];
  refusals: Array<{ status: number; body: unknown }>;
  interrupted: { error: string; afterKill: boolean } | null;
}

describe('SIGKILL while clients upload evidence and download bundles', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-kill-pieces-'));
  const env = { MC_DATA_DIR: dataDir, MC_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`, MC_WRITE_LIMIT_PER_MINUTE: '0' };
  const servers: ServerProcess[] = [];
  let killedAt = 0;
  let caseId = '';
  let loops: Loop[] = [];
  /** What the kill left in each temporary area, aged by the test before the restart. */
  const leftovers: Record<string, string[]> = {};
  /** Files the test put in each area just before the restart: too recent to be abandoned. */
  const fresh: string[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    const first = await ServerProcess.start(env);
    servers.push(first);
    const agent = await first.addAgent(ADMIN, AGENT);
    const opened = await first.call('POST', '/api/v1/cases', agent, { title: 'Coupure des accès : captures et courriers' });
    expect(opened).toMatchObject({ status: 201 });
    caseId = opened.body.id;

    let stop = false;
    const base = `${first.baseUrl}/api/v1/cases/${caseId}`;
    const headers = { authorization: `Bearer ${agent}` };
    const attempt = async (loop: Loop, send: () => Promise<void>): Promise<Loop> => {
      while (!stop) {
        try {
          await send();
        } catch (error) {
          loop.interrupted = { error: String((error as Error)?.cause ?? error), afterKill: killedAt > 0 };
          return loop;
        }
      }
      return loop;
    };
    const uploader = (n: number): Promise<Loop> => {
      const loop: Loop = { uploads: [], bundles: [], refusals: [], interrupted: null };
      let i = 0;
      return attempt(loop, async () => {
        // Random bytes (no format to detect), 0.5 to 3 MB: the kill lands in the middle of some.
        const bytes = randomBytes(500_000 + ((n * 7919 + i++ * 104_729) % 2_500_000));
        const form = new FormData();
        form.append('file', new Blob([bytes]), `capture-${n}-${i}.bin`);
        form.append('description', `Capture ${i} de la boucle ${n}`);
        const res = await fetch(`${base}/evidence`, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(15_000) });
        const body = (await res.json()) as Upload;
        if (res.status !== 201) return void loop.refusals.push({ status: res.status, body });
        expect(body).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
        loop.uploads.push({ evidenceId: body.evidenceId, sha256: body.sha256, size: body.size });
      });
    };
    const exporter = (): Promise<Loop> => {
      const loop: Loop = { uploads: [], bundles: [], refusals: [], interrupted: null };
      return attempt(loop, async () => {
        const res = await fetch(`${base}/bundle.zip`, { headers, signal: AbortSignal.timeout(15_000) });
        if (res.status !== 200) return void loop.refusals.push({ status: res.status, body: await res.text() });
        const bytes = new Uint8Array(await res.arrayBuffer());
        // A body cut by the kill rejects above; a whole one has the announced length.
        expect(bytes.length).toBe(Number(res.headers.get('content-length')));
        loop.bundles.push(sha256(bytes));
      });
    };

    const running = [uploader(0), uploader(1), uploader(2), exporter()];
    await new Promise((r) => setTimeout(r, WRITE_FOR_MS));
    killedAt = Date.now();
    process.kill(first.pid, 'SIGKILL');
    expect((await first.waitForExit()).signal).toBe('SIGKILL');
    stop = true;
    loops = await Promise.all(running);

    // Whatever the kill left, aged beyond the delay; plus one old and one fresh file per area, so
    // that each area is tested even when the kill left nothing there.
    const old = new Date(Date.now() - TWO_HOURS_MS);
    for (const area of TEMPORARY_AREAS) {
      const dir = join(dataDir, area);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'reste-ancien.part'), 'reste d’un arrêt brutal, il y a deux heures');
      leftovers[area] = readdirSync(dir);
      for (const name of leftovers[area]) utimesSync(join(dir, name), old, old);
      writeFileSync(join(dir, 'en-cours.part'), 'copie d’une autre instance, en cours');
      fresh.push(join(dir, 'en-cours.part'));
    }

    servers.push(await ServerProcess.start(env));
  });

  it('was killed in the middle of uploads and exports', () => {
    const uploads = loops.flatMap((l) => l.uploads);
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    expect(loops[3].bundles.length).toBeGreaterThanOrEqual(1);
    expect(loops.map((l) => l.interrupted?.afterKill)).toEqual(loops.map(() => true));
    expect(loops.flatMap((l) => l.refusals)).toEqual([]);
  });

  it('keeps every acknowledged upload with its bytes, and records no evidence without its bytes', async () => {
    const server = servers[1];
    const agent = await server.login(AGENT);
    const records = (await server.call('GET', `/api/v1/cases/${caseId}/events`, agent)).body as EventRecord[];
    expect(chainProblems(records, `case-${caseId}`)).toEqual([]);
    const attached = records.filter((r) => r.type === 'EvidenceAttached');

    const acknowledged = loops.flatMap((l) => l.uploads);
    const byId = new Map(attached.map((r) => [r.data.evidenceId as string, r.data]));
    for (const upload of acknowledged) expect(byId.get(upload.evidenceId)).toMatchObject({ sha256: upload.sha256, size: upload.size });
    // At most one upload per loop was cut by the kill, and may or may not have been recorded.
    expect(attached.length - acknowledged.length).toBeGreaterThanOrEqual(0);
    expect(attached.length - acknowledged.length).toBeLessThanOrEqual(3);

    for (const record of attached) {
      const res = await fetch(`${server.baseUrl}/api/v1/cases/${caseId}/evidence/${record.data.evidenceId}`, { headers: { authorization: `Bearer ${agent}` } });
      expect({ status: res.status, sha256: sha256(new Uint8Array(await res.arrayBuffer())) }).toEqual({ status: 200, sha256: record.data.sha256 });
    }
  });

  it('recorded every bundle a client received before sending it', async () => {
    const server = servers[1];
    const agent = await server.login(AGENT);
    const records = (await server.call('GET', `/api/v1/cases/${caseId}/events`, agent)).body as EventRecord[];
    const recorded = records.filter((r) => r.type === 'DossierExported').map((r) => r.data.sha256 as string);
    for (const bundle of loops[3].bundles) expect(recorded).toContain(bundle);
    // The export cut by the kill may have been recorded too (recorded, then cut while sent), never more.
    expect(recorded.length - loops[3].bundles.length).toBeLessThanOrEqual(1);
  });

  it('removed the temporary copies the kill left, once old enough, and kept the fresh ones', () => {
    for (const area of TEMPORARY_AREAS) {
      expect({ area, left: leftovers[area].filter((name) => existsSync(join(dataDir, area, name))) }).toEqual({ area, left: [] });
    }
    for (const path of fresh) expect(existsSync(path)).toBe(true);
    expect(servers[1].log).toMatch(/Fichiers temporaires abandonnés supprimés : \d+ \(/);
  });

  it('finds the whole journal intact and goes on taking evidence', async () => {
    const server = servers[1];
    const admin = await server.login(ADMIN);
    expect((await server.call('GET', '/api/v1/integrity/verify', admin)).body).toMatchObject({ ok: true });
    const agent = await server.login(AGENT);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('capture après le redémarrage')]), 'apres.txt');
    const res = await fetch(`${server.baseUrl}/api/v1/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${agent}` }, body: form });
    expect(res.status).toBe(201);
  });
});
