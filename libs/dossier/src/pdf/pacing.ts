import type { Readable } from 'node:stream';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a tick leaves unread in the document's output, at most. */
const DRAINED = 64 * 1024;

/**
 * Lets the event loop run every `every` items: a dossier of thousands of entries takes seconds to
 * lay out, and the server answering other requests meanwhile matters more than those seconds.
 * Given the document, a tick also waits until its consumer has taken what was written so far, as
 * pages are written out while the text flows (page-streams.ts).
 */
export class Pacer {
  private count = 0;

  constructor(
    private readonly output?: PDFKit.PDFDocument,
    private readonly every = 200,
  ) {}

  async tick(): Promise<void> {
    this.count += 1;
    if (this.count % this.every !== 0) return;
    await nextTurn();
    if (this.output) await drained(this.output, DRAINED);
  }
}

/** Waits until the consumer has taken what the document wrote, so large attachments do not pile up in memory. */
export async function drained(doc: PDFKit.PDFDocument, highWaterMark = 1 << 20): Promise<void> {
  const readable = doc as unknown as Readable;
  while (readable.readableLength > highWaterMark && !readable.destroyed) await later(2);
}
