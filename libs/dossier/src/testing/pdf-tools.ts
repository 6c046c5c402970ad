import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { renderDossier } from '../render-dossier';
import type { DossierInput } from '../dossier-input';

/** Renders into memory (tests only: the renderer itself streams). */
export async function renderToBuffer(input: DossierInput): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderDossier(input, sink);
  return Buffer.concat(chunks);
}

/** A PDF written to a temporary directory, for the poppler and qpdf command-line tools. */
export class PdfFile {
  readonly path: string;
  private readonly dir: string;

  constructor(readonly bytes: Buffer) {
    this.dir = mkdtempSync(join(tmpdir(), 'dossier-'));
    this.path = join(this.dir, 'dossier.pdf');
    writeFileSync(this.path, bytes);
  }

  run(command: string, args: string[]): string {
    return execFileSync(command, args, { encoding: 'utf8' });
  }

  /** Text of every page in its physical layout (a label stays beside its value), pages separated by form feeds. */
  text(): string {
    return this.run('pdftotext', ['-layout', '-enc', 'UTF-8', this.path, '-']);
  }

  pages(): string[] {
    return this.text().split('\f').slice(0, this.pageCount());
  }

  info(): Record<string, string> {
    const info: Record<string, string> = {};
    for (const line of this.run('pdfinfo', ['-enc', 'UTF-8', this.path]).split('\n')) {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      if (match) info[match[1]!] = match[2]!;
    }
    return info;
  }

  pageCount(): number {
    return Number(this.info().Pages);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every run of white space (no-break spaces and line ends included) as one space. */
export function flat(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** The PDF outline as nested titles, read with pdfjs-dist. */
export async function outlineOf(bytes: Buffer): Promise<OutlineNode[]> {
  // pdfjs warns on load that it cannot polyfill canvas, which reading an outline does not need.
  const log = console.log;
  console.log = () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
    getDocument(src: { data: Uint8Array; verbosity?: number }): { promise: Promise<{ getOutline(): Promise<OutlineNode[] | null>; destroy(): Promise<void> }> };
  };
  console.log = log;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const strip = (nodes: OutlineNode[]): OutlineNode[] => nodes.map((n) => ({ title: n.title, items: strip(n.items ?? []) }));
    return strip((await doc.getOutline()) ?? []);
  } finally {
    await doc.destroy();
  }
}
