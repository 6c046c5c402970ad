import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@mc/domain';
import { compiled } from './support/compiled';
import type { BenchContext } from './support/context';
import { RssSampler, nowMs, settle } from './support/measure';
import { round, row, type BenchResult } from './support/results';
import { log, num } from './support/table';
import { tempDir } from './support/tmp';

/**
 * `replay`: rebuild every projection the app registers (JournalModule: case_list) from the whole
 * journal, as `main-courante replay` does: ProjectionRunner.rebuild() over SqliteEventStore.readAll
 * pages into a fresh read-model SQLite file. Reference, same run, same file: raw SELECT of every
 * row + JSON.parse of its data and metadata.
 */

const ID = 'replay';

interface Row {
  data: string;
  metadata: string;
}

function rawSelectAndParse(file: string): { events: number; seconds: number; perSecond: number } {
  const db = new Database(file, { timeout: 5000 });
  try {
    const select = db.prepare('SELECT * FROM events ORDER BY position');
    let events = 0;
    let keys = 0;
    const start = nowMs();
    for (const r of select.iterate() as IterableIterator<Row>) {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const metadata = JSON.parse(r.metadata) as Record<string, unknown>;
      // Use the parsed values, so nothing can be optimized away.
      if (data && metadata) keys++;
      events++;
    }
    const seconds = (nowMs() - start) / 1000;
    if (keys !== events) throw new Error('unexpected row');
    return { events, seconds, perSecond: events / seconds };
  } finally {
    db.close();
  }
}

export async function replayBench(ctx: BenchContext): Promise<BenchResult> {
  const started = nowMs();
  const journal = await ctx.journal();
  const dir = tempDir(ctx.settings.tmpDir, 'replay');
  const notes: string[] = [];

  log(ID, `reference: raw SELECT + JSON.parse of the ${journal.events.toLocaleString('en-US')} rows...`);
  const raw = rawSelectAndParse(journal.file);
  log(ID, `  ${num(raw.perSecond)} events/s (${num(raw.seconds)} s)`);

  await settle();
  const { SqliteEventStore } = compiled<typeof import('@mc/event-store')>('libs/event-store/src/index');
  const { JOURNAL_PROJECTIONS, ProjectionRunner } = compiled<typeof import('@mc/projections')>('libs/projections/src/index');
  const store = new SqliteEventStore({ file: journal.file, clock: systemClock });
  const readModels = new Database(join(dir, 'read-models.sqlite'));
  const runner = new ProjectionRunner(readModels, store, JOURNAL_PROJECTIONS);
  const rss = new RssSampler();
  // Time spent reading pages (SELECT + JSON.parse in the adapter), the rest is applying them.
  let readNs = 0;
  let pages = 0;
  const readAll = store.readAll.bind(store);
  store.readAll = (options) => {
    rss.sample();
    const t = process.hrtime.bigint();
    const result = readAll(options);
    readNs += Number(process.hrtime.bigint() - t);
    pages++;
    return result;
  };
  try {
    log(ID, `rebuilding the projections (${JOURNAL_PROJECTIONS.map((p) => p.name).join(', ')}) from ${journal.events.toLocaleString('en-US')} events...`);
    const start = nowMs();
    await runner.rebuild();
    const seconds = (nowMs() - start) / 1000;
    const memory = rss.stop();
    const position = runner.position();
    await runner.stop();
    const rows = readModels.prepare('SELECT COUNT(*) FROM case_list').pluck().get() as number;
    if (position !== journal.events) notes.push(`the runner stopped at position ${position}, not ${journal.events}`);
    if (rows !== journal.streams) notes.push(`case_list holds ${rows} rows for ${journal.streams} case streams`);
    const perSecond = journal.events / seconds;
    const readSeconds = readNs / 1e9;
    log(
      ID,
      `  ${num(perSecond)} events/s (${num(seconds)} s: reading ${num(readSeconds)} s, applying ${num(seconds - readSeconds)} s), ${rows} case rows, peak RSS ${num(memory.peakMB)} MB`,
    );
    notes.push(
      `rebuild time: ${num((100 * readSeconds) / seconds)} % reading pages through the adapter (SELECT + JSON.parse + record objects), ` +
        `the rest applying them (case_list UPDATE per event + checkpoint, one transaction per ${num(journal.events / Math.max(1, pages - 1))}-event page).`,
    );
    return {
      id: ID,
      rows: [
        row(
          ID,
          `rebuild ${JOURNAL_PROJECTIONS.map((p) => p.name).join(' + ')} (${journal.events.toLocaleString('en-US')} events)`,
          { label: 'events/s', value: perSecond, unit: 'events/s' },
          { label: 'raw SELECT + JSON.parse', value: raw.perSecond, unit: 'events/s' },
          { kind: 'ratio-min', min: 0.5 },
        ),
      ],
      details: {
        events: journal.events,
        streams: journal.streams,
        projections: JOURNAL_PROJECTIONS.map((p) => p.name),
        rebuild: {
          seconds: round(seconds, 2),
          perSecond: round(perSecond, 0),
          readSeconds: round(readSeconds, 2),
          pages,
          caseListRows: rows,
          peakRssMB: round(memory.peakMB, 0),
          startRssMB: round(memory.startMB, 0),
        },
        reference: { seconds: round(raw.seconds, 2), perSecond: round(raw.perSecond, 0) },
        journal: { generatedSeconds: round(journal.seconds, 1), bytes: journal.bytes, generatorWorkers: journal.workers, closedCases: journal.closedCases },
      },
      notes,
      seconds: (nowMs() - started) / 1000,
    };
  } finally {
    await runner.stop().catch(() => undefined);
    await store.close();
    readModels.close();
  }
}
