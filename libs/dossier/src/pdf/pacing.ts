import type { Readable } from 'node:stream';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lets the event loop run every `every` items: a dossier of thousands of entries takes seconds to
 * lay out, and the server answering other requests meanwhile matters more than those seconds.
 */
export class Pacer {
  private count = 0;

  constructor(private readonly every = 200) {}

  async tick(): Promise<void> {
    this.count += 1;
    if (this.count % this.every === 0) await nextTurn();
  }
}

/** Waits until the consumer has taken what the document wrote, so large attachments do not pile up in memory. */
export async function drained(doc: PDFKit.PDFDocument, highWaterMark = 1 << 20): Promise<void> {
  const readable = doc as unknown as Readable;
  while (readable.readableLength > highWaterMark && !readable.destroyed) await later(2);
}
