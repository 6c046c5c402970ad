import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { DossierFonts } from './fonts';
import { PAGE } from './layout';
import { compactLayoutCaches } from './layout-cache';
import { writePagesAsTheyFill } from './page-streams';

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  /** Also the file identifier's seed: a fixed date gives byte-identical output. */
  creationDate: Date;
  lang: string;
}

/**
 * A4 document with embedded DejaVu fonts, buffered pages (for "Page X / Y") whose content is written
 * out as they fill (page-streams.ts), and the given metadata.
 */
export function createDocument(meta: DocumentMetadata, fonts: DossierFonts): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Main courante',
      CreationDate: meta.creationDate,
      ModDate: meta.creationDate,
    },
  });
  for (const path of [fonts.regular, fonts.bold, fonts.mono, fonts.fallback]) if (path !== undefined) doc.registerFont(path, path);
  writePagesAsTheyFill(doc);
  compactLayoutCaches(doc);
  return doc;
}

/**
 * Whatever the document holds, handed to `out` in one write: piped, pdfkit's many small chunks
 * would move at most some 16 KB per turn of the event loop, too slow for pages written as they fill.
 */
async function* batches(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) yield chunk;
}

/**
 * Streams `doc` to `out` while `draw` fills it, then ends it. Resolves once `out` has taken every
 * byte; if drawing fails the document is destroyed and the error rethrown.
 */
export async function streamDocument(doc: PDFKit.PDFDocument, out: NodeJS.WritableStream, draw: () => void | Promise<void>): Promise<void> {
  const written = pipeline(doc, batches, out);
  try {
    await draw();
    doc.end();
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    await written.catch(() => undefined);
    throw error;
  }
  await written;
}
