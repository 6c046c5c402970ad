import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventRecord, ServerProcess, chainProblems } from './support/processes';

/**
 * Durability: the real server, as a child process, is killed (SIGKILL, no shutdown hook) while
 * six clients write notes to two cases. After a restart on the same data directory, every write
 * that was acknowledged is there, at the revision and with the hash it was acknowledged with, no
 * write that was refused or never sent appears, and every chain still verifies.
 */
jest.setTimeout(60_000);

const ADMIN = { username: 'admin', password: 'motdepasse-admin-kill' };
const AGENT = { username: 'ecrivaine', password: 'motdepasse-ecrivaine' };
const WRITE_FOR_MS = 1500;

interface Ack {
  caseId: string;
  entryId: string;
  revision: number;
  hash: string;
  text: string;
}

interface LoopResult {
  acks: Ack[];
  /** Answers other than 201 received before the kill: status and body. */
  refusals: Array<{ status: number; body: unknown; text: string; caseId: string }>;
  /** The request that failed without an answer (the kill), and when it failed relative to the kill. */
  interrupted: { caseId: string; text: string; error: string; afterKill: boolean } | null;
}

describe('SIGKILL while clients write', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-kill-'));
  // Durability is measured here, not the per-account write limit: writers go as fast as they can.
  const env = { MC_DATA_DIR: dataDir, MC_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`, MC_WRITE_LIMIT_PER_MINUTE: '0' };
  const servers: ServerProcess[] = [];
  let killedAt = 0;
  const caseIds: string[] = [];
  let loops: LoopResult[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    const first = await ServerProcess.start(env);
    servers.push(first);
    const agent = await first.addAgent(ADMIN, AGENT);
    for (const title of ['Coupure de la messagerie', 'Coupure du serveur de fichiers']) {
      const opened = await first.call('POST', '/api/v1/cases', agent, { title });
      expect(opened).toMatchObject({ status: 201, body: { revision: 0 } });
      caseIds.push(opened.body.id);
    }
    const [a, b] = caseIds;

    // Two loops on each case, two more going back and forth between them.
    const plans: string[][] = [[a], [a], [b], [b], [a, b], [b, a]];
    let stop = false;
    const loop = async (n: number, targets: string[]): Promise<LoopResult> => {
      const result: LoopResult = { acks: [], refusals: [], interrupted: null };
      for (let i = 0; !stop; i++) {
        const caseId = targets[i % targets.length];
        const text = `boucle ${n}, note ${i}`;
        try {
          const res = await first.call('POST', `/api/v1/cases/${caseId}/notes`, agent, { text }, 8000);
          if (res.status === 201) result.acks.push({ caseId, entryId: res.body.entryId, revision: res.body.revision, hash: res.body.hash, text });
          else result.refusals.push({ status: res.status, body: res.body, text, caseId });
        } catch (error) {
          result.interrupted = { caseId, text, error: String((error as Error)?.cause ?? error), afterKill: killedAt > 0 };
          return result;
        }
      }
      return result;
    };
    const running = plans.map((targets, n) => loop(n, targets));
    await new Promise((r) => setTimeout(r, WRITE_FOR_MS));
    killedAt = Date.now();
    process.kill(first.pid, 'SIGKILL');
    const exit = await first.waitForExit();
    expect(exit.signal).toBe('SIGKILL');
    stop = true;
    loops = await Promise.all(running);

    servers.push(await ServerProcess.start(env));
  });

  it('was killed in the middle of the writes', () => {
    const acks = loops.flatMap((l) => l.acks);
    // Enough writes on both cases for the test to mean something.
    for (const caseId of caseIds) expect(acks.filter((a) => a.caseId === caseId).length).toBeGreaterThanOrEqual(5);
    // Every loop was still writing when the server died: each ended on a request without an answer.
    expect(loops.map((l) => l.interrupted?.afterKill)).toEqual(loops.map(() => true));
    // Before the kill nothing but 201 or 409 (concurrent writers), never a 5xx.
    for (const refusal of loops.flatMap((l) => l.refusals)) {
      expect(refusal).toMatchObject({ status: 409, body: { code: 'REVISION_CONFLICT' } });
    }
  });

  it('keeps every acknowledged entry at its revision and hash, and only writes clients sent', async () => {
    const server = servers[1];
    const agent = await server.login(AGENT);
    const acks = loops.flatMap((l) => l.acks);
    expect(new Set(acks.map((a) => a.entryId)).size).toBe(acks.length);

    for (const caseId of caseIds) {
      const res = await server.call('GET', `/api/v1/cases/${caseId}/events`, agent);
      expect(res.status).toBe(200);
      const records = res.body as EventRecord[];
      expect(chainProblems(records, `case-${caseId}`)).toEqual([]);
      expect(records.map((r) => r.revision)).toEqual(records.map((_, i) => i));
      expect(records[0].type).toBe('CaseOpened');

      const mine = acks.filter((a) => a.caseId === caseId);
      // No two acknowledgements for the same revision: no fork was ever acknowledged.
      expect(new Set(mine.map((a) => a.revision)).size).toBe(mine.length);
      for (const ack of mine) {
        const stored = records[ack.revision];
        expect({ revision: ack.revision, entryId: stored?.data.entryId, hash: stored?.hash, text: stored?.data.text }).toEqual({
          revision: ack.revision,
          entryId: ack.entryId,
          hash: ack.hash,
          text: ack.text,
        });
      }

      // Anything else stored is a note whose request was cut by the kill: nothing refused, nothing invented.
      const acked = new Set(mine.map((a) => a.entryId));
      const cut = new Set(loops.filter((l) => l.interrupted?.caseId === caseId).map((l) => l.interrupted!.text));
      const extra = records.slice(1).filter((r) => !acked.has(r.data.entryId));
      for (const r of extra)
        expect({ type: r.type, text: r.data.text, cutByTheKill: cut.has(r.data.text) }).toEqual({ type: 'NoteAdded', text: r.data.text, cutByTheKill: true });
      expect(records).toHaveLength(1 + mine.length + extra.length);
    }
  });

  it('goes on appending after the head, and the read models caught up with the store', async () => {
    const server = servers[1];
    const agent = await server.login(AGENT);
    for (const caseId of caseIds) {
      const before = (await server.call('GET', `/api/v1/cases/${caseId}/events`, agent)).body as EventRecord[];
      const head = before[before.length - 1];
      const note = await server.call('POST', `/api/v1/cases/${caseId}/notes`, agent, { text: 'Après le redémarrage' });
      expect(note).toMatchObject({ status: 201, body: { revision: head.revision + 1 } });
      const after = (await server.call('GET', `/api/v1/cases/${caseId}/events`, agent)).body as EventRecord[];
      expect(after).toHaveLength(before.length + 1);
      expect(after[after.length - 1]).toMatchObject({ prevHash: head.hash, hash: note.body.hash });
      expect(chainProblems(after, `case-${caseId}`)).toEqual([]);
    }

    const list = await server.call('GET', '/api/v1/cases', agent);
    expect(list.status).toBe(200);
    for (const caseId of caseIds) {
      const events = (await server.call('GET', `/api/v1/cases/${caseId}/events`, agent)).body as EventRecord[];
      const item = list.body.find((c: { id: string }) => c.id === caseId);
      expect(item).toMatchObject({ revision: events.length - 1, counts: { entries: events.length - 1 } });
    }
  });

  it('finds the whole journal intact (GET /integrity/verify)', async () => {
    const server = servers[1];
    const admin = await server.login(ADMIN);
    const verify = await server.call('GET', '/api/v1/integrity/verify', admin);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.firstFailure).toBeUndefined();
    const agent = await server.login(AGENT);
    let caseEvents = 0;
    for (const caseId of caseIds) caseEvents += ((await server.call('GET', `/api/v1/cases/${caseId}/events`, agent)).body as unknown[]).length;
    expect(verify.body.streams).toBeGreaterThanOrEqual(2 + 2); // two accounts, two cases
    expect(verify.body.events).toBeGreaterThanOrEqual(caseEvents);
  });
});
