import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Actor } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';

/**
 * Child process of the dossier bench (a fresh process, so its peak RSS is the render's own):
 *   dossier.child.ts <pdfkit|dossier> <case.json> <out.pdf>
 * Prints one line `RESULT {json}` with the render time and the memory.
 */

interface RenderDossier {
  (
    input: {
      records: StoredEvent[];
      asOf: string;
      lang: 'fr' | 'en';
      timezone: string;
      generatedAt: Date;
      generatedBy: Actor & { displayName?: string };
      signingKeyFingerprint: string;
      attachments?: (sha256: string) => Buffer | null;
    },
    out: NodeJS.WritableStream,
  ): Promise<void>;
}

const MB = 1024 * 1024;

/** The text a reader sees for each record: when, what, and every text field, then its hash. */
function recordText(record: StoredEvent): string {
  const lines = [`${record.metadata.recordedAt} — ${record.type} (révision ${record.revision})`];
  for (const [key, value] of Object.entries(record.data)) {
    if (typeof value === 'string') lines.push(`${key} : ${value}`);
    else if (Array.isArray(value)) lines.push(`${key} : ${value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`);
    else if (value !== null && value !== undefined) lines.push(`${key} : ${JSON.stringify(value)}`);
  }
  lines.push(`SHA-256 : ${record.hash}`);
  return lines.join('\n');
}

function fontPath(): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
}

/** Bare pdfkit: A4, embedded DejaVu, the text of every record, one paragraph each. */
function renderBare(records: StoredEvent[], out: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, font: fontPath() });
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    doc.fontSize(16).text(`Dossier — ${String(records[0]?.data.title ?? '')}`);
    doc.fontSize(9);
    for (const record of records) doc.moveDown(0.5).text(recordText(record));
    doc.end();
  });
}

async function main(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  const parsed = JSON.parse(readFileSync(input, 'utf8')) as { records: StoredEvent[]; owner: Actor };
  const { records, owner } = parsed;
  let render: (out: NodeJS.WritableStream) => Promise<void>;
  if (mode === 'pdfkit') {
    render = (out) => renderBare(records, out);
  } else if (mode === 'dossier') {
    // The compiled library when the bench gives it (what the service runs), else the sources.
    const spec = process.env.MC_DOSSIER_MODULE ?? '@mc/dossier';
    const { renderDossier } = (await import(spec)) as { renderDossier: RenderDossier };
    const last = records[records.length - 1];
    render = (out) =>
      renderDossier(
        {
          records,
          asOf: last.metadata.recordedAt,
          lang: 'fr',
          timezone: 'Europe/Paris',
          generatedAt: new Date(last.metadata.recordedAt),
          generatedBy: { ...owner, displayName: 'Agent du banc' },
          signingKeyFingerprint: 'a'.repeat(64),
          attachments: () => null,
        },
        out,
      );
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baselineMB = process.memoryUsage.rss() / MB;
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const out = createWriteStream(output);
  const start = performance.now();
  await render(out);
  if (!out.writableFinished) await new Promise<void>((resolve) => out.on('finish', () => resolve()));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  const maxRssMB = peakRssMB();
  const pdf = readFileSync(output);
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  process.stdout.write(
    `RESULT ${JSON.stringify({ mode, records: records.length, seconds, baselineMB, sampledPeakMB: peak / MB, maxRssMB, bytes: pdf.length, pages })}\n`,
  );
}

/**
 * The true peak of this process, including what the timer could not see: VmHWM, the high-water
 * mark of the memory this program mapped. Not getrusage's ru_maxrss (process.resourceUsage):
 * Linux carries it over exec from the process that was forked, so a child spawned by a large
 * parent reported the parent's size (433 MB in a full run where this child peaked at 231 MB).
 */
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
