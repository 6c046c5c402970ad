import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { systemClock } from '@mc/domain';
import type { ChainCheck, EventStore } from '@mc/event-store';
import { verifyJournal, type JournalVerification } from '../apps/api/src/integrity/verify-journal.query';
import { compiled } from './support/compiled';
import type { BenchContext } from './support/context';
import { nowMs, settle } from './support/measure';
import { round, row, type BenchResult } from './support/results';
import { log, num } from './support/table';

/**
 * `verify`: chain verification of the whole journal as GET /integrity/verify and
 * `main-courante verify-journal` do it (verifyJournal → SqliteEventStore.verifyChain: slices of
 * positions checked by worker threads, hashing the stored RFC 8785 texts, joined per stream). Reference, same run, same file: raw
 * SELECT of the hashed columns + one SHA-256 per event over those same bytes (no parsing, no
 * canonicalization): the floor of "read and hash every event". Target: >= 200,000 events/s.
 */

const ID = 'verify';

function rawSelectAndHash(file: string): { events: number; seconds: number; perSecond: number } {
  const db = new Database(file, { timeout: 5000 });
  try {
    const select = db.prepare('SELECT stream_id, revision, event_id, type, data, metadata, prev_hash FROM events ORDER BY position').raw(true);
    let events = 0;
    let check = 0;
    const start = nowMs();
    for (const r of select.iterate() as IterableIterator<[string, number, string, string, string, string, string]>) {
      const digest = createHash('sha256')
        .update(r[0] + r[1] + r[2] + r[3] + r[4] + r[5] + r[6], 'utf8')
        .digest();
      check ^= digest[0];
      events++;
    }
    const seconds = (nowMs() - start) / 1000;
    if (check < 0) throw new Error('unreachable');
    return { events, seconds, perSecond: events / seconds };
  } finally {
    db.close();
  }
}

type CompiledStore = { verifyChain(): Promise<ChainCheck>; close(): Promise<void> };
type CompiledStoreClass = new (options: { file: string; clock: typeof systemClock; chainCheck?: { workers?: number } }) => CompiledStore;

/** verifyJournal over the compiled SqliteEventStore (dist/), as the service runs it; `workers: 1` checks in this thread. */
async function timedVerify(Store: CompiledStoreClass, file: string, workers?: number): Promise<{ seconds: number; result: JournalVerification }> {
  const store = new Store({ file, clock: systemClock, chainCheck: workers === undefined ? undefined : { workers } });
  try {
    const start = nowMs();
    const result = await verifyJournal(store as unknown as EventStore);
    return { seconds: (nowMs() - start) / 1000, result };
  } finally {
    await store.close();
  }
}

export async function verifyBench(ctx: BenchContext): Promise<BenchResult> {
  const started = nowMs();
  const journal = await ctx.journal();
  const notes: string[] = [];

  log(ID, `reference: raw SELECT + SHA-256 over the same bytes, ${journal.events.toLocaleString('en-US')} rows...`);
  const raw = rawSelectAndHash(journal.file);
  log(ID, `  ${num(raw.perSecond)} events/s (${num(raw.seconds)} s)`);

  log(ID, 'the check runs compiled (dist/), in worker threads, as in production...');
  const { SqliteEventStore: Store } = compiled<{ SqliteEventStore: CompiledStoreClass }>('libs/event-store/src/index');
  const { defaultVerifyWorkers } = compiled<{ defaultVerifyWorkers(): number }>('libs/event-store/src/sqlite/sqlite-chain-check');
  const workers = defaultVerifyWorkers();

  await settle();
  log(ID, `verifying the chain of ${journal.events.toLocaleString('en-US')} events (verifyJournal, ${workers} worker threads)...`);
  const { seconds, result } = await timedVerify(Store, journal.file);
  const perSecond = result.events / seconds;
  log(ID, `  ${num(perSecond)} events/s (${num(seconds)} s), ok=${result.ok}, ${result.streams} streams`);
  if (!result.ok) notes.push(`verification FAILED (the generated journal should be valid): ${JSON.stringify(result.firstFailure)}`);
  if (result.events !== journal.events) notes.push(`verified ${result.events} events of ${journal.events}`);

  await settle();
  log(ID, 'the same check in one thread (diagnostic)...');
  const single = await timedVerify(Store, journal.file, 1);
  const singlePerSecond = single.result.events / single.seconds;
  log(ID, `  ${num(singlePerSecond)} events/s (${num(single.seconds)} s)`);
  notes.push(
    `${workers} worker threads (defaultVerifyWorkers: cores + 1, at most 4) over slices of positions, joined per stream; ` +
      `in one thread the same check does ${num(singlePerSecond)} events/s (${round(perSecond / singlePerSecond, 2)}x from the threads).`,
  );
  return {
    id: ID,
    rows: [
      row(
        ID,
        `chain of ${journal.events.toLocaleString('en-US')} events`,
        { label: 'events/s', value: perSecond, unit: 'events/s' },
        { label: 'raw SELECT + SHA-256 of same bytes', value: raw.perSecond, unit: 'events/s' },
        { kind: 'min', min: 200_000, unit: 'events/s' },
      ),
    ],
    details: {
      events: result.events,
      streams: result.streams,
      ok: result.ok,
      workers,
      verify: { seconds: round(seconds, 2), perSecond: round(perSecond, 0) },
      oneThread: { seconds: round(single.seconds, 2), perSecond: round(singlePerSecond, 0) },
      reference: { seconds: round(raw.seconds, 2), perSecond: round(raw.perSecond, 0) },
    },
    notes,
    seconds: (nowMs() - started) / 1000,
  };
}
