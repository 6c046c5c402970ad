import { cpus, tmpdir } from 'node:os';
import { resolve } from 'node:path';

/**
 * Every knob of `npm run bench`, read once from the environment. BENCH_QUICK=1 shrinks every
 * default to a smoke run of about a minute; an explicit BENCH_* variable always wins.
 */
export interface BenchSettings {
  quick: boolean;
  /** Events generated for replay and verify. */
  events: number;
  /** Measured seconds of each append scenario. */
  appendSeconds: number;
  /** Concurrent writers of the append bench. */
  writers: number;
  /** Measured seconds of each main HTTP run (hello world, POST incident). */
  httpSeconds: number;
  /** autocannon connections. */
  connections: number;
  /** Entries of the dossier case. */
  dossierEntries: number;
  /** Where temporary journals live (same disk as the default data dir unless told otherwise). */
  tmpDir: string;
  /** Worker threads generating the replay/verify journal. */
  generatorWorkers: number;
  /** Whole-run watchdog, in seconds. */
  timeoutSeconds: number;
  /** Reuse the generated journal between runs (BENCH_CACHE=1), kept in <tmpDir>/mc-bench-cache. */
  cache: boolean;
  /** Keep the temporary files (BENCH_KEEP=1), to look at them afterwards. */
  keep: boolean;
  /** Where results.json is written. */
  resultsFile: string;
}

function positive(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new Error(`${name} must be a number in ]0, ${max}] (got "${raw}")`);
  }
  return value;
}

const flag = (name: string): boolean => /^(1|true|yes)$/i.test(process.env[name]?.trim() ?? '');

export function loadSettings(): BenchSettings {
  const quick = flag('BENCH_QUICK');
  return {
    quick,
    events: Math.round(positive('BENCH_EVENTS', quick ? 50_000 : 1_000_000, 50_000_000)),
    appendSeconds: positive('BENCH_APPEND_SECONDS', quick ? 2 : 8, 600),
    writers: Math.round(positive('BENCH_WRITERS', 32, 1024)),
    httpSeconds: positive('BENCH_HTTP_SECONDS', quick ? 3 : 20, 600),
    connections: Math.round(positive('BENCH_CONNECTIONS', 32, 1024)),
    dossierEntries: Math.round(positive('BENCH_DOSSIER_ENTRIES', quick ? 1_000 : 10_000, 1_000_000)),
    generatorWorkers: Math.round(positive('BENCH_GEN_WORKERS', Math.max(1, Math.min(4, cpus().length)), 64)),
    timeoutSeconds: positive('BENCH_TIMEOUT_SECONDS', quick ? 600 : 1800, 86_400),
    tmpDir: resolve(process.env.BENCH_TMPDIR?.trim() || tmpdir()),
    cache: flag('BENCH_CACHE'),
    keep: flag('BENCH_KEEP'),
    resultsFile: resolve(process.env.BENCH_RESULTS?.trim() || resolve(__dirname, '..', 'results.json')),
  };
}
