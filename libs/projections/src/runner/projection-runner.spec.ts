import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PositionedEvent } from '@mc/event-store/event-store.port';
import { caseListProjection, getCaseRow, listCasesOwnedBy } from '../case-list/case-list.projection';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { agent, CASE_ID, seedStory } from '../testing/seed-story';
import { ProjectionRunner, ProjectionTimeoutError } from './projection-runner';
import type { SqlProjection, SqliteDatabase } from './sql-projection';

/**
 * A projection that logs every position it applies. The PRIMARY KEY makes a double apply fail
 * loudly; `calls` counts applies across runners; `failAt` simulates a crash while applying.
 */
function positionLog(version = 1, failAt?: number): SqlProjection & { calls: number[]; resets: number } {
  const projection = {
    name: 'position_log',
    version,
    calls: [] as number[],
    resets: 0,
    setup(db: SqliteDatabase) {
      db.exec('CREATE TABLE IF NOT EXISTS position_log (position INTEGER PRIMARY KEY, type TEXT NOT NULL, version INTEGER NOT NULL)');
    },
    reset(db: SqliteDatabase) {
      projection.resets += 1;
      db.exec('DROP TABLE IF EXISTS position_log');
    },
    apply(db: SqliteDatabase, { position, record }: PositionedEvent) {
      if (position === failAt) throw new Error(`crash while applying ${position}`);
      db.prepare('INSERT INTO position_log (position, type, version) VALUES (?, ?, ?)').run(position, record.type, version);
      projection.calls.push(position);
    },
  };
  return projection;
}

const loggedPositions = (db: SqliteDatabase): number[] => db.prepare('SELECT position FROM position_log ORDER BY position').pluck().all() as number[];
const checkpoint = (db: SqliteDatabase, name: string) =>
  db.prepare('SELECT position, version FROM checkpoints WHERE name = ?').get(name) as { position: number; version: number } | undefined;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const otherActor = { ...agent, id: 'user-agent-9', username: 'autre' };
function appendNewCase(store: InMemoryEventStore, caseId: string, title: string) {
  return store.append(
    `case-${caseId}`,
    [
      {
        eventId: `open-${caseId}`,
        type: 'CaseOpened',
        data: { title },
        metadata: { schemaVersion: 1, actor: otherActor, correlationId: 'c', causationId: 'c' },
      },
    ],
    'no_stream',
  );
}

describe('ProjectionRunner', () => {
  let dir: string;
  let file: string;
  const open: SqliteDatabase[] = [];
  const runners: ProjectionRunner[] = [];
  const openDb = (): SqliteDatabase => {
    const db = new Database(file);
    open.push(db);
    return db;
  };
  const runner = (...args: ConstructorParameters<typeof ProjectionRunner>): ProjectionRunner => {
    const r = new ProjectionRunner(...args);
    runners.push(r);
    return r;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mc-projections-'));
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    for (const db of open.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('given the seed story in the store', () => {
    const { records } = seedStory();

    it('when started, then it catches up in batches, with checkpoints and a WAL journal', async () => {
      const store = new InMemoryEventStore();
      store.load(records);
      const db = openDb();
      const log = positionLog();
      const r = runner(db, store, [caseListProjection, log], { batchSize: 5 });

      await r.start();

      expect(r.position()).toBe(records.length);
      expect(loggedPositions(db)).toEqual(range(1, records.length));
      expect(getCaseRow(db, CASE_ID)).toMatchObject({ status: 'closed', revision: records.length - 1 });
      expect(checkpoint(db, 'case_list')).toEqual({ position: records.length, version: caseListProjection.version });
      expect(checkpoint(db, 'position_log')).toEqual({ position: records.length, version: 1 });
      expect(store.readAllCalls).toBe(Math.ceil(records.length / 5) + 1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });

    it('when a new runner opens the same file, then it resumes from the checkpoint without applying anything twice', async () => {
      const store = new InMemoryEventStore();
      store.load(records.slice(0, 10));
      const first = positionLog();
      const db1 = openDb();
      const r1 = runner(db1, store, [caseListProjection, first]);
      await r1.start();
      await r1.stop();
      db1.close();

      store.load(records.slice(10));
      const second = positionLog();
      const db2 = openDb();
      const r2 = runner(db2, store, [caseListProjection, second]);
      await r2.start();

      expect(first.calls).toEqual(range(1, 10));
      expect(second.calls).toEqual(range(11, records.length));
      expect(second.resets).toBe(0);
      expect(loggedPositions(db2)).toEqual(range(1, records.length));
      expect(getCaseRow(db2, CASE_ID)!.counts).toEqual({ entries: 11, corrections: 1, retractions: 1, evidence: 1 });
    });

    it('when a projection’s version is bumped, then only that projection is rebuilt from zero', async () => {
      const store = new InMemoryEventStore();
      store.load(records);
      const db1 = openDb();
      await runner(db1, store, [caseListProjection, positionLog(1)]).start();
      await runners[0]!.stop();
      db1.close();

      const bumped = positionLog(2);
      const db2 = openDb();
      await runner(db2, store, [caseListProjection, bumped]).start();

      expect(bumped.resets).toBe(1);
      expect(bumped.calls).toEqual(range(1, records.length));
      expect(db2.prepare('SELECT DISTINCT version FROM position_log').pluck().all()).toEqual([2]);
      expect(checkpoint(db2, 'position_log')).toEqual({ position: records.length, version: 2 });
      expect(getCaseRow(db2, CASE_ID)!.revision).toBe(records.length - 1); // case_list kept, not replayed twice
    });

    it('when a projection is added later, then it alone replays from zero', async () => {
      const store = new InMemoryEventStore();
      store.load(records);
      const db = openDb();
      const existing = positionLog();
      await runner(db, store, [existing]).start();
      await runners[0]!.stop();

      await runner(db, store, [existing, caseListProjection]).start();

      expect(existing.calls).toEqual(range(1, records.length)); // once, from the first runner
      expect(getCaseRow(db, CASE_ID)!.counts.entries).toBe(11);
    });

    it('when rebuilt, then it gives the same rows', async () => {
      const store = new InMemoryEventStore();
      store.load(records);
      const db = openDb();
      const log = positionLog();
      const r = runner(db, store, [caseListProjection, log], { batchSize: 4 });
      await r.start();
      expect(log.resets).toBe(1); // a projection without a checkpoint row starts from empty tables
      const before = { cases: db.prepare('SELECT * FROM case_list ORDER BY id').all(), log: loggedPositions(db) };

      await r.rebuild();

      expect(log.resets).toBe(2);
      expect(log.calls).toHaveLength(2 * records.length);
      expect({ cases: db.prepare('SELECT * FROM case_list ORDER BY id').all(), log: loggedPositions(db) }).toEqual(before);
      expect(r.position()).toBe(records.length);
    });

    it('when applying crashes midway through a batch, then nothing of the batch is kept and a restart resumes exactly there', async () => {
      const store = new InMemoryEventStore();
      store.load(records);
      const db1 = openDb();
      const crashing = positionLog(1, 7);
      await expect(runner(db1, store, [caseListProjection, crashing], { batchSize: 5 }).start()).rejects.toThrow('crash while applying 7');

      expect(loggedPositions(db1)).toEqual(range(1, 5)); // the first batch committed, the second rolled back
      expect(checkpoint(db1, 'position_log')!.position).toBe(5);
      expect(checkpoint(db1, 'case_list')!.position).toBe(5);
      expect(runners[0]!.lastError()).toEqual(new Error('crash while applying 7'));
      db1.close();

      const fixed = positionLog(1);
      const db2 = openDb();
      await runner(db2, store, [caseListProjection, fixed], { batchSize: 5 }).start();
      expect(fixed.calls).toEqual(range(6, records.length));
      expect(loggedPositions(db2)).toEqual(range(1, records.length));
      expect(getCaseRow(db2, CASE_ID)!.counts).toEqual({ entries: 11, corrections: 1, retractions: 1, evidence: 1 });
    });

    it('when the store holds fewer events than the checkpoints, then the read models are rebuilt', async () => {
      const full = new InMemoryEventStore();
      full.load(records);
      const db = openDb();
      await runner(db, full, [caseListProjection]).start();
      await runners[0]!.stop();

      const restored = new InMemoryEventStore(); // e.g. a store restored from an older backup
      restored.load(records.slice(0, 3));
      await runner(db, restored, [caseListProjection]).start();

      expect(getCaseRow(db, CASE_ID)).toMatchObject({ revision: 2, status: 'open' });
      expect(checkpoint(db, 'case_list')!.position).toBe(3);
    });
  });

  describe('given a started runner', () => {
    it('when a command appends, then waitFor resolves once every projection has applied it', async () => {
      const store = new InMemoryEventStore(() => '2019-11-21T09:00:00.000Z');
      store.load(seedStory().records);
      const db = openDb();
      const r = runner(db, store, [caseListProjection, positionLog()]);
      await r.start();

      const appended = await appendNewCase(store, 'dddddddd-0000-4000-8000-000000000004', 'Nouvelle coupure');
      await r.waitFor(appended.position);

      expect(r.position()).toBeGreaterThanOrEqual(appended.position);
      expect(listCasesOwnedBy(db, otherActor.id)).toEqual([
        expect.objectContaining({ title: 'Nouvelle coupure', openedAt: '2019-11-21T09:00:00.000Z', revision: 0 }),
      ]);
      await expect(r.waitFor(appended.position)).resolves.toBeUndefined(); // already there
    });

    it('when several appends race, then each waitFor resolves with its own position', async () => {
      const store = new InMemoryEventStore();
      const db = openDb();
      const r = runner(db, store, [caseListProjection]);
      await r.start();
      expect(r.position()).toBe(0);

      const results = await Promise.all(['1', '2', '3'].map((n) => appendNewCase(store, `eeeeeeee-0000-4000-8000-00000000000${n}`, `Cas ${n}`)));
      await Promise.all(results.map((res) => r.waitFor(res.position)));
      expect(listCasesOwnedBy(db, otherActor.id)).toHaveLength(3);
    });

    it('when appends land in one turn of the event loop, then they are applied in one read-model transaction', async () => {
      const store = new InMemoryEventStore();
      const db = openDb();
      const r = runner(db, store, [caseListProjection]);
      await r.start();
      const batches: number[] = [];
      const apply = (r as unknown as { applyBatch: (events: PositionedEvent[]) => void }).applyBatch.bind(r);
      (r as unknown as { applyBatch: (events: PositionedEvent[]) => void }).applyBatch = (events) => {
        batches.push(events.length);
        apply(events);
      };
      const results = await Promise.all(Array.from({ length: 10 }, (_, n) => appendNewCase(store, `abababab-0000-4000-8000-0000000000${10 + n}`, `Cas ${n}`)));
      await r.waitFor(Math.max(...results.map((res) => res.position)));
      expect(batches.reduce((a, b) => a + b, 0)).toBe(10);
      expect(batches.length).toBeLessThan(10);
      expect(listCasesOwnedBy(db, otherActor.id)).toHaveLength(10);
    });

    it('when waiting for a position that never comes, then waitFor times out', async () => {
      const store = new InMemoryEventStore();
      const db = openDb();
      const r = runner(db, store, [caseListProjection]);
      await r.start();
      await expect(r.waitFor(1, 30)).rejects.toBeInstanceOf(ProjectionTimeoutError);
    });

    it('when a live event fails to apply, then pending waitFor calls are rejected and nothing is half applied', async () => {
      const store = new InMemoryEventStore();
      store.load(seedStory().records);
      const db = openDb();
      const crashing = positionLog(1, 19);
      const r = runner(db, store, [crashing]);
      await r.start();

      const appended = await appendNewCase(store, 'ffffffff-0000-4000-8000-000000000006', 'Échec');
      await expect(r.waitFor(appended.position)).rejects.toThrow('crash while applying 19');
      expect(checkpoint(db, 'position_log')!.position).toBe(18);
      expect(loggedPositions(db)).toEqual(range(1, 18));
    });

    it('when stopped, then later events are not applied until it starts again', async () => {
      const store = new InMemoryEventStore();
      const db = openDb();
      const r = runner(db, store, [caseListProjection]);
      await r.start();
      await r.stop();

      const appended = await appendNewCase(store, '99999999-0000-4000-8000-000000000007', 'Après l’arrêt');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(r.position()).toBe(0);

      await r.start();
      await r.waitFor(appended.position);
      expect(getCaseRow(db, '99999999-0000-4000-8000-000000000007')).not.toBeNull();
    });
  });
});
