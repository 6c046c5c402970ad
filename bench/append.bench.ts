import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { systemClock, type Actor } from '@mc/domain';
import type { EventStore } from '@mc/event-store/event-store.port';
import { ChainVerifier } from '@mc/event-store/hash-chain';
import { compiled, compiledApp } from './support/compiled';
import type { BenchContext } from './support/context';
import { Rng, words } from './support/journal-generator';
import { eluMeter, nowMs, percentile } from './support/measure';
import { round, row, type BenchResult } from './support/results';
import { StoreMeter } from './support/store-meter';
import { log, num } from './support/table';
import { tempDir } from './support/tmp';

/**
 * `append`: durable appends/s through the whole write path of the compiled service (Nest CommandBus -> ExecuteCaseCommand
 * handler -> loadCase -> decideCase -> SqliteEventStore.append: hash chain, BEGIN IMMEDIATE,
 * INSERT, COMMIT with synchronous=FULL), with N concurrent writers on distinct cases and on one
 * case. Reference, same run, same disk: raw better-sqlite3 single-row commits/s with the adapter's
 * pragmas and table. Target: >= 2.5x the raw single-commit rate (needs group commit).
 */

const ID = 'append';
const MAX_OPS = 2_000_000;

interface RawRate {
  commits: number;
  seconds: number;
  perSecond: number;
  meanUs: number;
}

/** The compiled service (compiledApp), with the command this bench sends and the store its reference creates its table with. */
function loadService() {
  return {
    ...compiledApp(),
    ...compiled<typeof import('@mc/event-store')>('libs/event-store/src/index'),
    ...compiled<typeof import('../apps/api/src/cases/commands/execute-case-command/execute-case-command.command')>(
      'apps/api/src/cases/commands/execute-case-command/execute-case-command.command',
    ),
  };
}
let loaded: ReturnType<typeof loadService> | null = null;
const service = (): ReturnType<typeof loadService> => (loaded ??= loadService());

/** Single-row transactions on the adapter's own table and pragmas: the durable-commit floor. */
async function rawCommits(dir: string, name: string, synchronous: 'FULL' | 'OFF', seconds: number): Promise<RawRate> {
  const file = join(dir, `${name}.sqlite`);
  await new (service().SqliteEventStore)({ file, clock: systemClock }).close(); // the adapter creates its schema
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // A NoteAdded row of the usual size; ids and revision change at every commit.
    const rng = new Rng(7);
    const streamId = `case-${rng.uuid()}`;
    const prefix = rng.uuid().slice(0, 24);
    const data = JSON.stringify({ text: words(rng, 20, 30), entryId: rng.uuid() });
    const metadata = JSON.stringify({
      schemaVersion: 1,
      actor: { id: rng.uuid(), username: 'bench-agent', role: 'agent' },
      correlationId: rng.uuid(),
      causationId: rng.uuid(),
      recordedAt: new Date().toISOString(),
    });
    const prevHash = rng.hex(64);
    const hash = rng.hex(64);
    const commit = db.transaction((i: number) => {
      insert.run(streamId, i, `${prefix}${String(i).padStart(12, '0')}`, 'NoteAdded', data, metadata, prevHash, hash);
    });
    const start = nowMs();
    const deadline = start + seconds * 1000;
    let i = 0;
    while (i < MAX_OPS && nowMs() < deadline) commit.immediate(i++);
    const elapsed = (nowMs() - start) / 1000;
    return { commits: i, seconds: elapsed, perSecond: i / elapsed, meanUs: (elapsed * 1e6) / i };
  } finally {
    db.close();
  }
}

interface Scenario {
  name: string;
  writers: number;
  ok: number;
  failed: number;
  failures: Record<string, number>;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Main-thread utilization: ~1 means the thread never waited. */
  eventLoopUtilization: number;
  /** The store's writer thread (seal, INSERT, COMMIT and its fsync), when it has one. */
  writerUtilization: number | null;
  storeCalls: { readStream: number; append: number; conflicts: number };
  /** Main-thread time per successful append, in microseconds. */
  perAppendUs: { total: number; readStream: number; storeAppend: number; rest: number };
  /** Writer-thread time per successful append (fsync waits included), in microseconds. */
  writerPerAppendUs: number | null;
}

type ThreadPerformance = { performance: Parameters<typeof eluMeter>[0] };

/** The store's writer thread, read from its private fields (bench-only), if it runs one. */
function writerThreadOf(store: EventStore): ThreadPerformance | null {
  return (store as unknown as { writer?: { worker?: ThreadPerformance | null } | null }).writer?.worker ?? null;
}

async function drive(
  name: string,
  bus: CommandBus,
  store: EventStore,
  meter: StoreMeter,
  actor: Actor,
  caseOf: (writer: number) => string,
  writers: number,
  seconds: number,
): Promise<Scenario> {
  const before = meter.snapshot();
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  const elu = eluMeter();
  const writerThread = writerThreadOf(store);
  const writerElu = writerThread ? eluMeter(writerThread.performance) : null;
  const start = nowMs();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; ok + failed < MAX_OPS && nowMs() < deadline; i++) {
        const t = nowMs();
        try {
          await bus.execute(
            new (service().ExecuteCaseCommand)(
              caseOf(w),
              { type: 'AddNote', data: { text: `Note ${w}.${i} : appel au support, ticket toujours sans réponse, messagerie inaccessible depuis ce matin.` } },
              actor,
              randomUUID(),
            ),
          );
          ok++;
          latencies.push(nowMs() - t);
        } catch (error) {
          failed++;
          const code = (error as { code?: string }).code ?? (error as Error).name ?? 'error';
          failures[code] = (failures[code] ?? 0) + 1;
        }
        // Commands arrive through I/O in the app: give the event loop a turn between two, as a
        // request would (otherwise the synchronous store keeps the loop in one microtask chain
        // and starves timers, e.g. the handler's retry back-off).
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  const elapsedMs = nowMs() - start;
  const utilization = elu();
  const writerUtilization = writerElu && writerThreadOf(store) === writerThread ? writerElu() : null;
  const after = meter.snapshot();
  const per = (ns: number) => (ok ? ns / 1000 / ok : Number.NaN);
  const total = ok ? (elapsedMs * 1000 * utilization) / ok : Number.NaN;
  const readUs = per(after.readNs - before.readNs);
  const appendUs = per(after.appendNs - before.appendNs);
  return {
    name,
    writers,
    ok,
    failed,
    failures,
    seconds: round(elapsedMs / 1000, 2),
    perSecond: ok / (elapsedMs / 1000),
    latencyMs: { p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2), max: round(percentile(latencies, 100), 2) },
    eventLoopUtilization: round(utilization, 3),
    writerUtilization: writerUtilization === null ? null : round(writerUtilization, 3),
    writerPerAppendUs: writerUtilization === null || !ok ? null : round((elapsedMs * 1000 * writerUtilization) / ok, 1),
    storeCalls: { readStream: after.reads - before.reads, append: after.appends - before.appends, conflicts: after.conflicts - before.conflicts },
    perAppendUs: { total: round(total, 1), readStream: round(readUs, 1), storeAppend: round(appendUs, 1), rest: round(total - readUs - appendUs, 1) },
  };
}

function describe(s: Scenario): string {
  const f = s.failed ? `, ${s.failed} failed ${JSON.stringify(s.failures)}` : '';
  return (
    `${s.name}: ${num(s.perSecond)} appends/s (${s.ok} in ${s.seconds} s, p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms, ` +
    `${s.storeCalls.conflicts} revision conflicts retried${f}); main thread ${num(s.eventLoopUtilization * 100)} % busy, ` +
    `per append ${s.perAppendUs.total} us = readStream ${s.perAppendUs.readStream} + store.append ${s.perAppendUs.storeAppend} + rest ${s.perAppendUs.rest}` +
    (s.writerUtilization === null ? '' : `; writer thread ${num(s.writerUtilization * 100)} % busy, ${s.writerPerAppendUs} us per append`)
  );
}

async function openCases(bus: CommandBus, actor: Actor, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await bus.execute(new (service().ExecuteCaseCommand)(null, { type: 'OpenCase', data: { title: `${label} ${i + 1}` } }, actor, randomUUID()));
    ids.push(result.caseId);
  }
  return ids;
}

export async function appendBench(ctx: BenchContext): Promise<BenchResult> {
  const { settings } = ctx;
  const started = nowMs();
  const dir = tempDir(settings.tmpDir, 'append');
  const seconds = settings.appendSeconds;
  const writers = settings.writers;
  const notes: string[] = [];

  log(ID, `reference: raw better-sqlite3 single-row commits, WAL + synchronous=FULL, ${seconds} s...`);
  const rawFull = await rawCommits(dir, 'raw-full', 'FULL', seconds);
  log(ID, `  ${num(rawFull.perSecond)} commits/s (${num(rawFull.meanUs)} us per commit)`);
  const rawOff = await rawCommits(dir, 'raw-off', 'OFF', Math.min(seconds, 2));
  log(ID, `  diagnostic, same with synchronous=OFF: ${num(rawOff.perSecond)} commits/s (${num(rawOff.meanUs)} us per commit)`);

  const { createApp, loadConfig, EVENT_STORE } = service();
  const config = loadConfig({ MC_DATA_DIR: join(dir, 'app') });
  let app: INestApplication | null = null;
  try {
    app = await createApp(config, { logger: false });
    await app.init();
    const bus = app.get(CommandBus);
    const store = app.get<EventStore>(EVENT_STORE);
    const meter = new StoreMeter(store);
    const actor: Actor = { id: randomUUID(), username: 'bench-agent', role: 'agent' };

    const distinctCases = await openCases(bus, actor, writers, 'Banc distinct');
    // Warm-up (JIT, statement caches), not measured.
    await drive('warm-up', bus, store, meter, actor, (w) => distinctCases[w], writers, Math.min(1, seconds / 4));

    log(ID, `${writers} writers on ${writers} distinct cases, ${seconds} s...`);
    const distinct = await drive(`${writers} writers, distinct cases`, bus, store, meter, actor, (w) => distinctCases[w], writers, seconds);
    log(ID, `  ${describe(distinct)}`);

    const [oneCase] = await openCases(bus, actor, 1, 'Banc dossier unique');
    log(ID, `${writers} writers on one case, ${seconds} s...`);
    const single = await drive(`${writers} writers, one case`, bus, store, meter, actor, () => oneCase, writers, seconds);
    const oneCaseEvents = await store.readStream(`case-${oneCase}`);
    log(ID, `  ${describe(single)}; the case now holds ${oneCaseEvents.length} events`);

    // Sanity: what was acknowledged is a valid chain.
    const chainProblems = [oneCaseEvents, await store.readStream(`case-${distinctCases[0]}`)]
      .map((records) => ChainVerifier.verifyStream(records))
      .filter((f) => f !== null);
    if (chainProblems.length) notes.push(`chain verification FAILED after the run: ${JSON.stringify(chainProblems)}`);

    const fsyncUs = rawFull.meanUs - rawOff.meanUs;
    notes.push(
      `fsync (synchronous=FULL) costs ~${num(fsyncUs)} us per commit on this disk (raw FULL ${num(rawFull.meanUs)} us vs OFF ${num(rawOff.meanUs)} us); ` +
        `the store's writer thread waits for it while the main thread goes on, and group commit shares one fsync among the appends of a batch.`,
    );
    notes.push(
      `distinct cases: per append ${distinct.perAppendUs.total} us of main thread = store.append ${distinct.perAppendUs.storeAppend} us ` +
        `(prepare the events, queue them) + readStream ${distinct.perAppendUs.readStream} us (only for a case not in the state cache) + ` +
        `${distinct.perAppendUs.rest} us rest (Nest CommandBus, fold, decide, projections runner, GC)` +
        (distinct.writerPerAppendUs === null ? '.' : `; writer thread ${distinct.writerPerAppendUs} us per append (seal, INSERT, COMMIT, fsync waits).`),
    );
    const budgetUs = 1e6 / (2.5 * rawFull.perSecond);
    notes.push(
      `to meet >= 2.5x (${num(2.5 * rawFull.perSecond)} appends/s) each thread may spend at most ${num(budgetUs)} us per append; ` +
        `main ${distinct.perAppendUs.total} us, writer ${distinct.writerPerAppendUs ?? '-'} us, on ${cpus().length} cores shared with the rest of the process.`,
    );
    notes.push(
      `one case (${oneCaseEvents.length} events at the end): writers take turns on the folded state (CaseStateCache.write), ` +
        `${single.storeCalls.conflicts} WrongExpectedRevision retries, ${single.failed} commands gave up.`,
    );

    const reference = { label: 'raw single-row commits/s', value: rawFull.perSecond, unit: '/s' };
    return {
      id: ID,
      rows: [
        row(ID, `distinct cases (${writers} writers)`, { label: 'appends/s', value: distinct.perSecond, unit: '/s' }, reference, {
          kind: 'ratio-min',
          min: 2.5,
        }),
        row(ID, `one case (${writers} writers)`, { label: 'appends/s', value: single.perSecond, unit: '/s' }, reference, { kind: 'ratio-min', min: 2.5 }),
      ],
      details: {
        rawCommitsSynchronousFull: rawFull,
        rawCommitsSynchronousOff: rawOff,
        fsyncUsPerCommit: round(fsyncUs, 1),
        distinctCases: distinct,
        oneCase: { ...single, streamLengthAtEnd: oneCaseEvents.length },
      },
      notes,
      seconds: (nowMs() - started) / 1000,
    };
  } finally {
    await app?.close();
  }
}
