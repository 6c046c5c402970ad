import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSettings } from './env';
import { buildJournal, type JournalFixture } from './journal-generator';
import { log } from './table';
import { tempDir } from './tmp';

/** What every bench gets: the settings and the shared 1 M-event journal (built once, on first use). */
export interface BenchContext {
  settings: BenchSettings;
  journal(): Promise<JournalFixture>;
}

/** Bump when the generator changes what it writes: cached journals of other versions are ignored. */
const GENERATOR_VERSION = 1;

/** Set by the runner for a bench's own process: the journal it built, as a JSON file. */
export const JOURNAL_FIXTURE_ENV = 'BENCH_JOURNAL_FIXTURE';

export function benchContext(settings: BenchSettings): BenchContext {
  const given = process.env[JOURNAL_FIXTURE_ENV];
  let journal: Promise<JournalFixture> | null = given ? Promise.resolve(JSON.parse(readFileSync(given, 'utf8')) as JournalFixture) : null;
  return {
    settings,
    journal() {
      journal ??= (async () => {
        const cacheDir = join(settings.tmpDir, 'mc-bench-cache');
        const cached = join(cacheDir, `journal-v${GENERATOR_VERSION}-${settings.events}.json`);
        if (settings.cache && existsSync(cached)) {
          const fixture = JSON.parse(readFileSync(cached, 'utf8')) as JournalFixture;
          if (existsSync(fixture.file)) {
            log('journal', `reusing ${fixture.file} (BENCH_CACHE=1): ${fixture.events.toLocaleString('en-US')} events in ${fixture.streams} streams`);
            return fixture;
          }
        }
        const dir = settings.cache ? cacheDir : tempDir(settings.tmpDir, 'journal');
        mkdirSync(dir, { recursive: true });
        const file = join(dir, settings.cache ? `journal-v${GENERATOR_VERSION}-${settings.events}.sqlite` : 'journal.sqlite');
        rmSync(file, { force: true });
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
        log('journal', `generating ${settings.events.toLocaleString('en-US')} chained events (${settings.generatorWorkers} worker threads)...`);
        const fixture = await buildJournal(file, settings.events, {
          workers: settings.generatorWorkers,
          onProgress: (n) => log('journal', `  ${n.toLocaleString('en-US')} events written`),
        });
        log(
          'journal',
          `${fixture.events.toLocaleString('en-US')} events in ${fixture.streams.toLocaleString('en-US')} case streams, ` +
            `${(fixture.bytes / 1024 ** 2).toFixed(0)} MB, generated in ${fixture.seconds.toFixed(1)} s` +
            (fixture.rejected ? ` (${fixture.rejected} commands refused by the decider, replaced by notes)` : ''),
        );
        if (settings.cache) writeFileSync(cached, JSON.stringify(fixture));
        return fixture;
      })();
      return journal;
    },
  };
}
