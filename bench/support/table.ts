import { overallMet, targetText, type BenchResult, type Figure, type Row } from './results';

/** 12345.6 -> "12,346"; 12.345 -> "12.3"; 0.1234 -> "0.123". */
export function num(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fig(f: Figure | null): string {
  if (!f) return '-';
  if (f.value === null) return `${f.label}: n/a`;
  return `${num(f.value)} ${f.unit}`.trim();
}

const ratioText = (r: Row): string => (r.ratio === null ? '-' : `${num(r.ratio)}x`);
const metText = (m: boolean | null): string => (m === null ? 'n/a' : m ? 'yes' : 'NO');

function render(headers: string[], lines: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [fmt(headers), sep, ...lines.map(fmt)].join('\n');
}

/** The table of the issue: id, figure, reference, ratio, target, met? (one line per row of each bench). */
export function resultTable(results: BenchResult[]): string {
  const lines: string[][] = [];
  for (const result of results) {
    if (result.rows.length === 0) {
      lines.push([result.id, 'skipped', '-', '-', '-', 'n/a']);
      continue;
    }
    for (const r of result.rows) {
      const figure = r.figure.value === null ? 'not measured' : `${fig(r.figure)} (${r.figure.label})`;
      const reference = r.reference ? `${fig(r.reference)} (${r.reference.label})` : '-';
      lines.push([`${r.id} ${r.scenario}`.trim(), figure, reference, ratioText(r), targetText(r.target), metText(r.met)]);
    }
  }
  return render(['id', 'figure', 'reference (same run)', 'ratio', 'target', 'met?'], lines);
}

export function summaryLine(results: BenchResult[]): string {
  return results.map((r) => `${r.id}: ${r.skipped && r.rows.every((x) => x.met === null) ? 'skipped' : metText(overallMet(r.rows))}`).join(', ');
}

export function log(id: string, message: string): void {
  process.stdout.write(`[${id}] ${message}\n`);
}
