import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { join, resolve } from 'node:path';
import { compiledModulePath } from './support/compiled';
import type { BenchContext } from './support/context';
import { generateCase } from './support/journal-generator';
import { nowMs } from './support/measure';
import { round, row, type BenchResult } from './support/results';
import { log, num } from './support/table';
import { tempDir } from './support/tmp';

/**
 * `dossier`: the PDF dossier of a 10,000-entry case (renderDossier from @mc/dossier), time and
 * peak RSS, each render in a fresh child process. Reference, same run: bare pdfkit writing the
 * same records' text (A4, embedded DejaVu, one paragraph per record). Targets: <= 2x the
 * reference's time, < 400 MB peak RSS.
 */

const ID = 'dossier';
const CHILD_TIMEOUT_S = 600;

interface ChildResult {
  mode: string;
  records: number;
  seconds: number;
  baselineMB: number;
  sampledPeakMB: number;
  maxRssMB: number;
  bytes: number;
  pages: number;
}

/** Why the dossier cannot be measured yet, or null when renderDossier is there. */
async function missingRenderer(): Promise<string | null> {
  try {
    const spec = '@mc/dossier';
    const module = (await import(spec)) as { renderDossier?: unknown };
    return typeof module.renderDossier === 'function' ? null : 'libs/dossier/src does not export renderDossier yet';
  } catch (error) {
    return `libs/dossier/src cannot be loaded (${(error as Error).message.split('\n')[0]})`;
  }
}

/**
 * Both children run compiled JavaScript, as the service does: the child itself transpiled to a
 * temporary .js, and @mc/dossier from `npm run build` (dist/). ts-node in a child would add its
 * compiler (~100 MB) to the peak RSS measured.
 */
function compiledChild(dir: string): { script: string; dossierModule: string } {
  const dossierModule = compiledModulePath('libs/dossier/src/index');
  const source = readFileSync(join(__dirname, 'dossier.child.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const script = join(dir, 'dossier.child.js');
  writeFileSync(script, outputText);
  return { script, dossierModule };
}

function runChild(mode: 'pdfkit' | 'dossier', input: string, output: string, compiled: { script: string; dossierModule: string }): Promise<ChildResult> {
  const root = resolve(__dirname, '..');
  const args = ['--expose-gc', compiled.script, mode, input, output];
  return new Promise<ChildResult>((done, fail) => {
    // The script sits in a temporary folder: its packages are the project's.
    const env = { ...process.env, MC_DOSSIER_MODULE: compiled.dossierModule, NODE_PATH: join(root, 'node_modules') };
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_S * 1000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) done(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
      else fail(new Error(`${mode} child failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(0, 8).join(' | ')}`));
    });
  });
}

const describe = (r: ChildResult): string =>
  `${num(r.seconds)} s, peak RSS ${num(r.maxRssMB)} MB (process at start of render ${num(r.baselineMB)} MB, growth ${num(r.maxRssMB - r.baselineMB)} MB), ` +
  `${r.pages} pages, ${num(r.bytes / 1024 ** 2)} MB`;

export async function dossierBench(ctx: BenchContext): Promise<BenchResult> {
  const started = nowMs();
  const entries = ctx.settings.dossierEntries;
  const dir = tempDir(ctx.settings.tmpDir, 'dossier');
  const notes: string[] = [];
  const missing = await missingRenderer();
  if (missing) log(ID, `SKIPPED (figure): ${missing}; measuring the reference only`);

  const t = nowMs();
  const { records, owner, rejected } = generateCase(entries);
  const input = join(dir, 'case.json');
  writeFileSync(input, JSON.stringify({ records, owner }));
  log(ID, `case of ${entries.toLocaleString('en-US')} entries = ${records.length.toLocaleString('en-US')} records generated in ${num((nowMs() - t) / 1000)} s`);
  if (rejected) notes.push(`${rejected} generated commands were refused by the decider and replaced by notes`);

  log(ID, 'transpiling the child script, so that both children run compiled code (the service from dist/)...');
  const compiled = compiledChild(dir);
  log(ID, 'reference: bare pdfkit, same text, child process...');
  const reference = await runChild('pdfkit', input, join(dir, 'reference.pdf'), compiled);
  log(ID, `  ${describe(reference)}`);

  let dossier: ChildResult | null = null;
  if (!missing) {
    log(ID, 'renderDossier, child process...');
    dossier = await runChild('dossier', input, join(dir, 'dossier.pdf'), compiled);
    log(ID, `  ${describe(dossier)}`);
  }
  notes.push(
    "peak RSS is the child process's own high-water mark (VmHWM, judged against the target as is), compiled code (no ts-node): before rendering starts " +
      `the process holds ${num(reference.baselineMB)} MB with bare pdfkit` +
      (dossier ? `, ${num(dossier.baselineMB)} MB with @mc/dossier loaded; growth while rendering: ${num(dossier.maxRssMB - dossier.baselineMB)} MB` : '') +
      ` (bare pdfkit: ${num(reference.maxRssMB - reference.baselineMB)} MB).`,
  );
  if (missing) notes.push(`renderDossier not measured: ${missing}`);

  const scenario = `${entries.toLocaleString('en-US')}-entry case`;
  return {
    id: ID,
    ...(missing ? { skipped: missing } : {}),
    rows: [
      row(
        ID,
        `${scenario}, time`,
        { label: 'renderDossier', value: dossier?.seconds ?? null, unit: 's' },
        { label: 'bare pdfkit', value: reference.seconds, unit: 's' },
        { kind: 'ratio-max', max: 2 },
      ),
      row(
        ID,
        `${scenario}, peak RSS`,
        { label: 'renderDossier', value: dossier?.maxRssMB ?? null, unit: 'MB' },
        { label: 'bare pdfkit', value: reference.maxRssMB, unit: 'MB' },
        { kind: 'max', max: 400, unit: 'MB' },
      ),
    ],
    details: {
      entries,
      records: records.length,
      reference: roundAll(reference),
      dossier: dossier && roundAll(dossier),
    },
    notes,
    seconds: (nowMs() - started) / 1000,
  };
}

function roundAll(r: ChildResult): ChildResult {
  return { ...r, seconds: round(r.seconds, 3), baselineMB: round(r.baselineMB, 0), sampledPeakMB: round(r.sampledPeakMB, 0), maxRssMB: round(r.maxRssMB, 0) };
}
