import { deflateSync } from 'node:zlib';

/**
 * Pages stay buffered until the document ends (bufferPages, for "Page X / Y"). Left to pdfkit, a
 * buffered page keeps everything drawn on it uncompressed until then (20 KB a page: 70 MB for the
 * 3,500 pages of a 10,000-entry case), and doc.end() compresses them all in one synchronous burst,
 * each into its own 16 KB zlib buffer, with no chance for the output to drain (another 70 MB).
 *
 * So each page's content is split in two streams, /Contents [drawn, later], which a reader joins
 * into the very same content: when the next page starts, what was drawn on the page is compressed
 * and written out at once (drawn); the page keeps an empty stream for what is drawn on it later
 * (running header, page number), compressed to its exact size by sealLaterContent.
 */

/** The part of pdfkit 0.20's stream object (PDFReference) that compressNow reaches into. */
interface StreamInternals {
  buffer?: unknown;
  compress?: unknown;
  data?: Record<string, unknown>;
}

/**
 * Compresses a stream's chunks now, into a buffer of the exact size (zlib's own output sits in
 * 16 KB buffers), and tells pdfkit not to compress them again. Does nothing when pdfkit's stream
 * object is not as expected (another pdfkit version): pdfkit then compresses it itself.
 */
function compressNow(stream: PDFKit.PDFKitReference): void {
  const internals = stream as unknown as StreamInternals;
  const chunks = internals.buffer;
  if (internals.compress !== true || !internals.data || !Array.isArray(chunks)) return;
  if (!chunks.every((chunk) => chunk instanceof Uint8Array)) return;
  internals.buffer = [new Uint8Array(deflateSync(Buffer.concat(chunks as Uint8Array[])))];
  internals.compress = false;
  internals.data.Filter = 'FlateDecode';
}

function splitFilledPage(doc: PDFKit.PDFDocument, page: PDFKit.PDFPage): void {
  const dictionary = page.dictionary.data as { Contents?: unknown };
  const drawn = page.content;
  if (dictionary.Contents !== drawn) return;
  const later = doc.ref({});
  page.content = later;
  dictionary.Contents = [drawn, later];
  compressNow(drawn);
  drawn.end(undefined);
}

/** Writes out each page's content when the next page starts; what is drawn on it afterwards stays buffered. */
export function writePagesAsTheyFill(doc: PDFKit.PDFDocument): void {
  let current = doc.page;
  doc.on('pageAdded', () => {
    if (current) splitFilledPage(doc, current);
    current = doc.page;
  });
}

/** Compresses what was drawn on a page after its content was written out: doc.end() then writes a few hundred bytes a page. */
export function sealLaterContent(page: PDFKit.PDFPage): void {
  compressNow(page.content);
}
