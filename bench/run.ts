import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { appendBench } from './append.bench';
import { dossierBench } from './dossier.bench';
import { httpBench } from './http.bench';
import { replayBench } from './replay.bench';
import { buildService } from './support/compiled';
import { JOURNAL_FIXTURE_ENV, benchContext, type BenchContext } from './support/context';
import { loadSettings } from './support/env';
import { machine, round, writeResults, type BenchResult } from './support/results';
import { log, resultTable, summaryLine } from './support/table';
import { cleanupTempDirs, tempDir } from './support/tmp';
import { verifyBench } from './verify.bench';

/**
 * npm run bench [-- append http replay dossier verify]
 *
 * Runs the selected benches (all by default), each in its own process, prints the table of issue #8
 * (each figure beside its reference measured in the same run, and their ratio) and writes
 * bench/results.json.
 * Knobs: BENCH_QUICK=1 (about a minute), BENCH_EVENTS, BENCH_APPEND_SECONDS, BENCH_WRITERS,
 * BENCH_HTTP_SECONDS, BENCH_CONNECTIONS, BENCH_DOSSIER_ENTRIES, BENCH_GEN_WORKERS, BENCH_TMPDIR,
 * BENCH_KEEP=1, BENCH_RESULTS, BENCH_TIMEOUT_SECONDS. Never part of `npm test`.
 */

const BENCHES: Record<string, (ctx: BenchContext) => Promise<BenchResult>> = {
  append: appendBench,
  http: httpBench,
  replay: replayBench,
  dossier: dossierBench,
  verify: verifyBench,
};

function selected(argv: string[]): string[] {
  const ids = argv.filter((a) => !a.startsWith('-'));
  const unknown = ids.filter((id) => !(id in BENCHES));
  if (unknown.length) {
    throw new Error(`unknown bench ${unknown.join(', ')}: choose among ${Object.keys(BENCHES).join(', ')}`);
  }
  return ids.length ? Object.keys(BENCHES).filter((id) => ids.includes(id)) : Object.keys(BENCHES);
}

/** Which benches need the generated journal (built once by the runner, before their processes start). */
const NEEDS_JOURNAL = new Set(['replay', 'verify']);
const CHILD_FLAG = '--bench-process';
/** The bench processes running (at most one), for the watchdog. */
const running = new Set<ChildProcess>();

/**
 * One bench in this process: what the runner starts for each bench (see inOwnProcess). Writes its
 * result as JSON to `resultFile`.
 */
async function runOne(id: string, resultFile: string): Promise<void> {
  const settings = loadSettings();
  const t = Date.now();
  let result: BenchResult;
  try {
    result = await BENCHES[id](benchContext(settings));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`[${id}] FAILED: ${message}\n`);
    result = { id, rows: [], details: {}, notes: [`failed: ${message.split('\n')[0]}`], skipped: 'failed', seconds: (Date.now() - t) / 1000 };
  } finally {
    cleanupTempDirs(settings.keep);
  }
  writeFileSync(resultFile, JSON.stringify(result));
  process.exit(0);
}

/**
 * Each bench runs in a fresh process, so that its figures do not depend on what ran before it
 * (heap, threads, caches). The runner builds the service and the shared journal once, beforehand.
 */
function inOwnProcess(id: string, env: NodeJS.ProcessEnv, dir: string): Promise<BenchResult> {
  const resultFile = join(dir, `${id}.json`);
  return new Promise<BenchResult>((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, CHILD_FLAG, id, resultFile], { stdio: 'inherit', env });
    running.add(child);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (existsSync(resultFile)) done(JSON.parse(readFileSync(resultFile, 'utf8')) as BenchResult);
      else fail(new Error(`the ${id} bench process ended without a result (${signal ?? `exit ${code}`})`));
    });
  });
}
async function main(): Promise<void> {
  // Let the event loop start: performance.eventLoopUtilization() reads 0 until it has.
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (process.argv[2] === CHILD_FLAG) return runOne(process.argv[3], process.argv[4]);
  const ids = selected(process.argv.slice(2));
  const settings = loadSettings();
  const ctx = benchContext(settings);
  const started = Date.now();
  const { resultsFile, ...shown } = settings;
  log('bench', `${ids.join(', ')} on ${JSON.stringify(machine())}`);
  log('bench', `settings ${JSON.stringify(shown)}`);
  if ((process as unknown as { moduleLoadList: string[] }).moduleLoadList.some((name) => name.endsWith(' domain'))) {
    log('bench', "WARNING: Node's domain module is loaded (ts-node?): it wraps every event emit, which the service never carries in production");
  }
  const loadBefore = loadavg().map((l) => round(l, 2));
  log('bench', `load average before: ${loadBefore.join(' ')} on ${cpus().length} cores (other processes on the machine disturb the figures)`);

  const watchdog = setTimeout(() => {
    process.stderr.write(`[bench] gave up after BENCH_TIMEOUT_SECONDS=${settings.timeoutSeconds} s\n`);
    for (const child of running) child.kill('SIGKILL');
    cleanupTempDirs(settings.keep);
    process.exit(2);
  }, settings.timeoutSeconds * 1000);
  watchdog.unref();

  const results: BenchResult[] = [];
  const load: Record<string, number[]> = {};
  let failed = false;
  try {
    log('bench', 'building the service (npm run build): every figure is taken on the compiled service, as npm start runs it...');
    buildService();
    const shared = tempDir(settings.tmpDir, 'runner');
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_BUILT: '1' };
    if (ids.some((id) => NEEDS_JOURNAL.has(id))) {
      const fixtureFile = join(shared, 'journal.json');
      writeFileSync(fixtureFile, JSON.stringify(await ctx.journal()));
      env[JOURNAL_FIXTURE_ENV] = fixtureFile;
    }
    for (const id of ids) {
      log(id, '--- (own process)');
      const t = Date.now();
      try {
        const result = await inOwnProcess(id, env, shared);
        results.push(result);
        if (result.skipped === 'failed') failed = true;
        for (const note of result.notes) log(id, `note: ${note}`);
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`[${id}] FAILED: ${message}\n`);
        results.push({ id, rows: [], details: {}, notes: [`failed: ${message.split('\n')[0]}`], skipped: 'failed', seconds: (Date.now() - t) / 1000 });
      }
      load[id] = loadavg().map((l) => round(l, 2));
      log(id, `done in ${((Date.now() - t) / 1000).toFixed(1)} s (load average ${load[id].join(' ')})`);
    }
  } finally {
    const kept = cleanupTempDirs(settings.keep);
    if (settings.keep && kept.length) log('bench', `kept ${kept.join(', ')}`);
  }

  const totalSeconds = round((Date.now() - started) / 1000, 1);
  process.stdout.write(`\n${resultTable(results)}\n\n`);
  log('bench', `${summaryLine(results)}${settings.quick ? " (BENCH_QUICK: smoke sizes, not the targets' conditions)" : ''}`);
  writeResults(resultsFile, settings, results, { benches: ids, totalSeconds, loadAverageBefore: loadBefore, loadAverageAfter: load });
  log('bench', `wrote ${relative(process.cwd(), resultsFile) || resultsFile} in ${totalSeconds} s total`);
  clearTimeout(watchdog);
  // Targets not met are findings, not failures; a bench that crashed is.
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
