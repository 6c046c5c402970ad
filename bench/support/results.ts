import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchSettings } from './env';

/** A measured quantity. `value` is null when it could not be measured (a skipped bench). */
export interface Figure {
  label: string;
  value: number | null;
  unit: string;
}

/** How a row's target is judged. */
export type Target =
  /** figure / reference >= min */
  | { kind: 'ratio-min'; min: number }
  /** figure / reference <= max */
  | { kind: 'ratio-max'; max: number }
  /** figure >= min (absolute) */
  | { kind: 'min'; min: number; unit: string }
  /** figure < max (absolute) */
  | { kind: 'max'; max: number; unit: string };

/** One line of the table: a figure beside its reference measured in the same run. */
export interface Row {
  id: string;
  /** What the line measures, beside the id in the table. */
  scenario: string;
  figure: Figure;
  reference: Figure | null;
  /** figure / reference, when both exist. */
  ratio: number | null;
  target: Target;
  /** null when the figure was not measured. */
  met: boolean | null;
}

export interface BenchResult {
  id: string;
  rows: Row[];
  /** Everything else measured on the way (diagnostics, breakdowns, sanity checks). */
  details: Record<string, unknown>;
  notes: string[];
  /** Why the bench (or its main figure) did not run. */
  skipped?: string;
  seconds: number;
}

export function row(id: string, scenario: string, figure: Figure, reference: Figure | null, target: Target): Row {
  const ratio = figure.value !== null && reference?.value ? figure.value / reference.value : null;
  return { id, scenario, figure, reference, ratio, target, met: judge(target, figure.value, ratio) };
}

function judge(target: Target, value: number | null, ratio: number | null): boolean | null {
  switch (target.kind) {
    case 'ratio-min':
      return ratio === null ? null : ratio >= target.min;
    case 'ratio-max':
      return ratio === null ? null : ratio <= target.max;
    case 'min':
      return value === null ? null : value >= target.min;
    case 'max':
      return value === null ? null : value < target.max;
  }
}

export function targetText(target: Target): string {
  switch (target.kind) {
    case 'ratio-min':
      return `>= ${target.min}x ref`;
    case 'ratio-max':
      return `<= ${target.max}x ref`;
    case 'min':
      return `>= ${target.min.toLocaleString('en-US')} ${target.unit}`;
    case 'max':
      return `< ${target.max.toLocaleString('en-US')} ${target.unit}`;
  }
}

/** The id is met when every one of its rows is; null when none was measured. */
export function overallMet(rows: Row[]): boolean | null {
  if (rows.some((r) => r.met === false)) return false;
  return rows.length > 0 && rows.every((r) => r.met === true) ? true : null;
}

export function machine(): Record<string, unknown> {
  const cores = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
  };
}

/** bench/results.json: for each id the main figure, its reference, the ratio, the target and whether it is met. */
export function writeResults(file: string, settings: BenchSettings, results: BenchResult[], extra: Record<string, unknown>): void {
  const byId: Record<string, unknown> = {};
  for (const result of results) {
    const main = result.rows[0] ?? null;
    byId[result.id] = {
      figure: main?.figure ?? null,
      reference: main?.reference ?? null,
      ratio: main?.ratio ?? null,
      target: main ? targetText(main.target) : null,
      met: overallMet(result.rows),
      ...(result.skipped ? { skipped: result.skipped } : {}),
      rows: result.rows.map((r) => ({ ...r, target: targetText(r.target), targetSpec: r.target })),
      details: result.details,
      notes: result.notes,
      seconds: round(result.seconds, 1),
    };
  }
  const document = {
    generatedAt: new Date().toISOString(),
    quick: settings.quick,
    machine: machine(),
    settings: { ...settings, resultsFile: undefined },
    ...extra,
    results: byId,
  };
  writeFileSync(file, `${JSON.stringify(document, (_key, value: unknown) => (typeof value === 'number' ? tidy(value) : value), 2)}\n`);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Enough digits to read, not float noise: 12345.678 -> 12345.7, 0.123456 -> 0.1235. */
function tidy(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Math.abs(value) >= 100 ? round(value, 1) : Number(value.toPrecision(4));
}
